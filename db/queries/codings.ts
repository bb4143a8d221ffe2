/**
 * Codings: reading the layers a viewer may see, and writing them. Every write checks the
 * range against the document's current text, keeps `quote === text.slice(start, end)`,
 * records an audit event and happens in one transaction.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { dbReady, transaction } from '../transaction';
import { assignments, auditEvents, codes, codings, documents, turns, users } from '../schema';
import { rangeProblem } from '@/lib/coding/range';
import type { LayerRef } from '@/lib/access/layers';
import { PACKED_CONSENSUS, PACKED_NEEDS_REVIEW, type PackedCoding, type PackedCodings } from '@/lib/coding/editor-codings';
import { recordAudit } from './audit';
import { DomainError } from '@/lib/errors';
import type { CodingView } from '@/lib/coding/editor-codings';

export type CodingRow = typeof codings.$inferSelect;

/** Thrown for a request that names a missing thing or a bad range; the message says which. */
/** A refused coding change. */
export class CodingError extends DomainError {}

/**
 * The refusal of a range chosen in version `seen` of a document now at `current`: it names
 * the last correction (who, when) so the coder knows why the editor reloads.
 */
export async function staleDocument(tx: Queryable, documentId: number, seen: number, current: number): Promise<CodingError> {
  await dbReady(tx);
  const last = tx
    .select({ at: auditEvents.at, by: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(and(eq(auditEvents.action, 'document.correct'), eq(auditEvents.entityType, 'document'), eq(auditEvents.entityId, documentId)))
    .orderBy(desc(auditEvents.id))
    .get();
  return new CodingError('document.stale', { seen, current, by: last?.by ?? '?', at: last ? last.at.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '?' });
}

/** What an EditorCoding is read from (with the coder's name from users). */
const editorCodingColumns = {
  id: codings.id,
  codeId: codings.codeId,
  layer: codings.layer,
  coderId: codings.coderId,
  coderName: users.name,
  start: codings.start,
  end: codings.end,
  memo: codings.memo,
  needsReview: codings.needsReview,
  updatedAt: codings.updatedAt,
};

/** What a CodingView is read from. */
const codingViewColumns = { ...editorCodingColumns, quote: codings.quote };

function layerCondition(layers: readonly LayerRef[]): SQL | undefined {
  const parts = layers.map((l) =>
    l.kind === 'consensus' ? eq(codings.layer, 'consensus') : and(eq(codings.layer, 'coder'), eq(codings.coderId, l.coderId)),
  );
  return parts.length ? or(...parts) : sql`0`;
}

/** The codings of the given layers in a document, in text order. */
export async function codingsForDocument(db: Db, documentId: number, layers: readonly LayerRef[]): Promise<CodingView[]> {
  await dbReady(db);
  return db
    .select(codingViewColumns)
    .from(codings)
    .innerJoin(users, eq(users.id, codings.coderId))
    .where(inLayers(documentId, layers))
    .orderBy(...textOrder)
    .all()
    .map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() }));
}

/**
 * The same codings for the editor page, without quotes (the editor slices them from the
 * text it has), read straight into the rows they travel in: on a long transcript (22,000
 * codings) building an object per coding and then a row from it took longer than the query.
 */
export async function editorCodingsForDocument(db: Db, documentId: number, layers: readonly LayerRef[]): Promise<PackedCodings> {
  await dbReady(db);
  const rows = db
    .select({
      id: codings.id,
      codeId: codings.codeId,
      coderId: codings.coderId,
      start: codings.start,
      end: codings.end,
      flags: sql<number>`(case when ${codings.layer} = 'consensus' then ${PACKED_CONSENSUS} else 0 end) + (case when ${codings.needsReview} then ${PACKED_NEEDS_REVIEW} else 0 end)`,
      updatedAt: sql<number>`${codings.updatedAt}`,
      memo: codings.memo,
    })
    .from(codings)
    .where(inLayers(documentId, layers))
    .orderBy(...textOrder)
    .values() as PackedCoding[];
  const ids = [...new Set(rows.map((r) => r[2]))];
  const coders: Record<number, string> = {};
  if (ids.length) for (const u of db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all()) coders[u.id] = u.name;
  return { coders, rows };
}

function inLayers(documentId: number, layers: readonly LayerRef[]): SQL | undefined {
  return and(eq(codings.documentId, documentId), layerCondition(layers));
}

const textOrder = [asc(codings.start), asc(codings.end), asc(codings.id)];

/** The document's canonical text, rebuilt from its turns. */
export async function documentText(db: Queryable, documentId: number): Promise<string> {
  await dbReady(db);
  return db
    .select({ text: turns.text })
    .from(turns)
    .where(eq(turns.documentId, documentId))
    .orderBy(asc(turns.seq))
    .all()
    .map((t) => t.text)
    .join('\n');
}

function layerValues(layer: LayerRef, actorId: number) {
  return layer.kind === 'consensus'
    ? { layer: 'consensus' as const, coderId: actorId }
    : { layer: 'coder' as const, coderId: layer.coderId };
}

/** Is the coder assigned to the document (any status)? */
export async function isAssigned(db: Db, documentId: number, coderId: number): Promise<boolean> {
  await dbReady(db);
  return !!db
    .select({ d: assignments.documentId })
    .from(assignments)
    .where(and(eq(assignments.documentId, documentId), eq(assignments.coderId, coderId)))
    .get();
}

export interface CreateCodingsInput {
  projectId: number;
  documentId: number;
  /** The document version the client saw; a newer one means its offsets are stale. */
  version?: number;
  codeIds: number[];
  start: number;
  end: number;
  layer: LayerRef;
  memo?: string;
  actorId: number;
}

/**
 * Codes [start, end) of the document with each code, in the given layer. Returns the new
 * codings (a code already applied to exactly this range in this layer is not doubled: the
 * existing coding is returned). Throws CodingError naming the problem; writes nothing then.
 */
export async function createCodings(db: Db, input: CreateCodingsInput): Promise<CodingView[]> {
  return await transaction(db, async (tx) => {
    const doc = tx
      .select({ id: documents.id, version: documents.version })
      .from(documents)
      .where(and(eq(documents.id, input.documentId), eq(documents.projectId, input.projectId)))
      .get();
    if (!doc) throw new CodingError('document.not_found', { id: input.documentId });
    if (input.version != null && input.version !== doc.version) throw await staleDocument(tx, doc.id, input.version, doc.version);
    const text = await documentText(tx, doc.id);
    const problem = rangeProblem(text.length, input.start, input.end);
    if (problem) throw problem;
    const ids = [...new Set(input.codeIds)];
    if (ids.length === 0) throw new CodingError('coding.no_codes');
    const found = tx
      .select({ id: codes.id, archived: codes.archived })
      .from(codes)
      .where(and(eq(codes.projectId, input.projectId), inArray(codes.id, ids)))
      .all();
    for (const id of ids) {
      const code = found.find((c) => c.id === id);
      if (!code) throw new CodingError('code.not_found', { id });
      if (code.archived) throw new CodingError('code.archived', { id });
    }
    const { layer, coderId } = layerValues(input.layer, input.actorId);
    const quote = text.slice(input.start, input.end);
    const out: number[] = [];
    for (const codeId of ids) {
      const existing = tx
        .select({ id: codings.id })
        .from(codings)
        .where(
          and(
            eq(codings.documentId, doc.id),
            eq(codings.codeId, codeId),
            eq(codings.layer, layer),
            eq(codings.coderId, coderId),
            eq(codings.start, input.start),
            eq(codings.end, input.end),
          ),
        )
        .get();
      if (existing) {
        out.push(existing.id);
        continue;
      }
      const row = tx
        .insert(codings)
        .values({
          projectId: input.projectId,
          documentId: doc.id,
          codeId,
          layer,
          coderId,
          start: input.start,
          end: input.end,
          quote,
          memo: input.memo ?? '',
        })
        .returning()
        .get();
      await recordAudit(tx, {
        projectId: input.projectId,
        userId: input.actorId,
        action: 'coding.create',
        entityType: 'coding',
        entityId: row.id,
        after: { documentId: doc.id, codeId, layer, coderId, start: input.start, end: input.end },
      });
      out.push(row.id);
    }
    if (layer === 'coder') {
      tx.update(assignments)
        .set({ status: 'in_progress', updatedAt: new Date() })
        .where(and(eq(assignments.documentId, doc.id), eq(assignments.coderId, coderId), eq(assignments.status, 'not_started')))
        .run();
    }
    return codingsByIds(tx, out);
  });
}

function codingsByIds(db: Queryable, ids: number[]): CodingView[] {
  if (ids.length === 0) return [];
  const rows = db
    .select(codingViewColumns)
    .from(codings)
    .innerJoin(users, eq(users.id, codings.coderId))
    .where(inArray(codings.id, ids))
    .all();
  const byId = new Map(rows.map((r) => [r.id, { ...r, updatedAt: r.updatedAt.toISOString() }]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/** A coding of the project, or undefined. */
export async function codingInProject(db: Queryable, projectId: number, codingId: number): Promise<CodingRow | undefined> {
  await dbReady(db);
  return db
    .select()
    .from(codings)
    .where(and(eq(codings.id, codingId), eq(codings.projectId, projectId)))
    .get();
}

/** Deletes a coding; returns what was deleted (for undo) or throws when it does not exist. */
export async function deleteCoding(db: Db, projectId: number, codingId: number, actorId: number): Promise<CodingRow> {
  return await transaction(db, async (tx) => {
    const row = await codingInProject(tx, projectId, codingId);
    if (!row) throw new CodingError('coding.not_found', { id: codingId });
    tx.delete(codings).where(eq(codings.id, codingId)).run();
    await recordAudit(tx, {
      projectId,
      userId: actorId,
      action: 'coding.delete',
      entityType: 'coding',
      entityId: codingId,
      before: { documentId: row.documentId, codeId: row.codeId, layer: row.layer, coderId: row.coderId, start: row.start, end: row.end, memo: row.memo },
    });
    return row;
  });
}

export interface UpdateCodingInput {
  /** The document version the new range was chosen in (checked when start or end change). */
  version?: number;
  codeId?: number;
  start?: number;
  end?: number;
  memo?: string;
}

/** Changes a coding's code, range or memo; the quote follows the range. */
export async function updateCoding(db: Db, projectId: number, codingId: number, change: UpdateCodingInput, actorId: number): Promise<CodingView> {
  return await transaction(db, async (tx) => {
    const row = await codingInProject(tx, projectId, codingId);
    if (!row) throw new CodingError('coding.not_found', { id: codingId });
    const next: Partial<CodingRow> = { updatedAt: new Date() };
    if (change.codeId != null && change.codeId !== row.codeId) {
      const code = tx
        .select({ id: codes.id, archived: codes.archived })
        .from(codes)
        .where(and(eq(codes.id, change.codeId), eq(codes.projectId, projectId)))
        .get();
      if (!code) throw new CodingError('code.not_found', { id: change.codeId });
      if (code.archived) throw new CodingError('code.archived', { id: change.codeId });
      next.codeId = change.codeId;
    }
    if (change.start != null || change.end != null) {
      const current = tx.select({ version: documents.version }).from(documents).where(eq(documents.id, row.documentId)).get()!;
      if (change.version != null && change.version !== current.version) throw await staleDocument(tx, row.documentId, change.version, current.version);
      const start = change.start ?? row.start;
      const end = change.end ?? row.end;
      const text = await documentText(tx, row.documentId);
      const problem = rangeProblem(text.length, start, end);
      if (problem) throw problem;
      Object.assign(next, { start, end, quote: text.slice(start, end), needsReview: false });
    }
    if (change.memo != null) next.memo = change.memo;
    tx.update(codings).set(next).where(eq(codings.id, codingId)).run();
    await recordAudit(tx, {
      projectId,
      userId: actorId,
      action: 'coding.update',
      entityType: 'coding',
      entityId: codingId,
      before: { codeId: row.codeId, start: row.start, end: row.end, memo: row.memo },
      after: { codeId: change.codeId, start: change.start, end: change.end, memo: change.memo },
    });
    return codingsByIds(tx, [codingId])[0];
  });
}
