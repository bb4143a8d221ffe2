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

const code = (start: number, end: number, coderId = f.coder1.id) =>
  createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id], start, end, layer: { kind: 'coder', coderId }, actorId: coderId })[0];

describe('correctTranscript', () => {
  it('fixes a typo inside a coded passage and the coding follows, in every layer', () => {
    const s = f.text.indexOf('Instagram');
    const a = code(s, s + 'Instagram акимата'.length);
    const b = code(f.ranges[2].start, f.ranges[2].end, f.coder2.id);
    const r = correctTranscript(ctx.db, {
      projectId: f.project.id, documentId: f.doc.id, version: 1, actorId: f.lead.id,
      op: { op: 'edit', index: 2, text: 'А я пишу в Instagram әкімдігі.' },
    });
    expect(r).toEqual({ version: 2, remapped: 2, flagged: 0 });
    const rows = new Map(ctx.db.select().from(codings).all().map((c) => [c.id, c]));
    expect(rows.get(a.id)!.quote).toBe('Instagram әкімдігі');
    expect(rows.get(b.id)!.quote).toBe('А я пишу в Instagram әкімдігі.');
    expect(checkIntegrity(ctx.db).problems).toEqual([]);
  });

  it('keeps a coding whose text was deleted, flagged with its old quote', () => {
    const s = f.text.indexOf('в Instagram');
    const c = code(s, s + 'в Instagram'.length);
    const r = correctTranscript(ctx.db, {
      projectId: f.project.id, documentId: f.doc.id, version: 1, actorId: f.lead.id,
      op: { op: 'edit', index: 2, text: 'А я пишу акимата.' },
    });
    expect(r.flagged).toBe(1);
    const row = ctx.db.select().from(codings).all().find((x) => x.id === c.id)!;
    expect(row).toMatchObject({ needsReview: true, previousQuote: 'в Instagram', quote: '' });
    expect(checkIntegrity(ctx.db).problems).toEqual([]);
  });

  it('splits and merges turns, keeping codings on their text and turns contiguous', () => {
    const c = code(f.ranges[1].start, f.ranges[2].end);
    correctTranscript(ctx.db, { projectId: f.project.id, documentId: f.doc.id, version: 1, actorId: f.lead.id, op: { op: 'split', index: 1, at: 'Мен әкімдікке'.length } });
    expect(turnsOfDocument(ctx.db, f.doc.id).map((t) => t.text)).toHaveLength(4);
    correctTranscript(ctx.db, { projectId: f.project.id, documentId: f.doc.id, version: 2, actorId: f.lead.id, op: { op: 'merge', index: 1 } });
    expect(turnsOfDocument(ctx.db, f.doc.id)).toHaveLength(3);
    const row = ctx.db.select().from(codings).all().find((x) => x.id === c.id)!;
    expect(documentText(ctx.db, f.doc.id).slice(row.start, row.end)).toBe(row.quote);
    expect(row.quote.startsWith('Мен әкімдікке e-Otinish')).toBe(true);
    expect(checkIntegrity(ctx.db).problems).toEqual([]);
  });

  it('rejects a stale version and a participant of another project, changing nothing', () => {
    const before = documentText(ctx.db, f.doc.id);
    expect(() =>
      correctTranscript(ctx.db, { projectId: f.project.id, documentId: f.doc.id, version: 7, actorId: f.lead.id, op: { op: 'edit', index: 1, text: 'x' } }),
    ).toThrow(/in the meantime/);
    expect(() =>
      correctTranscript(ctx.db, { projectId: f.other.id, documentId: f.doc.id, version: 1, actorId: f.outsider.id, op: { op: 'edit', index: 1, text: 'x' } }),
    ).toThrow(/not in this project/);
    expect(documentText(ctx.db, f.doc.id)).toBe(before);
  });
});
