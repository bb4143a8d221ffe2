'use server';
/** The export page's one change: a lead marks an attribute private (never exported) or not. */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireProject } from '@/server/edge/session';
import { AttributePrivacyError, setAttributePrivate } from '@/db/queries/attribute-privacy';

const schema = z.object({ attributeId: z.number().int().positive(), private: z.boolean() });

export async function setAttributePrivateAction(projectId: string, input: unknown): Promise<{ ok: true; private: boolean } | { ok: false; error: string }> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `Invalid request: ${parsed.error.issues[0].path.join('.') || 'input'}: ${parsed.error.issues[0].message}` };
  try {
    const value = setAttributePrivate(db, project.id, parsed.data.attributeId, parsed.data.private, user.id);
    revalidatePath(`/projects/${project.id}/export`);
    return { ok: true, private: value };
  } catch (e) {
    if (e instanceof AttributePrivacyError) return { ok: false, error: e.message };
    throw e;
  }
}
