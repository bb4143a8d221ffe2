/**
 * Sessions end when they should (issue #16): with real session tokens from next-auth's own
 * sign-in handler and a temporary database, a token stops counting — for pages and server
 * actions (currentUser) and for the JSON API (apiRoute: 401) — once its user signs out (on
 * any device), changes their password (the device that changed it stays signed in, with a
 * re-issued cookie), has it reset by an admin, is disabled (their API tokens stop too), or
 * is signed out everywhere by an admin; and a user can sign out of all their other devices.
 *
 * getServerSession is replaced by what it does for a JWT session — decode the request's
 * cookie, then the app's jwt and session callbacks — reading the cookie from a jar that
 * next/headers' cookies() also answers from, so a re-issued cookie is what the next request sends.
 */
import { eq } from 'drizzle-orm';
import { decode, encode } from 'next-auth/jwt';
import type { NextAuthOptions } from 'next-auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { createApiToken, createUser } from '@/db/queries/users';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { hashApiToken } from '@/lib/auth/token';
import { signIn, signOut, valueOf } from '@/server/testing/next-auth-client';

const SECRET = 'session-version-test-secret-000000000000';
const PASSWORD = 'correct horse battery';
const SESSION = 'next-auth.session-token';
process.env.SIGNIN_THROTTLE_DELAY_MS = '0';
process.env.SIGNIN_PER_ADDRESS = '1000';
const saved = { AUTH_SECRET: process.env.AUTH_SECRET, NEXTAUTH_URL: process.env.NEXTAUTH_URL, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET };
process.env.AUTH_SECRET = SECRET;
process.env.NEXTAUTH_URL = 'http://localhost:3000';
delete process.env.NEXTAUTH_SECRET;

/** The session cookie the current request sends (the raw token), as the browser holds it. */
const browser: { cookie: string | undefined } = { cookie: undefined };
const jar = {
  get: (name: string) => (name === SESSION && browser.cookie ? { name, value: browser.cookie } : undefined),
  set: (name: string, value: string) => {
    if (name === SESSION) browser.cookie = value;
  },
};

/** getServerSession for a JWT session: decode the cookie, run the app's callbacks. */
async function sessionFromCookie() {
  if (!browser.cookie) return null;
  const { authOptions } = await import('@/server/edge/auth');
  const token = await decode({ token: browser.cookie, secret: SECRET });
  if (!token) return null;
  const callbacks = authOptions.callbacks as Required<NonNullable<NextAuthOptions['callbacks']>>;
  const jwt = await callbacks.jwt({ token } as Parameters<typeof callbacks.jwt>[0]);
  return callbacks.session({ session: { user: { name: token.name, email: token.email }, expires: new Date(Date.now() + 3_600_000).toISOString() }, token: jwt } as Parameters<typeof callbacks.session>[0]);
}

vi.mock('next-auth', async (orig) => ({ ...(await orig<typeof import('next-auth')>()), getServerSession: sessionFromCookie }));
vi.mock('next/headers', async (orig) => ({ ...(await orig<typeof import('next/headers')>()), cookies: async () => jar }));
vi.mock('next/cache', async (orig) => ({ ...(await orig<typeof import('next/cache')>()), revalidatePath: () => undefined }));

const { authOptions } = await import('@/server/edge/auth');
const { currentUser, requireUser } = await import('@/server/edge/session');
const { apiRoute, apiUser } = await import('@/server/edge/api');
const { changePasswordAction, endOtherSessionsAction, endSessionsAction, resetPasswordAction, setUserFlagsAction } = await import('@/server/actions/users');

let ctx: ReturnType<typeof openTestDatabase>;
let admin: number;
let coder: number;
const API_TOKEN = 'fgc_session_version_test_token_0000000000';

beforeAll(async () => {
  ctx = openTestDatabase();
  (globalThis as { __db?: Db }).__db = ctx.db;
  admin = (await createUser(ctx.db, { email: 'admin@test.kz', name: 'Admin', passwordHash: hashPassword(PASSWORD), isAdmin: true })).id;
  coder = (await createUser(ctx.db, { email: 'coder@test.kz', name: 'Coder', passwordHash: hashPassword(PASSWORD) })).id;
  await createApiToken(ctx.db, coder, 'script', hashApiToken(API_TOKEN), API_TOKEN.slice(0, 8));
});
beforeEach(() => {
  ctx.db.update(users).set({ disabled: false, passwordHash: hashPassword(PASSWORD), mustChangePassword: false }).where(eq(users.id, coder)).run();
});
afterAll(() => {
  (globalThis as { __db?: Db }).__db = undefined;
  ctx.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** A new session (a device) of the user: the raw token of its cookie. */
async function device(email: string, password = PASSWORD): Promise<string> {
  const { session } = await signIn(authOptions, email, password);
  if (!session) throw new Error(`${email} could not sign in`);
  return valueOf(session);
}

/** Who the request sending this token is (pages and actions), or null when it is signed out. */
async function whoIs(token: string): Promise<number | null> {
  browser.cookie = token;
  return (await currentUser())?.id ?? null;
}

/** The status the JSON API answers a cookie request with this token. */
async function apiStatus(token: string): Promise<number> {
  browser.cookie = token;
  const route = apiRoute(() => new Response('{}', { status: 200 }));
  return (await route(new Request('http://localhost:3000/api/v1/projects', { headers: { cookie: `${SESSION}=${token}` } }), { params: Promise.resolve({}) })).status;
}

/** Makes the action come from the session of `token` (the jar is what cookies() reads). */
const as = (token: string) => (browser.cookie = token);
const apiTokenUser = async () => (await apiUser(new Request('http://localhost:3000/api/v1/projects', { headers: { authorization: `Bearer ${API_TOKEN}` } })))?.id ?? null;

describe('a session token', () => {
  it('carries the session version from sign-in, and counts while the row has the same', async () => {
    const token = await device('coder@test.kz');
    const claims = await decode({ token, secret: SECRET });
    expect(claims).toMatchObject({ uid: coder, sv: ctx.db.select().from(users).where(eq(users.id, coder)).get()!.sessionVersion });
    expect(await whoIs(token)).toBe(coder);
    expect(await apiStatus(token)).toBe(200);
  });

  it('without a version (issued before versions), or of a deleted user, does not count', async () => {
    const old = await encode({ token: { uid: coder, sub: String(coder) }, secret: SECRET });
    expect(await whoIs(old)).toBeNull();
    const gone = (await createUser(ctx.db, { email: 'gone@test.kz', name: 'Gone', passwordHash: hashPassword(PASSWORD) })).id;
    const token = await device('gone@test.kz');
    expect(await whoIs(token)).toBe(gone);
    ctx.db.delete(users).where(eq(users.id, gone)).run();
    expect(await whoIs(token)).toBeNull();
  });
});

describe('an old token is refused after', () => {
  it('signing out: every session of the user ends, on every device; a stale token cannot end newer ones', async () => {
    const laptop = await device('coder@test.kz');
    const phone = await device('coder@test.kz');
    const signedOut = await signOut(authOptions, `${SESSION}=${laptop}`);
    expect(signedOut.status).toBe(200);
    expect(await whoIs(phone)).toBeNull();
    expect(await apiStatus(phone)).toBe(401);
    as(phone);
    await expect(requireUser()).rejects.toMatchObject({ digest: expect.stringContaining(';/signin;') });
    expect(await whoIs(laptop)).toBeNull(); // a copy of the cookie kept after signing out

    const later = await device('coder@test.kz');
    await signOut(authOptions, `${SESSION}=${phone}`); // an already-ended token
    expect(await whoIs(later)).toBe(coder);
    expect(await apiTokenUser()).toBe(coder); // API tokens are not sessions
  });

  it('changing one’s password: other sessions end, the one that changed it stays signed in', async () => {
    const laptop = await device('coder@test.kz');
    const phone = await device('coder@test.kz');
    as(laptop);
    const r = await changePasswordAction({ current: PASSWORD, password: 'a new passphrase of mine' });
    expect(r).toMatchObject({ ok: true, value: { signedIn: true } });
    const reissued = browser.cookie!;
    expect(reissued).not.toBe(laptop);
    expect(await whoIs(reissued)).toBe(coder);
    expect(await apiStatus(reissued)).toBe(200);
    // the same session: same expiry, new version
    const [before, after] = [await decode({ token: laptop, secret: SECRET }), await decode({ token: reissued, secret: SECRET })];
    expect(after!.exp).toBe(before!.exp);
    expect(after!.sv).toBe((before!.sv as number) + 1);
    expect(await whoIs(phone)).toBeNull();
    expect(await apiStatus(phone)).toBe(401);
    expect(await whoIs(laptop)).toBeNull();
  });

  it("an admin's password reset: the user's sessions end, the admin's stays", async () => {
    const coderLaptop = await device('coder@test.kz');
    const adminDesk = await device('admin@test.kz');
    as(adminDesk);
    expect(await resetPasswordAction({ userId: coder, password: 'set by the admin, 2024' })).toMatchObject({ ok: true });
    expect(await whoIs(coderLaptop)).toBeNull();
    expect(await apiStatus(coderLaptop)).toBe(401);
    expect(await whoIs(adminDesk)).toBe(admin);
  });

  it('disabling the user: their sessions end and their API tokens stop; enabling again brings neither session back', async () => {
    const laptop = await device('coder@test.kz');
    const adminDesk = await device('admin@test.kz');
    expect(await apiTokenUser()).toBe(coder);
    as(adminDesk);
    expect(await setUserFlagsAction({ userId: coder, disabled: true })).toMatchObject({ ok: true });
    expect(await whoIs(laptop)).toBeNull();
    expect(await apiStatus(laptop)).toBe(401);
    expect(await apiTokenUser()).toBeNull();
    as(adminDesk);
    expect(await setUserFlagsAction({ userId: coder, disabled: false })).toMatchObject({ ok: true });
    expect(await whoIs(laptop)).toBeNull();
    expect(await apiTokenUser()).toBe(coder);
  });

  it('an admin signing the user out everywhere: every session ends, API tokens stay', async () => {
    const laptop = await device('coder@test.kz');
    const phone = await device('coder@test.kz');
    const adminDesk = await device('admin@test.kz');
    as(laptop);
    await expect(endSessionsAction({ userId: coder })).rejects.toMatchObject({ digest: expect.stringContaining('404') }); // not an admin
    expect(await whoIs(laptop)).toBe(coder);
    as(adminDesk);
    expect(await endSessionsAction({ userId: coder })).toMatchObject({ ok: true });
    expect(await endSessionsAction({ userId: 99_999 })).toMatchObject({ ok: false, reason: 'user.not_found' });
    for (const t of [laptop, phone]) {
      expect(await whoIs(t)).toBeNull();
      expect(await apiStatus(t)).toBe(401);
    }
    expect(await whoIs(adminDesk)).toBe(admin);
    expect(await apiTokenUser()).toBe(coder);
    const again = await device('coder@test.kz');
    expect(await whoIs(again)).toBe(coder);
  });
});

describe('signing out of all other devices', () => {
  it('ends every session of the user but the one asking', async () => {
    const laptop = await device('coder@test.kz');
    const phone = await device('coder@test.kz');
    as(laptop);
    expect(await endOtherSessionsAction({})).toMatchObject({ ok: true, value: { signedIn: true } });
    const reissued = browser.cookie!;
    expect(await whoIs(reissued)).toBe(coder);
    expect(await whoIs(phone)).toBeNull();
    expect(await whoIs(laptop)).toBeNull();
  });
});
