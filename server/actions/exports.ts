'use server';
/** The export page's one change: a lead marks an attribute private (never exported) or not. */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { projectAction } from '@/server/edge/action';
import { setAttributePrivate } from '@/db/queries/attribute-privacy';


export const setAttributePrivateAction = projectAction(
  { roles: ['lead'], input: z.object({ attributeId: z.number().int().positive(), private: z.boolean() }) },
  async ({ db, project, user }, input) => {
    const value = await setAttributePrivate(db, project.id, input.attributeId, input.private, user.id);
    revalidatePath(`/projects/${project.id}/export`);
    return value;
  },
);
