/**
 * Word (.docx) transcripts. The archive is first checked by ./zip-guard; mammoth then reads
 * it. We walk mammoth's document model rather than its raw-text output
 * (`extractRawText`), because raw text flattens a table into one paragraph per cell and so
 * loses the common two-column layout "Speaker | what they said".
 *
 * - Paragraphs are lines (a soft line break splits a paragraph into lines), each paragraph
 *   followed by a paragraph break; speakers are then found by ./speakers as for plain text.
 * - Headings (paragraph styles Heading n, Title, Subtitle) end the current turn and are
 *   dropped (see ./assemble).
 * - Table rows of two cells whose first cell is shaped like a label ("P2", "Модератор:",
 *   "[00:12:03] P2") are turns with that speaker; three cells whose first is a timestamp or a
 *   row number are read as (time | speaker | text). A row with an empty first cell continues
 *   the previous turn. A header row (marked as such in Word, or made of words like
 *   "Спикер | Текст") is skipped. Other rows are read as text lines.
 */
import mammoth from 'mammoth';
import { assembleTurns, type SourceItem } from './assemble';
import { cleanLine } from './clean-text';
import { ImportError } from './errors';
import { readLabelLine } from './speakers';
import { normaliseTimestamp } from './timestamp';
import type { ImportedTurn } from './types';
import { assertSafeZip, type ZipLimits } from './zip-guard';

/** The part of mammoth's (unstable, untyped) document model we read. */
interface DocNode {
  type: string;
  children?: DocNode[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  isHeader?: boolean;
}

/**
 * Parses a .docx transcript into turns. Throws an {@link ImportError} naming the file when it
 * is not a valid, safe .docx (see ./zip-guard), mammoth cannot read it, or it has no text.
 */
export async function parseDocx(bytes: Uint8Array, fileName: string, limits: ZipLimits = {}): Promise<ImportedTurn[]> {
  const entries = assertSafeZip(bytes, fileName, '.docx', limits);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new ImportError(fileName, 'is not a Word document (the archive has no word/document.xml)');
  }
  let root: DocNode | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Capture the document model and hand mammoth an empty document, so it does no
        // HTML conversion (nor image reading) we would throw away.
        transformDocument: (document: DocNode): DocNode => {
          root = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new ImportError(fileName, `is not a valid .docx file (${detail})`, { cause: e });
  }
  if (root === null) throw new ImportError(fileName, 'is not a valid .docx file (no document body)');
  const turns = assembleTurns(documentToItems(root));
  if (turns.length === 0) throw new ImportError(fileName, 'contains no text');
  return turns;
}

/** Reads mammoth's document model into line, heading and turn items (see the module comment). */
export function documentToItems(root: DocNode): SourceItem[] {
  const items: SourceItem[] = [];
  for (const child of root.children ?? []) blockToItems(child, items);
  return items;
}

function blockToItems(node: DocNode, items: SourceItem[]): void {
  if (node.type === 'paragraph') {
    if (isHeading(node)) {
      items.push({ kind: 'heading' });
      return;
    }
    for (const line of inlineText(node).split('\n')) items.push({ kind: 'line', text: line });
    items.push({ kind: 'blank' });
  } else if (node.type === 'table') {
    tableToItems(node, items);
    items.push({ kind: 'blank' });
  } else if (node.type === 'text' || node.type === 'run') {
    items.push({ kind: 'line', text: inlineText(node) });
  } else {
    for (const child of node.children ?? []) blockToItems(child, items);
  }
}

const HEADING_STYLE_NAME = /^(heading|title|subtitle|заголовок|название|подзаголовок)\b/i;
const HEADING_STYLE_ID = /^(heading\d*|title|subtitle)$/i;

function isHeading(p: DocNode): boolean {
  return HEADING_STYLE_NAME.test(p.styleName ?? '') || HEADING_STYLE_ID.test(p.styleId ?? '');
}

/** A node's text: tabs as \t, line breaks (and the ends of nested paragraphs) as \n. */
function inlineText(node: DocNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'paragraph':
    case 'tableRow':
      return (node.children ?? []).map(inlineText).join('') + '\n';
    case 'tableCell':
      return (node.children ?? []).map(inlineText).join('') + '\t';
    default:
      return (node.children ?? []).map(inlineText).join('');
  }
}

/** Words of a table's header row ("Спикер | Текст", "Time | Speaker | Text"), lower-cased. */
const HEADER_WORDS = new Set([
  'спикер', 'говорящий', 'кто говорит', 'участник', 'респондент', 'имя', 'текст', 'реплика',
  'высказывание', 'ответ', 'время', 'тайм-код', 'таймкод', '№', '#', 'n', 'no',
  'сөйлеуші', 'қатысушы', 'аты', 'мәтін', 'сөз', 'пікір', 'уақыт', 'уақыты',
  'speaker', 'participant', 'name', 'text', 'utterance', 'transcript', 'time', 'timestamp',
]);

function cellText(cell: DocNode): string {
  return cleanLine(inlineText(cell).replace(/[\n\t]+/g, ' '));
}

function tableToItems(table: DocNode, items: SourceItem[]): void {
  const rows = (table.children ?? []).filter((r) => r.type === 'tableRow');
  rows.forEach((row, r) => {
    if (row.isHeader) return;
    const cells = (row.children ?? []).filter((c) => c.type === 'tableCell').map(cellText);
    if (r === 0 && cells.some((c) => c !== '') && cells.every((c) => c === '' || HEADER_WORDS.has(c.toLowerCase().replace(/:$/, '')))) return;
    let timestamp: string | undefined;
    let pair: [string, string] | null = null;
    if (cells.length === 2) pair = [cells[0], cells[1]];
    else if (cells.length === 3) {
      const ts = normaliseTimestamp(cells[0].replace(/^[[(]|[\])]$/g, ''));
      if (ts !== null || /^\d{1,4}\.?$/.test(cells[0])) {
        pair = [cells[1], cells[2]];
        if (ts !== null) timestamp = ts;
      }
    }
    if (!pair) {
      for (const c of cells) if (c !== '') items.push({ kind: 'line', text: c });
      return;
    }
    const [who, said] = pair;
    if (who === '') {
      items.push({ kind: 'line', text: said });
      return;
    }
    const label = readLabelLine(`${who.replace(/[:\s]+$/, '')}: `);
    if (!label || label.rest !== '') {
      items.push({ kind: 'line', text: `${who} ${said}` });
      return;
    }
    const ts = label.timestamp ?? timestamp;
    items.push(ts === undefined ? { kind: 'turn', speaker: label.label, text: said } : { kind: 'turn', speaker: label.label, text: said, timestamp: ts });
  });
}
