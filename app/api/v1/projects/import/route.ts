import { NextResponse } from 'next/server';
import { badRequest, HttpError } from '@/server/edge/api';
import { importProjectFile } from '@/server/services/project-import';
import { fileBytes, readUpload, uploadRoute } from '@/server/edge/uploads';
import { getDb } from '@/db/client';
import { formatBytes } from '@/lib/import/errors';

/**
 * POST: imports a REFI-QDA project (multipart field `file`: .qdpx or .qde) as a NEW project
 * the caller leads. Optional fields: `name` (the new project's name), `omit=1` (leave out
 * what cannot be placed, after the user has seen the problems). 201 with the new project's
 * id and a report; 422 with every problem, and `canOmit`, when the file cannot be imported
 * as it is (nothing is written then); 400 `import.source_not_text` naming the source and its
 * file when a source's text is not UTF-8 text (nothing is written). Any signed-in user may import.
 */
export const POST = uploadRoute(async (req, { user }) => {
  const { form, limits } = await readUpload(req);
  const file = form.get('file');
  if (!file || typeof file === 'string') throw badRequest("Parameter 'file': attach a .qdpx or .qde file");
  if (file.size > limits.perFile) throw new HttpError(413, `${file.name} is ${formatBytes(file.size)}, more than the ${formatBytes(limits.perFile)} allowed`);
  const rawName = form.get('name');
  const name = typeof rawName === 'string' && rawName.trim() ? rawName.trim().slice(0, 300) : undefined;
  const omit = form.get('omit') === '1';
  const outcome = importProjectFile(getDb(), user.id, await fileBytes(file), { omit, name });
  if (!outcome.ok) {
    return NextResponse.json({ error: 'The project was not imported', problems: outcome.problems, canOmit: outcome.canOmit }, { status: 422 });
  }
  return NextResponse.json({ projectId: outcome.report.projectId, report: outcome.report, problems: outcome.problems }, { status: 201 });
});
