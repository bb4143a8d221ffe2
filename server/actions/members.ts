'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { projectAction, refuse } from '@/server/edge/action';
import { removeMember, setMemberRoleChecked } from '@/db/queries/projects';
import { userByEmail } from '@/db/queries/users';
import { recordAudit } from '@/db/queries/audit';
import { ROLES } from '@/lib/access/layers';

/** Leads add a member by email or change an existing member's role. */
export const addMemberAction = projectAction(
  { roles: ['lead'], input: z.object({ email: z.string().email().max(320), role: z.enum(ROLES) }) },
  async ({ db, project, user }, { email, role }) => {
    const target = await userByEmail(db, email);
    if (!target) refuse('member.unknown_email');
    await setMemberRoleChecked(db, project.id, target.id, role);
    await recordAudit(db, { projectId: project.id, userId: user.id, action: 'member.set', entityType: 'member', entityId: target.id, after: { role } });
    revalidatePath(`/projects/${project.id}/members`);
    return { userId: target.id };
  },
);

/** Leads remove a member (never the last lead). */
export const removeMemberAction = projectAction({ roles: ['lead'], input: z.object({ userId: z.number().int().positive() }) }, async ({ db, project, user }, { userId }) => {
  await removeMember(db, project.id, userId);
  await recordAudit(db, { projectId: project.id, userId: user.id, action: 'member.remove', entityType: 'member', entityId: userId });
  revalidatePath(`/projects/${project.id}/members`);
  return { userId };
});
