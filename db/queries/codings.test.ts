import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../testing';
import { seedFixture } from '../testing/fixture';
import { assignments, auditEvents, codings, documents } from '../schema';
import { codingsForDocument, createCodings, deleteCoding, editorCodingsForDocument, updateCoding } from './codings';
import { toColumns, unpackCodings } from '@/lib/coding/editor-codings';
import { checkIntegrity } from './integrity';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
});
afterEach(() => ctx.close());

const own = (id: number) => ({ kind: 'coder' as const, coderId: id });

describe('createCodings', () => {
  it('stores the quote as the text slice, audits it and starts the assignment', async () => {
    const start = f.text.indexOf('әкімдікке');
    const end = f.text.indexOf('👍') + 2;
    const [c] = await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.eotinish.id], start, end, layer: own(f.coder1.id), actorId: f.coder1.id });
    expect(c.quote).toBe('әкімдікке e-Otinish арқылы жаздым 👍');
    expect(c.coderName).toBe('coder1');
    expect(ctx.db.select().from(auditEvents).all().map((a) => a.action)).toEqual(['coding.create']);
    const a = ctx.db.select().from(assignments).where(eq(assignments.coderId, f.coder1.id)).get();
    expect(a?.status).toBe('in_progress');
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('codes a range across two turns with several codes at once, and does not double an identical coding', async () => {
    const input = { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id, f.eotinish.id], start: f.ranges[1].start + 4, end: f.ranges[2].end, layer: own(f.coder1.id), actorId: f.coder1.id };
    const first = await createCodings(ctx.db, input);
    const again = await createCodings(ctx.db, input);
    expect(first).toHaveLength(2);
    expect(again.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(first[0].quote).toContain('\n');
    expect(ctx.db.select().from(codings).all()).toHaveLength(2);
  });

  it.each([
    ['outside the text', { start: 5, end: 10_000 }, /outside the text/],
    ['empty', { start: 5, end: 5 }, /empty/],
    ['negative', { start: -1, end: 3 }, /outside/],
  ])('rejects a range %s and writes nothing', async (_, range, message) => {
    await expect(createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id], ...range, layer: own(f.coder1.id), actorId: f.coder1.id }),
    ).rejects.toThrow(message);
    expect(ctx.db.select().from(codings).all()).toEqual([]);
    expect(ctx.db.select().from(auditEvents).all()).toEqual([]);
  });

  it('rejects a code of another project, naming it, with nothing written even when other codes are fine', async () => {
    await expect(createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id, f.foreignCode.id], start: 0, end: 3, layer: own(f.coder1.id), actorId: f.coder1.id }),
    ).rejects.toThrow(`Code ${f.foreignCode.id} is not in this project`);
    expect(ctx.db.select().from(codings).all()).toEqual([]);
  });

  it('rejects a document of another project and offsets made stale by a correction', async () => {
    await expect(createCodings(ctx.db, { projectId: f.other.id, documentId: f.doc.id, codeIds: [f.foreignCode.id], start: 0, end: 3, layer: own(f.outsider.id), actorId: f.outsider.id }),
    ).rejects.toThrow(/not in this project/);
    ctx.db.update(documents).set({ version: 2 }).where(eq(documents.id, f.doc.id)).run();
    await expect(createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, version: 1, codeIds: [f.channels.id], start: 0, end: 3, layer: own(f.coder1.id), actorId: f.coder1.id }),
    ).rejects.toThrow(/corrected since you opened it/);
  });
});

describe('reading layers', () => {
  it('returns only the layers asked for', async () => {
    const base = { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id], start: 0, end: 4 };
    await createCodings(ctx.db, { ...base, layer: own(f.coder1.id), actorId: f.coder1.id });
    await createCodings(ctx.db, { ...base, layer: own(f.coder2.id), actorId: f.coder2.id });
    await createCodings(ctx.db, { ...base, layer: { kind: 'consensus' }, actorId: f.lead.id });
    expect((await codingsForDocument(ctx.db, f.doc.id, [own(f.coder1.id)])).map((c) => c.coderName)).toEqual(['coder1']);
    expect((await codingsForDocument(ctx.db, f.doc.id, [{ kind: 'consensus' }])).map((c) => c.layer)).toEqual(['consensus']);
    expect(await codingsForDocument(ctx.db, f.doc.id, [])).toEqual([]);
    expect(await codingsForDocument(ctx.db, f.doc.id, [own(f.coder1.id), own(f.coder2.id), { kind: 'consensus' }])).toHaveLength(3);
  });

  it('gives the editor the same codings, packed, without quotes and each coder named once', async () => {
    const base = { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id, f.eotinish.id], start: 2, end: 9 };
    await createCodings(ctx.db, { ...base, layer: own(f.coder1.id), actorId: f.coder1.id });
    await createCodings(ctx.db, { ...base, start: 0, layer: own(f.coder2.id), actorId: f.coder2.id });
    const [consensus] = await createCodings(ctx.db, { ...base, codeIds: [f.channels.id], layer: { kind: 'consensus' }, actorId: f.lead.id });
    ctx.db.update(codings).set({ memo: 'Қазақша «memo»', needsReview: true }).where(eq(codings.id, consensus.id)).run();
    const layers = [own(f.coder1.id), own(f.coder2.id), { kind: 'consensus' as const }];
    const packed = await editorCodingsForDocument(ctx.db, f.doc.id, layers);
    expect(packed.coders).toEqual({ [f.coder1.id]: 'coder1', [f.coder2.id]: 'coder2', [f.lead.id]: 'lead' });
    const full = (await codingsForDocument(ctx.db, f.doc.id, layers)).map(({ quote: _, ...c }) => c);
    expect(unpackCodings(JSON.parse(JSON.stringify(toColumns(packed))))).toEqual(full);
    expect(full.find((c) => c.id === consensus.id)).toMatchObject({ layer: 'consensus', memo: 'Қазақша «memo»', needsReview: true });
    expect(await editorCodingsForDocument(ctx.db, f.doc.id, [])).toEqual({ coders: {}, rows: [] });
  });
});

describe('updateCoding and deleteCoding', () => {
  it('moves the quote with the range, changes code and memo, and audits both', async () => {
    const [c] = await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id], start: f.ranges[2].start, end: f.ranges[2].start + 5, layer: own(f.coder1.id), actorId: f.coder1.id });
    const start = f.text.indexOf('Instagram');
    const u = await updateCoding(ctx.db, f.project.id, c.id, { start, end: start + 'Instagram'.length, codeId: f.eotinish.id, memo: 'жеке арна' }, f.coder1.id);
    expect(u).toMatchObject({ quote: 'Instagram', codeId: f.eotinish.id, memo: 'жеке арна' });
    await expect(updateCoding(ctx.db, f.project.id, c.id, { end: 99_999 }, f.coder1.id)).rejects.toThrow(/outside the text/);
    await expect(updateCoding(ctx.db, f.project.id, c.id, { codeId: f.foreignCode.id }, f.coder1.id)).rejects.toThrow(/not in this project/);
    await deleteCoding(ctx.db, f.project.id, c.id, f.coder1.id);
    expect(ctx.db.select().from(codings).all()).toEqual([]);
    expect(ctx.db.select().from(auditEvents).all().map((a) => a.action)).toEqual(['coding.create', 'coding.update', 'coding.delete']);
    await expect(deleteCoding(ctx.db, f.other.id, c.id, f.outsider.id)).rejects.toThrow(/does not exist/);
  });
});

describe('checkIntegrity', () => {
  it('reports a quote that no longer matches the text', async () => {
    const [c] = await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id], start: 0, end: 4, layer: own(f.coder1.id), actorId: f.coder1.id });
    ctx.db.update(codings).set({ quote: 'nope' }).where(eq(codings.id, c.id)).run();
    expect((await checkIntegrity(ctx.db)).problems).toEqual([`Coding ${c.id}: quote differs from the text at [0, 4) of document ${f.doc.id}`]);
  });
});
