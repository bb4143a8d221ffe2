import { apiRoute, badRequest, parseId, projectRole } from '@/server/edge/api';
import { downloadResponse, excerptFile, requestTranslator } from '@/server/services/exports';
import { getDb } from '@/db/client';
import { projectById } from '@/db/queries/projects';
import { ExcerptQueryError, parseExcerptQuery } from '@/lib/export/excerpt-query';

/**
 * GET: coded excerpts as a file, `format=docx|xlsx|csv|md|html`, filtered by `code`,
 * `subtree`, `documents`, `attr.<name>=<value>`, `layer`; `lang`, `template`, `context=1`,
 * `definitions=1`, `translations=1` shape it (see lib/export/excerpt-query.ts). Any member
 * may export the layers they may see.
 */
export const GET = apiRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const role = await projectRole(user, projectId);
  let query;
  try {
    query = parseExcerptQuery(new URL(req.url).searchParams);
  } catch (e) {
    if (e instanceof ExcerptQueryError) throw badRequest(e.message);
    throw e;
  }
  const db = getDb();
  const project = (await projectById(db, projectId))!;
  const file = await excerptFile(db, project, { userId: user.id, role, blindMode: project.blindMode }, query, requestTranslator(req));
  return downloadResponse(file);
});
