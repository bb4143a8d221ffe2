/**
 * Coded excerpts as a Word manuscript section: a title and what was exported (project,
 * layers, filters, count), then one heading per code (Heading 1 for a top-level code,
 * Heading 2 for its sub-codes, …; the heading is the code's path), each excerpt a paragraph
 * in Word's Quote style followed by its attribution. Optionally: the code's definition
 * under its heading, every translation beneath its quote, the turn before and after for
 * context, or — when a language is chosen — the original and its translation side by side
 * in a two-column table per code.
 */
import { languageName } from '../translation/language-tag';
import { DocxBuilder, type Cell, type Run } from './docx-writer';
import {
  attributionsFor,
  contextLine,
  headerLines,
  labelsOf,
  sectionsByCode,
  translationInto,
  type CodeSection,
  type ExcerptExport,
  type ExcerptFormatOptions,
  type ExportExcerpt,
  type ExportLabels,
} from './excerpts';

/** Resolves to the .docx bytes. An empty selection gives a valid file that says so. */
export async function excerptsToDocx(data: ExcerptExport, options: ExcerptFormatOptions = {}): Promise<Uint8Array> {
  const labels = labelsOf(options);
  const attributions = attributionsFor(data, options.template);
  const doc = new DocxBuilder().paragraph(labels.title, 'Title');
  for (const [k, v] of headerLines(data, labels)) doc.paragraph([{ text: `${k}: `, bold: true }, { text: v }]);
  doc.paragraph([{ text: labels.pseudonymised, italics: true }]);

  if (data.excerpts.length === 0) doc.paragraph(labels.empty);
  for (const section of sectionsByCode(data)) {
    doc.heading(section.level, section.code.path);
    if (options.definitions && section.code.description.trim()) {
      doc.paragraph([{ text: `${labels.definition}: `, bold: true }, { text: section.code.description.trim() }]);
    }
    if (section.excerpts.length === 0) continue;
    if (options.language) doc.table(sideBySide(section, options.language, attributions, labels, !!options.context), true);
    else for (const e of section.excerpts) excerptParagraphs(doc, e, attributions.get(e.codingId) ?? '', options);
  }
  return doc.bytes({ title: `${labels.title} — ${data.projectName}` });
}

function excerptParagraphs(doc: DocxBuilder, e: ExportExcerpt, attribution: string, options: ExcerptFormatOptions): void {
  if (options.context) for (const t of e.contextBefore ?? []) doc.paragraph(contextLine(t), 'Context');
  doc.paragraph(e.quote, 'Quote');
  if (options.translations) {
    for (const t of e.translations) {
      const by: Run = { text: ` (${languageName(t.language)}${t.author ? `; ${t.author}` : ''})`, italics: false, size: 18 };
      doc.paragraph([{ text: t.text }, by], 'Translation');
    }
  }
  if (attribution) doc.paragraph(attribution, 'Attribution');
  if (options.context) for (const t of e.contextAfter ?? []) doc.paragraph(contextLine(t), 'Context');
}

function sideBySide(section: CodeSection, language: string, attributions: Map<number, string>, labels: ExportLabels, context: boolean): Cell[][] {
  const header: Cell[] = [[{ runs: [{ text: labels.original, bold: true }] }], [{ runs: [{ text: `${labels.translation}: ${languageName(language)}`, bold: true }] }]];
  const rows = section.excerpts.map((e): Cell[] => {
    const attribution = attributions.get(e.codingId) ?? '';
    const left: Cell = [];
    if (context) for (const t of e.contextBefore ?? []) left.push({ runs: [{ text: contextLine(t) }], style: 'Context' });
    left.push({ runs: [{ text: e.quote }], style: 'Quote' });
    if (attribution) left.push({ runs: [{ text: attribution }], style: 'Attribution' });
    if (context) for (const t of e.contextAfter ?? []) left.push({ runs: [{ text: contextLine(t) }], style: 'Context' });
    const t = translationInto(e, language);
    const right: Cell = t
      ? [{ runs: [{ text: t.text }], style: 'Quote' }, ...(attribution ? [{ runs: [{ text: attribution }], style: 'Attribution' as const }] : [])]
      : [{ runs: [{ text: `[${labels.noTranslation}]`, color: '999999' }], style: 'Quote' }];
    return [left, right];
  });
  return [header, ...rows];
}
