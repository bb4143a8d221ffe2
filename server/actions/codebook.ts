'use server';
/** Codebook edits, for leads only: who is asking, may they, is the input well formed, one change. */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireProject } from '@/server/edge/session';
import {
  archiveCode,
  CodebookError,
  createCode,
  deleteCode,
  mergeCodes,
  moveCode,
  NAME_MAX,
  TEXT_MAX,
  unarchiveCode,
  updateCode,
  type Actor,
  type CodebookErrorReason,
} from '@/db/queries/codebook';

/**
 * The outcome of a codebook action. A refusal carries a readable `error`, and, when the
 * codebook rules refused it, the `reason` and `details` the UI translates.
 */
export type CodebookActionResult =
  | { ok: true; id?: number }
  | { ok: false; error: string; reason?: CodebookErrorReason; details?: Record<string, string | number> };

const id = z.number().int().positive();
const text = z.string().max(TEXT_MAX);
const fields = {
  name: z.string().max(NAME_MAX + 100),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #RRGGBB'),
  description: text,
  inclusion: text,
  exclusion: text,
  example: text,
  shortcut: z.string().max(8).nullable(),
};

const createSchema = z.object({ ...fields, parentId: id.nullable().optional() }).partial({
  color: true,
  description: true,
  inclusion: true,
  exclusion: true,
  example: true,
  shortcut: true,
});
const updateSchema = z.object({ codeId: id, ...fields }).partial({
  name: true,
  color: true,
  description: true,
  inclusion: true,
  exclusion: true,
  example: true,
  shortcut: true,
});
const moveSchema = z.object({ codeId: id, parentId: id.nullable(), position: z.number().int().min(0).max(100_000) });
const archiveSchema = z.object({ codeId: id, archived: z.boolean() });
const mergeSchema = z.object({ sourceId: id, targetId: id });
const deleteSchema = z.object({ codeId: id, confirmCodings: z.number().int().min(0).optional() });

function invalid(error: z.ZodError): CodebookActionResult {
  const issue = error.issues[0];
  return { ok: false, error: `Invalid request: ${issue.path.join('.') || 'input'}: ${issue.message}` };
}

/** Makes the change; a refusal by the codebook rules becomes a result, anything else throws. */
function attempt(projectId: number, change: () => number | void): CodebookActionResult {
  let id: number | void;
  try {
    id = change();
  } catch (e) {
    if (e instanceof CodebookError) return { ok: false, error: e.message, reason: e.reason, details: e.details };
    throw e;
  }
  // Codes show on every project page (documents, counts), not only the codebook.
  revalidatePath(`/projects/${projectId}`, 'layout');
  return typeof id === 'number' ? { ok: true, id } : { ok: true };
}

const actor = (projectId: number, userId: number): Actor => ({ projectId, userId });

/** Creates a code; the result carries the new code's id. */
export async function createCodeAction(projectId: string, input: unknown): Promise<CodebookActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return attempt(project.id, () => createCode(db, actor(project.id, user.id), parsed.data).id);
}

/** Changes a code's name, colour, description, criteria, example or shortcut. */
export async function updateCodeAction(projectId: string, input: unknown): Promise<CodebookActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = updateSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { codeId, ...patch } = parsed.data;
  return attempt(project.id, () => updateCode(db, actor(project.id, user.id), codeId, patch).id);
}

/** Moves a code under a parent (null: top level) at a position among its new siblings. */
export async function moveCodeAction(projectId: string, input: unknown): Promise<CodebookActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = moveSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { codeId, parentId, position } = parsed.data;
  return attempt(project.id, () => moveCode(db, actor(project.id, user.id), codeId, { parentId, position }).id);
}

/** Archives or restores a code. */
export async function setCodeArchivedAction(projectId: string, input: unknown): Promise<CodebookActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = archiveSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { codeId, archived } = parsed.data;
  return attempt(project.id, () => (archived ? archiveCode : unarchiveCode)(db, actor(project.id, user.id), codeId).id);
}

/** Merges source into target; the result carries the target's id. */
export async function mergeCodesAction(projectId: string, input: unknown): Promise<CodebookActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = mergeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { sourceId, targetId } = parsed.data;
  return attempt(project.id, () => {
    mergeCodes(db, actor(project.id, user.id), sourceId, targetId);
    return targetId;
  });
}

/** Deletes a code; one with codings needs `confirmCodings` equal to their number. */
export async function deleteCodeAction(projectId: string, input: unknown): Promise<CodebookActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = deleteSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { codeId, confirmCodings } = parsed.data;
  return attempt(project.id, () => deleteCode(db, actor(project.id, user.id), codeId, { confirmCodings }));
}
