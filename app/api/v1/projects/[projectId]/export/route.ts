import { apiRoute, badRequest, parseId, projectRole } from '@/server/edge/api';
import { downloadResponse, projectFile, PROJECT_FORMATS, type ProjectFormat, requestTranslator } from '@/server/services/exports';
import { getDb } from '@/db/client';
import { projectById } from '@/db/queries/projects';
import { parseLayerList } from '@/lib/access/layers';

/**
 * GET: the whole project, `format=qdpx` (REFI-QDA exchange) or `format=json`, with every
 * layer the caller may see (or `layer=consensus,coder:<id>`). Private attributes and real
 * names are never included.
 */
export const GET = apiRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const role = await projectRole(user, projectId);
  const search = new URL(req.url).searchParams;
  const format = search.get('format');
  if (!format || !(PROJECT_FORMATS as readonly string[]).includes(format)) throw badRequest(`Parameter 'format' must be one of ${PROJECT_FORMATS.join(', ')}`);
  let layers: Parameters<typeof projectFile>[4];
  const rawLayer = search.get('layer');
  if (rawLayer && rawLayer !== 'all') {
    const parsed = parseLayerList(rawLayer);
    if (parsed.unknown.length > 0) throw badRequest(`Parameter 'layer': "${parsed.unknown[0].slice(0, 40)}" is not a layer`);
    layers = parsed.layers;
  }
  const db = getDb();
  const project = (await projectById(db, projectId))!;
  return downloadResponse(await projectFile(db, project, { userId: user.id, role, blindMode: project.blindMode }, format as ProjectFormat, layers, requestTranslator(req)));
});
