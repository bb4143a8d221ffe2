'use server';
import { z } from 'zod';
import { requireProject } from '@/server/edge/session';
import {
  codingInProject,
  CodingError,
  createCodings,
  deleteCoding,
  updateCoding,
  type CodingView,
} from '@/db/queries/codings';
import { documentInProject } from '@/db/queries/documents';
import { CodebookError, createCode } from '@/db/queries/codebook';
import type { LayerRef } from '@/lib/access/layers';
import { codingWriteProblem, layerOfCoding } from '@/server/services/coding-access';
import type { Db } from '@/db/client';
import type { PublicUser } from '@/db/queries/users';
import type { Role } from '@/db/schema';

export type CodingResult<T> = { ok: true; value: T } | { ok: false; error: string };

const id = z.number().int().positive();
const layerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('consensus') }),
  z.object({ kind: z.literal('coder'), coderId: id }),
]);

function writeProblem(db: Db, ctx: { user: PublicUser; role: Role; blindMode: boolean }, documentId: number, layer: LayerRef): string | null {
  return codingWriteProblem(db, { userId: ctx.user.id, role: ctx.role, blindMode: ctx.blindMode }, documentId, layer);
}

async function guarded<T>(fn: () => T): Promise<CodingResult<T>> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof CodingError) return { ok: false, error: e.message };
    throw e;
  }
}

const createSchema = z.object({
  documentId: id,
  version: z.number().int().positive().optional(),
  codeIds: z.array(id).min(1).max(50),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  layer: layerSchema,
  memo: z.string().max(20000).optional(),
});

/** Codes a range with one or more codes. */
export async function createCodingsAction(projectId: string, input: unknown): Promise<CodingResult<CodingView[]>> {
  const { project, db, user, role } = await requireProject(projectId, ['lead', 'coder']);
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `Invalid request: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}` };
  const d = parsed.data;
  if (!documentInProject(db, project.id, d.documentId)) return { ok: false, error: `Document ${d.documentId} is not in this project` };
  const problem = writeProblem(db, { user, role, blindMode: project.blindMode }, d.documentId, d.layer);
  if (problem) return { ok: false, error: problem };
  return guarded(() => createCodings(db, { ...d, projectId: project.id, actorId: user.id }));
}

const updateSchema = z.object({
  codingId: id,
  codeId: id.optional(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  memo: z.string().max(20000).optional(),
});

/** Changes a coding's code, range or memo. */
export async function updateCodingAction(projectId: string, input: unknown): Promise<CodingResult<CodingView>> {
  const { project, db, user, role } = await requireProject(projectId, ['lead', 'coder']);
  const parsed = updateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `Invalid request: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}` };
  const { codingId, ...change } = parsed.data;
  const row = codingInProject(db, project.id, codingId);
  if (!row) return { ok: false, error: `Coding ${codingId} does not exist` };
  const problem = writeProblem(db, { user, role, blindMode: project.blindMode }, row.documentId, layerOfCoding(row));
  if (problem) return { ok: false, error: problem };
  return guarded(() => updateCoding(db, project.id, codingId, change, user.id));
}

/** Removes a coding; returns it so the client can undo. */
export async function deleteCodingAction(projectId: string, input: unknown): Promise<CodingResult<{ id: number }>> {
  const { project, db, user, role } = await requireProject(projectId, ['lead', 'coder']);
  const parsed = z.object({ codingId: id }).safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Invalid request: codingId must be a positive integer' };
  const row = codingInProject(db, project.id, parsed.data.codingId);
  if (!row) return { ok: false, error: `Coding ${parsed.data.codingId} does not exist` };
  const problem = writeProblem(db, { user, role, blindMode: project.blindMode }, row.documentId, layerOfCoding(row));
  if (problem) return { ok: false, error: problem };
  return guarded(() => ({ id: deleteCoding(db, project.id, row.id, user.id).id }));
}

const newCodeSchema = z.object({ name: z.string().trim().min(1).max(200), parentId: id.nullable().optional() });
const PALETTE = ['#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#fabebe', '#008080', '#9a6324'];

/**
 * Creates a code from the editor's popover (a typed name, or in-vivo: the selected words).
 * Leads always may; coders only when the lead allows coders to create codes.
 */
export async function createCodeInEditorAction(
  projectId: string,
  input: unknown,
): Promise<CodingResult<{ id: number; name: string; color: string; parentId: number | null }>> {
  const { project, db, user, role } = await requireProject(projectId, ['lead', 'coder']);
  if (role === 'coder' && !project.codersMayCreateCodes) return { ok: false, error: 'Only the lead may add codes to this codebook' };
  const parsed = newCodeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `Invalid request: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}` };
  const color = PALETTE[[...parsed.data.name].reduce((h, ch) => (h * 31 + ch.codePointAt(0)!) >>> 0, 7) % PALETTE.length];
  try {
    const code = createCode(db, { projectId: project.id, userId: user.id }, { name: parsed.data.name, parentId: parsed.data.parentId ?? null, color });
    return { ok: true, value: { id: code.id, name: code.name, color: code.color, parentId: code.parentId } };
  } catch (e) {
    if (e instanceof CodebookError) return { ok: false, error: e.message };
    throw e;
  }
}
