/**
 * Sign-in throttling: failures are counted per key (the email tried, and the client
 * address). After MAX_FAILURES within WINDOW_MS the key is locked for a period that
 * doubles with each further failure. Unknown emails are counted exactly like known ones,
 * so the throttle reveals nothing about which accounts exist.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { signInFailures } from '../schema';

export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;

/** Milliseconds the key stays locked, or 0 when it may try now. */
export function lockedFor(db: Db, key: string, now = Date.now()): number {
  const row = db.select().from(signInFailures).where(eq(signInFailures.key, key)).get();
  if (!row?.lockedUntil) return 0;
  return Math.max(0, row.lockedUntil - now);
}

export function recordFailure(db: Db, key: string, now = Date.now()): void {
  db.transaction((tx) => {
    const row = tx.select().from(signInFailures).where(eq(signInFailures.key, key)).get();
    if (!row || now - row.firstAt > WINDOW_MS) {
      tx.insert(signInFailures)
        .values({ key, count: 1, firstAt: now, lockedUntil: null })
        .onConflictDoUpdate({ target: signInFailures.key, set: { count: 1, firstAt: now, lockedUntil: null } })
        .run();
      return;
    }
    const count = row.count + 1;
    const lockedUntil =
      count >= MAX_FAILURES
        ? now + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (count - MAX_FAILURES))
        : row.lockedUntil;
    tx.update(signInFailures).set({ count, lockedUntil }).where(eq(signInFailures.key, key)).run();
  });
}

export function clearFailures(db: Db, key: string): void {
  db.delete(signInFailures).where(eq(signInFailures.key, key)).run();
}
