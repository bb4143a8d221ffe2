import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from './csp';

function directive(policy: string, name: string): string {
  return policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
}

describe('contentSecurityPolicy', () => {
  it('lets scripts run only with the request nonce, never inline or eval in production', () => {
    const nonce = newNonce();
    const script = directive(contentSecurityPolicy({ nonce }), 'script-src');
    expect(script).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(script).not.toContain('unsafe');
  });

  it('allows eval only in development', () => {
    expect(directive(contentSecurityPolicy({ nonce: 'n', dev: true }), 'script-src')).toContain("'unsafe-eval'");
  });

  it('without a nonce allows scripts from this origin only', () => {
    expect(directive(contentSecurityPolicy(), 'script-src')).toBe("script-src 'self'");
  });

  it('keeps inline styles (style attributes) and puts no nonce in style-src, which would disable them', () => {
    expect(directive(contentSecurityPolicy({ nonce: 'abc' }), 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
  });

  it('keeps the rest of the hardening: no plugins, no framing, no foreign base or form target', () => {
    const p = contentSecurityPolicy({ nonce: 'abc' });
    for (const d of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'"]) expect(p).toContain(d);
  });
});

describe('newNonce', () => {
  it('is 128 bits of base64, different every time', () => {
    const seen = new Set(Array.from({ length: 100 }, newNonce));
    expect(seen.size).toBe(100);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('next.config.mjs', () => {
  it('sets, on what proxy.ts does not answer, the nonce-less policy', async () => {
    // @ts-expect-error next.config.mjs is JavaScript, without types
    const { default: nextConfig } = await import('@/next.config.mjs');
    const rules = await nextConfig.headers();
    const csp = rules.flatMap((r: { headers: Array<{ key: string; value: string }> }) => r.headers).find((h: { key: string }) => h.key === 'Content-Security-Policy');
    expect(csp?.value).toBe(contentSecurityPolicy());
  });
});
