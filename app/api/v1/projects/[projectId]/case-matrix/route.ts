import { NextResponse } from 'next/server';
import { apiRoute } from '@/server/edge/api';
import { analysisApiRequest, asHttpError, fileResponse, tableNotes } from '@/server/edge/analysis-api';
import { analysisModel, caseMatrixFor } from '@/db/queries/analysis';
import { tableFile } from '@/lib/tables/files';
import { layerKey } from '@/lib/access/layers';
import { resolveFilter } from '@/lib/analysis/resolve';
import { caseMatrixSheet, typedAttributeValue } from '@/lib/analysis/sheets';
import { CASE_MATRIX_FORMATS } from '@/lib/analysis/params';
import { caseMatrixSavFile } from '@/lib/analysis/case-matrix-sav';

/**
 * GET ?layer=…[&rollup=1][&subtree=<codeId>][&doc=<id>…][&attr.<name>=<value>…][&format=json|csv|xlsx|sav]
 *     [&shape=wide|long][&values=count|presence][&sep=comma|semicolon]
 * Participants × codes: codings of each code attributed to each participant, with the
 * participants' (non-private) attributes.
 */
export const GET = apiRoute<{ projectId: string }>(async (req, { user, params }) => {
  const { db, projectId, viewer, ctx, params: p } = await analysisApiRequest(req, user, params.projectId, CASE_MATRIX_FORMATS);
  const filter = asHttpError(() => resolveFilter(p, ctx, viewer, 'table'));
  const matrix = await caseMatrixFor(db, projectId, filter, p.rollup);
  if (p.format === 'json') return NextResponse.json({ layer: layerKey(filter.layer), rollup: p.rollup, ...matrix });
  const notes = tableNotes(ctx, { rollup: p.rollup, filter });
  if (p.format === 'sav') {
    return fileResponse(caseMatrixSavFile(matrix, ctx.attributes, notes, { presence: p.values === 'presence', documents: (await analysisModel(db, projectId)).documents }));
  }
  const sheet = caseMatrixSheet(matrix, notes, { shape: p.shape, values: p.values }, typedAttributeValue(ctx.attributes, 'participant'));
  const stem = `case-matrix${p.shape === 'long' ? '-long' : ''}${p.values === 'presence' ? '-presence' : ''}`;
  const file = await tableFile([sheet], p.format, stem, { csv: { separator: p.sep === 'semicolon' ? ';' : ',' } });
  return fileResponse(file);
});
