'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { projectAction } from '@/server/edge/action';
import { setAssignments, setAssignmentStatus } from '@/db/queries/assignments';
import { setBlindMode, setCodersMayCreateCodes } from '@/db/queries/project-settings';

const id = z.number().int().positive();

/** Assignments and project settings show on every project page. */
function changed<T>(projectId: number, value: T): T {
  revalidatePath(`/projects/${projectId}`, 'layout');
  return value;
}

/** Leads assign and unassign many document × coder cells at once. */
export const setAssignmentsAction = projectAction(
  { roles: ['lead'], input: z.object({ changes: z.array(z.object({ documentId: id, coderId: id, assigned: z.boolean() })).min(1).max(10_000) }) },
  async ({ db, project, user }, { changes }) => changed(project.id, await setAssignments(db, project.id, changes, user.id)),
);

/** A coder (or a lead who codes) marks their own document done, or reopens it. */
export const setMyStatusAction = projectAction(
  { roles: ['lead', 'coder'], input: z.object({ documentId: id, change: z.enum(['done', 'reopen']) }) },
  async ({ db, project, user }, { documentId, change }) => changed(project.id, await setAssignmentStatus(db, project.id, documentId, user.id, change, user.id)),
);

/** Leads turn blind mode on or off; audited. */
export const setBlindModeAction = projectAction({ roles: ['lead'], input: z.object({ blindMode: z.boolean() }) }, async ({ db, project, user }, { blindMode }) => {
  await setBlindMode(db, project.id, blindMode, user.id);
  return changed(project.id, blindMode);
});

/** Leads let coders add codes from the coding popover (or stop them); audited. */
export const setCodersMayCreateCodesAction = projectAction({ roles: ['lead'], input: z.object({ allowed: z.boolean() }) }, async ({ db, project, user }, { allowed }) => {
  await setCodersMayCreateCodes(db, project.id, allowed, user.id);
  return changed(project.id, allowed);
});
