/**
 * The size cap on JSON bodies, in the one wrapper (apiRoute → ctx.json()): a declared
 * Content-Length over the limit is refused before reading, a body streaming past it is cut
 * off; both 413 `request.body_too_large` naming the limit. A body within it is parsed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NextResponse } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { createApiToken, createUser } from '@/db/queries/users';
import { newApiToken } from '@/lib/auth/token';
import { apiRoute, readJsonBody } from '@/server/edge/api';

let ctx: ReturnType<typeof openTestDatabase>;
let token: string;
let seen: unknown;
const handler = apiRoute(async (_req, { json }) => {
  seen = await json();
  return NextResponse.json({ ok: true });
});

beforeAll(async () => {
  ctx = openTestDatabase();
  (globalThis as { __db?: Db }).__db = ctx.db;
  const userId = (await createUser(ctx.db, { email: 'coder@test.kz', name: 'Coder', passwordHash: 'x' })).id;
  const t = newApiToken();
  await createApiToken(ctx.db, userId, 'script', t.hash, t.prefix);
  token = t.token;
});
afterAll(() => {
  (globalThis as { __db?: Db }).__db = undefined;
  ctx.close();
});

function post(body: BodyInit, headers: Record<string, string> = {}) {
  const init = { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, duplex: 'half' };
  return handler(new Request('http://localhost:3000/api/v1/x', init as RequestInit), { params: Promise.resolve({}) });
}

/** A body of `n` bytes sent in 64 KiB chunks without a Content-Length; counts the chunks pulled. */
function streamed(n: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent >= n) return c.close();
      counter.pulled++;
      sent += chunk.byteLength;
      c.enqueue(chunk);
    },
  });
  return { stream, counter };
}

describe('JSON body limit', () => {
  it('parses a body within the limit', async () => {
    const res = await post(JSON.stringify({ a: 1 }));
    expect(res.status).toBe(200);
    expect(seen).toEqual({ a: 1 });
  });

  it('refuses a declared Content-Length over 1 MiB with 413 naming the limit', async () => {
    const res = await post('{}', { 'content-length': String(1024 * 1024 + 1) });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { reason: string; details: { limit: number }; error: string };
    expect(body.reason).toBe('request.body_too_large');
    expect(body.details.limit).toBe(1024 * 1024);
    expect(body.error).toContain('1,048,576') // in the reader's number format;
  });

  it('cuts off a body that streams past the limit without reading the rest', async () => {
    const { stream, counter } = streamed(100 * 1024 * 1024);
    const res = await post(stream);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { reason: string }).reason).toBe('request.body_too_large');
    expect(counter.pulled).toBeLessThan(20); // 1 MiB / 64 KiB = 16, plus what the stream buffers ahead
  });

  it('answers 400 for a body that is not JSON', async () => {
    expect((await post('not json')).status).toBe(400);
  });

  it('honours a smaller limit', async () => {
    await expect(readJsonBody(new Request('http://x/', { method: 'POST', body: '{"a":"0123456789"}' }), 10)).rejects.toMatchObject({ reason: 'request.body_too_large' });
  });

  it('is the only way routes read JSON: no route calls req.json()', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f) && !f.includes('.test.')) files.push(p);
      }
    };
    walk('app');
    walk('server');
    expect(files.filter((f) => /\breq(uest)?\.json\(\)/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});
