import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { listDisagreements } from '@/lib/agreement/disagreements';
import { consensusRanges, type Decision } from '@/lib/agreement/resolution';
import { openTestDatabase } from '../testing';
import { seedFixture } from '../testing/fixture';
import { auditEvents, codes, codings, memos } from '../schema';
import { resolutionsOf, reviewDocument } from './agreement';
import { codingsForDocument, createCodings } from './codings';
import { copyLayerToConsensus, resolveDisagreement } from './consensus';
import { checkIntegrity } from './integrity';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
});
afterEach(() => ctx.close());

const layer = (coderId: number) => ({ kind: 'coder' as const, coderId });
const code = async (coderId: number, codeId: number, start: number, end: number) =>
  (await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [codeId], start, end, layer: layer(coderId), actorId: coderId }))[0];
const consensus = () => codingsForDocument(ctx.db, f.doc.id, [{ kind: 'consensus' }]);

const review = async () => (await reviewDocument(ctx.db, f.project.id, f.doc.id, [f.coder1.id, f.coder2.id]))!;

/** The disagreements of coders 1 and 2, as the review page computes them. */
async function disagreements() {
  const review = (await reviewDocument(ctx.db, f.project.id, f.doc.id, [f.coder1.id, f.coder2.id]))!;
  return listDisagreements({
    turns: review.turns.map((t) => ({ start: t.start, end: t.end, isParticipant: t.speakerKind === 'participant' })),
    coders: [String(f.coder1.id), String(f.coder2.id)],
    assignedCoders: review.assigned.map(String),
    codings: review.codings,
  }).items;
}

async function resolve(decision: Decision, note?: string, noteToCode = false) {
  const [item] = await disagreements();
  return await resolveDisagreement(ctx.db, {
    projectId: f.project.id,
    documentId: f.doc.id,
    version: (await review()).version,
    actorId: f.lead.id,
    key: item.key,
    codeId: Number(item.codeId),
    start: item.start,
    end: item.end,
    decision,
    ranges: consensusRanges(item, decision),
    note,
    noteToCode,
  });
}

describe('resolveDisagreement', () => {
  beforeEach(async () => {
    // P1's turn: coder 1 codes "әкімдікке e-Otinish", coder 2 the whole turn — 50 % overlap.
    const p1 = f.ranges[1];
    const start = f.text.indexOf('әкімдікке');
    await code(f.coder1.id, f.channels.id, start, start + 'әкімдікке e-Otinish'.length);
    await code(f.coder2.id, f.channels.id, p1.start, p1.end);
  });

  it('accepts coder 1’s version into the consensus layer, with a valid quote, and stores the resolution', async () => {
    const [item] = await disagreements();
    expect(item.reasons).toEqual(['segment']);
    const result = await resolve({ kind: 'accept', coder: String(f.coder1.id) }, 'Only the channel named, not the whole turn.');
    expect((await consensus()).map((c) => [c.quote, c.coderId, c.memo])).toEqual([['әкімдікке e-Otinish', f.lead.id, 'Only the channel named, not the whole turn.']]);
    expect(result.created).toHaveLength(1);
    const stored = await resolutionsOf(ctx.db, f.project.id, f.doc.id);
    expect(stored.get(item.key)?.decision).toEqual({ kind: 'accept', coder: String(f.coder1.id) });
    // the coders' layers are untouched, so the disagreement and its key stay, now resolved
    expect((await disagreements()).map((d) => d.key)).toEqual([item.key]);
    expect(ctx.db.select().from(auditEvents).all().map((a) => a.action).slice(-2)).toEqual(['coding.create', 'disagreement.resolve']);
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('replaces the passage on a second decision instead of piling up codings', async () => {
    await resolve({ kind: 'accept', coder: String(f.coder1.id) });
    await resolve({ kind: 'both' });
    expect((await consensus()).map((c) => c.quote)).toEqual([f.text.slice(f.ranges[1].start, f.ranges[1].end), 'әкімдікке e-Otinish']);
    const firstId = (await consensus()).find((c) => c.quote === 'әкімдікке e-Otinish')!.id;
    await resolve({ kind: 'accept', coder: String(f.coder1.id) });
    expect((await consensus()).map((c) => c.id)).toEqual([firstId]); // an identical coding is kept, not rewritten
    await resolve({ kind: 'reject' });
    expect(await consensus()).toEqual([]);
    expect((await resolutionsOf(ctx.db, f.project.id, f.doc.id)).get((await disagreements())[0].key)?.decision).toEqual({ kind: 'reject' });
  });

  it('writes an edited range, and leaves consensus codings of other codes and passages alone', async () => {
    const other = (await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.eotinish.id], start: f.ranges[1].start, end: f.ranges[1].end, layer: { kind: 'consensus' }, actorId: f.lead.id }))[0];
    const elsewhere = (await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id], start: f.ranges[2].start, end: f.ranges[2].end, layer: { kind: 'consensus' }, actorId: f.lead.id }))[0];
    const start = f.text.indexOf('e-Otinish');
    await resolve({ kind: 'edit', start, end: start + 9 });
    expect((await consensus()).map((c) => [c.codeId, c.quote])).toEqual([
      [f.eotinish.id, other.quote],
      [f.channels.id, 'e-Otinish'],
      [f.channels.id, elsewhere.quote],
    ]);
  });

  it('appends the note to the code as a memo when asked', async () => {
    await resolve({ kind: 'accept', coder: String(f.coder1.id) }, 'Code the named channel only.', true);
    const memo = ctx.db.select().from(memos).where(and(eq(memos.targetKind, 'code'), eq(memos.targetId, f.channels.id))).get();
    expect(memo?.text).toMatch(/^Code the named channel only\. \(FG01, \d+–\d+\)$/);
    expect(memo?.authorId).toBe(f.lead.id);
  });

  it('writes nothing when the range is bad or the code archived', async () => {
    const existing = (await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id], start: f.ranges[1].start, end: f.ranges[1].start + 5, layer: { kind: 'consensus' }, actorId: f.lead.id }))[0];
    const before = ctx.db.select().from(auditEvents).all().length;
    await expect(resolve({ kind: 'edit', start: 10, end: 100_000 }, 'note', true)).rejects.toThrow(/outside the text/);
    ctx.db.update(codes).set({ archived: true }).where(eq(codes.id, f.channels.id)).run();
    await expect(resolve({ kind: 'accept', coder: String(f.coder1.id) })).rejects.toThrow(/archived/);
    expect((await consensus()).map((c) => c.id)).toEqual([existing.id]); // the replaced coding is back
    expect(ctx.db.select().from(auditEvents).all()).toHaveLength(before);
    expect(ctx.db.select().from(memos).all()).toEqual([]);
  });
});

describe('copyLayerToConsensus', () => {
  it('copies the only coder’s layer, with memos, without doubling on a second copy', async () => {
    const a = await code(f.coder1.id, f.channels.id, f.ranges[1].start, f.ranges[1].end);
    await code(f.coder1.id, f.eotinish.id, f.ranges[1].start, f.ranges[1].end);
    ctx.db.update(codings).set({ memo: 'жеке арна' }).where(eq(codings.id, a.id)).run();
    expect(await copyLayerToConsensus(ctx.db, f.project.id, f.doc.id, f.coder1.id, f.lead.id)).toEqual({ copied: 2, skipped: 0 });
    expect(await copyLayerToConsensus(ctx.db, f.project.id, f.doc.id, f.coder1.id, f.lead.id)).toEqual({ copied: 2, skipped: 0 });
    const c = await consensus();
    expect(c.map((x) => [x.codeId, x.start, x.end, x.coderId])).toEqual([
      [f.channels.id, f.ranges[1].start, f.ranges[1].end, f.lead.id],
      [f.eotinish.id, f.ranges[1].start, f.ranges[1].end, f.lead.id],
    ]);
    expect(c.find((x) => x.codeId === f.channels.id)?.memo).toBe('жеке арна');
    expect(ctx.db.select().from(auditEvents).all().filter((e) => e.action === 'layer.copy_to_consensus')).toHaveLength(2);
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('skips archived codes, and refuses a coder without codings or a document two coders coded', async () => {
    await expect(copyLayerToConsensus(ctx.db, f.project.id, f.doc.id, f.coder1.id, f.lead.id)).rejects.toThrow(/no codings/);
    await code(f.coder1.id, f.channels.id, 0, 4);
    await code(f.coder1.id, f.eotinish.id, 0, 4);
    ctx.db.update(codes).set({ archived: true }).where(eq(codes.id, f.eotinish.id)).run();
    expect(await copyLayerToConsensus(ctx.db, f.project.id, f.doc.id, f.coder1.id, f.lead.id)).toEqual({ copied: 1, skipped: 1 });
    await code(f.coder2.id, f.channels.id, 0, 4);
    await expect(copyLayerToConsensus(ctx.db, f.project.id, f.doc.id, f.coder1.id, f.lead.id)).rejects.toThrow(/coder2 also coded this document/);
    await expect(copyLayerToConsensus(ctx.db, f.other.id, f.doc.id, f.coder1.id, f.lead.id)).rejects.toThrow(/not in this project/);
  });
});
