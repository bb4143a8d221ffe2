'use server';
/** Translations of coded excerpts from the coding panel: who is asking, may they, is the input well formed, one change. */
import { z } from 'zod';
import { projectAction, refuse, type ProjectContext } from '@/server/edge/action';
import { mayTranslate, visibleCoding } from '@/server/services/translation-access';
import { deleteTranslation, saveTranslation, translationsForCoding, TRANSLATION_MAX } from '@/db/queries/translations';

const id = z.number().int().positive();
const language = z.string().max(64);

/** A coding the caller may not see (or, to write, may not translate) does not exist for them. */
async function checkCoding({ db, project, user, role }: ProjectContext, codingId: number, toWrite: boolean) {
  if ((toWrite && !mayTranslate(role)) || !await visibleCoding(db, project.id, codingId, { userId: user.id, role, blindMode: project.blindMode })) {
    refuse('coding.not_found', { id: codingId });
  }
}

/** Adds or replaces the coding's translation into a language; returns all its translations. */
export const saveTranslationAction = projectAction(
  { roles: ['lead', 'coder'], input: z.object({ codingId: id, language, text: z.string().max(TRANSLATION_MAX) }) },
  async (ctx, { codingId, language, text }) => {
    await checkCoding(ctx, codingId, true);
    await saveTranslation(ctx.db, { projectId: ctx.project.id, codingId, language, text, actorId: ctx.user.id });
    return await translationsForCoding(ctx.db, ctx.project.id, codingId);
  },
);

/** Deletes the coding's translation into a language; returns the remaining translations. */
export const deleteTranslationAction = projectAction({ roles: ['lead', 'coder'], input: z.object({ codingId: id, language }) }, async (ctx, { codingId, language }) => {
  await checkCoding(ctx, codingId, true);
  await deleteTranslation(ctx.db, ctx.project.id, codingId, language, ctx.user.id);
  return await translationsForCoding(ctx.db, ctx.project.id, codingId);
});

/** The coding's translations, for a panel that opens on a coding (any member who may see it). */
export const translationsAction = projectAction({ input: z.object({ codingId: id }) }, async (ctx, { codingId }) => {
  await checkCoding(ctx, codingId, false);
  return await translationsForCoding(ctx.db, ctx.project.id, codingId);
});
