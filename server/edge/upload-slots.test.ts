/**
 * Concurrent uploads per user, through uploadRoute (the search-slot mechanism, server/edge/slots):
 * at most 2 in flight per user; a third gets 429 `import.busy` before its handler runs;
 * another user is not affected; a finished (or failed) upload frees its slot.
 */
import { NextResponse } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { createApiToken, createUser } from '@/db/queries/users';
import { newApiToken } from '@/lib/auth/token';
import { slotsInUse } from '@/server/edge/slots';
import { UPLOADS, uploadRoute } from '@/server/edge/uploads';

let ctx: ReturnType<typeof openTestDatabase>;
const tokens: string[] = [];
let release: (() => void)[] = [];
let ran = 0;
const handler = uploadRoute(async () => {
  ran++;
  await new Promise<void>((r) => release.push(r));
  return NextResponse.json({ ok: true });
});
const failing = uploadRoute(async () => {
  throw new Error('boom');
});

beforeAll(async () => {
  ctx = openTestDatabase();
  (globalThis as { __db?: Db }).__db = ctx.db;
  for (const email of ['a@test.kz', 'b@test.kz']) {
    const id = (await createUser(ctx.db, { email, name: email, passwordHash: 'x' })).id;
    const t = newApiToken();
    await createApiToken(ctx.db, id, 'script', t.hash, t.prefix);
    tokens.push(t.token);
  }
});
afterAll(() => {
  (globalThis as { __db?: Db }).__db = undefined;
  ctx.close();
});

const upload = (route: typeof handler, token: string) =>
  route(new Request('http://localhost:3000/api/v1/projects/import', { method: 'POST', headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
const tick = () => new Promise((r) => setTimeout(r, 20));

describe('uploads in flight', () => {
  it('lets 2 run per user, refuses a third with 429 import.busy, and not another user', async () => {
    const first = upload(handler, tokens[0]);
    const second = upload(handler, tokens[0]);
    await tick();
    expect(slotsInUse(UPLOADS)).toBe(2);
    const third = await upload(handler, tokens[0]);
    expect(third.status).toBe(429);
    const body = (await third.json()) as { reason: string; details: Record<string, number> };
    expect(body.reason).toBe('import.busy');
    expect(body.details).toEqual({ perUser: 2, total: 8 });
    expect(ran).toBe(2);

    const other = upload(handler, tokens[1]);
    await tick();
    expect(ran).toBe(3);

    release.forEach((r) => r());
    release = [];
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect((await other).status).toBe(200);
    expect(slotsInUse(UPLOADS)).toBe(0);
  });

  it('frees the slot of an upload that failed', async () => {
    for (let i = 0; i < 3; i++) expect((await upload(failing, tokens[0])).status).toBe(500);
    expect(slotsInUse(UPLOADS)).toBe(0);
  });
});
