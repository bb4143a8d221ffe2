import { DomainError } from '@/lib/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing';
import { seedFixture } from '../testing/fixture';
import { auditEvents, translations } from '../schema';
import { createCodings } from './codings';
import { deleteTranslation, saveTranslation, translationsForCoding, translationsForCodings } from './translations';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
let codingId: number;
beforeEach(async () => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
  [{ id: codingId }] = await createCodings(ctx.db, {
    projectId: f.project.id,
    documentId: f.doc.id,
    codeIds: [f.eotinish.id],
    start: f.ranges[1].start,
    end: f.ranges[1].end,
    layer: { kind: 'consensus' },
    actorId: f.lead.id,
  });
});
afterEach(() => ctx.close());

describe('translations', () => {
  it('adds, replaces (the editor becomes the author) and deletes, auditing each', async () => {
    const en = await saveTranslation(ctx.db, { projectId: f.project.id, codingId, language: 'en', text: ' I wrote via e-Otinish 👍 ', actorId: f.coder1.id });
    expect(en).toMatchObject({ language: 'en', text: 'I wrote via e-Otinish 👍', authorName: 'coder1' });
    await saveTranslation(ctx.db, { projectId: f.project.id, codingId, language: 'ru', text: 'Я написала через e-Otinish 👍', actorId: f.coder1.id });
    const edited = await saveTranslation(ctx.db, { projectId: f.project.id, codingId, language: 'en', text: 'I wrote to the akimat via e-Otinish 👍', actorId: f.lead.id });
    expect(edited.authorName).toBe('lead');
    expect((await translationsForCoding(ctx.db, f.project.id, codingId)).map((t) => [t.language, t.authorName])).toEqual([
      ['en', 'lead'],
      ['ru', 'coder1'],
    ]);
    expect((await translationsForCodings(ctx.db, [codingId])).get(codingId)).toHaveLength(2);
    expect(await deleteTranslation(ctx.db, f.project.id, codingId, 'ru', f.lead.id)).toBe(true);
    expect(await deleteTranslation(ctx.db, f.project.id, codingId, 'ru', f.lead.id)).toBe(false);
    expect(ctx.db.select().from(auditEvents).all().map((a) => a.action).filter((a) => a.startsWith('translation'))).toEqual([
      'translation.create',
      'translation.create',
      'translation.update',
      'translation.delete',
    ]);
  });

  it.each([
    ['a bad language code', { language: 'English' }, /not a language code/],
    ['an empty text', { text: '   ' }, /empty/],
    ['a coding of another project', { projectId: -1 }, /does not exist/],
  ])('refuses %s and writes nothing', async (_, change, message) => {
    const input = { projectId: f.project.id, codingId, language: 'kk-Latn', text: 'Men jazdym', actorId: f.lead.id, ...change };
    if (input.projectId === -1) input.projectId = f.other.id;
    await expect(saveTranslation(ctx.db, input)).rejects.toThrow(DomainError);
    await expect(saveTranslation(ctx.db, input)).rejects.toThrow(message);
    expect(ctx.db.select().from(translations).all()).toEqual([]);
  });

  it('accepts any language code of the right shape', async () => {
    expect((await saveTranslation(ctx.db, { projectId: f.project.id, codingId, language: 'kk-Latn', text: 'Men e-Otinish arqyly jazdym', actorId: f.lead.id })).language).toBe('kk-Latn');
  });
});
