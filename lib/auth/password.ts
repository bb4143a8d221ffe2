/**
 * Password hashing and the password policy.
 *
 * Hash formats, told apart by their prefix:
 * - `$fgc2$<bcrypt>` (current): bcrypt (cost 10) of base64(HMAC-SHA-256(NFC(password))). bcrypt
 *   reads at most 72 bytes — 36 Cyrillic letters — so the password is pre-hashed to 44 ASCII
 *   characters first, and every character of it counts.
 * - `$2a$`/`$2b$…` (legacy): bcrypt of the password itself; still verified, and replaced by
 *   the current format at the next successful sign-in.
 *
 * The bcrypt work itself is a parameter (`BcryptOps`), so the server runs it off the main
 * thread (server/edge/password-worker.ts) while scripts and tests use it in-process.
 */
import { createHmac } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { DomainError } from '../errors';
import { isCommonPassword } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
export const BCRYPT_ROUNDS = 10;
const V2 = '$fgc2$';
/** Not a secret: it only makes the pre-hash specific to this app. */
const PREHASH_KEY = 'fgcoder password v2';

/** Characters as a person counts them (code points), not UTF-16 units. */
function characters(s: string): number {
  return [...s].length;
}

/** A reason the password is unacceptable, or null when it is fine. */
export function passwordProblem(password: string, email?: string): DomainError | null {
  const n = characters(password);
  if (n < MIN_PASSWORD_LENGTH) return new DomainError('password.too_short', { min: MIN_PASSWORD_LENGTH });
  if (n > MAX_PASSWORD_LENGTH) return new DomainError('password.too_long', { max: MAX_PASSWORD_LENGTH });
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return new DomainError('password.is_email');
  if (isCommonPassword(password)) return new DomainError('password.common');
  return null;
}

/** What bcrypt is given for a current-format hash: 44 ASCII characters however long the password. */
export function prehash(password: string): string {
  return createHmac('sha256', PREHASH_KEY).update(password.normalize('NFC'), 'utf8').digest('base64');
}

/** The bcrypt operations; in-process by default. */
export interface BcryptOps {
  hash(input: string, rounds: number): Promise<string>;
  compare(input: string, bcryptHash: string): Promise<boolean>;
}

export const inProcessBcrypt: BcryptOps = {
  hash: (input, rounds) => bcrypt.hash(input, rounds),
  compare: (input, hash) => bcrypt.compare(input, hash),
};

/** A current-format hash, synchronously (scripts, the demo seed, tests). */
export function hashPassword(password: string): string {
  return V2 + bcrypt.hashSync(prehash(password), BCRYPT_ROUNDS);
}

export async function hashPasswordAsync(password: string, ops: BcryptOps = inProcessBcrypt): Promise<string> {
  return V2 + (await ops.hash(prehash(password), BCRYPT_ROUNDS));
}

/** What to hand bcrypt to check `password` against `stored`, by the stored format. */
function comparison(password: string, stored: string): { input: string; hash: string } {
  return stored.startsWith(V2) ? { input: prehash(password), hash: stored.slice(V2.length) } : { input: password, hash: stored };
}

/** Synchronous check (scripts and tests). */
export function verifyPassword(password: string, stored: string): boolean {
  const { input, hash } = comparison(password, stored);
  return bcrypt.compareSync(input, hash);
}

export async function verifyPasswordAsync(password: string, stored: string, ops: BcryptOps = inProcessBcrypt): Promise<boolean> {
  const { input, hash } = comparison(password, stored);
  try {
    return await ops.compare(input, hash);
  } catch {
    return false;
  }
}

/** True for a hash in an older format, to be replaced at the next successful sign-in. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(V2);
}
