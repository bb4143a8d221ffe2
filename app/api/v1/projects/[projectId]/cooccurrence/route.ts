import { NextResponse } from 'next/server';
import { apiRoute, badRequest, HttpError, parseId, projectRole } from '@/app/_server/api';
import { getDb } from '@/db/client';
import { analysisContext, cooccurrenceFor, passagesFor } from '@/db/queries/analysis';
import { projectById } from '@/db/queries/projects';
import { describeQuery, layerLabelEn } from '@/lib/analysis/describe';
import { tableFile } from '@/lib/analysis/files';
import { AnalysisParamError, layerParamValue, parseAnalysisParams } from '@/lib/analysis/params';
import { resolveFilter } from '@/lib/analysis/resolve';
import { cooccurrenceMatrixSheets, cooccurrencePairsSheet } from '@/lib/analysis/sheets';

/**
 * GET ?layer=…&mode=overlap|turn[&subtree=<codeId>][&doc=<id>…][&attr.<name>=<value>…][&format=json|csv|xlsx]
 * The code co-occurrence matrix (counts and Jaccard). With pair=<codeId>,<codeId>: the passages
 * behind one cell (JSON, paged by offset and limit).
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
  if (p.pair) {
    for (const id of p.pair) if (!ctx.codes.some((c) => c.id === id)) throw badRequest(`Parameter 'pair': unknown code ${id}`);
    const { total, passages } = passagesFor(db, projectId, { ...filter, codeId: null }, p.pair, p.mode, { offset: p.offset, limit: p.limit });
    return NextResponse.json({ layer: layerParamValue(filter.layer), mode: p.mode, pair: p.pair, total, passages });
  }
  const matrix = cooccurrenceFor(db, projectId, filter, p.mode);
  if (p.format === 'json') return NextResponse.json({ layer: layerParamValue(filter.layer), ...matrix });
  const notes = describeQuery({
    layerLabel: layerLabelEn(filter.layer, ctx.coders),
    filter,
    codePath: (id) => ctx.codes.find((c) => c.id === id)?.name ?? String(id),
    documentTitle: (id) => ctx.documents.find((d) => d.id === id)?.title ?? String(id),
  });
  const sheets = p.format === 'csv' ? [cooccurrencePairsSheet(matrix, notes)] : cooccurrenceMatrixSheets(matrix, notes);
  const file = await tableFile(sheets, p.format, `cooccurrence-${p.mode}`);
  return new Response(file.body, { headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` } });
});
