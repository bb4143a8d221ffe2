/**
 * A sheet as CSV: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark so that
 * Excel shows Cyrillic and Kazakh letters rather than mojibake, every text cell through the
 * formula guard. The file holds only the table: what it counts (layer, filters, totals) comes
 * first as `#` comment lines, which R skips with
 * `read.csv(f, comment.char = "#", fileEncoding = "UTF-8-BOM")`. Any cell holding a `#` is
 * quoted, so that a comment character never starts inside the table.
 *
 * Two dialects: `,` with a decimal point (the default, what R's read.csv and English Excel
 * read) and `;` with a decimal comma (what Russian and Kazakh Excel and R's read.csv2 read).
 */
import { guardFormula } from './formula-guard';
import type { CellValue, Sheet } from './sheet';

const BOM = '\uFEFF';

export type CsvSeparator = ',' | ';';
export const CSV_SEPARATORS: readonly CsvSeparator[] = [',', ';'];

export interface CsvOptions {
  /** ',' (decimal point) or ';' (decimal comma). */
  separator?: CsvSeparator;
}

function field(v: CellValue, sep: CsvSeparator): string {
  if (v == null) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return sep === ';' ? String(v).replace('.', ',') : String(v);
  }
  if (v instanceof Date) return isoDate(v);
  const s = guardFormula(v);
  const special = sep === ';' ? /[";#\r\n]/ : /[",#\r\n]/;
  return special.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A date as YYYY-MM-DD (UTC), which every spreadsheet and R read as a date. */
function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** A note as one comment line: "# Label: value", line breaks folded into spaces. */
function commentLine(label: string, value: string): string {
  const flat = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();
  return value === '' ? `# ${flat(label)}` : `# ${flat(label)}: ${flat(value)}`;
}

export function sheetToCsv(sheet: Sheet, options: CsvOptions = {}): string {
  const sep = options.separator ?? ',';
  const line = (cells: readonly CellValue[]) => cells.map((c) => field(c, sep)).join(sep);
  const lines = [...(sheet.notes ?? []).map(([l, v]) => commentLine(l, v)), line(sheet.header), ...sheet.rows.map(line)];
  if (sheet.rows.length === 0 && sheet.emptyNote) lines.push(commentLine(sheet.emptyNote, ''));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** CSV text as UTF-8 bytes. */
export function csvBytes(csv: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(csv) as Uint8Array<ArrayBuffer>;
}
