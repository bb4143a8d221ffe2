/** Sign-in throttling on a real database: when a key locks, for how long, and what clears it. */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing';
import { signInFailures } from '../schema';
import { clearFailures, lockedFor, MAX_FAILURES, recordFailure } from './signin';

const ctx = openTestDatabase();
afterAll(() => ctx.close());
beforeEach(() => {
  ctx.db.delete(signInFailures).run();
});

const T0 = Date.parse('2024-11-20T10:00:00Z');
const MINUTE = 60_000;

describe('sign-in throttling', () => {
  it('locks a key at the fifth failure within the window, for one minute', () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) recordFailure(ctx.db, 'email:a@test.kz', T0 + i * 1000);
    expect(lockedFor(ctx.db, 'email:a@test.kz', T0 + 5000)).toBe(0);
    recordFailure(ctx.db, 'email:a@test.kz', T0 + 5000);
    expect(lockedFor(ctx.db, 'email:a@test.kz', T0 + 5000)).toBe(MINUTE);
    expect(lockedFor(ctx.db, 'email:a@test.kz', T0 + 5000 + MINUTE)).toBe(0);
    // other keys are untouched
    expect(lockedFor(ctx.db, 'email:b@test.kz', T0 + 5000)).toBe(0);
  });

  it('doubles the lock with each further failure, up to an hour', () => {
    let t = T0;
    for (let i = 0; i < MAX_FAILURES; i++) recordFailure(ctx.db, 'ip:203.0.113.7', (t += 1000));
    const locks = [lockedFor(ctx.db, 'ip:203.0.113.7', t)];
    for (let i = 0; i < 8; i++) {
      recordFailure(ctx.db, 'ip:203.0.113.7', (t += 1000));
      locks.push(lockedFor(ctx.db, 'ip:203.0.113.7', t));
    }
    expect(locks.map((l) => l / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('starts counting again once the window (15 minutes) has passed', () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) recordFailure(ctx.db, 'email:a@test.kz', T0 + i);
    recordFailure(ctx.db, 'email:a@test.kz', T0 + 16 * MINUTE);
    expect(lockedFor(ctx.db, 'email:a@test.kz', T0 + 16 * MINUTE)).toBe(0);
    expect(ctx.db.select().from(signInFailures).get()?.count).toBe(1);
  });

  it('clears a key, lock and count, on success', () => {
    for (let i = 0; i < MAX_FAILURES + 2; i++) recordFailure(ctx.db, 'email:a@test.kz', T0 + i);
    expect(lockedFor(ctx.db, 'email:a@test.kz', T0 + 10)).toBeGreaterThan(0);
    clearFailures(ctx.db, 'email:a@test.kz');
    expect(lockedFor(ctx.db, 'email:a@test.kz', T0 + 10)).toBe(0);
    recordFailure(ctx.db, 'email:a@test.kz', T0 + 20);
    expect(ctx.db.select().from(signInFailures).get()?.count).toBe(1);
  });
});
