/**
 * The codebook as a Word document for an appendix or a coder's handbook: a heading per code
 * (Heading 1 for a top-level code, Heading 2 below it, …; the text is its path), then its
 * description, inclusion and exclusion criteria, example (in the Quote style) and codings
 * per layer.
 */
import type { CodebookExport } from './codebook';
import { DocxBuilder, type Run } from './docx-writer';

export interface CodebookDocxLabels {
  title: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  codings: string;
  archived: string;
  empty: string;
}

export const CODEBOOK_DOCX_LABELS: CodebookDocxLabels = {
  title: 'Codebook',
  description: 'Description',
  inclusion: 'Include when',
  exclusion: 'Exclude when',
  example: 'Example',
  codings: 'Codings',
  archived: 'archived',
  empty: 'The codebook is empty.',
};

const labelled = (label: string, text: string): Run[] => [{ text: `${label}: `, bold: true }, { text }];

export async function codebookToDocx(book: CodebookExport, labels: Partial<CodebookDocxLabels> = {}): Promise<Uint8Array> {
  const l = { ...CODEBOOK_DOCX_LABELS, ...labels };
  const doc = new DocxBuilder().paragraph(`${l.title} — ${book.projectName}`, 'Title').paragraph([{ text: book.generatedAt.toISOString().slice(0, 10), color: '666666' }]);
  if (book.codes.length === 0) doc.paragraph(l.empty);
  for (const c of book.codes) {
    doc.heading(c.depth + 1, c.archived ? `${c.path} (${l.archived})` : c.path);
    if (c.description.trim()) doc.paragraph(labelled(l.description, c.description.trim()));
    if (c.inclusion.trim()) doc.paragraph(labelled(l.inclusion, c.inclusion.trim()));
    if (c.exclusion.trim()) doc.paragraph(labelled(l.exclusion, c.exclusion.trim()));
    if (c.example.trim()) {
      doc.paragraph([{ text: `${l.example}:`, bold: true }]);
      doc.paragraph(c.example.trim(), 'Quote');
    }
    if (book.countColumns.length > 0) {
      doc.paragraph(labelled(l.codings, book.countColumns.map((col, i) => `${col}: ${c.counts[i] ?? 0}`).join('; ')));
    }
  }
  return doc.bytes({ title: `${l.title} — ${book.projectName}` });
}
