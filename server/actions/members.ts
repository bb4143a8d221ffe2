'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireProject } from '@/server/edge/session';
import { removeMember, setMemberRoleChecked } from '@/db/queries/projects';
import { userByEmail } from '@/db/queries/users';
import { recordAudit } from '@/db/queries/audit';
import { ROLES } from '@/db/schema';

export type ActionResult = { ok: true } | { ok: false, error: string };

const addSchema = z.object({ email: z.string().email().max(320), role: z.enum(ROLES) });

/** Leads add a member by email or change an existing member's role. */
export async function addMemberAction(projectId: string, input: unknown): Promise<ActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = addSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  const target = userByEmail(db, parsed.data.email);
  if (!target) return { ok: false, error: 'No user has that email' };
  try {
    setMemberRoleChecked(db, project.id, target.id, parsed.data.role);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  recordAudit(db, { projectId: project.id, userId: user.id, action: 'member.set', entityType: 'member', entityId: target.id, after: { role: parsed.data.role } });
  revalidatePath(`/projects/${project.id}/members`);
  return { ok: true };
}

const removeSchema = z.object({ userId: z.number().int().positive() });

export async function removeMemberAction(projectId: string, input: unknown): Promise<ActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = removeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  try {
    removeMember(db, project.id, parsed.data.userId);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  recordAudit(db, { projectId: project.id, userId: user.id, action: 'member.remove', entityType: 'member', entityId: parsed.data.userId });
  revalidatePath(`/projects/${project.id}/members`);
  return { ok: true };
}
