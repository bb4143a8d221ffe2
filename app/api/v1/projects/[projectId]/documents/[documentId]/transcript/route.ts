/**
 * GET /api/v1/projects/:projectId/documents/:documentId/transcript?format=txt|docx — any
 * member. The transcript as a file with speaker labels (participants under their
 * pseudonyms), in the layout the importer reads back into the same turns.
 */
import { apiRoute, badRequest, notFoundError, parseId, projectRole } from '@/server/edge/api';
import { getDb } from '@/db/client';
import { transcriptForExport } from '@/db/queries/imports';
import { transcriptToDocx, transcriptToTxt } from '@/lib/export/transcript';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Content-Disposition for a title in any script: an ASCII fallback name and the UTF-8 one. */
function attachment(title: string, ext: string): string {
  const name = `${title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'transcript'}.${ext}`;
  const ascii = name.replace(/[^\x20-\x7e]+/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const GET = apiRoute<{ projectId: string; documentId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const documentId = parseId(params.documentId, 'documentId');
  await projectRole(user, projectId);
  const format = new URL(req.url).searchParams.get('format') ?? 'txt';
  if (format !== 'txt' && format !== 'docx') throw badRequest("Parameter 'format' must be txt or docx");
  const transcript = await transcriptForExport(getDb(), projectId, documentId);
  if (!transcript) throw notFoundError();
  if (format === 'docx') {
    const bytes = await transcriptToDocx(transcript.title, transcript.turns);
    return new Response(new Uint8Array(bytes), { headers: { 'content-type': DOCX, 'content-disposition': attachment(transcript.title, 'docx') } });
  }
  // With a BOM, so that Notepad on older Windows reads Kazakh letters right; the importer drops it.
  return new Response(`\ufeff${transcriptToTxt(transcript.turns)}`, {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': attachment(transcript.title, 'txt') },
  });
});
