import { NextResponse } from 'next/server';
import { apiRoute } from '@/server/edge/api';
import { analysisApiRequest, asHttpError, fileResponse, tableNotes } from '@/server/edge/analysis-api';
import { excerptsFor, publicDocumentAttributes } from '@/db/queries/analysis';
import { tableFile } from '@/lib/tables/files';
import { layerKey } from '@/lib/access/layers';
import { resolveFilter } from '@/lib/analysis/resolve';
import { excerptSheet, typedAttributeValue } from '@/lib/analysis/sheets';

/**
 * GET ?code=<id>[&rollup=1]&layer=…[&doc=<id>…][&attr.<name>=<value>…][&participant=<id>]
 *     [&offset=0&limit=50][&format=json|csv|xlsx]
 * The excerpts behind a cell: JSON pages them; a file has them all.
 */
export const GET = apiRoute<{ projectId: string }>(async (req, { user, params }) => {
  const { db, projectId, viewer, ctx, params: p } = await analysisApiRequest(req, user, params.projectId);
  const filter = asHttpError(() => resolveFilter(p, ctx, viewer, 'excerpts'));
  if (p.format === 'json') {
    const { total, excerpts } = await excerptsFor(db, projectId, filter, { offset: p.offset, limit: p.limit });
    return NextResponse.json({ layer: layerKey(filter.layer), total, offset: p.offset, limit: p.limit, excerpts });
  }
  const { excerpts } = await excerptsFor(db, projectId, filter);
  const notes = tableNotes(ctx, { filter });
  const sheet = excerptSheet(excerpts, await publicDocumentAttributes(db, projectId), notes, typedAttributeValue(ctx.attributes, 'document'));
  const file = await tableFile([sheet], p.format, 'excerpts', { csv: { separator: p.sep === 'semicolon' ? ';' : ',' } });
  return fileResponse(file);
});
