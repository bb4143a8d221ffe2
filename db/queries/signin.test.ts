/** Sign-in throttling on a real database: per (email, address) locks, the per-email slowdown, the per-address limit, pruning. */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing';
import { signInAddresses, signInFailures } from '../schema';
import { openDatabase } from '../client';
import { KNOWN_ADDRESS_MS, MAX_FAILURES, MAX_SLOWDOWN_MS, pruneSignIn, recordSignInFailure, recordSignInSuccess, signInWait, takeAddressAttempt, WINDOW_MS } from './signin';

const ctx = openTestDatabase();
afterAll(() => ctx.close());
beforeEach(() => {
  ctx.db.delete(signInFailures).run();
  ctx.db.delete(signInAddresses).run();
});

const T0 = Date.parse('2024-11-20T10:00:00Z');
const MINUTE = 60_000;
const EMAIL = 'a@test.kz';

describe('per (email, address)', () => {
  it('locks the pair at the fifth failure within the window, for a minute, doubling up to an hour', async () => {
    let t = T0;
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordSignInFailure(ctx.db, EMAIL, '203.0.113.7', (t += 1000));
    await recordSignInSuccess(ctx.db, 'b@test.kz', '203.0.113.8', t); // unrelated
    expect(await signInWait(ctx.db, EMAIL, '203.0.113.7', t)).toBe(0);
    const locks: number[] = [];
    for (let i = 0; i < 8; i++) {
      await recordSignInFailure(ctx.db, EMAIL, '203.0.113.7', (t += 1000));
      locks.push(await signInWait(ctx.db, EMAIL, '203.0.113.7', t));
    }
    expect(locks.map((l) => l / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('five wrong passwords from another address do not stop the owner at their usual address', async () => {
    await recordSignInSuccess(ctx.db, EMAIL, '198.51.100.1', T0); // the owner signed in from here before
    let t = T0 + MINUTE;
    for (let i = 0; i < MAX_FAILURES + 3; i++) await recordSignInFailure(ctx.db, EMAIL, '203.0.113.66', (t += 100));
    expect(await signInWait(ctx.db, EMAIL, '203.0.113.66', t)).toBeGreaterThan(0);
    expect(await signInWait(ctx.db, EMAIL, '198.51.100.1', t)).toBe(0);
  });

  it('starts counting again once the window (15 minutes) has passed', async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordSignInFailure(ctx.db, EMAIL, 'x', T0 + i);
    await recordSignInFailure(ctx.db, EMAIL, 'x', T0 + 16 * MINUTE);
    expect(await signInWait(ctx.db, EMAIL, 'x', T0 + 16 * MINUTE)).toBe(0);
    expect(ctx.db.select().from(signInFailures).all().map((r) => r.count)).toEqual([1, 1]);
  });
});

describe('per email, from every address', () => {
  it('slows new addresses down after five failures — one try per 1, 2, 4 … s, at most a minute — and never locks', async () => {
    let t = T0;
    for (let i = 0; i < MAX_FAILURES; i++) await recordSignInFailure(ctx.db, EMAIL, `192.0.2.${i}`, (t += 10));
    // a sixth address, never used before, must wait a second after the latest failure
    expect(await signInWait(ctx.db, EMAIL, '192.0.2.200', t)).toBe(1000);
    expect(await signInWait(ctx.db, EMAIL, '192.0.2.200', t + 1000)).toBe(0);
    for (let i = 0; i < 20; i++) await recordSignInFailure(ctx.db, EMAIL, `192.0.2.${100 + i}`, (t += 10));
    expect(await signInWait(ctx.db, EMAIL, '192.0.2.201', t)).toBe(MAX_SLOWDOWN_MS);
    expect(await signInWait(ctx.db, EMAIL, '192.0.2.201', t + MAX_SLOWDOWN_MS)).toBe(0);
    // other emails are untouched
    expect(await signInWait(ctx.db, 'b@test.kz', '192.0.2.201', t)).toBe(0);
  });

  it('counts unknown emails exactly like known ones', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await recordSignInFailure(ctx.db, 'nobody@test.kz', `192.0.2.${i}`, T0);
    for (let i = 0; i < MAX_FAILURES; i++) await recordSignInFailure(ctx.db, EMAIL, `192.0.2.${i}`, T0);
    expect(await signInWait(ctx.db, 'nobody@test.kz', '192.0.2.99', T0)).toBe(await signInWait(ctx.db, EMAIL, '192.0.2.99', T0));
  });

  it('a success clears the pair, remembers the address for 90 days, and leaves the email count to expire', async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordSignInFailure(ctx.db, EMAIL, 'home', T0 + i);
    await recordSignInSuccess(ctx.db, EMAIL, 'home', T0 + 10);
    const keys = ctx.db.select().from(signInFailures).all().map((r) => r.key);
    expect(keys).toEqual([`email:${EMAIL}`]);
    for (let i = 0; i < MAX_FAILURES; i++) await recordSignInFailure(ctx.db, EMAIL, 'elsewhere', T0 + 20 + i);
    expect(await signInWait(ctx.db, EMAIL, 'home', T0 + 30)).toBe(0);
    expect(await signInWait(ctx.db, EMAIL, 'cafe', T0 + 30)).toBeGreaterThan(0);
  });
});

describe('per client address', () => {
  const take = (address: string, perMinute: number, at: number, db = ctx.db) => takeAddressAttempt(db, address, perMinute, at);

  it('allows perMinute attempts at once, then one each 60/perMinute seconds, whatever the emails', async () => {
    const burst = [];
    for (let i = 0; i < 7; i++) burst.push(await take('203.0.113.1', 6, T0 + i));
    expect(burst).toEqual([true, true, true, true, true, true, false]);
    expect(await take('203.0.113.2', 6, T0 + 10)).toBe(true); // another address has its own allowance
    // six a minute: one more 10 s after the allowance was spent, not before
    expect(await take('203.0.113.1', 6, T0 + 9_000)).toBe(false);
    expect(await take('203.0.113.1', 6, T0 + 10_000)).toBe(true);
    expect(await take('203.0.113.1', 6, T0 + 10_001)).toBe(false);
    // a whole minute later the allowance is whole again, and refusals did not use any of it
    const later = [];
    for (let i = 0; i < 7; i++) later.push(await take('203.0.113.1', 6, T0 + 80_000 + i));
    expect(later).toEqual([true, true, true, true, true, true, false]);
  });

  it('is shared by every connection to the database, as by several app servers', async () => {
    const other = openDatabase(ctx.file);
    try {
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await take('198.51.100.9', 4, T0 + i, i % 2 ? other : ctx.db));
      expect(answers).toEqual([true, true, true, true, false, false]);
    } finally {
      other.$client.close();
    }
  });

  it('refuses everything at a limit of 0, and its rows are pruned once the minute and window passed', async () => {
    expect(await take('192.0.2.1', 0, T0)).toBe(false);
    expect(ctx.db.select().from(signInFailures).all()).toHaveLength(0);
    for (let i = 0; i < 3; i++) await take('192.0.2.2', 2, T0);
    expect(await pruneSignIn(ctx.db, T0 + MINUTE)).toBe(0);
    expect(await pruneSignIn(ctx.db, T0 + MINUTE + WINDOW_MS + 1)).toBe(1);
  });
});

describe('pruning', () => {
  it('deletes counts whose window passed and no lock holds, and addresses unused for 90 days', async () => {
    for (let i = 0; i < 3; i++) await recordSignInFailure(ctx.db, `old${i}@test.kz`, 'x', T0);
    for (let i = 0; i < MAX_FAILURES + 6; i++) await recordSignInFailure(ctx.db, 'locked@test.kz', 'y', T0); // locked for an hour
    await recordSignInFailure(ctx.db, 'recent@test.kz', 'z', T0 + WINDOW_MS);
    await recordSignInSuccess(ctx.db, 'old0@test.kz', 'x', T0);
    const now = T0 + WINDOW_MS + 10 * MINUTE;
    // old*: three email rows and two pair rows (old0's pair went with its success); locked@'s email row
    expect(await pruneSignIn(ctx.db, now)).toBe(5 + 1);
    const left = ctx.db.select().from(signInFailures).all().map((r) => r.key).sort();
    expect(left).toEqual(['email:recent@test.kz', 'pair:locked@test.kz y', 'pair:recent@test.kz z']);
    expect(ctx.db.select().from(signInAddresses).all()).toHaveLength(1);
    await pruneSignIn(ctx.db, T0 + KNOWN_ADDRESS_MS + 1);
    expect(ctx.db.select().from(signInAddresses).all()).toHaveLength(0);
  });
});
