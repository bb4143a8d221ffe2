/**
 * Transcript correction by a lead: one operation on the turns, in one transaction. Every
 * coding of the document (all layers) is remapped through the text change; a coding whose
 * text was deleted is kept, flagged for review with its old quote, never dropped.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { codings, documents, participants, turns } from '../schema';
import { buildCanonicalText, countWords } from '@/lib/text/canonical';
import { applyTurnOp, CorrectionError, type TurnOp } from '@/lib/text/corrections';
import { remapRange } from '@/lib/text/remap';
import { recordAudit } from './audit';

export { CorrectionError };

export interface CorrectionResult {
  version: number;
  remapped: number;
  flagged: number;
}

export async function correctTranscript(
  db: Db,
  input: { projectId: number; documentId: number; version: number; op: TurnOp; actorId: number },
): Promise<CorrectionResult> {
  return await transaction(db, async (tx) => {
    const doc = tx
      .select()
      .from(documents)
      .where(and(eq(documents.id, input.documentId), eq(documents.projectId, input.projectId)))
      .get();
    if (!doc) throw new CorrectionError('document.not_found', { id: input.documentId });
    if (doc.version !== input.version) {
      throw new CorrectionError('correction.stale');
    }
    const op = input.op;
    if (op.op === 'speaker' && op.participantId != null) {
      const p = tx
        .select({ id: participants.id })
        .from(participants)
        .where(and(eq(participants.id, op.participantId), eq(participants.projectId, input.projectId)))
        .get();
      if (!p) throw new CorrectionError('participant.not_found', { id: op.participantId });
    }
    const old = tx.select().from(turns).where(eq(turns.documentId, doc.id)).orderBy(asc(turns.seq)).all();
    const { turns: next, change } = applyTurnOp(old, op);
    const { text, ranges } = buildCanonicalText(next);

    tx.delete(turns).where(eq(turns.documentId, doc.id)).run();
    tx.insert(turns)
      .values(
        next.map((t, i) => ({
          documentId: doc.id,
          seq: i + 1,
          speakerKind: t.speakerKind,
          participantId: t.participantId,
          speakerLabel: t.speakerLabel,
          timestamp: t.timestamp,
          start: ranges[i].start,
          end: ranges[i].end,
          text: t.text,
          wordCount: countWords(t.text),
        })),
      )
      .run();

    let remapped = 0;
    let flagged = 0;
    if (change) {
      const affected = tx.select().from(codings).where(eq(codings.documentId, doc.id)).all();
      for (const c of affected) {
        if (c.needsReview && c.start === c.end) continue; // already awaiting review
        const r = remapRange(c.start, c.end, change);
        const quote = text.slice(r.start, r.end);
        if (r.start === c.start && r.end === c.end && quote === c.quote) continue;
        tx.update(codings)
          .set({
            start: r.start,
            end: r.end,
            quote,
            updatedAt: new Date(),
            ...(r.deleted ? { needsReview: true, previousQuote: c.quote } : {}),
          })
          .where(eq(codings.id, c.id))
          .run();
        if (r.deleted) flagged++;
        else remapped++;
      }
    }
    const version = doc.version + 1;
    tx.update(documents).set({ version, updatedAt: new Date() }).where(eq(documents.id, doc.id)).run();
    await recordAudit(tx, {
      projectId: input.projectId,
      userId: input.actorId,
      action: 'document.correct',
      entityType: 'document',
      entityId: doc.id,
      before: { version: doc.version, op: op.op, turn: old[op.index]?.text },
      after: { version, op, change, remapped, flagged },
    });
    return { version, remapped, flagged };
  });
}
