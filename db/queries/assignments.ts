/**
 * Assignments: which coder codes which document, and how far they are. A lead assigns many
 * document × coder cells at once; a coder marks their own document done and can reopen it.
 * Every change is audited; a batch is written whole or not at all.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady, transaction } from '../transaction';
import { assignments, codings, documents, members, users } from '../schema';
import { recordAudit } from './audit';
import { DomainError } from '@/lib/errors';
import type { AssignmentStatus } from '@/lib/access/assignments';
import type { MyDocument } from '@/lib/access/assignments';

/** Thrown for a change that names something not in the project; the message says what. */
export class AssignmentError extends DomainError {}

export interface AssignmentCell {
  documentId: number;
  coderId: number;
  status: AssignmentStatus;
  /** The coder's codings in the document (their own layer). */
  codings: number;
  updatedAt: string;
}

export interface AssignmentGrid {
  documents: Array<{ id: number; title: string }>;
  /** Members who code: every coder, and any lead with an assignment. */
  coders: Array<{ id: number; name: string; email: string; role: 'lead' | 'coder' }>;
  /** The assigned cells only. */
  cells: AssignmentCell[];
}

/** Members who may be assigned documents: coders and leads (viewers never code). */
function assignableMembers(db: Db, projectId: number) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: members.role })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.projectId, projectId), inArray(members.role, ['lead', 'coder'])))
    .orderBy(asc(users.name), asc(users.id))
    .all() as Array<{ id: number; name: string; email: string; role: 'lead' | 'coder' }>;
}

/** Every document × coder of the project, with the status and codings of assigned cells. */
export async function assignmentGrid(db: Db, projectId: number): Promise<AssignmentGrid> {
  await dbReady(db);
  const docs = db
    .select({ id: documents.id, title: documents.title })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.sortOrder), asc(documents.title))
    .all();
  const cells = assignmentCells(db, projectId);
  const assigned = new Set(cells.map((c) => c.coderId));
  const coders = assignableMembers(db, projectId).filter((m) => m.role === 'coder' || assigned.has(m.id));
  return { documents: docs, coders, cells };
}

function assignmentCells(db: Db, projectId: number, coderId?: number): AssignmentCell[] {
  const rows = db
    .select({
      documentId: assignments.documentId,
      coderId: assignments.coderId,
      status: assignments.status,
      updatedAt: assignments.updatedAt,
      codings: sql<number>`(select count(*) from ${codings} c where c.document_id = ${assignments.documentId} and c.layer = 'coder' and c.coder_id = ${assignments.coderId})`,
    })
    .from(assignments)
    .where(coderId == null ? eq(assignments.projectId, projectId) : and(eq(assignments.projectId, projectId), eq(assignments.coderId, coderId)))
    .all();
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

export interface AssignmentChange {
  documentId: number;
  coderId: number;
  assigned: boolean;
}

/**
 * Assigns and unassigns document × coder cells in one transaction. Assigning an assigned cell
 * or unassigning a free one changes nothing. A new assignment starts "in progress" when the
 * coder already has codings there, else "not started". Unassigning keeps the coder's codings
 * (their layer stays; they can no longer edit it). Throws AssignmentError naming every document
 * not in the project and every user who is not a coder or lead of it; nothing is written then.
 */
export async function setAssignments(db: Db, projectId: number, changes: readonly AssignmentChange[], actorId: number): Promise<{ added: number; removed: number }> {
  return await transaction(db, async (tx) => {
    const docIds = [...new Set(changes.map((c) => c.documentId))];
    const coderIds = [...new Set(changes.map((c) => c.coderId))];
    const knownDocs = new Set(
      docIds.length
        ? tx.select({ id: documents.id }).from(documents).where(and(eq(documents.projectId, projectId), inArray(documents.id, docIds))).all().map((d) => d.id)
        : [],
    );
    const knownCoders = new Set(
      coderIds.length
        ? tx
            .select({ id: members.userId })
            .from(members)
            .where(and(eq(members.projectId, projectId), inArray(members.userId, coderIds), inArray(members.role, ['lead', 'coder'])))
            .all()
            .map((m) => m.id)
        : [],
    );
    const badDocs = docIds.filter((id) => !knownDocs.has(id));
    const badCoders = coderIds.filter((id) => !knownCoders.has(id));
    if (badDocs.length) throw new AssignmentError('assignment.unknown_documents', { ids: badDocs.join(', ') });
    if (badCoders.length) throw new AssignmentError('assignment.unknown_coders', { ids: badCoders.join(', ') });

    let added = 0;
    let removed = 0;
    for (const c of changes) {
      const where = and(eq(assignments.documentId, c.documentId), eq(assignments.coderId, c.coderId));
      const existing = tx.select({ status: assignments.status }).from(assignments).where(where).get();
      if (c.assigned && !existing) {
        const coded = tx
          .select({ n: sql<number>`count(*)` })
          .from(codings)
          .where(and(eq(codings.documentId, c.documentId), eq(codings.layer, 'coder'), eq(codings.coderId, c.coderId)))
          .get()!.n;
        const status: AssignmentStatus = coded > 0 ? 'in_progress' : 'not_started';
        tx.insert(assignments).values({ projectId, documentId: c.documentId, coderId: c.coderId, status }).run();
        await recordAudit(tx, { projectId, userId: actorId, action: 'assignment.add', entityType: 'document', entityId: c.documentId, after: { coderId: c.coderId, status } });
        added++;
      } else if (!c.assigned && existing) {
        tx.delete(assignments).where(where).run();
        await recordAudit(tx, { projectId, userId: actorId, action: 'assignment.remove', entityType: 'document', entityId: c.documentId, before: { coderId: c.coderId, status: existing.status } });
        removed++;
      }
    }
    return { added, removed };
  });
}

/** The documents assigned to a coder in the project, in document order. */
export async function myDocuments(db: Db, projectId: number, coderId: number): Promise<MyDocument[]> {
  await dbReady(db);
  const cells = new Map(assignmentCells(db, projectId, coderId).map((c) => [c.documentId, c]));
  if (cells.size === 0) return [];
  return db
    .select({ id: documents.id, title: documents.title })
    .from(documents)
    .where(and(eq(documents.projectId, projectId), inArray(documents.id, [...cells.keys()])))
    .orderBy(asc(documents.sortOrder), asc(documents.title))
    .all()
    .map((d) => {
      const c = cells.get(d.id)!;
      return { documentId: d.id, title: d.title, status: c.status, codings: c.codings, updatedAt: c.updatedAt };
    });
}

/**
 * Marks the coder's document done, or reopens it (back to "in progress", or "not started" when
 * they have no codings in it). Returns the new status; throws AssignmentError when the document
 * is not assigned to the coder in this project.
 */
export async function setAssignmentStatus(db: Db, projectId: number, documentId: number, coderId: number, change: 'done' | 'reopen', actorId: number): Promise<AssignmentStatus> {
  return await transaction(db, async (tx) => {
    const where = and(eq(assignments.projectId, projectId), eq(assignments.documentId, documentId), eq(assignments.coderId, coderId));
    const row = tx.select({ status: assignments.status }).from(assignments).where(where).get();
    if (!row) throw new AssignmentError('assignment.not_assigned', { id: documentId });
    let status: AssignmentStatus = 'done';
    if (change === 'reopen') {
      const coded = tx
        .select({ n: sql<number>`count(*)` })
        .from(codings)
        .where(and(eq(codings.documentId, documentId), eq(codings.layer, 'coder'), eq(codings.coderId, coderId)))
        .get()!.n;
      status = coded > 0 ? 'in_progress' : 'not_started';
    }
    if (status === row.status) return status;
    tx.update(assignments).set({ status, updatedAt: new Date() }).where(where).run();
    await recordAudit(tx, { projectId, userId: actorId, action: 'assignment.status', entityType: 'document', entityId: documentId, before: { coderId, status: row.status }, after: { coderId, status } });
    return status;
  });
}

/** Who is assigned to each of the project's documents (all of them, or the given ones). */
export async function assignedCoders(db: Db, projectId: number, documentIds?: readonly number[]): Promise<Map<number, number[]>> {
  await dbReady(db);
  const rows = db
    .select({ documentId: assignments.documentId, coderId: assignments.coderId })
    .from(assignments)
    .where(
      documentIds
        ? and(eq(assignments.projectId, projectId), inArray(assignments.documentId, documentIds.length ? [...documentIds] : [-1]))
        : eq(assignments.projectId, projectId),
    )
    .orderBy(asc(assignments.documentId), asc(assignments.coderId))
    .all();
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const list = out.get(r.documentId) ?? [];
    list.push(r.coderId);
    out.set(r.documentId, list);
  }
  return out;
}
