/**
 * The export edge shared by the export routes and pages: which layers a reader may export
 * (the blind-mode rule of lib/access/layers.ts), and each export file built from a checked
 * request — bytes, content type and a file name. Callers have authenticated the user and
 * found their role in the project.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { codebookExport } from '@/db/queries/codebook-exchange';
import { excerptExport, ExcerptFilterError } from '@/db/queries/excerpts-export';
import { projectSnapshot } from '@/db/queries/project-snapshot';
import { projectToRefi } from '@/db/queries/refi-export';
import { codings, users } from '@/db/schema';
import { type Role } from '@/lib/access/layers';
import { mayViewLayer, visibleCountKeys, type LayerRef } from '@/lib/access/layers';
import { layerKey } from '@/lib/access/layers';
import { unknownFields, parseTemplate } from '@/lib/export/attribution';
import { codebookToDocx } from '@/lib/export/codebook-docx';
import { codebookToRefiCodes } from '@/lib/export/codebook-refi';
import { codebookToCsv, codebookToXlsx } from '@/lib/export/codebook-table';
import type { ExcerptQuery } from '@/lib/export/excerpt-query';
import { fileStem, type ExportLabels } from '@/lib/export/excerpts';
import { excerptsToDocx } from '@/lib/export/excerpts-docx';
import { excerptsToHtml } from '@/lib/export/excerpts-html';
import { excerptsToMarkdown } from '@/lib/export/excerpts-markdown';
import { excerptsToCsv, excerptsToXlsx } from '@/lib/export/excerpts-table';
import { projectJsonBytes } from '@/lib/export/project-json';
import { isLocale, localeFromAcceptLanguage, translator, type Translate } from '@/lib/i18n';
import { LOCALE_COOKIE } from '@/server/edge/i18n';
import { writeQdc, writeQdpx } from '@/lib/refi-qda';
import { badRequest, HttpError } from '@/server/edge/api';

export interface Reader {
  userId: number;
  role: Role;
  blindMode: boolean;
}

export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

export const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  qdpx: 'application/zip',
  qdc: 'application/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

/** Every layer of the project that has codings and that the reader may see: consensus first, then coders by name. */
export function visibleLayers(db: Db, projectId: number, reader: Reader): { layer: LayerRef; name: string }[] {
  const rows = db
    .selectDistinct({ layer: codings.layer, coderId: codings.coderId, name: users.name })
    .from(codings)
    .innerJoin(users, eq(users.id, codings.coderId))
    .where(eq(codings.projectId, projectId))
    .all();
  const out: { layer: LayerRef; name: string }[] = [];
  if (rows.some((r) => r.layer === 'consensus')) out.push({ layer: { kind: 'consensus' }, name: 'consensus' });
  const coders = rows.filter((r) => r.layer === 'coder').sort((a, b) => a.name.localeCompare(b.name));
  for (const c of coders) out.push({ layer: { kind: 'coder', coderId: c.coderId }, name: c.name });
  return out.filter((l) => mayViewLayer(reader, l.layer));
}

/**
 * The layers to export: those asked for (each must be visible to the reader, else 403),
 * every visible layer for 'all', and by default the consensus layer when it has codings and
 * the reader may see it, else every layer they may see (for a coder in blind mode: their own).
 */
export function exportLayers(db: Db, projectId: number, reader: Reader, asked: LayerRef[] | 'all' | undefined): LayerRef[] {
  if (Array.isArray(asked)) {
    for (const l of asked) if (!mayViewLayer(reader, l)) throw new HttpError(403, `You may not export the layer ${layerKey(l)}`);
    return asked;
  }
  const visible = visibleLayers(db, projectId, reader).map((l) => l.layer);
  if (asked === 'all') return visible;
  const consensus = visible.find((l) => l.kind === 'consensus');
  if (consensus) return [consensus];
  if (visible.length > 0) return visible;
  // Nothing coded yet that the reader may see: their own layer (a coder), or consensus.
  return reader.role === 'coder' ? [{ kind: 'coder', coderId: reader.userId }] : [{ kind: 'consensus' }];
}

/**
 * The translate function for a request: the language cookie the switch sets, else the
 * browser's Accept-Language (read from the request itself, so routes work outside Next's
 * request scope too, as in tests and scripts).
 */
export function requestTranslator(req: Request): Translate {
  const cookie = req.headers.get('cookie') ?? '';
  const chosen = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  return translator(isLocale(chosen) ? chosen : localeFromAcceptLanguage(req.headers.get('accept-language')));
}

/** The UI's words for the files (title, "Layers", "No excerpts…"), in the reader's language. */
export function exportLabels(t: Translate): ExportLabels {
  return {
    title: t('exports.file.title'),
    project: t('exports.file.project'),
    layers: t('exports.file.layers'),
    filters: t('exports.file.filters'),
    generated: t('exports.file.generated'),
    count: t('exports.file.count'),
    empty: t('exports.file.empty'),
    original: t('exports.file.original'),
    translation: t('exports.file.translation'),
    noTranslation: t('exports.file.noTranslation'),
    context: t('exports.file.context'),
    definition: t('exports.file.definition'),
    memo: t('exports.file.memo'),
    moderator: t('exports.file.moderator'),
    pseudonymised: t('exports.file.pseudonymised'),
  };
}

/** The excerpt export the query asks for. Throws HttpError 400 naming a bad filter or template field, 403 for a layer the reader may not see. */
export async function excerptFile(db: Db, project: { id: number; name: string }, reader: Reader, q: ExcerptQuery, t: Translate): Promise<ExportFile> {
  const layers = exportLayers(db, project.id, reader, q.layers);
  const labels = exportLabels(t);
  let data;
  try {
    data = await excerptExport(
      db,
      project.id,
      project.name,
      { codeIds: q.codeIds, subtreeIds: q.subtreeIds, documentIds: q.documentIds, setIds: q.setIds, attributes: q.attributes, layers, context: q.context },
      { moderatorLabel: labels.moderator, consensusLabel: t('exports.layer.consensus'), coderLayerLabel: (name) => t('exports.layer.coder', { name }) },
    );
  } catch (e) {
    if (e instanceof ExcerptFilterError) throw badRequest(e.message);
    throw e;
  }
  if (q.template) {
    const unknown = unknownFields(parseTemplate(q.template), data.attributes);
    if (unknown.length > 0) throw badRequest(`Parameter 'template': no field named ${unknown.map((u) => `{${u}}`).join(', ')} (private attributes cannot be used)`);
  }
  const options = { template: q.template, definitions: q.definitions, translations: q.translations, language: q.language, context: q.context, labels };
  const stem = fileStem(project.name, 'excerpts');
  switch (q.format) {
    case 'docx':
      return { bytes: await excerptsToDocx(data, options), contentType: CONTENT_TYPES.docx, fileName: `${stem}.docx` };
    case 'xlsx':
      return { bytes: await excerptsToXlsx(data, options), contentType: CONTENT_TYPES.xlsx, fileName: `${stem}.xlsx` };
    case 'csv':
      return { bytes: excerptsToCsv(data, options), contentType: CONTENT_TYPES.csv, fileName: `${stem}.csv` };
    case 'md':
      return { bytes: new TextEncoder().encode(excerptsToMarkdown(data, options)), contentType: CONTENT_TYPES.md, fileName: `${stem}.md` };
    case 'html':
      return { bytes: new TextEncoder().encode(excerptsToHtml(data, options)), contentType: CONTENT_TYPES.html, fileName: `${stem}.html` };
  }
}

export const CODEBOOK_FORMATS = ['qdc', 'csv', 'xlsx', 'docx'] as const;
export type CodebookFormat = (typeof CODEBOOK_FORMATS)[number];

/** The codebook in a format, with counts of the layers the reader may see. */
export async function codebookFile(db: Db, project: { id: number; name: string }, reader: Reader, format: CodebookFormat, t: Translate): Promise<ExportFile> {
  const book = await codebookExport(db, project.id, project.name, visibleCountKeys(reader), { consensusLabel: t('exports.layer.consensus') });
  const stem = fileStem(project.name, 'codebook');
  switch (format) {
    case 'qdc':
      return { bytes: writeQdc({ codes: codebookToRefiCodes(book.codes) }), contentType: CONTENT_TYPES.qdc, fileName: `${stem}.qdc` };
    case 'csv':
      return { bytes: codebookToCsv(book), contentType: CONTENT_TYPES.csv, fileName: `${stem}.csv` };
    case 'xlsx':
      return { bytes: await codebookToXlsx(book), contentType: CONTENT_TYPES.xlsx, fileName: `${stem}.xlsx` };
    case 'docx':
      return {
        bytes: await codebookToDocx(book, {
          title: t('exports.codebook.docTitle'),
          description: t('exports.codebook.description'),
          inclusion: t('exports.codebook.inclusion'),
          exclusion: t('exports.codebook.exclusion'),
          example: t('exports.codebook.example'),
          codings: t('exports.codebook.codings'),
          archived: t('exports.codebook.archived'),
          empty: t('exports.codebook.empty'),
        }),
        contentType: CONTENT_TYPES.docx,
        fileName: `${stem}.docx`,
      };
  }
}

export const PROJECT_FORMATS = ['qdpx', 'json'] as const;
export type ProjectFormat = (typeof PROJECT_FORMATS)[number];

/** The whole project (the layers the reader may see, or those asked for) as .qdpx or JSON. */
export async function projectFile(db: Db, project: { id: number; name: string }, reader: Reader, format: ProjectFormat, asked: LayerRef[] | 'all' | undefined, t: Translate): Promise<ExportFile> {
  const layers = exportLayers(db, project.id, reader, asked ?? 'all');
  const stem = fileStem(project.name, 'project');
  if (format === 'qdpx') {
    const { project: refi } = await projectToRefi(db, project.id, layers, { allAssignments: reader.role === 'lead' });
    return { bytes: writeQdpx(refi), contentType: CONTENT_TYPES.qdpx, fileName: `${stem}.qdpx` };
  }
  const names = visibleLayers(db, project.id, reader);
  const layerNames = layers.map((l) =>
    l.kind === 'consensus'
      ? t('exports.layer.consensus')
      : t('exports.layer.coder', { name: names.find((n) => n.layer.kind === 'coder' && n.layer.coderId === l.coderId)?.name ?? `#${l.coderId}` }),
  );
  return { bytes: projectJsonBytes(await projectSnapshot(db, project.id, layers, layerNames)), contentType: CONTENT_TYPES.json, fileName: `${stem}.json` };
}

/** A download response: the bytes as an attachment under an ASCII name and its UTF-8 name. */
export function downloadResponse(file: ExportFile): Response {
  const ascii = file.fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'export';
  return new Response(file.bytes as BodyInit, {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Content-Length': String(file.bytes.byteLength),
      'Cache-Control': 'private, no-store',
    },
  });
}
