import { NextResponse } from 'next/server';
import { apiRoute, HttpError } from '@/server/edge/api';
import { analysisApiRequest, asHttpError, fileResponse, tableNotes } from '@/server/edge/analysis-api';
import { frequenciesFor } from '@/db/queries/analysis';
import { tableFile } from '@/lib/tables/files';
import { layerKey } from '@/lib/access/layers';
import { resolveColumns, resolveFilter } from '@/lib/analysis/resolve';
import { frequencyLongSheet, frequencySheet } from '@/lib/analysis/sheets';

/**
 * GET ?rows=codes&cols=attr:<name>|documents[&split=attr:<name>]&measure=…&layer=consensus|coder:<id>|union[&rollup=1]
 *     [&subtree=<codeId>][&doc=<id>…][&attr.<name>=<value>…][&format=json|csv|xlsx]
 *     [&shape=wide|long][&sep=comma|semicolon]
 * Code frequencies in every measure (JSON), or the table in one measure as a file. 400 names a
 * bad parameter; 403 a layer the caller may not see; 404 a project they cannot read.
 */
export const GET = apiRoute<{ projectId: string }>(async (req, { user, params }) => {
  const { db, projectId, viewer, ctx, params: p } = await analysisApiRequest(req, user, params.projectId);
  const q = asHttpError(() => ({ p, ...resolveColumns(p, ctx), filter: resolveFilter(p, ctx, viewer, 'table') }));
  const table = await frequenciesFor(db, projectId, { filter: q.filter, columns: q.columns, split: q.split, rollup: q.p.rollup });
  const notes = tableNotes(ctx, {
    columns: q.columns,
    split: q.split,
    rollup: q.p.rollup,
    filter: q.filter,
  });
  if (q.p.format === 'json') {
    const name = (c: typeof q.columns) => (c.kind === 'documents' ? 'documents' : `attr:${c.attribute.name}`);
    return NextResponse.json({
      layer: layerKey(q.filter.layer),
      measure: q.p.measure,
      cols: name(q.columns),
      split: q.split ? name(q.split) : null,
      notes: Object.fromEntries(notes),
      ...table,
    });
  }
  if (q.p.values !== 'count') throw new HttpError(400, `Parameter 'values': presence is offered for the case matrix only`);
  const sheet = q.p.shape === 'long' ? frequencyLongSheet(table, q.p.measure, notes) : frequencySheet(table, q.p.measure, notes);
  const file = await tableFile([sheet], q.p.format, `frequencies-${q.p.measure}${q.p.shape === 'long' ? '-long' : ''}`, { csv: { separator: q.p.sep === 'semicolon' ? ';' : ',' } });
  return fileResponse(file);
});
