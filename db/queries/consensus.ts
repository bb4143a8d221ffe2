/**
 * Writing the consensus layer from the coders' layers: resolving one disagreement, and copying
 * a lone coder's layer. Codings are written only through createCodings and deleteCoding (range
 * checks, quotes, audit); each operation is one transaction, so it happens whole or not at all.
 */
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { codes, codings, documents, memos, users } from '../schema';
import type { Decision, Range } from '@/lib/agreement/resolution';
import { recordAudit } from './audit';
import { CodingError, createCodings, deleteCoding, staleDocument } from './codings';
import type { CodingView } from '@/lib/coding/editor-codings';

export interface ResolveInput {
  projectId: number;
  documentId: number;
  actorId: number;
  /** The document version the lead's page showed; a correction since then makes it stale (409). */
  version: number;
  /** The disagreement's key (see lib/agreement/disagreements.ts). */
  key: string;
  codeId: number;
  /** The passage: consensus codings of the code overlapping it are replaced. */
  start: number;
  end: number;
  decision: Decision;
  /** What the consensus gets, from `consensusRanges`. */
  ranges: readonly Range[];
  /** Optional note; stored with the resolution and on the new consensus codings. */
  note?: string;
  /** Also append the note to the code as a memo, refining the codebook. */
  noteToCode?: boolean;
}

export interface ResolveResult {
  created: CodingView[];
  removed: number[];
}

/**
 * Resolves a disagreement into the consensus layer: the consensus codings of the code that
 * overlap the passage are replaced by the decision's ranges (one already equal to a range is
 * kept as it is), the note goes on the new codings and, if asked, into a memo on the code, and
 * the resolution is stored as an audit event 'disagreement.resolve' on the document, whose
 * `after` holds the key — that is what the review's progress counts. Throws CodingError naming
 * the problem (a bad range, an archived code …); nothing is written then.
 */
export async function resolveDisagreement(db: Db, input: ResolveInput): Promise<ResolveResult> {
  return await transaction(db, async (tx) => {
    const doc = tx
      .select({ title: documents.title, version: documents.version })
      .from(documents)
      .where(and(eq(documents.id, input.documentId), eq(documents.projectId, input.projectId)))
      .get();
    if (!doc) throw new CodingError('document.not_found', { id: input.documentId });
    if (input.version !== doc.version) throw await staleDocument(tx, input.documentId, input.version, doc.version);
    const note = input.note?.trim() ?? '';
    const overlapping = tx
      .select({ id: codings.id, start: codings.start, end: codings.end })
      .from(codings)
      .where(
        and(
          eq(codings.documentId, input.documentId),
          eq(codings.layer, 'consensus'),
          eq(codings.codeId, input.codeId),
          lt(codings.start, input.end),
          gt(codings.end, input.start),
        ),
      )
      .orderBy(asc(codings.start), asc(codings.id))
      .all();
    const keep = new Set<number>();
    for (const r of input.ranges) {
      const same = overlapping.find((c) => c.start === r.start && c.end === r.end && !keep.has(c.id));
      if (same) keep.add(same.id);
    }
    const removed = overlapping.filter((c) => !keep.has(c.id)).map((c) => c.id);
    for (const id of removed) await deleteCoding(tx, input.projectId, id, input.actorId);
    const created: CodingView[] = [];
    for (const r of input.ranges) {
      created.push(
        ...await createCodings(tx, {
          projectId: input.projectId,
          documentId: input.documentId,
          codeIds: [input.codeId],
          start: r.start,
          end: r.end,
          layer: { kind: 'consensus' },
          memo: note,
          actorId: input.actorId,
        }),
      );
    }
    if (note && input.noteToCode) {
      tx.insert(memos)
        .values({
          projectId: input.projectId,
          targetKind: 'code',
          targetId: input.codeId,
          authorId: input.actorId,
          text: `${note} (${doc.title}, ${input.start}–${input.end})`,
        })
        .run();
    }
    await recordAudit(tx, {
      projectId: input.projectId,
      userId: input.actorId,
      action: 'disagreement.resolve',
      entityType: 'document',
      entityId: input.documentId,
      after: {
        key: input.key,
        codeId: input.codeId,
        start: input.start,
        end: input.end,
        decision: input.decision,
        ranges: input.ranges.map((r) => ({ start: r.start, end: r.end })),
        created: created.map((c) => c.id),
        removed,
        note,
        noteToCode: !!(note && input.noteToCode),
      },
    });
    return { created, removed };
  });
}

export interface CopyResult {
  /** Consensus codings created (or found already there, identical). */
  copied: number;
  /** Codings left out: of archived codes, or collapsed by a transcript correction. */
  skipped: number;
}

/**
 * Copies one coder's layer of a document into the consensus layer, for documents only that
 * coder coded. Each coding becomes a consensus coding with the same code, range and memo; one
 * already identical in the consensus is not doubled. Throws CodingError when the coder has no
 * codings there, or when another coder has coded the document too (then its disagreements are
 * reviewed instead); nothing is written then.
 */
export async function copyLayerToConsensus(db: Db, projectId: number, documentId: number, coderId: number, actorId: number): Promise<CopyResult> {
  return await transaction(db, async (tx) => {
    const doc = tx.select({ id: documents.id }).from(documents).where(and(eq(documents.id, documentId), eq(documents.projectId, projectId))).get();
    if (!doc) throw new CodingError('document.not_found', { id: documentId });
    const rows = tx
      .select({ coderId: codings.coderId, coderName: users.name, codeId: codings.codeId, start: codings.start, end: codings.end, memo: codings.memo, archived: codes.archived })
      .from(codings)
      .innerJoin(codes, eq(codes.id, codings.codeId))
      .innerJoin(users, eq(users.id, codings.coderId))
      .where(and(eq(codings.documentId, documentId), eq(codings.layer, 'coder')))
      .orderBy(asc(codings.start), asc(codings.end), asc(codings.id))
      .all();
    const own = rows.filter((r) => r.coderId === coderId);
    if (own.length === 0) throw new CodingError('review.coder_has_no_codings', { id: coderId });
    const others = [...new Set(rows.filter((r) => r.coderId !== coderId).map((r) => r.coderName))];
    if (others.length) {
      throw new CodingError('review.others_coded', { names: others.join(', ') });
    }
    let copied = 0;
    let skipped = 0;
    for (const c of own) {
      if (c.archived || c.end <= c.start) {
        skipped++;
        continue;
      }
      await createCodings(tx, { projectId, documentId, codeIds: [c.codeId], start: c.start, end: c.end, layer: { kind: 'consensus' }, memo: c.memo, actorId });
      copied++;
    }
    await recordAudit(tx, { projectId, userId: actorId, action: 'layer.copy_to_consensus', entityType: 'document', entityId: documentId, after: { coderId, copied, skipped } });
    return { copied, skipped };
  });
}
