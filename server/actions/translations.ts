'use server';
/** Translations of coded excerpts from the coding panel: who is asking, may they, is the input well formed, one change. */
import { z } from 'zod';
import { requireProject } from '@/server/edge/session';
import { mayTranslate, visibleCoding } from '@/server/services/translation-access';
import { deleteTranslation, saveTranslation, translationsForCoding, TranslationError, TRANSLATION_MAX, type TranslationView } from '@/db/queries/translations';

export type TranslationResult<T> = { ok: true; value: T } | { ok: false; error: string };

const id = z.number().int().positive();
const saveSchema = z.object({ codingId: id, language: z.string().max(64), text: z.string().max(TRANSLATION_MAX) });
const deleteSchema = z.object({ codingId: id, language: z.string().max(64) });

function invalid(error: z.ZodError): { ok: false; error: string } {
  const issue = error.issues[0];
  return { ok: false, error: `Invalid request: ${issue.path.join('.') || 'input'}: ${issue.message}` };
}

/** Adds or replaces the coding's translation into a language; returns all its translations. */
export async function saveTranslationAction(projectId: string, input: unknown): Promise<TranslationResult<TranslationView[]>> {
  const { project, db, user, role } = await requireProject(projectId, ['lead', 'coder']);
  const parsed = saveSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { codingId, language, text } = parsed.data;
  if (!mayTranslate(role) || !visibleCoding(db, project.id, codingId, { userId: user.id, role, blindMode: project.blindMode })) {
    return { ok: false, error: `Coding ${codingId} does not exist` };
  }
  try {
    saveTranslation(db, { projectId: project.id, codingId, language, text, actorId: user.id });
  } catch (e) {
    if (e instanceof TranslationError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, value: translationsForCoding(db, project.id, codingId) };
}

/** Deletes the coding's translation into a language; returns the remaining translations. */
export async function deleteTranslationAction(projectId: string, input: unknown): Promise<TranslationResult<TranslationView[]>> {
  const { project, db, user, role } = await requireProject(projectId, ['lead', 'coder']);
  const parsed = deleteSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { codingId, language } = parsed.data;
  if (!mayTranslate(role) || !visibleCoding(db, project.id, codingId, { userId: user.id, role, blindMode: project.blindMode })) {
    return { ok: false, error: `Coding ${codingId} does not exist` };
  }
  deleteTranslation(db, project.id, codingId, language, user.id);
  return { ok: true, value: translationsForCoding(db, project.id, codingId) };
}

/** The coding's translations, for a panel that opens on a coding (any member who may see it). */
export async function translationsAction(projectId: string, input: unknown): Promise<TranslationResult<TranslationView[]>> {
  const { project, db, user, role } = await requireProject(projectId);
  const parsed = z.object({ codingId: id }).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!visibleCoding(db, project.id, parsed.data.codingId, { userId: user.id, role, blindMode: project.blindMode })) {
    return { ok: false, error: `Coding ${parsed.data.codingId} does not exist` };
  }
  return { ok: true, value: translationsForCoding(db, project.id, parsed.data.codingId) };
}
