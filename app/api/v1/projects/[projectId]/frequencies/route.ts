import { NextResponse } from 'next/server';
import { apiRoute, HttpError, parseId, projectRole } from '@/app/_server/api';
import { getDb } from '@/db/client';
import { analysisContext, frequenciesFor } from '@/db/queries/analysis';
import { projectById } from '@/db/queries/projects';
import { describeQuery, layerLabelEn } from '@/lib/analysis/describe';
import { tableFile } from '@/lib/analysis/files';
import { AnalysisParamError, layerParamValue, parseAnalysisParams } from '@/lib/analysis/params';
import { resolveColumns, resolveFilter } from '@/lib/analysis/resolve';
import { frequencySheet } from '@/lib/analysis/sheets';

/**
 * GET ?rows=codes&cols=attr:<name>|documents[&split=attr:<name>]&measure=…&layer=consensus|coder:<id>|union[&rollup=1]
 *     [&subtree=<codeId>][&doc=<id>…][&attr.<name>=<value>…][&format=json|csv|xlsx]
 * Code frequencies in every measure (JSON), or the table in one measure as a file. 400 names a
 * bad parameter; 403 a layer the caller may not see; 404 a project they cannot read.
 */
export const GET = apiRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const role = projectRole(user, projectId);
  const db = getDb();
  const viewer = { role, userId: user.id, blindMode: projectById(db, projectId)!.blindMode };
  const ctx = analysisContext(db, projectId);
  let q;
  try {
    const p = parseAnalysisParams(new URL(req.url).searchParams);
    q = { p, ...resolveColumns(p, ctx), filter: resolveFilter(p, ctx, viewer, 'table') };
  } catch (e) {
    throw e instanceof AnalysisParamError ? new HttpError(e.status, e.message) : e;
  }
  const table = frequenciesFor(db, projectId, { filter: q.filter, columns: q.columns, split: q.split, rollup: q.p.rollup });
  const notes = describeQuery({
    layerLabel: layerLabelEn(q.filter.layer, ctx.coders),
    columns: q.columns,
    split: q.split,
    rollup: q.p.rollup,
    filter: q.filter,
    codePath: (id) => ctx.codes.find((c) => c.id === id)?.name ?? String(id),
    documentTitle: (id) => ctx.documents.find((d) => d.id === id)?.title ?? String(id),
  });
  if (q.p.format === 'json') {
    const name = (c: typeof q.columns) => (c.kind === 'documents' ? 'documents' : `attr:${c.attribute.name}`);
    return NextResponse.json({
      layer: layerParamValue(q.filter.layer),
      measure: q.p.measure,
      cols: name(q.columns),
      split: q.split ? name(q.split) : null,
      notes: Object.fromEntries(notes),
      ...table,
    });
  }
  const file = await tableFile([frequencySheet(table, q.p.measure, notes)], q.p.format, `frequencies-${q.p.measure}`);
  return new Response(file.body, { headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` } });
});
