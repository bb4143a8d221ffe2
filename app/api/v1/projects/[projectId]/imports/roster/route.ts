/**
 * POST /api/v1/projects/:projectId/imports/roster — leads only. Multipart: `file`, optional
 * `encoding`, `plan` (JSON: per column, the attribute it fills, one to create, or skip).
 * Imports the roster in one transaction: {created, updated, attributesCreated}, or 422
 * {error, problems: [{row, column, message}]} listing every bad row when nothing was imported.
 */
import { NextResponse } from 'next/server';
import { badRequest, parseId, projectRole } from '@/server/edge/api';
import { rosterPlanSchema } from '@/server/edge/import-schemas';
import { fileBytes, jsonField, readUpload, uploadRoute } from '@/server/edge/uploads';
import { getDb } from '@/db/client';
import { importRoster, RosterImportProblems } from '@/db/queries/roster-import';
import { ImportError, parseRoster } from '@/lib/import';
import { formFiles, formTexts } from '@/lib/import/upload';

export const POST = uploadRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  await projectRole(user, projectId, ['lead']);
  const { form, limits } = await readUpload(req);
  const file = formFiles(form, 'file')[0];
  if (!file) throw badRequest("Parameter 'file' is missing");
  const encoding = formTexts(form, 'encoding')[0] || undefined;
  const plan = jsonField(form, 'plan', rosterPlanSchema);
  try {
    const roster = await parseRoster(await fileBytes(file), file.name, { encoding, maxBytes: limits.perFile });
    return NextResponse.json(await importRoster(getDb(), { projectId, actorId: user.id, fileName: file.name, rows: roster.rows, plan }));
  } catch (e) {
    if (e instanceof ImportError) return NextResponse.json({ error: e.message, problems: [] }, { status: 422 });
    if (e instanceof RosterImportProblems) return NextResponse.json({ error: 'Nothing was imported', problems: e.problems }, { status: 422 });
    throw e;
  }
});
