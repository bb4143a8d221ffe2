/**
 * POST /api/v1/projects/:projectId/imports/preview — leads only. Multipart: `files` (any
 * number of .docx/.txt/.md/.vtt/.srt), `pasted` (text fields), `options` (JSON:
 * {encodings: [per file, null to detect]}). Reads and parses; stores nothing. Answers
 * {previews: [...]} in order (files, then pasted texts): each the preview of lib/import/
 * preview, or {ok: false, source, error} naming the file and problem. 413 over the upload limit.
 */
import { NextResponse } from 'next/server';
import { parseId, projectRole } from '@/server/edge/api';
import { previewOptionsSchema } from '@/server/edge/import-schemas';
import { fileBytes, jsonField, readUpload, uploadRoute } from '@/server/edge/uploads';
import { ImportError } from '@/lib/import';
import { previewPastedText, previewTranscriptFile, type TranscriptPreview } from '@/lib/import/preview';
import { formFiles, formTexts } from '@/lib/import/upload';

type PreviewResult = { ok: true; preview: TranscriptPreview } | { ok: false; source: string; error: string };

async function attempt(source: string, read: () => Promise<TranscriptPreview> | TranscriptPreview): Promise<PreviewResult> {
  try {
    return { ok: true, preview: await read() };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, source, error: e.message };
    throw e;
  }
}

export const POST = uploadRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  await projectRole(user, projectId, ['lead']);
  const { form, limits } = await readUpload(req);
  const { encodings } = jsonField(form, 'options', previewOptionsSchema, { encodings: [] });
  const previews: PreviewResult[] = [];
  const files = formFiles(form, 'files');
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const bytes = await fileBytes(file);
    previews.push(await attempt(file.name, () => previewTranscriptFile(bytes, file.name, { encoding: encodings[i] ?? undefined, maxBytes: limits.perFile })));
  }
  for (const text of formTexts(form, 'pasted')) {
    previews.push(await attempt('pasted text', () => previewPastedText(text, { maxChars: limits.perFile })));
  }
  return NextResponse.json({ previews });
});
