/**
 * The limits of sign-in before any password is checked: attempts per client address
 * (SIGNIN_PER_ADDRESS per minute, default 30, counted in the database), and the delay with
 * which a refused attempt is answered (SIGNIN_THROTTLE_DELAY_MS, default 1000), so that a
 * client hammering the endpoint waits instead of making the server work. The global limit
 * on password checks at once is the worker pool's (server/edge/password-worker.ts).
 */
import type { Db } from '@/db/client';
import { takeAddressAttempt } from '@/db/queries/signin';

function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(v) && v >= 0 ? v : fallback;
}

/** Takes one attempt from the address's allowance (kept in the database, shared by every app server). */
export function takeAttempt(db: Db, address: string | null, now = Date.now()): Promise<boolean> {
  if (!address) return Promise.resolve(true);
  return takeAddressAttempt(db, address, envNumber('SIGNIN_PER_ADDRESS', 30), now);
}

/** Waits before a refusal is answered. */
export function tarpit(): Promise<void> {
  const ms = envNumber('SIGNIN_THROTTLE_DELAY_MS', 1000);
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
