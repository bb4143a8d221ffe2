/**
 * Sign-in and session hardening, through next-auth's own handler with the app's authOptions
 * and a temporary database: the session cookie (HttpOnly, SameSite=Lax, Secure and
 * __Secure- named when NEXTAUTH_URL is https), a session and a signed token that both end
 * 12 hours after sign-in, and throttling — five failures lock an (email, address) pair but
 * never the owner at their usual address, an email tried from many addresses is slowed down,
 * an unknown email is throttled exactly like a known one, addresses cannot be forged, and
 * passwords are checked off the main thread.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NextAuthOptions } from 'next-auth';
import { decode } from 'next-auth/jwt';
import type { Db } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { lockedFor, MAX_FAILURES } from '@/db/queries/signin';
import { signInAddresses, signInFailures, users } from '@/db/schema';
import { peerSignature } from '@/server/edge/client-address';
import { hashPassword } from '@/lib/auth/password';
import { signIn, valueOf } from '@/server/testing/next-auth-client';

const SECRET = 'auth-test-secret-0000000000000000000000';
const PASSWORD = 'correct horse battery';
process.env.SIGNIN_THROTTLE_DELAY_MS = '0';
const saved = { AUTH_SECRET: process.env.AUTH_SECRET, NEXTAUTH_URL: process.env.NEXTAUTH_URL, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET };
let ctx: ReturnType<typeof openTestDatabase>;

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
  delete process.env.NEXTAUTH_SECRET;
  ctx = openTestDatabase();
  (globalThis as { __db?: Db }).__db = ctx.db;
  ctx.db.insert(users).values({ email: 'coder@test.kz', name: 'Coder', passwordHash: hashPassword(PASSWORD) }).run();
});
afterEach(() => {
  ctx.db.delete(signInFailures).run();
});
afterAll(() => {
  (globalThis as { __db?: Db }).__db = undefined;
  ctx.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** The app's authOptions as a server started with this NEXTAUTH_URL has them. */
async function authOptionsFor(publicUrl: string): Promise<NextAuthOptions> {
  process.env.NEXTAUTH_URL = publicUrl;
  vi.resetModules();
  return (await import('@/server/edge/auth')).authOptions;
}

describe('the session', () => {
  it('is a JWT session of 12 hours, and the token inside it ends then too', async () => {
    const options = await authOptionsFor('http://localhost:3000');
    expect(options.session).toMatchObject({ strategy: 'jwt', maxAge: 12 * 60 * 60 });
    expect(options.jwt?.maxAge).toBe(12 * 60 * 60);

    const before = Math.floor(Date.now() / 1000);
    const { session } = await signIn(options, 'coder@test.kz', PASSWORD);
    expect(session).toBeDefined();
    const token = await decode({ token: valueOf(session!), secret: SECRET });
    expect(token?.uid).toBeTypeOf('number');
    const exp = token!.exp as number;
    expect(exp - (token!.iat as number)).toBe(12 * 60 * 60);
    expect(exp).toBeLessThanOrEqual(before + 12 * 60 * 60 + 5);
    const expires = Date.parse(/Expires=([^;]+)/i.exec(session!)![1]) / 1000;
    expect(Math.abs(expires - (before + 12 * 60 * 60))).toBeLessThan(10);
  });

  it('sets an HttpOnly, SameSite=Lax cookie, not Secure over plain http', async () => {
    const options = await authOptionsFor('http://localhost:3000');
    expect(options.useSecureCookies).toBe(false);
    const { session } = await signIn(options, 'coder@test.kz', PASSWORD);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).not.toMatch(/;\s*Secure/i);
  });

  it('marks every cookie Secure, with the __Secure-/__Host- prefixes, when NEXTAUTH_URL is https', async () => {
    const options = await authOptionsFor('https://coding.university.kz');
    expect(options.useSecureCookies).toBe(true);
    // even when a proxy says the request came over plain http
    const { session, setCookies } = await signIn(options, 'coder@test.kz', PASSWORD, { 'x-forwarded-proto': 'http' });
    expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    for (const c of setCookies) expect(c).toMatch(/;\s*Secure/i);
  });
});

describe('where sign-in sends the browser (callbackUrl)', () => {
  it('a path on this site, or the site root for anything else (next-auth redirect callback)', async () => {
    const options = await authOptionsFor('http://localhost:3000');
    const after = async (callbackUrl: string) => {
      const r = await signIn(options, 'coder@test.kz', PASSWORD, {}, { callbackUrl });
      expect(r.session).toBeDefined();
      return (r.body as { url: string }).url;
    };
    expect(await after('/projects/3?focus=1')).toBe('http://localhost:3000/projects/3?focus=1');
    expect(await after('http://localhost:3000/projects/3')).toBe('http://localhost:3000/projects/3');
    for (const hostile of ['//evil.example', '/\\evil.example', 'https://evil.example/x', '/%5Cevil', 'javascript:alert(1)', 'http://localhost:4000/']) {
      expect(await after(hostile), hostile).toBe('http://localhost:3000/');
    }
  });

  it('the redirect callback alone, as sign-out calls it', async () => {
    const options = await authOptionsFor('http://localhost:3000');
    const redirect = (url: string) => options.callbacks!.redirect!({ url, baseUrl: 'http://localhost:3000' });
    expect(await redirect('/signin')).toBe('http://localhost:3000/signin');
    expect(await redirect('//evil.example/signin')).toBe('http://localhost:3000/');
    expect(await redirect('/\tevil')).toBe('http://localhost:3000/');
  });
});

describe('sign-in throttling', () => {
  /** A sign-in from a client address, as scripts/serve.mjs passes it on (signed). */
  const attempt = async (email: string, password: string, ip = '203.0.113.7', extra: Record<string, string> = {}) => {
    const options = await authOptionsFor('http://localhost:3000');
    const r = await signIn(options, email, password, { 'x-fgc-peer': `${ip} ${peerSignature(ip, SECRET)}`, ...extra });
    const body = r.body as { url?: string } | undefined;
    const error = body?.url ? new URL(body.url).searchParams.get('error') : null;
    return { signedIn: r.session !== undefined, error };
  };
  beforeEach(() => {
    ctx.db.delete(signInFailures).run();
    ctx.db.delete(signInAddresses).run();
  });

  it('five wrong passwords from another address do not stop the owner at their usual address', async () => {
    expect(await attempt('coder@test.kz', PASSWORD, '198.51.100.10')).toEqual({ signedIn: true, error: null });
    for (let i = 0; i < MAX_FAILURES + 2; i++) await attempt('coder@test.kz', 'wrong password', '203.0.113.66');
    expect(await attempt('coder@test.kz', 'wrong password', '203.0.113.66')).toEqual({ signedIn: false, error: 'Throttled' });
    expect(await attempt('coder@test.kz', PASSWORD, '198.51.100.10')).toEqual({ signedIn: true, error: null });
  });

  it('locks an (email, address) pair after five failures, even against the right password, and says so', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) expect(await attempt('coder@test.kz', 'wrong password', '198.51.100.1')).toEqual({ signedIn: false, error: 'CredentialsSignin' });
    expect(await lockedFor(ctx.db, 'pair:coder@test.kz 198.51.100.1')).toBeGreaterThan(0);
    expect(await attempt('coder@test.kz', PASSWORD, '198.51.100.1')).toEqual({ signedIn: false, error: 'Throttled' });
  });

  it('slows an email tried from many addresses down (a new address waits), without locking it', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await attempt('coder@test.kz', 'wrong password', `192.0.2.${i}`);
    expect(await attempt('coder@test.kz', PASSWORD, '192.0.2.100')).toEqual({ signedIn: false, error: 'Throttled' });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await attempt('coder@test.kz', PASSWORD, '192.0.2.100')).toEqual({ signedIn: true, error: null });
  });

  it('throttles an unknown email exactly like a known one', async () => {
    const known = [];
    const unknown = [];
    for (let i = 0; i < MAX_FAILURES + 1; i++) {
      known.push(await attempt('coder@test.kz', 'wrong password', '198.51.100.5'));
      unknown.push(await attempt('nobody@test.kz', 'wrong password', '192.0.2.5'));
    }
    expect(unknown).toEqual(known);
    expect(unknown.at(-1)).toEqual({ signedIn: false, error: 'Throttled' });
  });

  it('limits attempts per client address (SIGNIN_PER_ADDRESS a minute), whatever emails it tries', async () => {
    process.env.SIGNIN_PER_ADDRESS = '3';
    try {
      for (let i = 0; i < 3; i++) expect((await attempt(`guess${i}@test.kz`, 'wrong password', '203.0.113.50')).error).toBe('CredentialsSignin');
      expect(await attempt('coder@test.kz', PASSWORD, '203.0.113.50')).toEqual({ signedIn: false, error: 'Throttled' });
      expect(await attempt('coder@test.kz', PASSWORD, '203.0.113.51')).toEqual({ signedIn: true, error: null });
    } finally {
      delete process.env.SIGNIN_PER_ADDRESS;
    }
  });

  it('ignores a forged address: an unsigned x-fgc-peer, or X-Forwarded-For without TRUST_PROXY', async () => {
    const { clientAddress } = await import('@/server/edge/client-address');
    const env = { AUTH_SECRET: SECRET };
    expect(clientAddress({ 'x-fgc-peer': '10.0.0.1 forged' }, env)).toBeNull();
    expect(clientAddress({ 'x-fgc-peer': `10.0.0.1 ${peerSignature('10.0.0.1', 'another secret')}` }, env)).toBeNull();
    expect(clientAddress({ 'x-fgc-peer': `10.0.0.1 ${peerSignature('10.0.0.1', SECRET)}` }, env)).toBe('10.0.0.1');
    expect(clientAddress({ 'x-forwarded-for': '10.9.9.9', 'x-fgc-peer': `127.0.0.1 ${peerSignature('127.0.0.1', SECRET)}` }, env)).toBe('127.0.0.1');
    // behind one trusted proxy: the address the proxy saw (the right-most entry), not what the client wrote
    expect(clientAddress({ 'x-forwarded-for': '10.9.9.9, 198.51.100.7' }, { ...env, TRUST_PROXY: '1' })).toBe('198.51.100.7');
  });

  it('checks passwords off the main thread: the event loop keeps turning during 8 concurrent sign-ins', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(`flood${i}@test.kz`, 'wrong password', `192.0.2.${50 + i}`)));
    const elapsed = Date.now() - t0;
    clearInterval(timer);
    // a 10 ms timer fires about elapsed/10 times when nothing blocks the thread for long
    expect(ticks).toBeGreaterThan((elapsed / 10) * 0.5);
  });

  it('stores a hash of the current format at the next sign-in of an account with an older one', async () => {
    const bcrypt = (await import('bcryptjs')).default;
    const { eq } = await import('drizzle-orm');
    ctx.db.update(users).set({ passwordHash: bcrypt.hashSync(PASSWORD, 4) }).where(eq(users.email, 'coder@test.kz')).run();
    expect(await attempt('coder@test.kz', PASSWORD)).toEqual({ signedIn: true, error: null });
    await vi.waitFor(() => expect(ctx.db.select().from(users).where(eq(users.email, 'coder@test.kz')).get()!.passwordHash.startsWith('$fgc2$')).toBe(true));
    expect(await attempt('coder@test.kz', PASSWORD)).toEqual({ signedIn: true, error: null });
  });

  it('does not let a disabled account sign in, and counts it as a failure', async () => {
    const { eq } = await import('drizzle-orm');
    ctx.db.update(users).set({ disabled: true }).where(eq(users.email, 'coder@test.kz')).run();
    try {
      expect(await attempt('coder@test.kz', PASSWORD)).toEqual({ signedIn: false, error: 'CredentialsSignin' });
      expect(ctx.db.select().from(signInFailures).all().find((r) => r.key === 'email:coder@test.kz')?.count).toBe(1);
    } finally {
      ctx.db.update(users).set({ disabled: false }).where(eq(users.email, 'coder@test.kz')).run();
    }
  });
});
