/**
 * Auto-coding: one code applied to many search hits at once, in the user's own layer, as
 * one transaction and one undoable batch. Like `createCodings`, every coding keeps
 * `quote === text.slice(start, end)`, a code already applied to exactly the same range in
 * the layer is not doubled, and each new coding gets its `coding.create` audit event; the
 * batch adds one `coding.autocode` event whose id is the batch id that undo takes.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { dbReady, transaction } from '../transaction';
import { assignments, auditEvents, codes, codings, documents } from '../schema';
import { extendHit, type Extent } from '@/lib/search/extent';
import type { Hit } from './search';
import { DomainError } from '@/lib/errors';
import type { AutocodePreview, AutocodeResult } from '@/lib/search/views';

/** A request that cannot be carried out; the message says why, and nothing was written. */
export class AutocodeError extends DomainError {}

export interface AutocodeRequest {
  projectId: number;
  codeId: number;
  /** Whose layer: the user's own. */
  coderId: number;
  extent: Extent;
  hits: readonly Hit[];
  /** May the user code this document (the coding-access rule)? Asked once per document. */
  mayWrite: (documentId: number) => boolean | Promise<boolean>;
}

interface PlannedRange {
  documentId: number;
  start: number;
  end: number;
  quote: string;
  exists: boolean;
}

interface Plan extends AutocodePreview {
  planned: PlannedRange[];
}

function chunks<T>(items: readonly T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function makePlan(db: Db | Tx, req: AutocodeRequest, hits: readonly Hit[]): Promise<Plan> {
  const skippedDocs = new Set<number>();
  let skippedHits = 0;
  const allowed = new Map<number, boolean>();
  const mayWrite = async (documentId: number) => {
    let ok = allowed.get(documentId);
    if (ok === undefined) {
      ok = await req.mayWrite(documentId);
      allowed.set(documentId, ok);
    }
    return ok;
  };
  const ranges = new Map<string, PlannedRange>();
  for (const h of hits) {
    const { turn } = h;
    if (!(await mayWrite(turn.documentId))) {
      skippedHits++;
      skippedDocs.add(turn.documentId);
      continue;
    }
    const [s, e] = extendHit(turn.text, h.start - turn.start, h.end - turn.start, req.extent);
    const start = turn.start + s;
    const end = turn.start + e;
    const key = `${turn.documentId}:${start}:${end}`;
    if (!ranges.has(key)) ranges.set(key, { documentId: turn.documentId, start, end, quote: turn.text.slice(s, e), exists: false });
  }
  const docIds = [...new Set([...ranges.values()].map((r) => r.documentId))];
  for (const part of chunks(docIds)) {
    const rows = db
      .select({ documentId: codings.documentId, start: codings.start, end: codings.end })
      .from(codings)
      .where(
        and(
          eq(codings.projectId, req.projectId),
          eq(codings.codeId, req.codeId),
          eq(codings.layer, 'coder'),
          eq(codings.coderId, req.coderId),
          inArray(codings.documentId, part),
        ),
      )
      .all();
    for (const r of rows) {
      const planned = ranges.get(`${r.documentId}:${r.start}:${r.end}`);
      if (planned) planned.exists = true;
    }
  }
  const planned = [...ranges.values()];
  const existing = planned.filter((r) => r.exists).length;
  return {
    hits: hits.length,
    skippedHits,
    skippedDocuments: skippedDocs.size,
    ranges: planned.length,
    existing,
    toCreate: planned.length - existing,
    planned,
  };
}

/** What applying would do, without writing anything. */
export async function previewAutocode(db: Db, req: AutocodeRequest): Promise<AutocodePreview> {
  await dbReady(db);
  const { planned: _, ...preview } = await makePlan(db, req, req.hits);
  return preview;
}

/**
 * Codes the hits (extended as asked) with the code in the user's layer, in one
 * transaction. Hits whose transcript was corrected since the search are left out and
 * counted. Throws `AutocodeError` (writing nothing) for a missing or archived code.
 */
export async function applyAutocode(db: Db, req: AutocodeRequest & { actorId: number; summary: Record<string, unknown> }): Promise<AutocodeResult> {
  return await transaction(db, async (tx) => {
    const code = tx
      .select({ id: codes.id, archived: codes.archived })
      .from(codes)
      .where(and(eq(codes.id, req.codeId), eq(codes.projectId, req.projectId)))
      .get();
    if (!code) throw new AutocodeError('code.not_found', { id: req.codeId });
    if (code.archived) throw new AutocodeError('code.archived', { id: req.codeId });

    const docIds = [...new Set(req.hits.map((h) => h.turn.documentId))];
    const versions = new Map<number, number>();
    for (const part of chunks(docIds)) {
      for (const d of tx
        .select({ id: documents.id, version: documents.version })
        .from(documents)
        .where(and(eq(documents.projectId, req.projectId), inArray(documents.id, part)))
        .all()) {
        versions.set(d.id, d.version);
      }
    }
    const current = req.hits.filter((h) => versions.get(h.turn.documentId) === h.turn.documentVersion);
    const plan = await makePlan(tx, req, current);

    const now = new Date();
    const created: Array<{ id: number; documentId: number; start: number; end: number }> = [];
    for (const part of chunks(plan.planned.filter((r) => !r.exists), 500)) {
      const rows = tx
        .insert(codings)
        .values(
          part.map((r) => ({
            projectId: req.projectId,
            documentId: r.documentId,
            codeId: req.codeId,
            layer: 'coder' as const,
            coderId: req.coderId,
            start: r.start,
            end: r.end,
            quote: r.quote,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: codings.id, documentId: codings.documentId, start: codings.start, end: codings.end })
        .all();
      created.push(...rows);
    }
    for (const part of chunks(created, 500)) {
      tx.insert(auditEvents)
        .values(
          part.map((c) => ({
            projectId: req.projectId,
            userId: req.actorId,
            action: 'coding.create',
            entityType: 'coding',
            entityId: c.id,
            after: { documentId: c.documentId, codeId: req.codeId, layer: 'coder', coderId: req.coderId, start: c.start, end: c.end, autocode: true },
          })),
        )
        .run();
    }
    const touched = [...new Set(created.map((c) => c.documentId))];
    for (const part of chunks(touched)) {
      tx.update(assignments)
        .set({ status: 'in_progress', updatedAt: now })
        .where(and(inArray(assignments.documentId, part), eq(assignments.coderId, req.coderId), eq(assignments.status, 'not_started')))
        .run();
    }
    const counts = {
      hits: req.hits.length,
      skippedHits: plan.skippedHits,
      skippedDocuments: plan.skippedDocuments,
      ranges: plan.ranges,
      existing: plan.existing,
      toCreate: plan.toCreate,
      staleHits: req.hits.length - current.length,
    };
    let batchId: number | null = null;
    if (created.length > 0) {
      batchId = tx
        .insert(auditEvents)
        .values({
          projectId: req.projectId,
          userId: req.actorId,
          action: 'coding.autocode',
          entityType: 'code',
          entityId: req.codeId,
          after: {
            ...req.summary,
            codeId: req.codeId,
            layer: 'coder',
            coderId: req.coderId,
            extent: req.extent,
            ...counts,
            created: created.length,
            codings: created,
          },
        })
        .returning({ id: auditEvents.id })
        .get().id;
    }
    return { ...counts, batchId, codingIds: created.map((c) => c.id) };
  });
}

export interface UndoResult {
  /** Codings of the batch deleted now. */
  deleted: number;
  /** Codings of the batch changed since (another code, range or a memo) or not yours to edit any more: kept. */
  kept: number;
  /** Codings of the batch already gone. */
  missing: number;
}

interface BatchRecord {
  codeId: number;
  layer: 'coder';
  coderId: number;
  codings: Array<{ id: number; documentId: number; start: number; end: number }>;
}

/**
 * Reverts an auto-coding batch: deletes exactly the codings it created that are unchanged
 * since. Only the user who ran it (or, with `mayUndoOthers`, a lead) may; with
 * `othersHidden` (blind mode) another's batch does not exist for the caller, and is refused
 * exactly as an id that does not exist. One transaction; a `coding.delete` event per coding and
 * a `coding.autocode.undo` event for the batch.
 */
export async function undoAutocode(
  db: Db,
  input: { projectId: number; batchId: number; actorId: number; mayUndoOthers: boolean; othersHidden?: boolean; mayWrite: (documentId: number) => boolean | Promise<boolean> },
): Promise<UndoResult> {
  return await transaction(db, async (tx) => {
    const event = tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.id, input.batchId), eq(auditEvents.projectId, input.projectId), eq(auditEvents.action, 'coding.autocode')))
      .get();
    if (!event) throw new AutocodeError('autocode.not_found', { id: input.batchId });
    if (event.userId !== input.actorId && !input.mayUndoOthers) {
      if (input.othersHidden) throw new AutocodeError('autocode.not_found', { id: input.batchId });
      throw new AutocodeError('autocode.only_author_undoes');
    }
    const batch = event.after as BatchRecord;
    const snapshot = new Map(batch.codings.map((c) => [c.id, c]));
    const rows = chunks(batch.codings.map((c) => c.id)).flatMap((part) => tx.select().from(codings).where(inArray(codings.id, part)).all());
    const writable = new Set<number>();
    for (const documentId of new Set(rows.map((r) => r.documentId))) if (await input.mayWrite(documentId)) writable.add(documentId);
    const removable = rows.filter((r) => {
      const s = snapshot.get(r.id)!;
      return (
        r.projectId === input.projectId &&
        r.codeId === batch.codeId &&
        r.layer === batch.layer &&
        r.coderId === batch.coderId &&
        r.documentId === s.documentId &&
        r.start === s.start &&
        r.end === s.end &&
        r.memo === '' &&
        writable.has(r.documentId)
      );
    });
    for (const part of chunks(removable.map((r) => r.id))) tx.delete(codings).where(inArray(codings.id, part)).run();
    for (const part of chunks(removable, 500)) {
      tx.insert(auditEvents)
        .values(
          part.map((r) => ({
            projectId: input.projectId,
            userId: input.actorId,
            action: 'coding.delete',
            entityType: 'coding',
            entityId: r.id,
            before: { documentId: r.documentId, codeId: r.codeId, layer: r.layer, coderId: r.coderId, start: r.start, end: r.end, memo: r.memo },
          })),
        )
        .run();
    }
    const result = { deleted: removable.length, kept: rows.length - removable.length, missing: batch.codings.length - rows.length };
    tx.insert(auditEvents)
      .values({
        projectId: input.projectId,
        userId: input.actorId,
        action: 'coding.autocode.undo',
        entityType: 'code',
        entityId: batch.codeId,
        before: { batchId: input.batchId },
        after: result,
      })
      .run();
    return result;
  });
}
