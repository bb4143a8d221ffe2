/**
 * Passwords can be changed and reset, and the first admin created, through the server
 * actions with a temporary database: the current password is required, the policy holds
 * (12 characters, not the email, not common), an admin's reset makes the user change it
 * before anything else, and the first-run screen makes exactly one admin while — and only
 * while — the instance has no account. Demo accounts are admins only on a demo instance.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { openDatabase } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { createFirstAdmin, createUser, hasNoUsers, setUserFlags, userByEmail, userById } from '@/db/queries/users';
import { isDemoInstance } from '@/db/queries/instance';
import { users } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { mockedSession, sessionState } from '@/server/testing/session-state';

vi.mock('next-auth', async (orig) => ({ ...(await orig<typeof import('next-auth')>()), getServerSession: mockedSession }));
vi.mock('next/cache', async (orig) => ({ ...(await orig<typeof import('next/cache')>()), revalidatePath: () => undefined }));

const { changePasswordAction, resetPasswordAction } = await import('@/server/actions/users');
const { createFirstAdminAction } = await import('@/server/actions/setup');
const { requireUser } = await import('@/server/edge/session');

let ctx: ReturnType<typeof openTestDatabase>;
const use = (c: { db: Db }) => ((globalThis as { __db?: Db }).__db = c.db);
const OLD = 'correct horse battery';

beforeAll(() => {
  ctx = openTestDatabase();
  use(ctx);
});
afterAll(() => {
  sessionState.userId = null;
  (globalThis as { __db?: Db }).__db = undefined;
  ctx.close();
});

describe('the first-run screen', () => {
  it('creates one admin while there is no account, and refuses once there is', async () => {
    expect(await hasNoUsers(ctx.db)).toBe(true);
    const weak = await createFirstAdminAction({ email: 'first@uni.kz', name: 'First', password: 'password1234' });
    expect(weak).toMatchObject({ ok: false, reason: 'password.common' });
    const r = await createFirstAdminAction({ email: 'First@Uni.kz', name: 'First', password: OLD });
    expect(r).toMatchObject({ ok: true, value: { email: 'first@uni.kz' } });
    expect(await userByEmail(ctx.db, 'first@uni.kz')).toMatchObject({ isAdmin: true });
    const again = await createFirstAdminAction({ email: 'second@uni.kz', name: 'Second', password: OLD });
    expect(again).toMatchObject({ ok: false, reason: 'setup.done' });
    expect(await userByEmail(ctx.db, 'second@uni.kz')).toBeUndefined();
  });

  it('is race-safe: the insert itself checks that no account exists (two connections, one admin)', async () => {
    const other = openTestDatabase();
    try {
      const second = openDatabase(other.file);
      await createFirstAdmin(other.db, { email: 'a@uni.kz', name: 'A', passwordHash: 'x' });
      await expect(createFirstAdmin(second, { email: 'b@uni.kz', name: 'B', passwordHash: 'x' })).rejects.toThrow(/already has accounts/);
      expect(other.db.select().from(users).all().map((u) => u.email)).toEqual(['a@uni.kz']);
      second.$client.close();
    } finally {
      other.close();
    }
  });
});

describe('changing one’s own password', () => {
  let id: number;
  beforeAll(async () => {
    id = (await createUser(ctx.db, { email: 'coder@uni.kz', name: 'Coder', passwordHash: hashPassword(OLD) })).id;
    sessionState.userId = id;
  });

  it('needs the current password', async () => {
    expect(await changePasswordAction({ current: 'not it at all', password: 'жаңа-құпия-сөз-7' })).toMatchObject({ ok: false, reason: 'password.wrong_current' });
    expect(verifyPassword(OLD, ctx.db.select().from(users).where(eq(users.id, id)).get()!.passwordHash)).toBe(true);
  });

  it('holds the policy: 12 characters, not the email, not a common password', async () => {
    expect(await changePasswordAction({ current: OLD, password: 'short-one' })).toMatchObject({ ok: false, reason: 'password.too_short' });
    expect(await changePasswordAction({ current: OLD, password: 'Coder@Uni.kz' })).toMatchObject({ ok: false, reason: 'password.is_email' });
    expect(await changePasswordAction({ current: OLD, password: 'qwerty123456' })).toMatchObject({ ok: false, reason: 'password.common' });
  });

  it('stores the new password, a long Cyrillic one counting to its last letter', async () => {
    const long = 'біздің қаламызда әкімдікке өтініш жазу оңай емес екен';
    expect(await changePasswordAction({ current: OLD, password: long })).toMatchObject({ ok: true });
    const hash = ctx.db.select().from(users).where(eq(users.id, id)).get()!.passwordHash;
    expect(verifyPassword(long, hash)).toBe(true);
    expect(verifyPassword(long.slice(0, -1) + 'ы', hash)).toBe(false);
    expect(verifyPassword(OLD, hash)).toBe(false);
    expect(await changePasswordAction({ current: long, password: OLD })).toMatchObject({ ok: true });
  });
});

describe("an admin's reset", () => {
  it('sets a password the user must change at the next sign-in: until then only the password page opens', async () => {
    const admin = (await userByEmail(ctx.db, 'first@uni.kz'))!;
    const coder = (await userByEmail(ctx.db, 'coder@uni.kz'))!;
    sessionState.userId = coder.id;
    await expect(resetPasswordAction({ userId: coder.id, password: 'temporary-from-admin' })).rejects.toMatchObject({ digest: expect.stringContaining('404') }); // not an admin
    sessionState.userId = admin.id;
    expect(await resetPasswordAction({ userId: coder.id, password: 'qwertyuiop12' })).toMatchObject({ ok: false, reason: 'password.common' });
    expect(await resetPasswordAction({ userId: coder.id, password: 'temporary-from-admin' })).toMatchObject({ ok: true });
    expect(await userById(ctx.db, coder.id)).toMatchObject({ mustChangePassword: true });

    sessionState.userId = coder.id;
    await expect(requireUser()).rejects.toMatchObject({ digest: expect.stringContaining(';/password;') });
    expect(await changePasswordAction({ current: 'temporary-from-admin', password: 'my own choice, at last' })).toMatchObject({ ok: true });
    expect(await userById(ctx.db, coder.id)).toMatchObject({ mustChangePassword: false });
    await expect(requireUser()).resolves.toMatchObject({ id: coder.id });
  }, 20_000);
});

describe('demo accounts', () => {
  it('seeded into an empty database: a demo instance, where admin@demo.test is an admin', async () => {
    const fresh = openTestDatabase();
    try {
      seedDemo(fresh.db);
      expect(await isDemoInstance(fresh.db)).toBe(true);
      expect(await userByEmail(fresh.db, 'admin@demo.test')).toMatchObject({ isDemo: true, isAdmin: true });
      expect(await userById(fresh.db, (await userByEmail(fresh.db, 'admin@demo.test'))!.id)).toMatchObject({ isAdmin: true });
    } finally {
      fresh.close();
    }
  }, 30_000);

  it('seeded beside real accounts: not a demo instance, and no demo account is an admin, nor can be made one', async () => {
    const real = openTestDatabase();
    try {
      await createUser(real.db, { email: 'owner@uni.kz', name: 'Owner', passwordHash: 'x', isAdmin: true });
      seedDemo(real.db);
      expect(await isDemoInstance(real.db)).toBe(false);
      const demoAdmin = (await userByEmail(real.db, 'admin@demo.test'))!;
      expect(await userById(real.db, demoAdmin.id)).toMatchObject({ isAdmin: false });
      const lead = (await userByEmail(real.db, 'lead@demo.test'))!;
      await expect(setUserFlags(real.db, lead.id, { isAdmin: true })).rejects.toThrow(/demo account/);
      expect(await userById(real.db, (await userByEmail(real.db, 'owner@uni.kz'))!.id)).toMatchObject({ isAdmin: true });
    } finally {
      real.close();
    }
  }, 30_000);
});
