import { NextResponse } from 'next/server';
import { apiRoute, badRequest, HttpError, parseId, projectRole } from '@/server/edge/api';
import { importCodebookFile } from '@/server/services/codebook-import';
import { CODEBOOK_FORMATS, codebookFile, downloadResponse, type CodebookFormat, requestTranslator } from '@/server/services/exports';
import { fileBytes, readUpload, uploadRoute } from '@/server/edge/uploads';
import { getDb } from '@/db/client';
import { projectById } from '@/db/queries/projects';
import { formatBytes } from '@/lib/import/errors';

/** GET: the codebook as `format=qdc|csv|xlsx|docx`, with counts of the layers the caller may see. */
export const GET = apiRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const role = await projectRole(user, projectId);
  const format = new URL(req.url).searchParams.get('format');
  if (!format || !(CODEBOOK_FORMATS as readonly string[]).includes(format)) throw badRequest(`Parameter 'format' must be one of ${CODEBOOK_FORMATS.join(', ')}`);
  const db = getDb();
  const project = (await projectById(db, projectId))!;
  return downloadResponse(await codebookFile(db, project, { userId: user.id, role, blindMode: project.blindMode }, format as CodebookFormat, requestTranslator(req)));
});

/**
 * POST (leads): imports a codebook file (multipart field `file`: .qdc, .qdpx/.qde, .csv or
 * .xlsx) into the project's codebook, all or nothing. 200 with counts; 422 with a problem per
 * row when anything is refused (then nothing was written).
 */
export const POST = uploadRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  await projectRole(user, projectId, ['lead']);
  const { form, limits } = await readUpload(req);
  const file = form.get('file');
  if (!file || typeof file === 'string') throw badRequest("Parameter 'file': attach the codebook file");
  if (file.size > limits.perFile) throw new HttpError(413, `${file.name} is ${formatBytes(file.size)}, more than the ${formatBytes(limits.perFile)} allowed`);
  const outcome = await importCodebookFile(getDb(), { projectId, userId: user.id }, await fileBytes(file), file.name);
  if (!outcome.ok) return NextResponse.json({ error: 'The codebook was not imported', problems: outcome.problems }, { status: 422 });
  return NextResponse.json(outcome);
});
