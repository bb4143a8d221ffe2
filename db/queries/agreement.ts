/**
 * The questions the agreement screens ask the database: who and what can be compared, the
 * coders' layers of the chosen documents as an AgreementInput, one document's layers for the
 * disagreement review, and the resolutions stored so far. Only coder layers are compared; the
 * consensus layer is read for the review, never counted as a coder.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { assignments, auditEvents, codes, codings, documents, members, turns, users } from '../schema';
import type { AgreementDocument, AgreementInput, AgreementTurn } from '@/lib/agreement';
import type { ReviewCoding } from '@/lib/agreement/disagreements';
import type { Decision } from '@/lib/agreement/resolution';
import { codePaths } from '@/lib/coding/code-paths';
import { turnsOfDocument, type TurnView } from './documents';
import type { AgreementChoices } from '@/lib/agreement/types';

/** What the agreement form offers: the coders who can be compared, the codes and the documents. */
export async function agreementChoices(db: Db, projectId: number): Promise<AgreementChoices> {
  await dbReady(db);
  const coders = db
    .select({ id: users.id, name: users.name, assigned: sql<number>`count(${assignments.documentId})` })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.coderId))
    .innerJoin(members, and(eq(members.userId, assignments.coderId), eq(members.projectId, projectId)))
    .where(and(eq(assignments.projectId, projectId), inArray(members.role, ['lead', 'coder'])))
    .groupBy(users.id)
    .orderBy(asc(users.name), asc(users.id))
    .all();
  const codeRows = db.select().from(codes).where(eq(codes.projectId, projectId)).all();
  const docs = db
    .select({ id: documents.id, title: documents.title })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.sortOrder), asc(documents.title))
    .all();
  const assigned = db
    .select({ documentId: assignments.documentId, coderId: assignments.coderId })
    .from(assignments)
    .where(eq(assignments.projectId, projectId))
    .orderBy(asc(assignments.coderId))
    .all();
  const parent = new Map(codeRows.map((c) => [c.id, c.parentId]));
  const rootOf = (id: number) => {
    let at = id;
    for (let steps = 0; steps < codeRows.length; steps++) {
      const p = parent.get(at);
      if (p == null || !parent.has(p)) break;
      at = p;
    }
    return at;
  };
  return {
    coders,
    codes: codePaths(codeRows).map((c) => ({ id: c.id, name: c.name, path: c.path, color: c.color, archived: c.archived, domainId: rootOf(c.id) })),
    documents: docs.map((d) => ({ ...d, coders: assigned.filter((a) => a.documentId === d.id).map((a) => a.coderId) })),
  };
}

export interface SelectionIds {
  coders: readonly number[];
  codes?: readonly number[] | null;
  documents?: readonly number[] | null;
}

/** The ids of a selection that are not in the project (coders: not a coder or lead of it). */
export async function unknownSelectionIds(db: Db, projectId: number, s: SelectionIds): Promise<{ coders: number[]; codes: number[]; documents: number[] }> {
  await dbReady(db);
  const missing = (wanted: readonly number[] | null | undefined, found: (ids: number[]) => number[]) => {
    if (!wanted?.length) return [];
    const known = new Set(found([...wanted]));
    return wanted.filter((id) => !known.has(id));
  };
  return {
    coders: missing(s.coders, (ids) =>
      db
        .select({ id: members.userId })
        .from(members)
        .where(and(eq(members.projectId, projectId), inArray(members.userId, ids), inArray(members.role, ['lead', 'coder'])))
        .all()
        .map((r) => r.id),
    ),
    codes: missing(s.codes, (ids) =>
      db.select({ id: codes.id }).from(codes).where(and(eq(codes.projectId, projectId), inArray(codes.id, ids))).all().map((r) => r.id),
    ),
    documents: missing(s.documents, (ids) =>
      db.select({ id: documents.id }).from(documents).where(and(eq(documents.projectId, projectId), inArray(documents.id, ids))).all().map((r) => r.id),
    ),
  };
}

/**
 * The coders' layers of the chosen documents (default: all of the project, in document order)
 * as the input of the agreement statistics. Ids become decimal strings: coders and codes keep
 * the given order; codes default to the whole codebook in codebook order, so a code nobody used
 * is reported with no data rather than left out. Each coding carries its id. Codings of codes
 * not chosen, of the consensus layer and of other coders are not read.
 * Assumes the ids were checked with `unknownSelectionIds`; unknown ones are simply absent.
 */
export async function agreementInput(db: Db, projectId: number, s: SelectionIds): Promise<AgreementInput> {
  await dbReady(db);
  const coderIds = [...new Set(s.coders)];
  const docs = db
    .select({ id: documents.id })
    .from(documents)
    .where(s.documents?.length ? and(eq(documents.projectId, projectId), inArray(documents.id, [...s.documents])) : eq(documents.projectId, projectId))
    .orderBy(asc(documents.sortOrder), asc(documents.title))
    .all();
  const order = s.documents?.length ? s.documents : docs.map((d) => d.id);
  const inProject = new Set(docs.map((d) => d.id));
  const docIds = order.filter((id) => inProject.has(id));
  const codeIds = s.codes?.length ? [...s.codes] : codePaths(db.select().from(codes).where(eq(codes.projectId, projectId)).all()).map((c) => c.id);
  const chosenCode = new Set(codeIds);

  const byDoc = new Map<number, { turns: AgreementTurn[]; assigned: string[]; codings: Record<string, ReviewCoding[]> }>();
  for (const id of docIds) byDoc.set(id, { turns: [], assigned: [], codings: {} });
  if (docIds.length > 0) {
    // `.values()` skips drizzle's row objects, and document_id IN (…) lets SQLite seek the
    // (document, seq) and (document, layer, coder) indexes: together about half the time of a
    // project-wide scan at 16 × 1,200 turns and 24,000 codings.
    const turnRows = db
      .select({ documentId: turns.documentId, start: turns.start, end: turns.end, kind: turns.speakerKind })
      .from(turns)
      .where(inArray(turns.documentId, docIds))
      .orderBy(asc(turns.documentId), asc(turns.seq))
      .values() as Array<[number, number, number, string]>;
    for (const [documentId, start, end, kind] of turnRows) byDoc.get(documentId)?.turns.push({ start, end, isParticipant: kind === 'participant' });

    if (coderIds.length > 0) {
      const assignedRows = db
        .select({ documentId: assignments.documentId, coderId: assignments.coderId })
        .from(assignments)
        .where(and(eq(assignments.projectId, projectId), inArray(assignments.coderId, coderIds)))
        .all();
      for (const a of assignedRows) byDoc.get(a.documentId)?.assigned.push(String(a.coderId));

      const codingRows = db
        .select({ id: codings.id, documentId: codings.documentId, coderId: codings.coderId, codeId: codings.codeId, start: codings.start, end: codings.end })
        .from(codings)
        .where(and(inArray(codings.documentId, docIds), eq(codings.layer, 'coder'), inArray(codings.coderId, coderIds)))
        .values() as Array<[number, number, number, number, number, number]>;
      for (const [codingId, documentId, coderId, codeId, start, end] of codingRows) {
        const doc = byDoc.get(documentId);
        if (!doc || !chosenCode.has(codeId)) continue;
        (doc.codings[String(coderId)] ??= []).push({ id: codingId, codeId: String(codeId), start, end });
      }
    }
  }

  const documentsOut: AgreementDocument[] = docIds.map((id) => {
    const d = byDoc.get(id)!;
    return { id: String(id), turns: d.turns, assignedCoders: d.assigned, codings: d.codings };
  });
  return { coders: coderIds.map(String), codes: codeIds.map(String), documents: documentsOut };
}

export interface ReviewDocument {
  id: number;
  title: string;
  /** The document's version (bumped by each correction) the review was read at. */
  version: number;
  text: string;
  turns: TurnView[];
  /** Coders (of those asked) assigned to the document. */
  assigned: number[];
  /** Each asked coder's codings, by coder id. */
  codings: Record<string, ReviewCoding[]>;
  /** The consensus layer of the document. */
  consensus: Array<{ id: number; codeId: string; start: number; end: number; coderName: string }>;
}

/** One document's turns, text, and the layers of the given coders and the consensus, for the review. */
export async function reviewDocument(db: Db, projectId: number, documentId: number, coderIds: readonly number[]): Promise<ReviewDocument | undefined> {
  await dbReady(db);
  const doc = db
    .select({ id: documents.id, title: documents.title, version: documents.version })
    .from(documents)
    .where(and(eq(documents.projectId, projectId), eq(documents.id, documentId)))
    .get();
  if (!doc) return undefined;
  const docTurns = await turnsOfDocument(db, documentId);
  const ids = coderIds.length ? [...coderIds] : [-1];
  const assigned = db
    .select({ coderId: assignments.coderId })
    .from(assignments)
    .where(and(eq(assignments.documentId, documentId), inArray(assignments.coderId, ids)))
    .all()
    .map((a) => a.coderId);
  const rows = db
    .select({ id: codings.id, layer: codings.layer, coderId: codings.coderId, codeId: codings.codeId, start: codings.start, end: codings.end, coderName: users.name })
    .from(codings)
    .innerJoin(users, eq(users.id, codings.coderId))
    .where(and(eq(codings.documentId, documentId), sql`(${codings.layer} = 'consensus' or (${codings.layer} = 'coder' and ${inArray(codings.coderId, ids)}))`))
    .orderBy(asc(codings.start), asc(codings.end), asc(codings.id))
    .all();
  const byCoder: Record<string, ReviewCoding[]> = {};
  const consensus: ReviewDocument['consensus'] = [];
  for (const r of rows) {
    if (r.layer === 'consensus') consensus.push({ id: r.id, codeId: String(r.codeId), start: r.start, end: r.end, coderName: r.coderName });
    else (byCoder[String(r.coderId)] ??= []).push({ id: r.id, codeId: String(r.codeId), start: r.start, end: r.end });
  }
  return { ...doc, text: docTurns.map((t) => t.text).join('\n'), turns: docTurns, assigned, codings: byCoder, consensus };
}

/** A stored resolution of one disagreement (see consensus.ts, `resolveDisagreement`). */
export interface Resolution {
  key: string;
  decision: Decision;
  note: string;
  userName: string;
  at: string;
}

/**
 * The resolutions stored for a document, by disagreement key; the latest decision on a key
 * wins. They live in the audit log (action 'disagreement.resolve', on the document).
 */
export async function resolutionsOf(db: Db, projectId: number, documentId: number): Promise<Map<string, Resolution>> {
  await dbReady(db);
  const rows = db
    .select({ after: auditEvents.after, at: auditEvents.at, userName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(
      and(
        eq(auditEvents.projectId, projectId),
        eq(auditEvents.action, 'disagreement.resolve'),
        eq(auditEvents.entityType, 'document'),
        eq(auditEvents.entityId, documentId),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .all();
  const out = new Map<string, Resolution>();
  for (const r of rows) {
    const after = r.after as { key?: unknown; decision?: Decision; note?: unknown } | null;
    if (!after || typeof after.key !== 'string' || out.has(after.key) || !after.decision) continue;
    out.set(after.key, {
      key: after.key,
      decision: after.decision,
      note: typeof after.note === 'string' ? after.note : '',
      userName: r.userName ?? '',
      at: r.at.toISOString(),
    });
  }
  return out;
}

export interface SingleCodedDocument {
  documentId: number;
  title: string;
  coderId: number;
  coderName: string;
  codings: number;
  /** Codings already in the consensus layer. */
  consensus: number;
}

/** Documents that exactly one coder has coded (in their own layer): candidates for copying to consensus. */
export async function singleCodedDocuments(db: Db, projectId: number): Promise<SingleCodedDocument[]> {
  await dbReady(db);
  const rows = db
    .select({ documentId: codings.documentId, coderId: codings.coderId, coderName: users.name, n: sql<number>`count(*)` })
    .from(codings)
    .innerJoin(users, eq(users.id, codings.coderId))
    .where(and(eq(codings.projectId, projectId), eq(codings.layer, 'coder')))
    .groupBy(codings.documentId, codings.coderId)
    .all();
  const consensus = new Map(
    db
      .select({ documentId: codings.documentId, n: sql<number>`count(*)` })
      .from(codings)
      .where(and(eq(codings.projectId, projectId), eq(codings.layer, 'consensus')))
      .groupBy(codings.documentId)
      .all()
      .map((r) => [r.documentId, r.n]),
  );
  const docs = db
    .select({ id: documents.id, title: documents.title })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.sortOrder), asc(documents.title))
    .all();
  return docs.flatMap((d) => {
    const layers = rows.filter((r) => r.documentId === d.id);
    if (layers.length !== 1) return [];
    const [only] = layers;
    return [{ documentId: d.id, title: d.title, coderId: only.coderId, coderName: only.coderName, codings: only.n, consensus: consensus.get(d.id) ?? 0 }];
  });
}
