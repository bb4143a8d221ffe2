import { NextResponse } from 'next/server';
import { apiRoute, HttpError, parseId, projectRole } from '@/app/_server/api';
import { getDb } from '@/db/client';
import { analysisContext, excerptsFor, publicDocumentAttributes } from '@/db/queries/analysis';
import { projectById } from '@/db/queries/projects';
import { describeQuery, layerLabelEn } from '@/lib/analysis/describe';
import { tableFile } from '@/lib/analysis/files';
import { AnalysisParamError, layerParamValue, parseAnalysisParams } from '@/lib/analysis/params';
import { resolveFilter } from '@/lib/analysis/resolve';
import { excerptSheet } from '@/lib/analysis/sheets';

/**
 * GET ?code=<id>[&rollup=1]&layer=…[&doc=<id>…][&attr.<name>=<value>…][&participant=<id>]
 *     [&offset=0&limit=50][&format=json|csv|xlsx]
 * The excerpts behind a cell: JSON pages them; a file has them all.
 */
export const GET = apiRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const role = projectRole(user, projectId);
  const db = getDb();
  const viewer = { role, userId: user.id, blindMode: projectById(db, projectId)!.blindMode };
  const ctx = analysisContext(db, projectId);
  let p, filter;
  try {
    p = parseAnalysisParams(new URL(req.url).searchParams);
    filter = resolveFilter(p, ctx, viewer, 'excerpts');
  } catch (e) {
    throw e instanceof AnalysisParamError ? new HttpError(e.status, e.message) : e;
  }
  if (p.format === 'json') {
    const { total, excerpts } = excerptsFor(db, projectId, filter, { offset: p.offset, limit: p.limit });
    return NextResponse.json({ layer: layerParamValue(filter.layer), total, offset: p.offset, limit: p.limit, excerpts });
  }
  const { excerpts } = excerptsFor(db, projectId, filter);
  const notes = describeQuery({
    layerLabel: layerLabelEn(filter.layer, ctx.coders),
    filter,
    codePath: (id) => ctx.codes.find((c) => c.id === id)?.name ?? String(id),
    documentTitle: (id) => ctx.documents.find((d) => d.id === id)?.title ?? String(id),
  });
  const file = await tableFile([excerptSheet(excerpts, publicDocumentAttributes(db, projectId), notes)], p.format, 'excerpts');
  return new Response(file.body, { headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` } });
});
