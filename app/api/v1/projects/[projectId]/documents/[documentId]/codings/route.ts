import { NextResponse } from 'next/server';
import { apiRoute, badRequest, HttpError, notFoundError, parseId, projectRole } from '@/server/edge/api';
import { getDb } from '@/db/client';
import { codingsForDocument } from '@/db/queries/codings';
import { documentInProject } from '@/db/queries/documents';
import { projectById } from '@/db/queries/projects';
import { layerKey, parseLayerList } from '@/lib/access/layers';
import { mayViewLayer, type LayerRef } from '@/lib/access/layers';

/** GET ?layers=consensus,coder:<id>: the document's codings in those layers (default: the caller's own, or consensus for viewers). */
export const GET = apiRoute<{ projectId: string; documentId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const documentId = parseId(params.documentId, 'documentId');
  const role = await projectRole(user, projectId);
  const db = getDb();
  if (!await documentInProject(db, projectId, documentId)) throw notFoundError();
  const raw = new URL(req.url).searchParams.get('layers');
  let layers: LayerRef[] = [role === 'viewer' ? { kind: 'consensus' } : { kind: 'coder', coderId: user.id }];
  if (raw != null) {
    const parsed = parseLayerList(raw);
    if (parsed.unknown.length) throw badRequest(`Parameter 'layers': unknown layer ${parsed.unknown.map((u) => `'${u}'`).join(', ')}`);
    layers = parsed.layers;
  }
  const viewer = { role, userId: user.id, blindMode: (await projectById(db, projectId))!.blindMode };
  const hidden = layers.filter((l) => !mayViewLayer(viewer, l));
  if (hidden.length) throw new HttpError(403, `You may not see the layer ${hidden.map(layerKey).join(', ')}`);
  return NextResponse.json({ layers, codings: await codingsForDocument(db, documentId, layers) });
});
