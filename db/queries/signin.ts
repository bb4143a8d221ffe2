/**
 * Sign-in throttling that nobody can turn against someone else:
 *
 * - per (email, client address): MAX_FAILURES failures within WINDOW_MS lock that pair for a
 *   minute, doubling with each further failure up to an hour. Only that pair: five wrong
 *   passwords from one address never stop the owner signing in from theirs.
 * - per email, from every address together: from the MAX_FAILURES-th failure within the
 *   window on, an attempt from an address the email never signed in from must wait
 *   1 s × 2^(failures − MAX_FAILURES), at most MAX_SLOWDOWN_MS, after the latest failure —
 *   a slowdown, not a lock: guessing one account from many addresses gets one try a minute,
 *   while addresses the owner signed in from before are not slowed at all.
 *
 * - per client address, whatever emails it tries: `takeAddressAttempt`.
 *
 * Unknown emails are counted exactly like known ones, so the throttle reveals nothing about
 * which accounts exist. All of it lives in the database, so that several app servers share
 * it. `pruneSignIn` drops what has expired.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady, transaction } from '../transaction';
import { signInAddresses, signInFailures } from '../schema';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;
export const MAX_SLOWDOWN_MS = 60_000;
/** How long a successful address stays exempt from the per-email slowdown. */
export const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60_000;

const pairKey = (email: string, address: string | null) => `pair:${email} ${address ?? '-'}`;
const emailKey = (email: string) => `email:${email}`;
const addressKey = (address: string) => `addr:${address}`;
const MINUTE_MS = 60_000;

function row(db: Db, key: string) {
  return db.select().from(signInFailures).where(eq(signInFailures.key, key)).get();
}

/** Milliseconds the key stays locked, or 0 when it may try now. */
export async function lockedFor(db: Db, key: string, now = Date.now()): Promise<number> {
  await dbReady(db);
  const r = row(db, key);
  if (!r?.lockedUntil) return 0;
  return Math.max(0, r.lockedUntil - now);
}

function isKnownAddress(db: Db, email: string, address: string | null, now: number): boolean {
  if (!address) return false;
  const r = db.select().from(signInAddresses).where(and(eq(signInAddresses.email, email), eq(signInAddresses.address, address))).get();
  return r !== undefined && now - r.lastAt < KNOWN_ADDRESS_MS;
}

/** Milliseconds until this email may be tried from this address, or 0 for now. */
export async function signInWait(db: Db, email: string, address: string | null, now = Date.now()): Promise<number> {
  await dbReady(db);
  const pair = await lockedFor(db, pairKey(email, address), now);
  if (pair > 0) return pair;
  const e = row(db, emailKey(email));
  if (!e || now - e.firstAt > WINDOW_MS || e.count < MAX_FAILURES) return 0;
  if (isKnownAddress(db, email, address, now)) return 0;
  const slowdown = Math.min(MAX_SLOWDOWN_MS, 1000 * 2 ** (e.count - MAX_FAILURES));
  return Math.max(0, (e.lastAt ?? e.firstAt) + slowdown - now);
}

function countFailure(db: Db, key: string, now: number, lock: boolean): void {
  const r = row(db, key);
  if (!r || now - r.firstAt > WINDOW_MS) {
    db.insert(signInFailures)
      .values({ key, count: 1, firstAt: now, lockedUntil: null, lastAt: now })
      .onConflictDoUpdate({ target: signInFailures.key, set: { count: 1, firstAt: now, lockedUntil: null, lastAt: now } })
      .run();
    return;
  }
  const count = r.count + 1;
  const lockedUntil = lock && count >= MAX_FAILURES ? now + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (count - MAX_FAILURES)) : r.lockedUntil;
  db.update(signInFailures).set({ count, lockedUntil, lastAt: now }).where(eq(signInFailures.key, key)).run();
}

/**
 * Takes one attempt from the address's allowance of `perMinute` a minute; false when it has
 * none left. A generic cell rate limiter in one statement, so that concurrent attempts on
 * several app servers cannot both take the last one: `last_at` holds the theoretical arrival
 * time (when the allowance is whole again, at most a minute ahead), each attempt moves it one
 * cost on, and an attempt that would move it past a minute ahead is refused — recorded by
 * setting `locked_until`, which the statement returns.
 */
export async function takeAddressAttempt(db: Db, address: string, perMinute: number, now = Date.now()): Promise<boolean> {
  if (!(perMinute > 0)) return false;
  await dbReady(db);
  const cost = Math.ceil(MINUTE_MS / perMinute);
  const burst = Math.max(MINUTE_MS, cost);
  const next = sql`max(coalesce(${signInFailures.lastAt}, 0), ${now}) + ${cost}`;
  const fits = sql`${next} <= ${now + burst}`;
  const r = db
    .insert(signInFailures)
    .values({ key: addressKey(address), count: 1, firstAt: now, lockedUntil: null, lastAt: now + cost })
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: {
        count: sql`${signInFailures.count} + 1`,
        lockedUntil: sql`case when ${fits} then null else ${now} end`,
        lastAt: sql`case when ${fits} then ${next} else ${signInFailures.lastAt} end`,
      },
    })
    .returning({ refusedAt: signInFailures.lockedUntil })
    .get();
  return r?.refusedAt == null;
}

/** A wrong password (or an unknown email, or a disabled account) for this email from this address. */
export async function recordSignInFailure(db: Db, email: string, address: string | null, now = Date.now()): Promise<void> {
  await transaction(db, async (tx) => {
    countFailure(tx, pairKey(email, address), now, true);
    countFailure(tx, emailKey(email), now, false);
  });
}

/**
 * A successful sign-in: the pair's count is cleared and the address remembered as the
 * owner's. The email's count is left to expire — only the owner can clear it by signing in,
 * and doing so must not give a guesser a fresh set of quick tries.
 */
export async function recordSignInSuccess(db: Db, email: string, address: string | null, now = Date.now()): Promise<void> {
  await transaction(db, async (tx) => {
    tx.delete(signInFailures).where(eq(signInFailures.key, pairKey(email, address))).run();
    if (address) {
      tx.insert(signInAddresses).values({ email, address, lastAt: now }).onConflictDoUpdate({ target: [signInAddresses.email, signInAddresses.address], set: { lastAt: now } }).run();
    }
  });
}

/** Deletes expired counts (window passed, no lock in force) and addresses not used for 90 days. */
export async function pruneSignIn(db: Db, now = Date.now()): Promise<number> {
  await dbReady(db);
  const failures = db
    .delete(signInFailures)
    .where(and(sql`coalesce(${signInFailures.lockedUntil}, 0) <= ${now}`, sql`max(${signInFailures.firstAt}, coalesce(${signInFailures.lastAt}, 0)) < ${now - WINDOW_MS}`))
    .run().changes;
  const addresses = db.delete(signInAddresses).where(lt(signInAddresses.lastAt, now - KNOWN_ADDRESS_MS)).run().changes;
  return failures + addresses;
}
