/**
 * POST /api/v1/projects/:projectId/imports/roster/preview — leads only. Multipart: `file`
 * (.csv or .xlsx), optional `encoding`. Reads the roster and checks its rows against the
 * project's groups; stores nothing. Answers the RosterPreview (row problems, columns, a
 * proposed plan for them, how many participants are new), or 422 {error} naming the file.
 */
import { NextResponse } from 'next/server';
import { badRequest, parseId, projectRole } from '@/server/edge/api';
import { fileBytes, readUpload, uploadRoute } from '@/server/edge/uploads';
import { getDb } from '@/db/client';
import { rosterPreview } from '@/db/queries/roster-import';
import { ImportError, parseRoster } from '@/lib/import';
import { formFiles, formTexts } from '@/lib/import/upload';

export const POST = uploadRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  await projectRole(user, projectId, ['lead']);
  const { form, limits } = await readUpload(req);
  const file = formFiles(form, 'file')[0];
  if (!file) throw badRequest("Parameter 'file' is missing");
  const encoding = formTexts(form, 'encoding')[0] || undefined;
  try {
    const roster = await parseRoster(await fileBytes(file), file.name, { encoding, maxBytes: limits.perFile });
    return NextResponse.json({ fileName: file.name, rows: roster.rows.length, ...await rosterPreview(getDb(), projectId, roster.rows) });
  } catch (e) {
    if (e instanceof ImportError) return NextResponse.json({ error: e.message }, { status: 422 });
    throw e;
  }
});
