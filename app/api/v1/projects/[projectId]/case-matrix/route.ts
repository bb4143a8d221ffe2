import { NextResponse } from 'next/server';
import { apiRoute, HttpError, parseId, projectRole } from '@/app/_server/api';
import { getDb } from '@/db/client';
import { analysisContext, caseMatrixFor } from '@/db/queries/analysis';
import { projectById } from '@/db/queries/projects';
import { describeQuery, layerLabelEn } from '@/lib/analysis/describe';
import { tableFile } from '@/lib/analysis/files';
import { AnalysisParamError, layerParamValue, parseAnalysisParams } from '@/lib/analysis/params';
import { resolveFilter } from '@/lib/analysis/resolve';
import { caseMatrixSheet } from '@/lib/analysis/sheets';

/**
 * GET ?layer=…[&rollup=1][&subtree=<codeId>][&doc=<id>…][&attr.<name>=<value>…][&format=json|csv|xlsx]
 * Participants × codes: codings of each code attributed to each participant, with the
 * participants' (non-private) attributes.
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
    filter = resolveFilter(p, ctx, viewer, 'table');
  } catch (e) {
    throw e instanceof AnalysisParamError ? new HttpError(e.status, e.message) : e;
  }
  const matrix = caseMatrixFor(db, projectId, filter, p.rollup);
  if (p.format === 'json') return NextResponse.json({ layer: layerParamValue(filter.layer), rollup: p.rollup, ...matrix });
  const notes = describeQuery({
    layerLabel: layerLabelEn(filter.layer, ctx.coders),
    rollup: p.rollup,
    filter,
    codePath: (id) => ctx.codes.find((c) => c.id === id)?.name ?? String(id),
    documentTitle: (id) => ctx.documents.find((d) => d.id === id)?.title ?? String(id),
  });
  const file = await tableFile([caseMatrixSheet(matrix, notes)], p.format, 'case-matrix');
  return new Response(file.body, { headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` } });
});
