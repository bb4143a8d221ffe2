import { NextResponse } from 'next/server';
import { apiRoute, badRequest } from '@/server/edge/api';
import { analysisApiRequest, asHttpError, fileResponse, tableNotes } from '@/server/edge/analysis-api';
import { cooccurrenceFor, passagesFor } from '@/db/queries/analysis';
import { tableFile } from '@/lib/tables/files';
import { layerKey } from '@/lib/access/layers';
import { resolveFilter } from '@/lib/analysis/resolve';
import { cooccurrenceMatrixSheets, cooccurrencePairsSheet } from '@/lib/analysis/sheets';

/**
 * GET ?layer=…&mode=overlap|turn[&subtree=<codeId>][&doc=<id>…][&attr.<name>=<value>…][&format=json|csv|xlsx]
 * The code co-occurrence matrix (counts and Jaccard). With pair=<codeId>,<codeId>: the passages
 * behind one cell (JSON, paged by offset and limit).
 */
export const GET = apiRoute<{ projectId: string }>(async (req, { user, params }) => {
  const { db, projectId, viewer, ctx, params: p } = await analysisApiRequest(req, user, params.projectId);
  const filter = asHttpError(() => resolveFilter(p, ctx, viewer, 'table'));
  if (p.pair) {
    for (const id of p.pair) if (!ctx.codes.some((c) => c.id === id)) throw badRequest(`Parameter 'pair': unknown code ${id}`);
    const { total, passages } = await passagesFor(db, projectId, { ...filter, codeId: null }, p.pair, p.mode, { offset: p.offset, limit: p.limit });
    return NextResponse.json({ layer: layerKey(filter.layer), mode: p.mode, pair: p.pair, total, passages });
  }
  const matrix = await cooccurrenceFor(db, projectId, filter, p.mode);
  if (p.format === 'json') return NextResponse.json({ layer: layerKey(filter.layer), ...matrix });
  const notes = tableNotes(ctx, { filter });
  const sheets = p.format === 'csv' ? [cooccurrencePairsSheet(matrix, notes)] : cooccurrenceMatrixSheets(matrix, notes);
  const file = await tableFile(sheets, p.format, `cooccurrence-${p.mode}`);
  return fileResponse(file);
});
