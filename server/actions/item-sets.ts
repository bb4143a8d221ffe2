'use server';
/** Leads create, rename, refill and delete code, document and participant sets (issue #18 item 4). */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { projectAction } from '@/server/edge/action';
import { changeSets } from '@/server/services/item-sets';

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(200);
const members = z.array(id).max(100_000);
const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('create'), setKind: z.enum(['code', 'document', 'participant']), name, description: z.string().max(5000).optional(), memberIds: members }),
  z.object({ kind: z.literal('rename'), setId: id, name }),
  z.object({ kind: z.literal('members'), setId: id, memberIds: members }),
  z.object({ kind: z.literal('delete'), setId: id }),
]);

export const changeSetsAction = projectAction({ roles: ['lead'], input: changeSchema }, async ({ db, project, user, role }, change) => {
  const sets = await changeSets(db, project.id, { userId: user.id, role }, change);
  for (const page of ['analysis', 'export', 'sets']) revalidatePath(`/projects/${project.id}/${page}`);
  return sets;
});
