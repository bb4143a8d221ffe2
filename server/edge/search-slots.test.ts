/**
 * Bounded work per user (issue 16, item 7): at most 2 regular-expression searches at once per
 * user and 4 in all; one more is refused at once with 429 (search.busy), through the search
 * route itself; word searches are not limited, and a freed slot is usable again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { createApiToken, userByEmail } from '@/db/queries/users';
import { seedDemo } from '@/db/seed/demo';
import { newApiToken } from '@/lib/auth/token';
import { runningRegexSearches, withSearchSlot } from '@/server/edge/search-slots';
import { GET } from '@/app/api/v1/projects/[projectId]/search/route';

let ctx: ReturnType<typeof openTestDatabase>;
let projectId: number;
const tokens: Record<string, { id: number; token: string }> = {};

beforeAll(async () => {
  ctx = openTestDatabase();
  (globalThis as { __db?: Db }).__db = ctx.db;
  ({ projectId } = seedDemo(ctx.db));
  for (const email of ['lead@demo.test', 'coder1@demo.test', 'coder2@demo.test']) {
    const id = (await userByEmail(ctx.db, email))!.id;
    const t = newApiToken();
    await createApiToken(ctx.db, id, 'test', t.hash, t.prefix);
    tokens[email] = { id, token: t.token };
  }
}, 60_000);
afterAll(() => {
  (globalThis as { __db?: Db }).__db = undefined;
  ctx.close();
});

async function search(email: string, query: string) {
  const req = new Request(`http://localhost/api/v1/projects/${projectId}/search?${query}`, { headers: { authorization: `Bearer ${tokens[email].token}` } });
  const res = await GET(req, { params: Promise.resolve({ projectId: String(projectId) }) });
  return { status: res.status, body: (await res.json()) as { reason?: string } };
}

/** Occupies a slot of the user until `release` is called. */
function hold(email: string) {
  let release!: () => void;
  const done = withSearchSlot(tokens[email].id, true, () => new Promise<void>((r) => (release = r)));
  return { release: async () => (release(), await done) };
}

describe('regular-expression searches at once', () => {
  it('a third per user gets 429 at once, a word search does not, and a freed slot serves again', async () => {
    const held = [hold('lead@demo.test'), hold('lead@demo.test')];
    expect(runningRegexSearches()).toBe(2);
    expect(await search('lead@demo.test', 'q=%D0%B0%D0%BA%D0%B8%D0%BC.*&regex=1')).toMatchObject({ status: 429, body: { reason: 'search.busy' } });
    expect((await search('lead@demo.test', 'q=akimat')).status).toBe(200);
    // another user still has slots of their own
    expect((await search('coder1@demo.test', 'q=Telegram&regex=1')).status).toBe(200);
    await held[0].release();
    expect((await search('lead@demo.test', 'q=Telegram&regex=1')).status).toBe(200);
    await held[1].release();
    expect(runningRegexSearches()).toBe(0);
  });

  it('beyond 4 in all, anyone gets 429', async () => {
    const held = [hold('lead@demo.test'), hold('lead@demo.test'), hold('coder1@demo.test'), hold('coder1@demo.test')];
    expect(await search('coder2@demo.test', 'q=Telegram&regex=1')).toMatchObject({ status: 429, body: { reason: 'search.busy' } });
    for (const h of held) await h.release();
    expect((await search('coder2@demo.test', 'q=Telegram&regex=1')).status).toBe(200);
  });
});
