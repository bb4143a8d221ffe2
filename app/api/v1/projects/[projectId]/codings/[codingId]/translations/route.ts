import { NextResponse } from 'next/server';
import { apiRoute, notFoundError, parseId, projectRole } from '@/server/edge/api';
import { visibleCoding } from '@/server/services/translation-access';
import { getDb } from '@/db/client';
import { projectById } from '@/db/queries/projects';
import { translationsForCoding } from '@/db/queries/translations';

/** GET: the coding's translations, by language, with their authors. */
export const GET = apiRoute<{ projectId: string; codingId: string }>(async (_req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const codingId = parseId(params.codingId, 'codingId');
  const role = await projectRole(user, projectId);
  const db = getDb();
  if (!await visibleCoding(db, projectId, codingId, { userId: user.id, role, blindMode: (await projectById(db, projectId))!.blindMode })) throw notFoundError();
  return NextResponse.json({ translations: await translationsForCoding(db, projectId, codingId) });
});
