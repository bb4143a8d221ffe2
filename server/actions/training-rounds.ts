'use server';
/** Leads create, rename, reorder and delete training rounds and choose their documents (issue #19). */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { projectAction } from '@/server/edge/action';
import { changeRounds } from '@/server/services/training-rounds';

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(200);
const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('create'), name }),
  z.object({ kind: z.literal('rename'), roundId: id, name }),
  z.object({ kind: z.literal('delete'), roundId: id }),
  z.object({ kind: z.literal('reorder'), roundIds: z.array(id).max(1000) }),
  z.object({ kind: z.literal('documents'), roundId: id, documentIds: z.array(id).max(100_000) }),
]);

export const changeRoundsAction = projectAction({ roles: ['lead'], input: changeSchema }, async ({ db, project, user, role }, change) => {
  const rounds = await changeRounds(db, project.id, { userId: user.id, role }, change);
  revalidatePath(`/projects/${project.id}/agreement`);
  return rounds;
});
