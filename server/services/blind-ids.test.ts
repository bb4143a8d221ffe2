/**
 * Blind mode gives a coder the same answer for a hidden coding as for a missing one (issue 16,
 * item 9). Every entry point that takes a coding's id — the API routes (with the coder's API
 * token) and the server actions (with the coder's session) — is called by coder 1 with the id
 * of coder 2's coding and of a consensus coding; then, once that coding is gone, with the same
 * id again, and with an id never used. Status, headers and body (or the action's whole
 * result) must be byte for byte the same, and the hidden coding must be untouched. An
 * auto-coding batch of coder 2's, undone by id, is held to the same rule.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { seedFixture } from '@/db/testing/fixture';
import { codingInProject, deleteCoding } from '@/db/queries/codings';
import { setBlindMode } from '@/db/queries/project-settings';
import { saveTranslation, translationsForCoding } from '@/db/queries/translations';
import { createApiToken } from '@/db/queries/users';
import { newApiToken } from '@/lib/auth/token';
import { addCodings, type Writer } from '@/server/services/codings';
import { mockedSession, sessionState } from '@/server/testing/session-state';

vi.mock('next-auth', async (orig) => ({ ...(await orig<typeof import('next-auth')>()), getServerSession: mockedSession }));
vi.mock('next/cache', async (orig) => ({ ...(await orig<typeof import('next/cache')>()), revalidatePath: () => undefined, revalidateTag: () => undefined }));

const codingRoute = await import('@/app/api/v1/projects/[projectId]/codings/[codingId]/route');
const translationsRoute = await import('@/app/api/v1/projects/[projectId]/codings/[codingId]/translations/route');
const translationRoute = await import('@/app/api/v1/projects/[projectId]/codings/[codingId]/translations/[lang]/route');
const codingActions = await import('@/server/actions/codings');
const translationActions = await import('@/server/actions/translations');
const searchActions = await import('@/server/actions/search');

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
let token: string;
const hidden: Record<'coder2' | 'consensus', number> = { coder2: 0, consensus: 0 };
let batchId: number;
const NEVER = 987654;

beforeAll(async () => {
  ctx = openTestDatabase();
  (globalThis as { __db?: Db }).__db = ctx.db;
  f = seedFixture(ctx.db);
  await setBlindMode(ctx.db, f.project.id, true, f.lead.id);
  const t = newApiToken();
  await createApiToken(ctx.db, f.coder1.id, 'test', t.hash, t.prefix);
  token = t.token;
  const writer = (userId: number, role: Writer['role']): Writer => ({ projectId: f.project.id, userId, role, blindMode: true });
  const range = { documentId: f.doc.id, version: 1, codeIds: [f.channels.id], start: f.ranges[1].start, end: f.ranges[1].start + 3 };
  hidden.coder2 = (await addCodings(ctx.db, writer(f.coder2.id, 'coder'), { ...range, layer: { kind: 'coder', coderId: f.coder2.id }, memo: 'coder 2 thinks so' }))[0].id;
  hidden.consensus = (await addCodings(ctx.db, writer(f.lead.id, 'lead'), { ...range, layer: { kind: 'consensus' } }))[0].id;
  for (const id of Object.values(hidden)) await saveTranslation(ctx.db, { projectId: f.project.id, codingId: id, language: 'en', text: 'I wrote through e-Otinish', actorId: f.lead.id });
  sessionState.userId = f.coder2.id;
  const batch = await searchActions.applyAutocodeAction(String(f.project.id), { options: { q: 'Instagram' }, codeId: f.eotinish.id, extent: 'match', selection: null });
  sessionState.userId = null;
  if (!batch.ok || !batch.value.batchId) throw new Error(`no auto-coding batch: ${JSON.stringify(batch)}`);
  batchId = batch.value.batchId;
});
afterAll(() => {
  sessionState.userId = null;
  (globalThis as { __db?: Db }).__db = undefined;
  ctx.close();
});

type RouteHandler = (req: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A route's whole answer as coder 1 gets it: status line, headers, body. */
async function viaRoute(handler: RouteHandler, method: string, codingId: number, lang?: string, body?: unknown): Promise<string> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const req = new Request(`http://localhost/api/v1/projects/${f.project.id}/codings/${codingId}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const params = { projectId: String(f.project.id), codingId: String(codingId), ...(lang ? { lang } : {}) };
  const res = await handler(req, { params: Promise.resolve(params) });
  return `${res.status} ${res.statusText}\n${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${await res.text()}`;
}

/** An action's whole result as coder 1 gets it. */
async function viaAction(action: (projectId: string, input: unknown) => Promise<unknown>, input: unknown): Promise<string> {
  sessionState.userId = f.coder1.id;
  try {
    return JSON.stringify(await action(String(f.project.id), input));
  } finally {
    sessionState.userId = null;
  }
}

/** Every entry point that addresses a coding by its id, as a call with that id. */
const ENTRY_POINTS: Record<string, (id: number) => Promise<string>> = {
  'DELETE /codings/[codingId]': (id) => viaRoute(codingRoute.DELETE as RouteHandler, 'DELETE', id),
  'GET /codings/[codingId]/translations': (id) => viaRoute(translationsRoute.GET as RouteHandler, 'GET', id),
  'GET /codings/[codingId]/translations/[lang]': (id) => viaRoute(translationRoute.GET as RouteHandler, 'GET', id, 'en'),
  'PUT /codings/[codingId]/translations/[lang]': (id) => viaRoute(translationRoute.PUT as RouteHandler, 'PUT', id, 'en', { text: 'overwritten' }),
  'DELETE /codings/[codingId]/translations/[lang]': (id) => viaRoute(translationRoute.DELETE as RouteHandler, 'DELETE', id, 'en'),
  'updateCodingAction: its memo': (id) => viaAction(codingActions.updateCodingAction, { codingId: id, memo: 'mine now' }),
  'updateCodingAction: its code': (id) => viaAction(codingActions.updateCodingAction, { codingId: id, codeId: f.eotinish.id }),
  'updateCodingAction: its range': (id) => viaAction(codingActions.updateCodingAction, { codingId: id, version: 1, start: f.ranges[1].start, end: f.ranges[1].start + 5 }),
  'updateCodingAction: its range without a version': (id) => viaAction(codingActions.updateCodingAction, { codingId: id, start: 0, end: 3 }),
  deleteCodingAction: (id) => viaAction(codingActions.deleteCodingAction, { codingId: id }),
  translationsAction: (id) => viaAction(translationActions.translationsAction, { codingId: id }),
  saveTranslationAction: (id) => viaAction(translationActions.saveTranslationAction, { codingId: id, language: 'en', text: 'overwritten' }),
  deleteTranslationAction: (id) => viaAction(translationActions.deleteTranslationAction, { codingId: id, language: 'en' }),
};

async function answers(id: number): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, call] of Object.entries(ENTRY_POINTS)) out[name] = await call(id);
  return out;
}

/** The answers for the never-used id, written as if asked with `id`. */
async function neverUsedAs(id: number): Promise<Record<string, string>> {
  const out = await answers(NEVER);
  for (const name of Object.keys(out)) out[name] = out[name].replaceAll(String(NEVER), String(id));
  return out;
}

describe('blind mode: a hidden coding answers exactly as a missing one', () => {
  it('the entry points work on the coder’s own layer (the comparison below is not between two failures of the call itself)', async () => {
    const own = (await addCodings(ctx.db, { projectId: f.project.id, userId: f.coder1.id, role: 'coder', blindMode: true }, { documentId: f.doc.id, version: 1, codeIds: [f.channels.id], start: f.ranges[2].start, end: f.ranges[2].start + 4, layer: { kind: 'coder', coderId: f.coder1.id } }))[0].id;
    expect(await ENTRY_POINTS['updateCodingAction: its memo'](own)).toMatch(/^\{"ok":true/);
    expect(await ENTRY_POINTS.saveTranslationAction(own)).toMatch(/^\{"ok":true/);
    expect(await ENTRY_POINTS['GET /codings/[codingId]/translations/[lang]'](own)).toMatch(/^200 /);
    expect(await ENTRY_POINTS['DELETE /codings/[codingId]'](own)).toMatch(/^204 /);
  });

  for (const which of ['coder2', 'consensus'] as const) {
    it(`${which === 'coder2' ? "coder 2's coding" : 'a consensus coding'}: every entry point, byte for byte`, async () => {
      const id = hidden[which];
      const before = { row: await codingInProject(ctx.db, f.project.id, id), translations: await translationsForCoding(ctx.db, f.project.id, id) };
      expect(before.row).toBeDefined();
      const whileHidden = await answers(id);
      // nothing was written through any of them
      expect({ row: await codingInProject(ctx.db, f.project.id, id), translations: await translationsForCoding(ctx.db, f.project.id, id) }).toEqual(before);

      await deleteCoding(ctx.db, f.project.id, id, f.lead.id);
      const onceGone = await answers(id);
      for (const name of Object.keys(ENTRY_POINTS)) expect(whileHidden[name], name).toBe(onceGone[name]);
      const neverUsed = await neverUsedAs(id);
      for (const name of Object.keys(ENTRY_POINTS)) expect(neverUsed[name], name).toBe(onceGone[name]);
      // and they are refusals: 404 from the API, coding.not_found from the actions
      for (const [name, answer] of Object.entries(onceGone)) expect(answer, name).toMatch(/^404 |"ok":false,.*"reason":"coding\.not_found"/);
    });
  }

  it("undoing coder 2's auto-coding batch by its id: the same answer as a batch id never used", async () => {
    const undo = (id: number) => viaAction(searchActions.undoAutocodeAction, { batchId: id });
    const hiddenAnswer = await undo(batchId);
    expect(hiddenAnswer).toContain('"reason":"autocode.not_found"');
    expect(hiddenAnswer).toBe((await undo(NEVER)).replaceAll(String(NEVER), String(batchId)));
    // coder 2 can still undo it: it was refused, not lost
    sessionState.userId = f.coder2.id;
    const own = await searchActions.undoAutocodeAction(String(f.project.id), { batchId });
    sessionState.userId = null;
    expect(own).toMatchObject({ ok: true, value: { deleted: expect.any(Number) } });
    expect((own as { value: { deleted: number } }).value.deleted).toBeGreaterThan(0);
  });
});
