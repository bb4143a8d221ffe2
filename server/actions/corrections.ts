'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireProject } from '@/server/edge/session';
import { correctTranscript, CorrectionError, type CorrectionResult } from '@/db/queries/corrections';

const index = z.number().int().min(0).max(1_000_000);
const opSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('edit'), index, text: z.string().max(200_000) }),
  z.object({
    op: z.literal('speaker'),
    index,
    speakerKind: z.enum(['participant', 'moderator', 'unknown']),
    participantId: z.number().int().positive().nullable(),
    speakerLabel: z.string().max(100),
  }),
  z.object({ op: z.literal('split'), index, at: z.number().int().min(1) }),
  z.object({ op: z.literal('merge'), index }),
]);
const schema = z.object({ documentId: z.number().int().positive(), version: z.number().int().positive(), op: opSchema });

/** A lead corrects the transcript: one operation, codings remapped. */
export async function correctTranscriptAction(projectId: string, input: unknown): Promise<{ ok: true; value: CorrectionResult } | { ok: false; error: string }> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `Invalid request: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}` };
  try {
    const value = correctTranscript(db, { projectId: project.id, ...parsed.data, actorId: user.id });
    revalidatePath(`/projects/${project.id}/documents/${parsed.data.documentId}`);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof CorrectionError) return { ok: false, error: e.message };
    throw e;
  }
}
