import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing';
import { seedFixture } from '../testing/fixture';
import { auditEvents } from '../schema';
import { codeMemosByCode, deleteMemo, memosFor, saveMemo } from './memos';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
});
afterEach(() => ctx.close());

describe('memos', () => {
  it('adds memos on a document and a code, lets only the author change one, and audits', async () => {
    await saveMemo(ctx.db, { projectId: f.project.id, kind: 'document', targetId: f.doc.id, text: 'P2 жиі сөзді бөледі', authorId: f.coder1.id });
    const [m] = await memosFor(ctx.db, f.project.id, 'document', f.doc.id);
    expect(m).toMatchObject({ authorName: 'coder1', text: 'P2 жиі сөзді бөледі' });
    await expect(saveMemo(ctx.db, { projectId: f.project.id, kind: 'document', targetId: f.doc.id, memoId: m.id, text: 'x', authorId: f.coder2.id })).rejects.toThrow(/Only its author/);
    await saveMemo(ctx.db, { projectId: f.project.id, kind: 'code', targetId: f.eotinish.id, text: 'Include eGov', authorId: f.lead.id });
    expect((await codeMemosByCode(ctx.db, f.project.id)).get(f.eotinish.id)?.map((x) => x.text)).toEqual(['Include eGov']);
    expect(ctx.db.select().from(auditEvents).all().map((a) => a.action)).toEqual(['memo.create', 'memo.create']);
  });

  it('refuses a target of another project and lets a lead, not another coder, delete a memo', async () => {
    await expect(saveMemo(ctx.db, { projectId: f.project.id, kind: 'code', targetId: f.foreignCode.id, text: 'x', authorId: f.lead.id })).rejects.toThrow(/not in this project/);
    await saveMemo(ctx.db, { projectId: f.project.id, kind: 'project', targetId: null, text: 'Кодтау нұсқаулығы', authorId: f.coder1.id });
    const [m] = await memosFor(ctx.db, f.project.id, 'project', null);
    await expect(deleteMemo(ctx.db, f.project.id, m.id, { id: f.coder2.id, isLead: false })).rejects.toThrow(/author or a lead/);
    await deleteMemo(ctx.db, f.project.id, m.id, { id: f.lead.id, isLead: true });
    expect(await memosFor(ctx.db, f.project.id, 'project', null)).toEqual([]);
  });
});
