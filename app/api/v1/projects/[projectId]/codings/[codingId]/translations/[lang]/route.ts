import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiRoute, badRequest, HttpError, notFoundError, parseId, projectRole } from '@/server/edge/api';
import { mayTranslate, visibleCoding } from '@/server/services/translation-access';
import { getDb } from '@/db/client';
import { projectById } from '@/db/queries/projects';
import { deleteTranslation, saveTranslation, translationsForCoding, TRANSLATION_MAX } from '@/db/queries/translations';
import { languageTagProblem, parseLanguageTag } from '@/lib/translation/language-tag';

type Params = { projectId: string; codingId: string; lang: string };

/** The project, the caller's role and the coding (404 unless visible), and the language from the path (400 unless valid). */
async function context(user: { id: number }, params: Params) {
  const projectId = parseId(params.projectId, 'projectId');
  const codingId = parseId(params.codingId, 'codingId');
  const role = await projectRole(user as Parameters<typeof projectRole>[0], projectId);
  const language = parseLanguageTag(decodeURIComponent(params.lang));
  if (!language) throw badRequest(`Parameter 'lang': ${languageTagProblem(decodeURIComponent(params.lang))?.message}`);
  const db = getDb();
  if (!await visibleCoding(db, projectId, codingId, { userId: user.id, role, blindMode: (await projectById(db, projectId))!.blindMode })) throw notFoundError();
  return { db, projectId, codingId, role, language };
}

/** GET: the coding's translation into the language. */
export const GET = apiRoute<Params>(async (_req, { user, params }) => {
  const { db, projectId, codingId, language } = await context(user, params);
  const t = (await translationsForCoding(db, projectId, codingId)).find((x) => x.language === language);
  if (!t) throw notFoundError();
  return NextResponse.json({ translation: t });
});

const body = z.object({ text: z.string().max(TRANSLATION_MAX) });

/** PUT {"text": "…"}: adds or replaces the translation; the caller becomes its author. Leads and coders. */
export const PUT = apiRoute<Params>(async (_req, { user, params, json: readBody }) => {
  const { db, projectId, codingId, role, language } = await context(user, params);
  if (!mayTranslate(role)) throw new HttpError(403, 'Viewers cannot edit translations');
  const json = await readBody();
  const { text } = body.parse(json);
  return NextResponse.json({ translation: await saveTranslation(db, { projectId, codingId, language, text, actorId: user.id }) });
});

/** DELETE: removes the translation. Leads and coders. */
export const DELETE = apiRoute<Params>(async (_req, { user, params }) => {
  const { db, projectId, codingId, role, language } = await context(user, params);
  if (!mayTranslate(role)) throw new HttpError(403, 'Viewers cannot edit translations');
  if (!await deleteTranslation(db, projectId, codingId, language, user.id)) throw notFoundError();
  return new NextResponse(null, { status: 204 });
});
