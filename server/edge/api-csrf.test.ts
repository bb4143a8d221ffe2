/**
 * CSRF on the JSON API, through the one wrapper (apiRoute): a write authenticated by the
 * session cookie must carry a same-origin Origin and a JSON or multipart body; a text/plain
 * or url-encoded form post, a no-cors fetch from another port of the same host, or a write
 * without Origin gets 403. Reads, and requests with an API token, are not affected. A user
 * an admin reset must change their password before the API answers their session. Every
 * answer of the wrapper, refusals and downloads included, is Cache-Control: no-store.
 */
import { NextResponse } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { createApiToken, createUser } from '@/db/queries/users';
import { users } from '@/db/schema';
import { newApiToken } from '@/lib/auth/token';
import { DomainError } from '@/lib/errors';
import { mockedSession, sessionState } from '@/server/testing/session-state';

vi.mock('next-auth', async (orig) => ({ ...(await orig<typeof import('next-auth')>()), getServerSession: mockedSession }));

const { apiRoute, HttpError } = await import('@/server/edge/api');

let ctx: ReturnType<typeof openTestDatabase>;
let userId: number;
let token: string;
let writes = 0;
const handler = apiRoute(async () => {
  writes++;
  return NextResponse.json({ ok: true });
});

beforeAll(async () => {
  ctx = openTestDatabase();
  (globalThis as { __db?: Db }).__db = ctx.db;
  userId = (await createUser(ctx.db, { email: 'coder@test.kz', name: 'Coder', passwordHash: 'x' })).id;
  const t = newApiToken();
  await createApiToken(ctx.db, userId, 'script', t.hash, t.prefix);
  token = t.token;
  sessionState.userId = userId;
});
afterAll(() => {
  sessionState.userId = null;
  (globalThis as { __db?: Db }).__db = undefined;
  ctx.close();
});

const APP = 'http://localhost:3000';
async function call(method: string, headers: Record<string, string>, body?: string | FormData) {
  const before = writes;
  const init: RequestInit = { method, headers: { host: 'localhost:3000', ...headers } };
  if (body !== undefined) init.body = body;
  const req = new Request(`${APP}/api/v1/projects/1/codings`, init);
  const res = await handler(req, { params: Promise.resolve({}) });
  return { status: res.status, wrote: writes > before, body: (await res.json()) as { reason?: string } };
}
const cookie = { cookie: 'next-auth.session-token=session' };
const json = JSON.stringify({ documentId: 1, codeIds: [1], start: 0, end: 5 });

describe('cookie-authenticated writes', () => {
  it('are let through as the app sends them: same-origin JSON, multipart uploads, a DELETE without body', async () => {
    expect((await call('POST', { ...cookie, origin: APP, 'content-type': 'application/json', 'content-length': String(json.length) }, json)).status).toBe(200);
    const form = new FormData();
    form.set('file', new Blob(['P1: text']), 'a.txt');
    expect((await call('POST', { ...cookie, origin: APP, 'sec-fetch-site': 'same-origin' }, form)).status).toBe(200);
    expect((await call('DELETE', { ...cookie, origin: APP })).status).toBe(200);
  });

  it('a text/plain or url-encoded form post from another site gets 403 and writes nothing', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const r = await call('POST', { ...cookie, origin: 'http://evil.example', 'content-type': type, 'sec-fetch-site': 'cross-site' }, json);
      expect(r).toMatchObject({ status: 403, wrote: false, body: { reason: 'request.cross_origin' } });
    }
  });

  it('even same-origin, a text/plain body gets 403 (a form can send it without asking)', async () => {
    expect((await call('POST', { ...cookie, origin: APP, 'content-type': 'text/plain;charset=UTF-8' }, json)).status).toBe(403);
  });

  it('a no-cors fetch from another port of the same host gets 403', async () => {
    const r = await call('POST', { ...cookie, origin: 'http://localhost:4000', 'content-type': 'text/plain', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors' }, json);
    expect(r).toMatchObject({ status: 403, wrote: false });
    // JSON from there too (a CORS request the browser would send after a refused preflight is never made; this is the server's own answer)
    expect((await call('POST', { ...cookie, origin: 'http://localhost:4000', 'content-type': 'application/json' }, json)).status).toBe(403);
  });

  it('a write without an Origin header, or with Origin null, gets 403', async () => {
    expect((await call('POST', { ...cookie, 'content-type': 'application/json' }, json)).status).toBe(403);
    expect((await call('DELETE', { ...cookie, origin: 'null' })).status).toBe(403);
  });
});

describe('not affected', () => {
  it('reads: a GET without Origin, from a link on another site', async () => {
    expect((await call('GET', { ...cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(200);
  });

  it('requests with an API token, whatever their Origin or Content-Type', async () => {
    expect((await call('POST', { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, json)).status).toBe(200);
  });
});

describe('a user who must change their password', () => {
  it('gets 403 from the API with their session until they have', async () => {
    ctx.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, userId)).run();
    try {
      const r = await call('GET', cookie);
      expect(r).toMatchObject({ status: 403, body: { reason: 'password.must_change' } });
    } finally {
      ctx.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, userId)).run();
    }
  });
});

describe('Cache-Control: no-store on every answer (issue 16, item 9)', () => {
  const answers: Record<string, () => Response | Promise<Response>> = {
    json: () => NextResponse.json({ ok: true }),
    'no content': () => new NextResponse(null, { status: 204 }),
    download: () => new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'application/zip', 'content-disposition': 'attachment; filename="x.zip"' } }),
    'HttpError 404': () => {
      throw new HttpError(404, 'Not found');
    },
    DomainError: () => {
      throw new DomainError('coding.not_found', { id: 7 });
    },
    'zod refusal': () => {
      z.object({ n: z.number() }).parse({ n: 'x' });
      return NextResponse.json({});
    },
    'internal error': () => {
      throw new Error('boom');
    },
    // Response.redirect has immutable headers: the wrapper copies it
    redirect: () => Response.redirect('http://localhost:3000/elsewhere', 302),
  };

  it('on success, refusals and downloads alike', async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const [name, make] of Object.entries(answers)) {
        const res = await apiRoute(async () => make())(new Request(`${APP}/api/v1/x`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
        expect(res.headers.get('cache-control'), name).toBe('no-store');
      }
    } finally {
      errorLog.mockRestore();
    }
  });

  it('on the answers the wrapper gives itself: 401 signed out, 403 cross-site, 403 password must change', async () => {
    const signedOut = await handler(new Request(`${APP}/api/v1/x`), { params: Promise.resolve({}) });
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get('cache-control')).toBe('no-store');
    const forged = await handler(new Request(`${APP}/api/v1/x`, { method: 'POST', headers: { host: 'localhost:3000', ...cookie, origin: 'http://evil.example', 'content-type': 'text/plain' }, body: json }), { params: Promise.resolve({}) });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('cache-control')).toBe('no-store');
    ctx.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, userId)).run();
    try {
      const res = await handler(new Request(`${APP}/api/v1/x`, { headers: cookie }), { params: Promise.resolve({}) });
      expect(res.status).toBe(403);
      expect(res.headers.get('cache-control')).toBe('no-store');
    } finally {
      ctx.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, userId)).run();
    }
  });

  it("keeps a handler's own no-store directives, and puts no-store before others (the event stream's)", async () => {
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const own = await apiRoute(async () => new Response('x', { headers: { 'cache-control': 'private, no-store' } }))(new Request(`${APP}/x`, auth), { params: Promise.resolve({}) });
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    const stream = await apiRoute(async () => new Response('x', { headers: { 'cache-control': 'no-cache, no-transform' } }))(new Request(`${APP}/x`, auth), { params: Promise.resolve({}) });
    expect(stream.headers.get('cache-control')).toBe('no-store, no-cache, no-transform');
  });
});
