/**
 * The Content-Security-Policy of the app's pages. Scripts run only when they carry the nonce
 * of the request ('strict-dynamic' lets a nonced script load the chunks it needs); Next reads
 * the nonce from the policy on the request (proxy.ts puts it there) and gives it to its own
 * inline bootstrap scripts. So there is no 'unsafe-inline' for scripts, and no 'unsafe-eval'
 * outside development (React's dev build uses eval for its error overlays).
 *
 * Styles keep 'unsafe-inline': the server-rendered pages carry `style` attributes (code
 * colours, stripe offsets), which a nonce cannot cover — adding a nonce to style-src would
 * make browsers ignore 'unsafe-inline' and block them. An injected style can restyle a page
 * but not run code.
 */

/** A fresh nonce: 128 random bits, base64. One per request; never reused. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for a page answered with `nonce`; without one (static files, API answers —
 * nothing there runs inline), scripts only from this origin.
 */
export function contentSecurityPolicy(options: { nonce?: string; dev?: boolean } = {}): string {
  const script = ["'self'"];
  if (options.nonce) script.push(`'nonce-${options.nonce}'`, "'strict-dynamic'");
  if (options.dev) script.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
