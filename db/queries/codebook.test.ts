import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { openTestDatabase } from '../testing';
import { auditEvents, codes, codings, documents, memos, projects, translations, users } from '../schema';
import { archiveCode, codingCount, createCode, deleteCode, mergeCodes, moveCode, unarchiveCode, updateCode, type Actor } from './codebook';
import { codeTree } from './codes';
import { CodebookError, type CodebookErrorReason } from '@/lib/codebook/rules';

let t: ReturnType<typeof openTestDatabase>;
let db: Db;
let lead: Actor;
let other: Actor;
let coderA: number;
let coderB: number;
let doc: number;

beforeEach(() => {
  t = openTestDatabase();
  db = t.db;
  const user = (email: string) => db.insert(users).values({ email, name: email, passwordHash: 'x' }).returning().get().id;
  const leadId = user('lead@test');
  coderA = user('a@test');
  coderB = user('b@test');
  const p1 = db.insert(projects).values({ name: 'P1' }).returning().get().id;
  const p2 = db.insert(projects).values({ name: 'P2' }).returning().get().id;
  doc = db.insert(documents).values({ projectId: p1, title: 'Almaty 1' }).returning().get().id;
  lead = { projectId: p1, userId: leadId };
  other = { projectId: p2, userId: leadId };
});

afterEach(() => t.close());

/** Runs `fn` and returns the reason it was refused with (fails when it was not). */
async function refusal(fn: () => unknown): Promise<CodebookErrorReason> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof CodebookError) return e.rule;
    throw e;
  }
  throw new Error('expected a CodebookError');
}

function coding(codeId: number, coderId: number, start: number, end: number, extra: { layer?: 'coder' | 'consensus'; memo?: string } = {}) {
  return db
    .insert(codings)
    .values({ projectId: lead.projectId, documentId: doc, codeId, layer: extra.layer ?? 'coder', coderId, start, end, quote: 'x'.repeat(end - start), memo: extra.memo ?? '' })
    .returning()
    .get();
}

const row = (id: number) => db.select().from(codes).where(eq(codes.id, id)).get();
const childrenOf = (parentId: number | null) =>
  db
    .select()
    .from(codes)
    .all()
    .filter((c) => c.parentId === parentId && c.projectId === lead.projectId)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((c) => c.name);
const auditRows = () => db.select().from(auditEvents).orderBy(asc(auditEvents.id)).all();

/** A snapshot of everything a codebook change may touch, to check that a refusal wrote nothing. */
const state = () => ({
  codes: db.select().from(codes).orderBy(asc(codes.id)).all(),
  codings: db.select().from(codings).orderBy(asc(codings.id)).all(),
  translations: db.select().from(translations).orderBy(asc(translations.id)).all(),
  memos: db.select().from(memos).orderBy(asc(memos.id)).all(),
  audit: auditRows(),
});

describe('createCode', () => {
  it('appends a code to its level and audits it', async () => {
    const a = await createCode(db, lead, { name: '  Channels  ', color: '#2563eb' });
    const b = await createCode(db, lead, { name: 'Sources' });
    const child = await createCode(db, lead, { name: 'Akimat', parentId: a.id, shortcut: 'a', description: 'Appeals' });
    expect(a).toMatchObject({ name: 'Channels', color: '#2563EB', parentId: null, sortOrder: 0 });
    expect(b.sortOrder).toBe(1);
    expect(child).toMatchObject({ parentId: a.id, shortcut: 'a', description: 'Appeals', sortOrder: 0 });
    const events = auditRows();
    expect(events.map((e) => e.action)).toEqual(['code.create', 'code.create', 'code.create']);
    expect(events[2]).toMatchObject({ projectId: lead.projectId, userId: lead.userId, entityType: 'code', entityId: child.id, before: null });
    expect(events[2].after).toMatchObject({ name: 'Akimat', shortcut: 'a' });
  });

  it('validates name, colour and shortcut', async () => {
    const a = await createCode(db, lead, { name: 'Channels', shortcut: 'q' });
    expect(await refusal(() => createCode(db, lead, { name: '   ' }))).toBe('name_required');
    expect(await refusal(() => createCode(db, lead, { name: 'x'.repeat(201) }))).toBe('name_too_long');
    expect((await createCode(db, lead, { name: 'қ'.repeat(200) })).name).toHaveLength(200);
    expect(await refusal(() => createCode(db, lead, { name: 'channels' }))).toBe('name_taken');
    expect((await createCode(db, lead, { name: 'Channels', parentId: a.id })).parentId).toBe(a.id); // another level
    expect(await refusal(() => createCode(db, lead, { name: 'Red', color: 'red' }))).toBe('bad_color');
    expect(await refusal(() => createCode(db, lead, { name: 'Red', color: '#12345' }))).toBe('bad_color');
    expect(await refusal(() => createCode(db, lead, { name: 'Two', shortcut: 'ab' }))).toBe('bad_shortcut');
    expect(await refusal(() => createCode(db, lead, { name: 'Space', shortcut: ' ' }))).toBe('bad_shortcut');
    expect(await refusal(() => createCode(db, lead, { name: 'Dup', shortcut: 'Q' }))).toBe('shortcut_taken');
    expect((await createCode(db, lead, { name: 'Kazakh', shortcut: 'ә' })).shortcut).toBe('ә');
    expect((await createCode(db, lead, { name: 'None', shortcut: '' })).shortcut).toBeNull();
  });

  it('refuses a parent of another project', async () => {
    const foreign = await createCode(db, other, { name: 'Elsewhere' });
    const before = state();
    expect(await refusal(() => createCode(db, lead, { name: 'Child', parentId: foreign.id }))).toBe('not_found');
    expect(state()).toEqual(before);
  });
});

describe('updateCode', () => {
  it('writes and audits only the fields that change', async () => {
    const a = await createCode(db, lead, { name: 'Channels', color: '#111111' });
    const updated = await updateCode(db, lead, a.id, { name: 'Channels to authorities', color: '#111111', inclusion: 'Any route to officials', shortcut: 'c' });
    expect(updated).toMatchObject({ name: 'Channels to authorities', inclusion: 'Any route to officials', shortcut: 'c' });
    const last = auditRows().at(-1)!;
    expect(last).toMatchObject({ action: 'code.update', entityId: a.id });
    expect(last.before).toEqual({ name: 'Channels', inclusion: '', shortcut: null });
    expect(last.after).toEqual({ name: 'Channels to authorities', inclusion: 'Any route to officials', shortcut: 'c' });

    const count = auditRows().length;
    await updateCode(db, lead, a.id, { name: 'Channels to authorities' });
    expect(auditRows()).toHaveLength(count); // nothing changed, nothing written
    await updateCode(db, lead, a.id, { shortcut: '' });
    expect(row(a.id)!.shortcut).toBeNull();
  });

  it('keeps names unique among siblings and shortcuts unique among active codes', async () => {
    const a = await createCode(db, lead, { name: 'A', shortcut: 'a' });
    const b = await createCode(db, lead, { name: 'B' });
    expect(await refusal(() => updateCode(db, lead, b.id, { name: 'a' }))).toBe('name_taken');
    expect(await refusal(() => updateCode(db, lead, b.id, { shortcut: 'A' }))).toBe('shortcut_taken');
    expect((await updateCode(db, lead, a.id, { name: 'a' })).name).toBe('a'); // renaming itself by case is fine
    await archiveCode(db, lead, a.id);
    expect((await updateCode(db, lead, b.id, { shortcut: 'a' })).shortcut).toBe('a'); // freed by archiving
  });

  it('refuses a code of another project', async () => {
    const foreign = await createCode(db, other, { name: 'Elsewhere' });
    expect(await refusal(() => updateCode(db, lead, foreign.id, { name: 'Mine now' }))).toBe('not_found');
    expect(row(foreign.id)!.name).toBe('Elsewhere');
  });
});

describe('moveCode', () => {
  it('reorders siblings and renumbers them', async () => {
    const [a, b, c] = [await createCode(db, lead, { name: 'A' }), await createCode(db, lead, { name: 'B' }), await createCode(db, lead, { name: 'C' })];
    await moveCode(db, lead, c.id, { parentId: null, position: 0 });
    expect(childrenOf(null)).toEqual(['C', 'A', 'B']);
    await moveCode(db, lead, c.id, { parentId: null, position: 99 });
    expect(childrenOf(null)).toEqual(['A', 'B', 'C']);
    expect([a, b, c].map((x) => row(x.id)!.sortOrder)).toEqual([0, 1, 2]);
    const last = auditRows().at(-1)!;
    expect(last).toMatchObject({ action: 'code.move', entityId: c.id, before: { parentId: null, position: 0 }, after: { parentId: null, position: 2 } });
  });

  it('nests and outdents, renumbering both levels', async () => {
    const [a, b, c] = [await createCode(db, lead, { name: 'A' }), await createCode(db, lead, { name: 'B' }), await createCode(db, lead, { name: 'C' })];
    const a1 = await createCode(db, lead, { name: 'A1', parentId: a.id });
    await moveCode(db, lead, b.id, { parentId: a.id, position: 0 });
    expect(childrenOf(null)).toEqual(['A', 'C']);
    expect(childrenOf(a.id)).toEqual(['B', 'A1']);
    expect(row(c.id)!.sortOrder).toBe(1);
    await moveCode(db, lead, a1.id, { parentId: null, position: 1 });
    expect(childrenOf(null)).toEqual(['A', 'A1', 'C']);
    expect(childrenOf(a.id)).toEqual(['B']);
    expect(row(b.id)!.sortOrder).toBe(0);
  });

  it('refuses to move a code under itself or its descendant', async () => {
    const a = await createCode(db, lead, { name: 'A' });
    const a1 = await createCode(db, lead, { name: 'A1', parentId: a.id });
    const a11 = await createCode(db, lead, { name: 'A11', parentId: a1.id });
    const before = state();
    expect(await refusal(() => moveCode(db, lead, a.id, { parentId: a.id, position: 0 }))).toBe('cycle');
    expect(await refusal(() => moveCode(db, lead, a.id, { parentId: a1.id, position: 0 }))).toBe('cycle');
    expect(await refusal(() => moveCode(db, lead, a.id, { parentId: a11.id, position: 0 }))).toBe('cycle');
    expect(state()).toEqual(before);
  });

  it('refuses a name clash at the new level and ids of another project', async () => {
    const a = await createCode(db, lead, { name: 'A' });
    await createCode(db, lead, { name: 'Posts', parentId: a.id });
    const posts = await createCode(db, lead, { name: 'Posts' });
    const foreign = await createCode(db, other, { name: 'Elsewhere' });
    const before = state();
    expect(await refusal(() => moveCode(db, lead, posts.id, { parentId: a.id, position: 0 }))).toBe('name_taken');
    expect(await refusal(() => moveCode(db, lead, posts.id, { parentId: foreign.id, position: 0 }))).toBe('not_found');
    expect(await refusal(() => moveCode(db, lead, foreign.id, { parentId: null, position: 0 }))).toBe('not_found');
    expect(state()).toEqual(before);
  });
});

describe('archiveCode / unarchiveCode', () => {
  it('toggles the flag, keeps codings and audits', async () => {
    const a = await createCode(db, lead, { name: 'A', shortcut: 'a' });
    coding(a.id, coderA, 0, 5);
    expect((await archiveCode(db, lead, a.id)).archived).toBe(true);
    expect(await codingCount(db, lead.projectId, a.id)).toBe(1);
    expect((await unarchiveCode(db, lead, a.id)).archived).toBe(false);
    expect(auditRows().slice(-2).map((e) => e.action)).toEqual(['code.archive', 'code.unarchive']);
  });

  it('refuses to restore a code whose shortcut was taken meanwhile', async () => {
    const a = await createCode(db, lead, { name: 'A', shortcut: 'a' });
    await archiveCode(db, lead, a.id);
    await createCode(db, lead, { name: 'B', shortcut: 'a' });
    expect(await refusal(() => unarchiveCode(db, lead, a.id))).toBe('shortcut_taken');
    expect(row(a.id)!.archived).toBe(true);
    await updateCode(db, lead, a.id, { shortcut: null });
    expect((await unarchiveCode(db, lead, a.id)).archived).toBe(false);
  });
});

describe('mergeCodes', () => {
  it('moves every coding, collapses identical ranges and appends memos', async () => {
    const source = await createCode(db, lead, { name: 'Instagram' });
    const target = await createCode(db, lead, { name: 'Social media' });
    const keep = coding(target.id, coderA, 10, 20, { memo: 'target memo' });
    const dup = coding(source.id, coderA, 10, 20, { memo: 'source memo' }); // same range, coder, layer: collapses
    const otherCoder = coding(source.id, coderB, 10, 20); // another coder's layer: moves
    const consensus = coding(source.id, coderA, 10, 20, { layer: 'consensus' }); // another layer: moves
    const shifted = coding(source.id, coderA, 10, 21); // another range: moves
    db.insert(translations).values([
      { codingId: dup.id, language: 'en', text: 'EN', authorId: lead.userId },
      { codingId: keep.id, language: 'ru', text: 'RU (target)', authorId: lead.userId },
      { codingId: dup.id, language: 'ru', text: 'RU (source)', authorId: lead.userId },
    ]).run();

    expect(await mergeCodes(db, lead, source.id, target.id)).toEqual({ moved: 3, collapsed: 1, children: 0 });
    expect(row(source.id)).toBeUndefined();
    const left = db.select().from(codings).orderBy(asc(codings.id)).all();
    expect(left.map((c) => c.id)).toEqual([keep.id, otherCoder.id, consensus.id, shifted.id]);
    expect(left.every((c) => c.codeId === target.id)).toBe(true);
    expect(left[0].memo).toBe('target memo\n\nsource memo');
    const tr = db.select().from(translations).orderBy(asc(translations.language)).all();
    expect(tr.map((x) => [x.codingId, x.language, x.text])).toEqual([
      [keep.id, 'en', 'EN'],
      [keep.id, 'ru', 'RU (target)'],
    ]);

    const event = auditRows().at(-1)!;
    expect(event).toMatchObject({ action: 'code.merge', entityId: target.id });
    expect(event.before).toMatchObject({ source: { name: 'Instagram' }, target: { name: 'Social media' } });
    expect(event.after).toMatchObject({
      movedCodings: [otherCoder.id, consensus.id, shifted.id],
      collapsedCodings: [{ coding: dup.id, into: keep.id }],
    });
    const counts = (await codeTree(db, lead.projectId)).find((n) => n.id === target.id)!.counts;
    expect(counts).toEqual({ [`coder:${coderA}`]: 2, [`coder:${coderB}`]: 1, consensus: 1 });
  });

  it('moves the source subcodes under the target and code memos with them', async () => {
    const source = await createCode(db, lead, { name: 'Sources' });
    await createCode(db, lead, { name: 'TikTok', parentId: source.id });
    await createCode(db, lead, { name: 'Telegram', parentId: source.id });
    const after = await createCode(db, lead, { name: 'After' });
    const target = await createCode(db, lead, { name: 'Information' });
    await createCode(db, lead, { name: 'Instagram', parentId: target.id });
    db.insert(memos).values({ projectId: lead.projectId, targetKind: 'code', targetId: source.id, authorId: lead.userId, text: 'why' }).run();

    expect((await mergeCodes(db, lead, source.id, target.id)).children).toBe(2);
    expect(childrenOf(target.id)).toEqual(['Instagram', 'TikTok', 'Telegram']);
    expect(childrenOf(null)).toEqual(['After', 'Information']);
    expect(row(after.id)!.sortOrder).toBe(0);
    expect(db.select().from(memos).get()!.targetId).toBe(target.id);
  });

  it('merges a subcode into its parent', async () => {
    const parent = await createCode(db, lead, { name: 'Channels' });
    const child = await createCode(db, lead, { name: 'Akimat', parentId: parent.id });
    await createCode(db, lead, { name: 'Courts', parentId: parent.id });
    await createCode(db, lead, { name: 'Reception', parentId: child.id });
    coding(child.id, coderA, 0, 3);
    await mergeCodes(db, lead, child.id, parent.id);
    expect(childrenOf(parent.id)).toEqual(['Courts', 'Reception']);
    expect(await codingCount(db, lead.projectId, parent.id)).toBe(1);
  });

  it('refuses self, descendants, subcode name clashes and other projects, writing nothing', async () => {
    const a = await createCode(db, lead, { name: 'A' });
    const a1 = await createCode(db, lead, { name: 'A1', parentId: a.id });
    const b = await createCode(db, lead, { name: 'B' });
    await createCode(db, lead, { name: 'a1', parentId: b.id });
    const foreign = await createCode(db, other, { name: 'Elsewhere' });
    coding(a.id, coderA, 0, 3);
    const before = state();
    expect(await refusal(() => mergeCodes(db, lead, a.id, a.id))).toBe('merge_same');
    expect(await refusal(() => mergeCodes(db, lead, a.id, a1.id))).toBe('merge_into_descendant');
    expect(await refusal(() => mergeCodes(db, lead, a.id, b.id))).toBe('merge_child_clash');
    expect(await refusal(() => mergeCodes(db, lead, a.id, foreign.id))).toBe('not_found');
    expect(await refusal(() => mergeCodes(db, lead, foreign.id, b.id))).toBe('not_found');
    expect(state()).toEqual(before);
  });

  it('leaves nothing half-written when a late step fails', async () => {
    const source = await createCode(db, lead, { name: 'S' });
    const target = await createCode(db, lead, { name: 'T' });
    await createCode(db, lead, { name: 'S1', parentId: source.id });
    coding(source.id, coderA, 0, 3);
    coding(target.id, coderA, 0, 3);
    coding(source.id, coderB, 0, 3, { memo: 'note' });
    const before = state();
    // The audit event is the last write: make it fail after codings and codes have changed.
    db.$client.exec(`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`);
    await expect(mergeCodes(db, lead, source.id, target.id)).rejects.toThrow(/audit unavailable/);
    await expect(deleteCode(db, lead, target.id, { confirmCodings: 1 })).rejects.toThrow(/audit unavailable/);
    await expect(moveCode(db, lead, target.id, { parentId: source.id, position: 0 })).rejects.toThrow(/audit unavailable/);
    expect(state()).toEqual(before);
  });
});

describe('deleteCode', () => {
  it('deletes an unused code at once and renumbers its siblings', async () => {
    const [a, b, c] = [await createCode(db, lead, { name: 'A' }), await createCode(db, lead, { name: 'B' }), await createCode(db, lead, { name: 'C' })];
    await deleteCode(db, lead, b.id);
    expect(row(b.id)).toBeUndefined();
    expect(row(c.id)!.sortOrder).toBe(1);
    expect(row(a.id)!.sortOrder).toBe(0);
    expect(auditRows().at(-1)).toMatchObject({ action: 'code.delete', entityId: b.id, before: { code: { name: 'B' }, codings: [] }, after: null });
  });

  it('needs the current number of codings confirmed', async () => {
    const a = await createCode(db, lead, { name: 'A' });
    const first = coding(a.id, coderA, 0, 3);
    coding(a.id, coderB, 4, 8, { layer: 'consensus' });
    db.insert(translations).values({ codingId: first.id, language: 'en', text: 'EN', authorId: lead.userId }).run();
    const before = state();
    let error: CodebookError | undefined;
    try {
      await deleteCode(db, lead, a.id);
    } catch (e) {
      error = e as CodebookError;
    }
    expect(error).toBeInstanceOf(CodebookError);
    expect(error!.reason).toBe('codebook.confirm_codings');
    expect(error!.details.count).toBe(2);
    expect(error!.message).toMatch(/deletes 2 codings/);
    expect(await refusal(() => deleteCode(db, lead, a.id, { confirmCodings: 1 }))).toBe('confirm_codings');
    expect(state()).toEqual(before);

    await deleteCode(db, lead, a.id, { confirmCodings: 2 });
    expect(row(a.id)).toBeUndefined();
    expect(db.select().from(codings).all()).toEqual([]);
    expect(db.select().from(translations).all()).toEqual([]);
    const event = auditRows().at(-1)!;
    expect((event.before as { codings: unknown[] }).codings).toHaveLength(2);
  });

  it('refuses a code with subcodes and a code of another project', async () => {
    const a = await createCode(db, lead, { name: 'A' });
    await createCode(db, lead, { name: 'A1', parentId: a.id });
    const foreign = await createCode(db, other, { name: 'Elsewhere' });
    const before = state();
    expect(await refusal(() => deleteCode(db, lead, a.id))).toBe('has_children');
    expect(await refusal(() => deleteCode(db, lead, foreign.id))).toBe('not_found');
    expect(state()).toEqual(before);
  });
});
