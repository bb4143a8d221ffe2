'use server';
/** Codebook edits, for leads only: who is asking, may they, is the input well formed, one change. */
import { revalidatePath } from 'next/cache';
import { publishLive } from '@/server/live/bus';
import { z } from 'zod';
import { projectAction } from '@/server/edge/action';
import { archiveCode, createCode, deleteCode, mergeCodes, moveCode, unarchiveCode, updateCode, type Actor } from '@/db/queries/codebook';
import { NAME_MAX, TEXT_MAX } from '@/lib/codebook/rules';

const id = z.number().int().positive();
const text = z.string().max(TEXT_MAX);
const fields = {
  name: z.string().max(NAME_MAX + 100),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
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

/** Makes the change; codes show on every project page (documents, counts), not only the codebook. */
function changed<T>(projectId: number, actorId: number, value: T): T {
  revalidatePath(`/projects/${projectId}`, 'layout');
  // Committed: editors open on the project fetch the codebook again.
  publishLive({ kind: 'codebook', projectId, actorId });
  return value;
}

const actor = (projectId: number, userId: number): Actor => ({ projectId, userId });

/** Creates a code; the result is the new code's id. */
export const createCodeAction = projectAction({ roles: ['lead'], input: createSchema }, async ({ db, project, user }, input) =>
  changed(project.id, user.id, (await createCode(db, actor(project.id, user.id), input)).id),
);

/** Changes a code's name, colour, description, criteria, example or shortcut. */
export const updateCodeAction = projectAction({ roles: ['lead'], input: updateSchema }, async ({ db, project, user }, { codeId, ...patch }) =>
  changed(project.id, user.id, (await updateCode(db, actor(project.id, user.id), codeId, patch)).id),
);

/** Moves a code under a parent (null: top level) at a position among its new siblings. */
export const moveCodeAction = projectAction({ roles: ['lead'], input: moveSchema }, async ({ db, project, user }, { codeId, parentId, position }) =>
  changed(project.id, user.id, (await moveCode(db, actor(project.id, user.id), codeId, { parentId, position })).id),
);

/** Archives or restores a code. */
export const setCodeArchivedAction = projectAction({ roles: ['lead'], input: archiveSchema }, async ({ db, project, user }, { codeId, archived }) =>
  changed(project.id, user.id, (await (archived ? archiveCode : unarchiveCode)(db, actor(project.id, user.id), codeId)).id),
);

/** Merges source into target; the result is the target's id. */
export const mergeCodesAction = projectAction({ roles: ['lead'], input: mergeSchema }, async ({ db, project, user }, { sourceId, targetId }) => {
  await mergeCodes(db, actor(project.id, user.id), sourceId, targetId);
  return changed(project.id, user.id, targetId);
});

/** Deletes a code; one with codings needs `confirmCodings` equal to their number. */
export const deleteCodeAction = projectAction({ roles: ['lead'], input: deleteSchema }, async ({ db, project, user }, { codeId, confirmCodings }) =>
  changed(project.id, user.id, await deleteCode(db, actor(project.id, user.id), codeId, { confirmCodings })),
);
