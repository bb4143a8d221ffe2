import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { agreementReadiness } from '@/lib/agreement/readiness';
import { agreementSummary } from '@/lib/agreement/summary';
import { listDisagreements } from '@/lib/agreement/disagreements';
import { openTestDatabase } from '../testing';
import { seedFixture } from '../testing/fixture';
import { seedDemo } from '../seed/demo';
import { assignments, codings, documents, users } from '../schema';
import { agreementChoices, agreementInput, resolutionsOf, reviewDocument, singleCodedDocuments, unknownSelectionIds } from './agreement';
import { createCodings } from './codings';
import { recordAudit } from './audit';

describe('on the fixture', () => {
  let ctx: ReturnType<typeof openTestDatabase>;
  let f: ReturnType<typeof seedFixture>;
  beforeEach(() => {
    ctx = openTestDatabase();
    f = seedFixture(ctx.db);
  });
  afterEach(() => ctx.close());

  const code = async (coderId: number, codeId: number, turn: number, from = 0, to?: number) => {
    const r = f.ranges[turn];
    await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [codeId], start: r.start + from, end: to == null ? r.end : r.start + to, layer: { kind: 'coder', coderId }, actorId: coderId });
  };

  it('gathers the coders’ layers and computes a hand-worked turn-level report (db → report)', async () => {
    //            T1 (P1)     T2 (P2)
    // Channels   c1 ✓ c2 ✓   c1 ✗ c2 ✓
    // e-Otinish  c1 ✓ c2 ✓   c1 ✗ c2 ✗
    // (a coding in the moderator's turn T0 is no turn unit; the consensus layer is not a coder)
    await code(f.coder1.id, f.channels.id, 1);
    await code(f.coder2.id, f.channels.id, 1, 4, 13);
    await code(f.coder2.id, f.channels.id, 2);
    await code(f.coder1.id, f.eotinish.id, 1, 14, 23);
    await code(f.coder2.id, f.eotinish.id, 1, 14, 23);
    await code(f.coder1.id, f.eotinish.id, 0);
    await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.eotinish.id], start: f.ranges[2].start, end: f.ranges[2].end, layer: { kind: 'consensus' }, actorId: f.lead.id });

    const input = await agreementInput(ctx.db, f.project.id, { coders: [f.coder1.id, f.coder2.id, f.lead.id] });
    expect(input.coders).toEqual([f.coder1.id, f.coder2.id, f.lead.id].map(String));
    expect(input.codes).toEqual([f.channels.id, f.eotinish.id].map(String)); // the codebook, not the other project's code
    expect(input.documents).toHaveLength(1);
    expect([...input.documents[0].assignedCoders].sort()).toEqual([f.coder1.id, f.coder2.id].map(String).sort());
    expect(input.documents[0].turns).toEqual(f.ranges.map((r, i) => ({ ...r, isParticipant: i > 0 })));
    expect(input.documents[0].codings[String(f.coder1.id)]).toHaveLength(3);
    expect(input.documents[0].codings[String(f.lead.id)]).toBeUndefined();

    const { report, byPair, codings: perCode } = agreementSummary(input);
    // Channels: T1 (1,1), T2 (0,1): o11 = 2, o01 = 1, n = 4, n0 = 1, n1 = 3 → α = 1 − 3·1/(1·3) = 0; pa = ½
    // e-Otinish: T1 (1,1), T2 (0,0) → α = 1, pa = 1
    // pooled: o11 = 4, o01 = 1, o00 = 2; n = 8, n0 = 3, n1 = 5 → α = 1 − 7·1/(3·5) = 8/15; pa = 3/4
    const [channels, eotinish] = report.turn.byCode;
    expect(channels.units).toBe(2);
    expect(channels.alpha).toBeCloseTo(0, 12);
    expect(channels.percentAgreement).toBeCloseTo(0.5, 12);
    expect(eotinish.alpha).toBe(1);
    expect(report.turn.pooled.units).toBe(4);
    expect(report.turn.pooled.alpha).toBeCloseTo(8 / 15, 12);
    expect(report.turn.pooled.percentAgreement).toBeCloseTo(0.75, 12);
    // Cohen's κ, coder 1 vs coder 2 over 4 units: c1 = 1 0 1 0, c2 = 1 1 1 0:
    // po = ¾, pe = ½·¾ + ½·¼ = ½ → κ = ½. The lead is not assigned: no units with anyone.
    const [c1c2, c1lead] = report.turn.kappa;
    expect(c1c2.pooled).toEqual({ units: 4, kappa: expect.closeTo(0.5, 12) });
    expect(c1c2.byCode[0].kappa).toBeCloseTo(0, 12);
    expect(c1lead.pooled.units).toBe(0);
    expect(byPair[0].turn.alpha).toBeCloseTo(8 / 15, 12);
    expect(perCode).toEqual([3, 3]); // codings of the compared coders, the moderator-turn one included
  });

  it('counts only documents the chosen coders were assigned to', async () => {
    await code(f.coder1.id, f.channels.id, 1);
    await code(f.coder2.id, f.channels.id, 2);
    ctx.db.delete(assignments).where(and(eq(assignments.documentId, f.doc.id), eq(assignments.coderId, f.coder2.id))).run();
    const input = await agreementInput(ctx.db, f.project.id, { coders: [f.coder1.id, f.coder2.id] });
    expect(input.documents[0].assignedCoders).toEqual([String(f.coder1.id)]);
    const readiness = agreementReadiness(input);
    expect(readiness.problem).toEqual({ kind: 'no-shared-documents', documents: [{ id: String(f.doc.id), assigned: [String(f.coder1.id)] }] });
    expect(agreementSummary(input).report.turn.pooled.flag).toBe('too-few-units');
  });

  it('names ids that are not in the project', async () => {
    const foreignDoc = ctx.db.insert(documents).values({ projectId: f.other.id, title: 'Foreign' }).returning().get();
    expect(
      await unknownSelectionIds(ctx.db, f.project.id, { coders: [f.coder1.id, f.outsider.id, 9999], codes: [f.channels.id, f.foreignCode.id], documents: [f.doc.id, foreignDoc.id] }),
    ).toEqual({ coders: [f.outsider.id, 9999], codes: [f.foreignCode.id], documents: [foreignDoc.id] });
    expect(await unknownSelectionIds(ctx.db, f.project.id, { coders: [f.coder1.id], codes: null })).toEqual({ coders: [], codes: [], documents: [] });
  });

  it('offers the assigned coders, the codebook and the documents', async () => {
    const choices = await agreementChoices(ctx.db, f.project.id);
    expect(choices.coders).toEqual([
      { id: f.coder1.id, name: 'coder1', assigned: 1 },
      { id: f.coder2.id, name: 'coder2', assigned: 1 },
    ]);
    expect(choices.codes.map((c) => c.path)).toEqual(['Channels', 'e-Otinish']);
    expect(choices.documents).toEqual([{ id: f.doc.id, title: 'FG01', coders: [f.coder1.id, f.coder2.id] }]);
  });

  it('reads one document for the review: text, the asked coders’ layers and the consensus', async () => {
    await code(f.coder1.id, f.channels.id, 1);
    await code(f.coder2.id, f.channels.id, 2);
    await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.eotinish.id], start: 0, end: 3, layer: { kind: 'consensus' }, actorId: f.lead.id });
    const review = (await reviewDocument(ctx.db, f.project.id, f.doc.id, [f.coder1.id]))!;
    expect(review.text).toBe(f.text);
    expect(review.assigned).toEqual([f.coder1.id]);
    expect(Object.keys(review.codings)).toEqual([String(f.coder1.id)]);
    expect(review.consensus).toEqual([{ id: expect.any(Number), codeId: String(f.eotinish.id), start: 0, end: 3, coderName: 'lead' }]);
    expect(await reviewDocument(ctx.db, f.other.id, f.doc.id, [f.coder1.id])).toBeUndefined();
  });

  it('keeps the latest resolution per key', async () => {
    const resolve = (key: string, kind: string) =>
      recordAudit(ctx.db, { projectId: f.project.id, userId: f.lead.id, action: 'disagreement.resolve', entityType: 'document', entityId: f.doc.id, after: { key, decision: { kind }, note: '' } });
    await resolve('1:1.2', 'reject');
    await resolve('1:1.2', 'both');
    await resolve('2:3', 'reject');
    const r = await resolutionsOf(ctx.db, f.project.id, f.doc.id);
    expect([...r.keys()].sort()).toEqual(['1:1.2', '2:3']);
    expect(r.get('1:1.2')?.decision).toEqual({ kind: 'both' });
    expect(r.get('1:1.2')?.userName).toBe('lead');
    expect((await resolutionsOf(ctx.db, f.other.id, f.doc.id)).size).toBe(0);
  });

  it('finds documents only one coder coded', async () => {
    expect(await singleCodedDocuments(ctx.db, f.project.id)).toEqual([]);
    await code(f.coder1.id, f.channels.id, 1);
    expect(await singleCodedDocuments(ctx.db, f.project.id)).toEqual([
      { documentId: f.doc.id, title: 'FG01', coderId: f.coder1.id, coderName: 'coder1', codings: 1, consensus: 0 },
    ]);
    await code(f.coder2.id, f.channels.id, 1);
    expect(await singleCodedDocuments(ctx.db, f.project.id)).toEqual([]);
  });
});

describe('on the demo study', () => {
  let ctx: ReturnType<typeof openTestDatabase>;
  let projectId: number;
  let ids: Record<string, number>;
  beforeAll(() => {
    ctx = openTestDatabase();
    ({ projectId } = seedDemo(ctx.db));
    ids = Object.fromEntries(ctx.db.select({ id: users.id, email: users.email }).from(users).all().map((u) => [u.email.split('@')[0], u.id]));
  });
  afterAll(() => ctx.close());

  it('compares coders 1 and 2 on the four double-coded groups, coder 3 on FG13 only', async () => {
    const input = await agreementInput(ctx.db, projectId, { coders: [ids.coder1, ids.coder2, ids.coder3] });
    expect(input.documents).toHaveLength(16);
    expect(input.codes).toHaveLength(40);
    const readiness = agreementReadiness(input);
    expect(readiness).toMatchObject({ problem: null, compared: 4, idle: [] });
    const { report, byDocument } = agreementSummary(input);
    const titles = new Map(ctx.db.select({ id: documents.id, title: documents.title }).from(documents).all().map((d) => [String(d.id), d.title]));
    expect(byDocument.filter((d) => d.coders >= 2).map((d) => titles.get(d.documentId!)!.slice(0, 4))).toEqual(['FG01', 'FG07', 'FG09', 'FG13']);
    expect(byDocument.find((d) => titles.get(d.documentId!)!.startsWith('FG13'))!.coders).toBe(3);
    // The demo's coders agree on roughly three quarters of what either coded: α well above 0, below 1.
    expect(report.turn.pooled.alpha).toBeGreaterThan(0.5);
    expect(report.turn.pooled.alpha).toBeLessThan(1);
    expect(report.turn.pooled.flag).toBeNull();
    const c1c2 = report.turn.kappa.find((k) => k.coderA === String(ids.coder1) && k.coderB === String(ids.coder2))!;
    expect(c1c2.pooled.kappa).toBeGreaterThan(0.5);
  });

  it('lists the disagreements of coders 1 and 2 in FG09', async () => {
    const fg09 = ctx.db.select().from(documents).all().find((d) => d.title.startsWith('FG09'))!;
    const review = (await reviewDocument(ctx.db, projectId, fg09.id, [ids.coder1, ids.coder2]))!;
    const turns = review.turns.map((t) => ({ start: t.start, end: t.end, isParticipant: t.speakerKind === 'participant' }));
    const listing = listDisagreements({ turns, coders: [ids.coder1, ids.coder2].map(String), assignedCoders: review.assigned.map(String), codings: review.codings });
    expect(listing.compared).toHaveLength(2);
    expect(listing.items.length).toBeGreaterThan(5);
    const consensus = ctx.db.select().from(codings).where(and(eq(codings.documentId, fg09.id), eq(codings.layer, 'consensus'))).all();
    expect(consensus).toEqual([]);
  });
});
