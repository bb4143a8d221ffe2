import { NextResponse } from 'next/server';
import { apiRoute, badRequest, parseId, projectRole } from '@/server/edge/api';
import { runAgreement, unknownIdsMessage } from '@/server/services/agreement';
import { getDb } from '@/db/client';
import { agreementRows, agreementSheets, TIDY_COLUMNS } from '@/lib/agreement/export-table';
import { tableFile } from '@/lib/tables/files';
import { fileResponse } from '@/server/edge/analysis-api';
import { agreementJson, problemMessage } from '@/lib/agreement/json';
import { parseAgreementSelection } from '@/lib/agreement/selection';

const FORMATS = ['json', 'csv', 'xlsx'] as const;

/**
 * GET ?coders=3,4&codes=…&documents=…&level=turn|character|segment&threshold=90&samples=1000&seed=…&format=json|csv|xlsx
 * Inter-coder agreement of the coders' layers (leads only; anyone else gets 404). Unknown ids
 * and fewer than two coders are 400, naming the parameter. When no chosen document has two
 * chosen coders assigned, JSON says so (ready: false, problem.message) instead of figures.
 */
export const GET = apiRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  await projectRole(user, projectId, ['lead']);
  const query = new URL(req.url).searchParams;
  const format = query.get('format') ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) throw badRequest(`Parameter 'format': '${format}' is not one of ${FORMATS.join(', ')}`);
  const parsed = parseAgreementSelection(query);
  if (!parsed.ok) throw badRequest(parsed.error);
  const { selection } = parsed;
  if (selection.coders.length < 2) {
    throw badRequest(`Parameter 'coders': choose at least two coders to compare, as ids separated by commas (got ${selection.coders.length})`);
  }
  const db = getDb();
  const unknown = await unknownIdsMessage(db, projectId, selection);
  if (unknown) throw badRequest(unknown);

  const run = await runAgreement(db, projectId, selection);
  const settings = { thresholdPercent: selection.thresholdPercent, samples: selection.samples, seed: selection.seed, excludeUncoded: selection.excludeUncoded };
  if (format === 'json') {
    return NextResponse.json(
      agreementJson({ summary: run.summary, readiness: run.readiness, level: selection.level, coders: run.coders, codes: run.codes, documents: run.documents, settings }),
    );
  }
  if (!run.summary) throw badRequest(problemMessage(run.readiness.problem!, run.names.coder));
  const stamp = new Date().toISOString().slice(0, 10);
  const name = `agreement-${projectId}-${stamp}`;
  const file =
    format === 'csv'
      ? await tableFile([{ name: 'Agreement', header: TIDY_COLUMNS, rows: agreementRows(run.summary, run.names, settings) }], 'csv', name)
      : await tableFile(agreementSheets(run.summary, run.names, settings), 'xlsx', name, { title: 'Inter-coder agreement' });
  return fileResponse(file);
});
