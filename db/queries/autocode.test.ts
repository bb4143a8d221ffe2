import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Extent } from '@/lib/search/extent';
import { EMPTY_SEARCH } from '@/lib/search/options';
import { assignments, auditEvents, codes, codings } from '../schema';
import { openTestDatabase } from '../testing';
import { applyAutocode, AutocodeError, previewAutocode, undoAutocode } from './autocode';
import { documentText, isAssigned } from './codings';
import { correctTranscript } from './corrections';
import { checkIntegrity } from './integrity';
import { findHits } from './search';
import { seedSearchFixture, type SearchFixture } from './testing/search';

let ctx: ReturnType<typeof openTestDatabase>;
let f: SearchFixture;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedSearchFixture(ctx.db);
});
afterEach(() => ctx.close());

async function hits(q: string, coderId = f.coder1.id) {
  return (await findHits(ctx.db, f.project.id, { ...EMPTY_SEARCH, q }, { codedLayer: { kind: 'coder', coderId } })).hits;
}

async function request(q: string, extent: Extent, coderId = f.coder1.id, asCoder = true) {
  return {
    projectId: f.project.id,
    codeId: f.eotinish.id,
    coderId,
    extent,
    hits: await hits(q, coderId),
    // the coding-access rule for a coder's own layer: assigned documents only
    mayWrite: async (documentId: number) => !asCoder || await isAssigned(ctx.db, documentId, coderId),
  };
}

const summary = { q: 'test', regex: false };
const mineOf = (coderId: number) =>
  ctx.db
    .select()
    .from(codings)
    .where(and(eq(codings.layer, 'coder'), eq(codings.coderId, coderId), eq(codings.codeId, f.eotinish.id)))
    .all();

describe('auto-coding', () => {
  it('previews, then codes every hit in the coder’s assigned documents only, saying how many were skipped', async () => {
    const req = await request('e-Otinish OR петиция', 'match');
    expect(req.hits).toHaveLength(4);
    expect(await previewAutocode(ctx.db, req)).toEqual({ hits: 4, skippedHits: 3, skippedDocuments: 1, ranges: 1, existing: 0, toCreate: 1 });
    expect(mineOf(f.coder1.id)).toEqual([]);
    const r = await applyAutocode(ctx.db, { ...req, actorId: f.coder1.id, summary });
    expect(r).toMatchObject({ hits: 4, skippedHits: 3, skippedDocuments: 1, toCreate: 1, existing: 0, staleHits: 0 });
    const rows = mineOf(f.coder1.id);
    expect(rows.map((c) => c.id)).toEqual(r.codingIds);
    expect(rows.map((c) => [c.documentId, c.quote])).toEqual([[f.doc.id, 'e-Otinish']]);
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('lets a lead code every document, extending hits to sentences and turns, without doubling', async () => {
    const lead = f.lead.id;
    const sentence = await request('петиц*', 'sentence', lead, false);
    expect(await previewAutocode(ctx.db, sentence)).toMatchObject({ hits: 4, skippedHits: 0, ranges: 4, existing: 0, toCreate: 4 });
    const r = await applyAutocode(ctx.db, { ...sentence, actorId: lead, summary });
    expect(mineOf(lead).map((c) => c.quote)).toEqual([
      'Я подписала электронную петицию на e-Otinish.',
      'Петиция про дороги собрала подписи!',
      'ПЕТИЦИЯ — это голос.',
      'Петициялар туралы ештеңе білмеймін, ҚҰРМЕТТІ әкім.',
    ]);
    expect(r.codingIds).toHaveLength(4);
    const again = await applyAutocode(ctx.db, { ...(await request('петиц*', 'sentence', lead, false)), actorId: lead, summary });
    expect(again).toMatchObject({ existing: 4, toCreate: 0, codingIds: [], batchId: null });
    // Whole turns: two hits in one turn make one coding; the last turn is one sentence, already coded.
    const turn = await applyAutocode(ctx.db, { ...(await request('петиц*', 'turn', lead, false)), actorId: lead, summary });
    expect(turn).toMatchObject({ ranges: 3, existing: 1, toCreate: 2 });
    for (const c of mineOf(lead)) expect((await documentText(ctx.db, c.documentId)).slice(c.start, c.end)).toBe(c.quote);
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('records one coding.autocode event and a coding.create event per coding, and marks the assignment in progress', async () => {
    const req = await request('петиц* OR әкімдікке', 'match', f.coder2.id);
    const r = await applyAutocode(ctx.db, { ...req, actorId: f.coder2.id, summary: { q: 'петиц* OR әкімдікке', regex: false } });
    expect(r.codingIds).toHaveLength(6);
    const events = ctx.db.select().from(auditEvents).all();
    const batch = events.filter((e) => e.action === 'coding.autocode');
    expect(batch).toHaveLength(1);
    expect(batch[0].id).toBe(r.batchId);
    expect(batch[0].after).toMatchObject({ q: 'петиц* OR әкімдікке', codeId: f.eotinish.id, extent: 'match', created: 6, hits: 6, skippedHits: 0 });
    const creates = events.filter((e) => e.action === 'coding.create');
    expect(creates.map((e) => e.entityId).sort()).toEqual([...r.codingIds].sort());
    const statuses = ctx.db.select().from(assignments).where(eq(assignments.coderId, f.coder2.id)).all();
    expect(statuses.map((s) => s.status)).toEqual(['in_progress', 'in_progress']);
  });

  it('refuses an archived code or one of another project, writing nothing', async () => {
    const req = await request('петиция', 'match', f.lead.id, false);
    await expect(applyAutocode(ctx.db, { ...req, codeId: f.foreignCode.id, actorId: f.lead.id, summary })).rejects.toThrow(AutocodeError);
    ctx.db.update(codes).set({ archived: true }).where(eq(codes.id, f.eotinish.id)).run();
    await expect(applyAutocode(ctx.db, { ...req, actorId: f.lead.id, summary })).rejects.toThrow(/archived/);
    expect(ctx.db.select().from(codings).all()).toEqual([]);
  });

  it('leaves out hits whose transcript was corrected after the search', async () => {
    const req = await request('петиция OR instagram', 'match', f.lead.id, false);
    await correctTranscript(ctx.db, {
      projectId: f.project.id, documentId: f.doc.id, version: 1, actorId: f.lead.id,
      op: { op: 'edit', index: 2, text: 'Ещё раз: я пишу в Instagram акимата.' },
    });
    const r = await applyAutocode(ctx.db, { ...req, actorId: f.lead.id, summary });
    expect(r).toMatchObject({ hits: 3, staleHits: 1, toCreate: 2 });
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });
});

describe('undo of an auto-coding', () => {
  it('deletes exactly the batch’s codings that are unchanged, once', async () => {
    const coder = f.coder2.id;
    const before = await applyAutocode(ctx.db, { ...(await request('instagram', 'turn', coder)), actorId: coder, summary });
    const r = await applyAutocode(ctx.db, { ...(await request('петиц* OR instagram', 'match', coder)), actorId: coder, summary });
    expect(r.codingIds).toHaveLength(5);
    // one coding of the batch gets a memo: it is kept
    ctx.db.update(codings).set({ memo: 'keep me' }).where(eq(codings.id, r.codingIds[0])).run();
    const undo = await undoAutocode(ctx.db, { projectId: f.project.id, batchId: r.batchId!, actorId: coder, mayUndoOthers: false, mayWrite: () => true });
    expect(undo).toEqual({ deleted: 4, kept: 1, missing: 0 });
    const left = mineOf(coder).map((c) => c.id).sort();
    expect(left).toEqual([...before.codingIds, r.codingIds[0]].sort());
    expect(await undoAutocode(ctx.db, { projectId: f.project.id, batchId: r.batchId!, actorId: coder, mayUndoOthers: false, mayWrite: () => true })).toEqual({
      deleted: 0,
      kept: 1,
      missing: 4,
    });
    const actions = ctx.db.select({ a: auditEvents.action }).from(auditEvents).all().map((e) => e.a);
    expect(actions.filter((a) => a === 'coding.delete')).toHaveLength(4);
    expect(actions.filter((a) => a === 'coding.autocode.undo')).toHaveLength(2);
  });

  it('is the author’s (or a lead’s) to undo, in this project', async () => {
    const r = await applyAutocode(ctx.db, { ...(await request('петиция', 'match', f.coder2.id)), actorId: f.coder2.id, summary });
    const input = { projectId: f.project.id, batchId: r.batchId!, mayWrite: () => true };
    await expect(undoAutocode(ctx.db, { ...input, actorId: f.coder1.id, mayUndoOthers: false })).rejects.toThrow(/Only the person/);
    // in blind mode it does not exist for another coder
    await expect(undoAutocode(ctx.db, { ...input, actorId: f.coder1.id, mayUndoOthers: false, othersHidden: true })).rejects.toThrow(`Auto-coding ${r.batchId} does not exist`);
    await expect(undoAutocode(ctx.db, { ...input, projectId: f.other.id, actorId: f.coder2.id, mayUndoOthers: false })).rejects.toThrow(/does not exist/);
    expect((await undoAutocode(ctx.db, { ...input, actorId: f.lead.id, mayUndoOthers: true })).deleted).toBe(2);
  });
});
