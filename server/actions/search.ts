'use server';
/**
 * Server actions of the search screen: auto-code hits (preview, apply, undo) and saved
 * searches. Each re-runs the search on the server: the client names a search and,
 * optionally, which of its hits, never offsets to code.
 */
import { z } from 'zod';
import { projectAction, refuse, type ProjectContext } from '@/server/edge/action';
import { codingWriteRefusal } from '@/server/services/codings';
import { publishLive } from '@/server/live/bus';
import type { Db } from '@/db/client';
import { applyAutocode, previewAutocode, undoAutocode } from '@/db/queries/autocode';
import { deleteSavedSearch, saveSearch } from '@/db/queries/saved-searches';
import { findHits, type Hit } from '@/db/queries/search';
import type { LayerRef } from '@/lib/access/layers';
import { EXTENTS } from '@/lib/search/extent';
import { hitKey, searchOptionsSchema, type SearchOptions } from '@/lib/search/options';

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

/** The user's own layer, and whether they may write codings to a document of it. */
function ownLayer({ db, user, role, project }: ProjectContext) {
  const layer: LayerRef = { kind: 'coder', coderId: user.id };
  const mayWrite = async (documentId: number) => await codingWriteRefusal(db, { userId: user.id, role, blindMode: project.blindMode }, documentId, layer) === null;
  return { layer, mayWrite };
}

/** The hits to code: the search, re-run here, narrowed to the selection when there is one. */
async function selectedHits(db: Db, projectId: number, layer: LayerRef, options: SearchOptions, selection: string[] | null): Promise<Hit[]> {
  const found = await findHits(db, projectId, options, { codedLayer: layer });
  if (found.empty) refuse('autocode.empty_search');
  if (!selection) return found.hits;
  const keys = new Set(selection);
  return found.hits.filter((h) => keys.has(hitKey(h.turn.documentId, h.start, h.end)));
}

/** How many codings auto-coding would make, how many exist already, how many hits are skipped. */
export const previewAutocodeAction = projectAction({ roles: ['lead', 'coder'], input: autocodeSchema }, async (ctx, d) => {
  const { layer, mayWrite } = ownLayer(ctx);
  const hits = await selectedHits(ctx.db, ctx.project.id, layer, d.options, d.selection);
  return await previewAutocode(ctx.db, { projectId: ctx.project.id, codeId: d.codeId, coderId: ctx.user.id, extent: d.extent, hits, mayWrite });
});

/** Codes the hits with the code in the user's own layer, as one undoable batch. */
export const applyAutocodeAction = projectAction({ roles: ['lead', 'coder'], input: autocodeSchema }, async (ctx, d) => {
  const { layer, mayWrite } = ownLayer(ctx);
  const hits = await selectedHits(ctx.db, ctx.project.id, layer, d.options, d.selection);
  const value = await applyAutocode(ctx.db, {
    projectId: ctx.project.id,
    codeId: d.codeId,
    coderId: ctx.user.id,
    extent: d.extent,
    hits,
    mayWrite,
    actorId: ctx.user.id,
    summary: { q: d.options.q, regex: d.options.regex, selected: d.selection?.length ?? null },
  });
  // Committed: editors showing this layer fetch its codings again.
  publishLive({ kind: 'resync', projectId: ctx.project.id, documentId: null, layer, actorId: ctx.user.id });
  return value;
});

/** Deletes the codings an auto-coding batch made, those still unchanged. */
export const undoAutocodeAction = projectAction({ roles: ['lead', 'coder'], input: z.object({ batchId: id }) }, async (ctx, { batchId }) => {
  const { layer, mayWrite } = ownLayer(ctx);
  const value = await undoAutocode(ctx.db, { projectId: ctx.project.id, batchId, actorId: ctx.user.id, mayUndoOthers: ctx.role === 'lead', othersHidden: ctx.project.blindMode, mayWrite });
  publishLive({ kind: 'resync', projectId: ctx.project.id, documentId: null, layer, actorId: ctx.user.id });
  return value;
});

/** Saves the current search under a name (any member). */
export const saveSearchAction = projectAction(
  { input: z.object({ name: z.string().trim().min(1).max(100), options: searchOptionsSchema }) },
  ({ db, project, user }, { name, options }) => saveSearch(db, { projectId: project.id, userId: user.id, name, options }),
);

/** Deletes a saved search (its author, or a lead). */
export const deleteSavedSearchAction = projectAction({ input: z.object({ id }) }, async ({ db, project, user, role }, input) => {
  await deleteSavedSearch(db, { projectId: project.id, id: input.id, userId: user.id, isLead: role === 'lead' });
  return { id: input.id };
});
