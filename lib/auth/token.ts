/** Personal API tokens: random, shown once, stored only as a SHA-256 hash. */
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'fgc_';

/** A new token and what to store of it (its hash and a short prefix for display). */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = PREFIX + randomBytes(24).toString('base64url');
  return { token, hash: hashApiToken(token), prefix: token.slice(0, PREFIX.length + 6) };
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token in an `Authorization: Bearer …` header value, or null. */
export function bearerToken(header: string | null): string | null {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return m && m[1].startsWith(PREFIX) ? m[1] : null;
}
