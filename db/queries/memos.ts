/** Memos on a project, a document or a code: free text with its author, audited. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { dbReady, transaction } from '../transaction';
import { codes, documents, memos, users } from '../schema';
import { recordAudit } from './audit';
import { DomainError } from '@/lib/errors';
import type { MemoTarget } from '@/lib/memos/views';
import type { MemoView } from '@/lib/memos/views';

export class MemoError extends DomainError {}

function targetCondition(kind: MemoTarget, targetId: number | null) {
  return and(eq(memos.targetKind, kind), targetId == null ? isNull(memos.targetId) : eq(memos.targetId, targetId));
}

/** Throws MemoError unless the document or code belongs to the project. */
function checkTarget(db: Queryable, projectId: number, kind: MemoTarget, targetId: number | null): void {
  if (kind === 'project') return;
  const table = kind === 'document' ? documents : codes;
  const found = targetId != null && db.select({ id: table.id }).from(table).where(and(eq(table.id, targetId), eq(table.projectId, projectId))).get();
  if (!found) throw new MemoError('memo.target_not_found', { kind, id: targetId ?? '' });
}

export async function memosFor(db: Db, projectId: number, kind: MemoTarget, targetId: number | null): Promise<MemoView[]> {
  await dbReady(db);
  return db
    .select({ id: memos.id, authorId: memos.authorId, authorName: users.name, text: memos.text, updatedAt: memos.updatedAt })
    .from(memos)
    .innerJoin(users, eq(users.id, memos.authorId))
    .where(and(eq(memos.projectId, projectId), targetCondition(kind, targetId)))
    .orderBy(asc(memos.id))
    .all()
    .map((m) => ({ ...m, updatedAt: m.updatedAt.toISOString() }));
}

/** Adds a memo, or changes one of the author's own. */
export async function saveMemo(
  db: Db,
  input: { projectId: number; kind: MemoTarget; targetId: number | null; memoId?: number; text: string; authorId: number },
): Promise<void> {
  await transaction(db, async (tx) => {
    checkTarget(tx, input.projectId, input.kind, input.targetId);
    if (input.memoId != null) {
      const row = tx.select().from(memos).where(and(eq(memos.id, input.memoId), eq(memos.projectId, input.projectId))).get();
      if (!row || row.authorId !== input.authorId) throw new MemoError('memo.only_author_edits');
      tx.update(memos).set({ text: input.text, updatedAt: new Date() }).where(eq(memos.id, row.id)).run();
      await recordAudit(tx, { projectId: input.projectId, userId: input.authorId, action: 'memo.update', entityType: 'memo', entityId: row.id, before: { text: row.text }, after: { text: input.text } });
      return;
    }
    const row = tx.insert(memos).values({ projectId: input.projectId, targetKind: input.kind, targetId: input.targetId, authorId: input.authorId, text: input.text }).returning().get();
    await recordAudit(tx, { projectId: input.projectId, userId: input.authorId, action: 'memo.create', entityType: 'memo', entityId: row.id, after: { kind: input.kind, targetId: input.targetId, text: input.text } });
  });
}

/** Deletes one of the author's own memos (a lead may delete any). */
export async function deleteMemo(db: Db, projectId: number, memoId: number, actor: { id: number; isLead: boolean }): Promise<void> {
  await transaction(db, async (tx) => {
    const row = tx.select().from(memos).where(and(eq(memos.id, memoId), eq(memos.projectId, projectId))).get();
    if (!row) throw new MemoError('memo.not_found', { id: memoId });
    if (row.authorId !== actor.id && !actor.isLead) throw new MemoError('memo.only_author_or_lead_deletes');
    tx.delete(memos).where(eq(memos.id, memoId)).run();
    await recordAudit(tx, { projectId, userId: actor.id, action: 'memo.delete', entityType: 'memo', entityId: memoId, before: { text: row.text } });
  });
}

/** Every code memo of the project, by code id. */
export async function codeMemosByCode(db: Db, projectId: number): Promise<Map<number, MemoView[]>> {
  await dbReady(db);
  const out = new Map<number, MemoView[]>();
  const rows = db
    .select({ id: memos.id, codeId: memos.targetId, authorId: memos.authorId, authorName: users.name, text: memos.text, updatedAt: memos.updatedAt })
    .from(memos)
    .innerJoin(users, eq(users.id, memos.authorId))
    .where(and(eq(memos.projectId, projectId), eq(memos.targetKind, 'code')))
    .orderBy(asc(memos.id))
    .all();
  for (const { codeId, ...m } of rows) {
    if (codeId == null) continue;
    const list = out.get(codeId) ?? [];
    list.push({ ...m, updatedAt: m.updatedAt.toISOString() });
    out.set(codeId, list);
  }
  return out;
}
