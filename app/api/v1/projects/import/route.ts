import { NextResponse } from 'next/server';
import { badRequest, HttpError } from '@/server/edge/api';
import { importProjectFile } from '@/server/services/project-import';
import type { CoderMap } from '@/server/services/project-import';
import { fileBytes, readUpload, uploadRoute } from '@/server/edge/uploads';
import { getDb } from '@/db/client';
import { formatBytes } from '@/lib/import/errors';

/**
 * POST: imports a REFI-QDA project (multipart field `file`: .qdpx or .qde) as a NEW project
 * the caller leads. Optional fields: `name` (the new project's name), `omit=1` (leave out
 * what cannot be placed, after the user has seen the problems). 201 with the new project's
 * id and a report; 422 with every problem, and `canOmit`, when the file cannot be imported
 * as it is (nothing is written then); 400 `import.source_not_text` naming the source and its
 * file when a source's text is not UTF-8 text (nothing is written). `coders`: a JSON object
 * mapping each coder's guid in the file to an account id or "placeholder"; when the file
 * names coders by emails that match no account and `coders` does not map them, 422 with
 * `mapping` (the file's coders and the accounts to choose from), and nothing is written.
 * Any signed-in user may import.
 */
export const POST = uploadRoute(async (req, { user }) => {
  const { form, limits } = await readUpload(req);
  const file = form.get('file');
  if (!file || typeof file === 'string') throw badRequest("Parameter 'file': attach a .qdpx or .qde file");
  if (file.size > limits.perFile) throw new HttpError(413, `${file.name} is ${formatBytes(file.size)}, more than the ${formatBytes(limits.perFile)} allowed`);
  const rawName = form.get('name');
  const name = typeof rawName === 'string' && rawName.trim() ? rawName.trim().slice(0, 300) : undefined;
  const omit = form.get('omit') === '1';
  const coders = parseCoderMap(form.get('coders'));
  const outcome = await importProjectFile(getDb(), user.id, await fileBytes(file), { omit, name, coders });
  if (!outcome.ok) {
    const error = outcome.mapping && outcome.problems.length === 0 ? 'Map the coders of the file to accounts' : 'The project was not imported';
    return NextResponse.json({ error, problems: outcome.problems, canOmit: outcome.canOmit, ...(outcome.mapping ? { mapping: outcome.mapping } : {}) }, { status: 422 });
  }
  return NextResponse.json({ projectId: outcome.report.projectId, report: outcome.report, problems: outcome.problems }, { status: 201 });
});

/** The `coders` field: {"<guid>": <account id> | "placeholder"}; anything else is a 400. */
function parseCoderMap(raw: FormDataEntryValue | null): CoderMap | undefined {
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(String(raw));
  } catch {
    throw badRequest("Parameter 'coders': a JSON object mapping each coder's guid to an account id or \"placeholder\"");
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest("Parameter 'coders': a JSON object");
  const out: CoderMap = {};
  for (const [guid, to] of Object.entries(value)) {
    if (to === 'placeholder' || (typeof to === 'number' && Number.isSafeInteger(to) && to > 0)) out[guid.toLowerCase()] = to;
    else throw badRequest(`Parameter 'coders': coder ${guid.slice(0, 40)} maps to neither an account id nor "placeholder"`);
  }
  return out;
}
