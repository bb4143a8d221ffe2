/**
 * POST /api/v1/projects/:projectId/imports — leads only. Imports a batch of transcripts in
 * one transaction. Multipart: `files`, `pasted` (as for the preview, sent again) and
 * `manifest` (JSON, see importManifestSchema: per item its source, title, encoding, group,
 * speaker mapping and document attributes). Answers {documents} when everything was
 * imported, or 422 {error, problems} — each problem naming its file — when nothing was.
 */
import { NextResponse } from 'next/server';
import { badRequest, parseId, projectRole } from '@/server/edge/api';
import { importManifestSchema, type ImportManifest } from '@/server/edge/import-schemas';
import { fileBytes, jsonField, readUpload, uploadRoute } from '@/server/edge/uploads';
import { getDb } from '@/db/client';
import { importTranscripts, ImportProblems, type TranscriptImportItem } from '@/db/queries/imports';
import { ImportError, parsePastedTranscript, parseTranscript } from '@/lib/import';
import { formFiles, formTexts, type UploadLimits } from '@/lib/import/upload';

const nothingImported = (problems: string[]) => NextResponse.json({ error: 'Nothing was imported', problems }, { status: 422 });

type ManifestItem = ImportManifest['items'][number];

/** Reads the file or pasted text an item names; an ImportError names the file and problem. */
async function readSource(m: ManifestItem, files: File[], pasted: string[], limits: UploadLimits) {
  if ('file' in m.source) {
    const file = files[m.source.file];
    if (!file) throw badRequest(`Parameter 'manifest': there is no file number ${m.source.file}`);
    const parsed = await parseTranscript(await fileBytes(file), file.name, { encoding: m.encoding, maxBytes: limits.perFile });
    return { source: file.name, encoding: parsed.encoding, turns: parsed.turns };
  }
  const text = pasted[m.source.pasted];
  if (text === undefined) throw badRequest(`Parameter 'manifest': there is no pasted text number ${m.source.pasted}`);
  return { source: 'pasted text', encoding: 'utf-8', turns: parsePastedTranscript(text, { maxChars: limits.perFile }).turns };
}

export const POST = uploadRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  await projectRole(user, projectId, ['lead']);
  const { form, limits } = await readUpload(req);
  const manifest = jsonField(form, 'manifest', importManifestSchema);
  const files = formFiles(form, 'files');
  const pasted = formTexts(form, 'pasted');

  // Every source is read before anything is stored, so one answer lists every bad file.
  const items: TranscriptImportItem[] = [];
  const problems: string[] = [];
  for (const m of manifest.items) {
    try {
      items.push({
        ...(await readSource(m, files, pasted, limits)),
        title: m.title,
        documentId: m.documentId ?? null,
        speakers: m.speakers,
        unlabelled: m.unlabelled,
        attributes: Object.fromEntries(Object.entries(m.attributes ?? {}).map(([k, v]) => [Number(k), v])),
      });
    } catch (e) {
      if (e instanceof ImportError) problems.push(e.message);
      else throw e;
    }
  }
  if (problems.length > 0) return nothingImported(problems);
  try {
    const documents = await importTranscripts(getDb(), { projectId, actorId: user.id, items });
    return NextResponse.json({ documents });
  } catch (e) {
    if (e instanceof ImportProblems) return nothingImported(e.problems);
    throw e;
  }
});
