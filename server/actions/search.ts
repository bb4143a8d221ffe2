'use server';
/**
 * Server actions of the search screen: auto-code hits (preview, apply, undo) and saved
 * searches. Each checks the session and the project role, parses its input with zod and
 * re-runs the search on the server: the client names a search and, optionally, which of
 * its hits, never offsets to code.
 */
import { z } from 'zod';
import { requireProject } from '@/server/edge/session';
import { codingWriteProblem } from '@/server/services/coding-access';
import type { Db } from '@/db/client';
import {
  applyAutocode,
  AutocodeError,
  previewAutocode,
  undoAutocode,
  type AutocodePreview,
  type AutocodeResult,
  type UndoResult,
} from '@/db/queries/autocode';
import { deleteSavedSearch, saveSearch, SavedSearchError, type SavedSearchView } from '@/db/queries/saved-searches';
import { findHits, SearchError, type Hit } from '@/db/queries/search';
import type { PublicUser } from '@/db/queries/users';
import type { Role } from '@/db/schema';
import type { LayerRef } from '@/lib/access/layers';
import { EXTENTS } from '@/lib/search/extent';
import { hitKey, searchOptionsSchema, type SearchOptions } from '@/lib/search/options';

/** A failed action: an English message, and for search problems a code the screen translates. */
export type SearchActionResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: string; code?: string; params?: { at?: number; text?: string } };

const id = z.number().int().positive();

const autocodeSchema = z.object({
  options: searchOptionsSchema,
  codeId: id,
  extent: z.enum(EXTENTS),
  /** Keys (documentId:start:end) of the hits to code; null for all of them. */
  selection: z
    .array(z.string().regex(/^[1-9][0-9]{0,14}:[0-9]{1,9}:[0-9]{1,9}$/))
    .max(100_000)
    .nullable(),
});

function invalid(error: z.ZodError): { ok: false; error: string } {
  const issue = error.issues[0];
  return { ok: false, error: `Invalid request: ${issue.path.join('.') || 'input'} ${issue.message}` };
}

function failure(e: unknown): { ok: false; error: string; code?: string; params?: { at?: number; text?: string } } {
  if (e instanceof SearchError) return { ok: false, error: e.message, code: e.code, params: e.params };
  if (e instanceof AutocodeError || e instanceof SavedSearchError) return { ok: false, error: e.message };
  throw e;
}

/** The user's own layer, and whether they may write codings to a document of it (the coding-access rule). */
function ownLayer(db: Db, user: PublicUser, role: Role, blindMode: boolean) {
  const layer: LayerRef = { kind: 'coder', coderId: user.id };
  const mayWrite = (documentId: number) => codingWriteProblem(db, { userId: user.id, role, blindMode }, documentId, layer) === null;
  return { layer, mayWrite };
}

/** The hits to code: the search, re-run here, narrowed to the selection when there is one. */
async function selectedHits(db: Db, projectId: number, layer: LayerRef, options: SearchOptions, selection: string[] | null): Promise<Hit[]> {
  const found = await findHits(db, projectId, options, { codedLayer: layer });
  if (found.empty) throw new AutocodeError('Search for something first');
  if (!selection) return found.hits;
  const keys = new Set(selection);
  return found.hits.filter((h) => keys.has(hitKey(h.turn.documentId, h.start, h.end)));
}

/** How many codings auto-coding would make, how many exist already, how many hits are skipped. */
export async function previewAutocodeAction(projectId: string, input: unknown): Promise<SearchActionResult<AutocodePreview>> {
  const { project, db, user, role } = await requireProject(projectId, ['lead', 'coder']);
  const parsed = autocodeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const { layer, mayWrite } = ownLayer(db, user, role, project.blindMode);
  try {
    const hits = await selectedHits(db, project.id, layer, d.options, d.selection);
    return { ok: true, value: previewAutocode(db, { projectId: project.id, codeId: d.codeId, coderId: user.id, extent: d.extent, hits, mayWrite }) };
  } catch (e) {
    return failure(e);
  }
}

/** Codes the hits with the code in the user's own layer, as one undoable batch. */
export async function applyAutocodeAction(projectId: string, input: unknown): Promise<SearchActionResult<AutocodeResult>> {
  const { project, db, user, role } = await requireProject(projectId, ['lead', 'coder']);
  const parsed = autocodeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const { layer, mayWrite } = ownLayer(db, user, role, project.blindMode);
  try {
    const hits = await selectedHits(db, project.id, layer, d.options, d.selection);
    const value = applyAutocode(db, {
      projectId: project.id,
      codeId: d.codeId,
      coderId: user.id,
      extent: d.extent,
      hits,
      mayWrite,
      actorId: user.id,
      summary: { q: d.options.q, regex: d.options.regex, selected: d.selection?.length ?? null },
    });
    return { ok: true, value };
  } catch (e) {
    return failure(e);
  }
}

/** Deletes the codings an auto-coding batch made, those still unchanged. */
export async function undoAutocodeAction(projectId: string, input: unknown): Promise<SearchActionResult<UndoResult>> {
  const { project, db, user, role } = await requireProject(projectId, ['lead', 'coder']);
  const parsed = z.object({ batchId: id }).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { mayWrite } = ownLayer(db, user, role, project.blindMode);
  try {
    return {
      ok: true,
      value: undoAutocode(db, { projectId: project.id, batchId: parsed.data.batchId, actorId: user.id, mayUndoOthers: role === 'lead', mayWrite }),
    };
  } catch (e) {
    return failure(e);
  }
}

const saveSchema = z.object({
  name: z.string().trim().min(1).max(100),
  options: searchOptionsSchema,
});

/** Saves the current search under a name (any member). */
export async function saveSearchAction(projectId: string, input: unknown): Promise<SearchActionResult<SavedSearchView>> {
  const { project, db, user } = await requireProject(projectId);
  const parsed = saveSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    return { ok: true, value: saveSearch(db, { projectId: project.id, userId: user.id, name: parsed.data.name, options: parsed.data.options }) };
  } catch (e) {
    return failure(e);
  }
}

/** Deletes a saved search (its author, or a lead). */
export async function deleteSavedSearchAction(projectId: string, input: unknown): Promise<SearchActionResult<{ id: number }>> {
  const { project, db, user, role } = await requireProject(projectId);
  const parsed = z.object({ id }).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    deleteSavedSearch(db, { projectId: project.id, id: parsed.data.id, userId: user.id, isLead: role === 'lead' });
    return { ok: true, value: { id: parsed.data.id } };
  } catch (e) {
    return failure(e);
  }
}
