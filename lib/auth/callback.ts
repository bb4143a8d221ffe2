/**
 * Where the browser may be sent after signing in (or out): a path on this site, never another
 * site. The `callbackUrl` of the sign-in link is the attacker's to choose, and browsers read
 * more strings as "another host" than a plain `startsWith('/')` check sees: `//evil.example`,
 * `/\evil.example` (a backslash counts as a slash), `/<tab>/evil.example` (tabs and newlines are
 * dropped), and their percent-encoded forms once something on the way decodes them.
 */

const FALLBACK = '/';
/** A longer callback is no link the app makes; refusing it bounds the work below. */
const MAX_LENGTH = 2000;
/** Any control character or whitespace; browsers drop or reinterpret them in URLs. */
const CONTROL_OR_SPACE_CLASS = '[\\u0000-\\u0020\\u007f-\\u009f\\u00a0\\u1680\\u2000-\\u200f\\u2028-\\u202f\\u205f\\u3000\\ufeff]';
const CONTROL_OR_SPACE = new RegExp(CONTROL_OR_SPACE_CLASS);
const CONTROL_OR_SPACE_ALL = new RegExp(CONTROL_OR_SPACE_CLASS, 'g');
/** A path that a browser reads as naming another host: `//host`, `/\\host`, `\\host`. */
const LEAVES_SITE = /^[\\/][\\/]/;

/**
 * `raw` when it is a same-origin path (`/projects/3?tab=x`), else `/`. With `origin` (the
 * app's own, e.g. `http://localhost:3000`), an absolute URL on exactly that origin is also
 * accepted and returned as its path. Everything else — another origin, a protocol-relative
 * `//host`, a backslash anywhere, a control character or whitespace, a `javascript:` or other
 * scheme, malformed percent-encoding, or a path that decodes to any of those — gives `/`.
 */
export function safeCallbackPath(raw: unknown, origin?: string): string {
  if (typeof raw !== 'string' || raw === '' || raw.length > MAX_LENGTH) return FALLBACK;
  let candidate = raw;
  if (origin && !raw.startsWith('/')) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return FALLBACK;
    }
    if (url.origin === 'null' || url.origin !== safeOrigin(origin)) return FALLBACK;
    candidate = url.pathname + url.search + url.hash;
  }
  return isLocalPath(candidate) ? candidate : FALLBACK;
}

function isLocalPath(path: string): boolean {
  // As given: a path, not starting `//`, no backslash anywhere, no control character or
  // whitespace (a browser would drop a tab and read `/\t/host` as `//host`).
  if (!path.startsWith('/') || path.includes('\\') || CONTROL_OR_SPACE.test(path) || LEAVES_SITE.test(path)) return false;
  // As it reads once or twice percent-decoded (by a proxy, a framework, a later redirect):
  // still no `//host` or `/\host` at its start, even with control characters dropped.
  let form = path;
  for (let round = 0; round < 3; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(form);
    } catch {
      return false;
    }
    if (decoded === form) break;
    if (LEAVES_SITE.test(decoded.replace(CONTROL_OR_SPACE_ALL, ''))) return false;
    form = decoded;
  }
  // Last, what a URL parser makes of it against a placeholder origin must stay on it.
  const base = 'http://callback.invalid';
  try {
    return new URL(path, base).origin === base;
  } catch {
    return false;
  }
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
