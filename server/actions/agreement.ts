'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireProject } from '@/server/edge/session';
import { loadReview } from '@/server/services/review';
import { CodingError } from '@/db/queries/codings';
import { copyLayerToConsensus, resolveDisagreement, type CopyResult } from '@/db/queries/consensus';
import { consensusRanges, type Decision } from '@/lib/agreement/resolution';
import { DEFAULT_THRESHOLD_PERCENT } from '@/lib/agreement/selection';

export type AgreementActionResult<T> = { ok: true; value: T } | { ok: false; error: string };

const id = z.number().int().positive();
const decisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accept'), coder: z.string().regex(/^[1-9][0-9]{0,14}$/) }),
  z.object({ kind: z.literal('both') }),
  z.object({ kind: z.literal('reject') }),
  z.object({ kind: z.literal('edit'), start: z.number().int().min(0), end: z.number().int().min(0) }),
]);

const resolveSchema = z.object({
  documentId: id,
  coders: z.array(id).min(2).max(20),
  key: z.string().min(1).max(20_000),
  thresholdPercent: z.number().min(1).max(100).default(DEFAULT_THRESHOLD_PERCENT),
  decision: decisionSchema,
  note: z.string().max(5000).default(''),
  noteToCode: z.boolean().default(false),
});

const invalid = (e: z.ZodError) => `Invalid request: ${e.issues[0].path.join('.') || 'input'} ${e.issues[0].message}`;

/**
 * Leads resolve one disagreement into the consensus layer. The disagreement is looked up again
 * on the server by its key, so the ranges written are the coders' current ones, never the
 * client's; a passage recoded since the page loaded is refused with a message to reload.
 */
export async function resolveDisagreementAction(projectId: string, input: unknown): Promise<AgreementActionResult<{ resolved: number; total: number }>> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = resolveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: invalid(parsed.error) };
  const d = parsed.data;
  const review = loadReview(db, project.id, d.documentId, d.coders, d.thresholdPercent);
  if (!review) return { ok: false, error: `Document ${d.documentId} is not in this project` };
  const item = review.listing.items.find((i) => i.key === d.key);
  if (!item) return { ok: false, error: 'This disagreement has changed since the page was loaded (a coder recoded it). Reload the page.' };
  const decision = d.decision as Decision;
  if (decision.kind === 'accept' && !item.coders.some((c) => c.coder === decision.coder)) {
    return { ok: false, error: `Coder ${decision.coder} is not compared here` };
  }
  try {
    resolveDisagreement(db, {
      projectId: project.id,
      documentId: d.documentId,
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
  } catch (e) {
    if (e instanceof CodingError) return { ok: false, error: e.message };
    throw e;
  }
  revalidatePath(`/projects/${project.id}/agreement/review`);
  revalidatePath(`/projects/${project.id}/documents/${d.documentId}`);
  const resolved = review.resolved.has(item.key) ? review.resolved.size : review.resolved.size + 1;
  return { ok: true, value: { resolved, total: review.listing.items.length } };
}

const copySchema = z.object({ documentId: id, coderId: id });

/** Leads copy the layer of the only coder of a document into the consensus layer. */
export async function copyLayerAction(projectId: string, input: unknown): Promise<AgreementActionResult<CopyResult>> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = copySchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: invalid(parsed.error) };
  try {
    const value = copyLayerToConsensus(db, project.id, parsed.data.documentId, parsed.data.coderId, user.id);
    revalidatePath(`/projects/${project.id}/agreement`);
    revalidatePath(`/projects/${project.id}/documents/${parsed.data.documentId}`);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof CodingError) return { ok: false, error: e.message };
    throw e;
  }
}
