'use server';
/** Codebook edits, for leads only: who is asking, may they, is the input well formed, one change. */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireProject } from '../session';
import type { Db } from '@/db/client';
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

/** The lead check, the schema, the change, and a fresh render of every project page. */
async function leadAction<S extends z.ZodType>(
  projectId: string,
  schema: S,
  input: unknown,
  change: (actor: Actor, data: z.infer<S>, db: Db) => number | void,
): Promise<CodebookActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  let changed: number | void;
  try {
    changed = change({ projectId: project.id, userId: user.id }, parsed.data, db);
  } catch (e) {
    if (e instanceof CodebookError) return { ok: false, error: e.message, reason: e.reason, details: e.details };
    throw e;
  }
  // Codes show on every project page (documents, counts), not only the codebook.
  revalidatePath(`/projects/${project.id}`, 'layout');
  return typeof changed === 'number' ? { ok: true, id: changed } : { ok: true };
}

/** Creates a code; the result carries the new code's id. */
export async function createCodeAction(projectId: string, input: unknown): Promise<CodebookActionResult> {
  return leadAction(projectId, createSchema, input, (actor, data, db) => createCode(db, actor, data).id);
}

/** Changes a code's name, colour, description, criteria, example or shortcut. */
export async function updateCodeAction(projectId: string, input: unknown): Promise<CodebookActionResult> {
  return leadAction(projectId, updateSchema, input, (actor, { codeId, ...patch }, db) => updateCode(db, actor, codeId, patch).id);
}

/** Moves a code under a parent (null: top level) at a position among its new siblings. */
export async function moveCodeAction(projectId: string, input: unknown): Promise<CodebookActionResult> {
  return leadAction(projectId, moveSchema, input, (actor, { codeId, parentId, position }, db) => moveCode(db, actor, codeId, { parentId, position }).id);
}

export async function setCodeArchivedAction(projectId: string, input: unknown): Promise<CodebookActionResult> {
  return leadAction(projectId, archiveSchema, input, (actor, { codeId, archived }, db) =>
    (archived ? archiveCode : unarchiveCode)(db, actor, codeId).id,
  );
}

/** Merges source into target; the result carries the target's id. */
export async function mergeCodesAction(projectId: string, input: unknown): Promise<CodebookActionResult> {
  return leadAction(projectId, mergeSchema, input, (actor, { sourceId, targetId }, db) => {
    mergeCodes(db, actor, sourceId, targetId);
    return targetId;
  });
}

/** Deletes a code; one with codings needs `confirmCodings` equal to their number. */
export async function deleteCodeAction(projectId: string, input: unknown): Promise<CodebookActionResult> {
  return leadAction(projectId, deleteSchema, input, (actor, { codeId, confirmCodings }, db) => {
    deleteCode(db, actor, codeId, { confirmCodings });
  });
}
