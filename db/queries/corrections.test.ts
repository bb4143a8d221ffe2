import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing';
import { seedFixture } from '../testing/fixture';
import { codings } from '../schema';
import { createCodings, documentText } from './codings';
import { correctTranscript } from './corrections';
import { checkIntegrity } from './integrity';
import { turnsOfDocument } from './documents';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
});
afterEach(() => ctx.close());

const code = async (start: number, end: number, coderId = f.coder1.id) =>
  (await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id], start, end, layer: { kind: 'coder', coderId }, actorId: coderId }))[0];

describe('correctTranscript', () => {
  it('fixes a typo inside a coded passage and the coding follows, in every layer', async () => {
    const s = f.text.indexOf('Instagram');
    const a = await code(s, s + 'Instagram акимата'.length);
    const b = await code(f.ranges[2].start, f.ranges[2].end, f.coder2.id);
    const r = await correctTranscript(ctx.db, {
      projectId: f.project.id, documentId: f.doc.id, version: 1, actorId: f.lead.id,
      op: { op: 'edit', index: 2, text: 'А я пишу в Instagram әкімдігі.' },
    });
    expect(r).toEqual({ version: 2, remapped: 2, flagged: 0 });
    const rows = new Map(ctx.db.select().from(codings).all().map((c) => [c.id, c]));
    expect(rows.get(a.id)!.quote).toBe('Instagram әкімдігі');
    expect(rows.get(b.id)!.quote).toBe('А я пишу в Instagram әкімдігі.');
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('keeps a coding whose text was deleted, flagged with its old quote', async () => {
    const s = f.text.indexOf('в Instagram');
    const c = await code(s, s + 'в Instagram'.length);
    const r = await correctTranscript(ctx.db, {
      projectId: f.project.id, documentId: f.doc.id, version: 1, actorId: f.lead.id,
      op: { op: 'edit', index: 2, text: 'А я пишу акимата.' },
    });
    expect(r.flagged).toBe(1);
    const row = ctx.db.select().from(codings).all().find((x) => x.id === c.id)!;
    expect(row).toMatchObject({ needsReview: true, previousQuote: 'в Instagram', quote: '' });
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('splits and merges turns, keeping codings on their text and turns contiguous', async () => {
    const c = await code(f.ranges[1].start, f.ranges[2].end);
    await correctTranscript(ctx.db, { projectId: f.project.id, documentId: f.doc.id, version: 1, actorId: f.lead.id, op: { op: 'split', index: 1, at: 'Мен әкімдікке'.length } });
    expect((await turnsOfDocument(ctx.db, f.doc.id)).map((t) => t.text)).toHaveLength(4);
    await correctTranscript(ctx.db, { projectId: f.project.id, documentId: f.doc.id, version: 2, actorId: f.lead.id, op: { op: 'merge', index: 1 } });
    expect(await turnsOfDocument(ctx.db, f.doc.id)).toHaveLength(3);
    const row = ctx.db.select().from(codings).all().find((x) => x.id === c.id)!;
    expect((await documentText(ctx.db, f.doc.id)).slice(row.start, row.end)).toBe(row.quote);
    expect(row.quote.startsWith('Мен әкімдікке e-Otinish')).toBe(true);
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('rejects a stale version and a participant of another project, changing nothing', async () => {
    const before = await documentText(ctx.db, f.doc.id);
    await expect(correctTranscript(ctx.db, { projectId: f.project.id, documentId: f.doc.id, version: 7, actorId: f.lead.id, op: { op: 'edit', index: 1, text: 'x' } }),
    ).rejects.toThrow(/in the meantime/);
    await expect(correctTranscript(ctx.db, { projectId: f.other.id, documentId: f.doc.id, version: 1, actorId: f.outsider.id, op: { op: 'edit', index: 1, text: 'x' } }),
    ).rejects.toThrow(/not in this project/);
    expect(await documentText(ctx.db, f.doc.id)).toBe(before);
  });
});
