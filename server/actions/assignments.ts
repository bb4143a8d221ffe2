'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireProject } from '@/server/edge/session';
import { AssignmentError, setAssignments, setAssignmentStatus } from '@/db/queries/assignments';
import { setBlindMode, setCodersMayCreateCodes } from '@/db/queries/project-settings';
import type { AssignmentStatus } from '@/db/schema';

export type AssignmentActionResult<T> = { ok: true; value: T } | { ok: false; error: string };

const id = z.number().int().positive();
const invalid = (e: z.ZodError) => `Invalid request: ${e.issues[0].path.join('.') || 'input'} ${e.issues[0].message}`;

const changesSchema = z.object({
  changes: z.array(z.object({ documentId: id, coderId: id, assigned: z.boolean() })).min(1).max(10_000),
});

/** Leads assign and unassign many document × coder cells at once. */
export async function setAssignmentsAction(projectId: string, input: unknown): Promise<AssignmentActionResult<{ added: number; removed: number }>> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = changesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: invalid(parsed.error) };
  try {
    const value = setAssignments(db, project.id, parsed.data.changes, user.id);
    revalidatePath(`/projects/${project.id}`, 'layout');
    return { ok: true, value };
  } catch (e) {
    if (e instanceof AssignmentError) return { ok: false, error: e.message };
    throw e;
  }
}

const statusSchema = z.object({ documentId: id, change: z.enum(['done', 'reopen']) });

/** A coder (or a lead who codes) marks their own document done, or reopens it. */
export async function setMyStatusAction(projectId: string, input: unknown): Promise<AssignmentActionResult<AssignmentStatus>> {
  const { project, db, user } = await requireProject(projectId, ['lead', 'coder']);
  const parsed = statusSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: invalid(parsed.error) };
  try {
    const value = setAssignmentStatus(db, project.id, parsed.data.documentId, user.id, parsed.data.change, user.id);
    revalidatePath(`/projects/${project.id}`, 'layout');
    return { ok: true, value };
  } catch (e) {
    if (e instanceof AssignmentError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Leads turn blind mode on or off; audited. */
export async function setBlindModeAction(projectId: string, input: unknown): Promise<AssignmentActionResult<boolean>> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = z.object({ blindMode: z.boolean() }).safeParse(input);
  if (!parsed.success) return { ok: false, error: invalid(parsed.error) };
  setBlindMode(db, project.id, parsed.data.blindMode, user.id);
  revalidatePath(`/projects/${project.id}`, 'layout');
  return { ok: true, value: parsed.data.blindMode };
}

/** Leads let coders add codes from the coding popover (or stop them); audited. */
export async function setCodersMayCreateCodesAction(projectId: string, input: unknown): Promise<AssignmentActionResult<boolean>> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = z.object({ allowed: z.boolean() }).safeParse(input);
  if (!parsed.success) return { ok: false, error: invalid(parsed.error) };
  setCodersMayCreateCodes(db, project.id, parsed.data.allowed, user.id);
  revalidatePath(`/projects/${project.id}`, 'layout');
  return { ok: true, value: parsed.data.allowed };
}
