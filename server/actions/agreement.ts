'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { projectAction, refuse } from '@/server/edge/action';
import { loadReview } from '@/server/services/review';
import { publishLive } from '@/server/live/bus';
import { copyLayerToConsensus, resolveDisagreement } from '@/db/queries/consensus';
import { consensusRanges, type Decision } from '@/lib/agreement/resolution';
import { DEFAULT_THRESHOLD_PERCENT } from '@/lib/agreement/selection';

const id = z.number().int().positive();
const decisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accept'), coder: z.string().regex(/^[1-9][0-9]{0,14}$/) }),
  z.object({ kind: z.literal('both') }),
  z.object({ kind: z.literal('reject') }),
  z.object({ kind: z.literal('edit'), start: z.number().int().min(0), end: z.number().int().min(0) }),
]);

const resolveSchema = z.object({
  documentId: id,
  /** The document version the page showed: a correction since then is refused as stale (409). */
  version: z.number().int().positive(),
  coders: z.array(id).min(2).max(20),
  key: z.string().min(1).max(20_000),
  thresholdPercent: z.number().min(1).max(100).default(DEFAULT_THRESHOLD_PERCENT),
  decision: decisionSchema,
  note: z.string().max(5000).default(''),
  noteToCode: z.boolean().default(false),
});

/**
 * Leads resolve one disagreement into the consensus layer. The disagreement is looked up again
 * on the server by its key, so the ranges written are the coders' current ones, never the
 * client's; a passage recoded since the page loaded is refused with a message to reload, and a
 * transcript corrected since then with `document.stale` (the page then reloads).
 */
export const resolveDisagreementAction = projectAction({ roles: ['lead'], input: resolveSchema }, async ({ db, project, user }, d) => {
  const review = await loadReview(db, project.id, d.documentId, d.coders, d.thresholdPercent);
  if (!review) refuse('document.not_found', { id: d.documentId });
  const item = review.listing.items.find((i) => i.key === d.key);
  if (!item) refuse('review.changed');
  const decision = d.decision as Decision;
  if (decision.kind === 'accept' && !item.coders.some((c) => c.coder === decision.coder)) refuse('review.coder_not_compared', { id: decision.coder });
  await resolveDisagreement(db, {
    projectId: project.id,
    documentId: d.documentId,
    version: d.version,
    actorId: user.id,
    key: item.key,
    codeId: Number(item.codeId),
    start: item.start,
    end: item.end,
    decision,
    ranges: consensusRanges(item, decision),
    note: d.note,
    noteToCode: d.noteToCode,
  });
  revalidatePath(`/projects/${project.id}/agreement/review`);
  revalidatePath(`/projects/${project.id}/documents/${d.documentId}`);
  publishLive({ kind: 'resync', projectId: project.id, documentId: d.documentId, layer: { kind: 'consensus' }, actorId: user.id });
  const resolved = review.resolved.has(item.key) ? review.resolved.size : review.resolved.size + 1;
  return { resolved, total: review.listing.items.length };
});

/** Leads copy the layer of the only coder of a document into the consensus layer. */
export const copyLayerAction = projectAction({ roles: ['lead'], input: z.object({ documentId: id, coderId: id }) }, async ({ db, project, user }, { documentId, coderId }) => {
  const value = await copyLayerToConsensus(db, project.id, documentId, coderId, user.id);
  publishLive({ kind: 'resync', projectId: project.id, documentId, layer: { kind: 'consensus' }, actorId: user.id });
  revalidatePath(`/projects/${project.id}/agreement`);
  revalidatePath(`/projects/${project.id}/documents/${documentId}`);
  return value;
});
