'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { projectAction } from '@/server/edge/action';
import { correctTranscript } from '@/db/queries/corrections';
import { correctionTime } from '@/lib/live/events';
import { publishLive } from '@/server/live/bus';

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
export const correctTranscriptAction = projectAction({ roles: ['lead'], input: schema }, async ({ db, project, user }, input) => {
  const value = await correctTranscript(db, { projectId: project.id, ...input, actorId: user.id });
  revalidatePath(`/projects/${project.id}/documents/${input.documentId}`);
  // Committed: every editor open on the document reloads the corrected text, and says why.
  publishLive({ kind: 'document', projectId: project.id, documentId: input.documentId, version: value.version, actorId: user.id, by: user.name, at: correctionTime(new Date()) });
  return value;
});
