/**
 * A sheet as CSV: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark so that
 * Excel shows Cyrillic and Kazakh letters rather than mojibake, every text cell through the
 * formula guard. Notes follow the rows after an empty line.
 */
import { guardFormula } from './formula-guard';
import type { CellValue, Sheet } from './sheet';

const BOM = '\uFEFF';

function field(v: CellValue): string {
  if (v == null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (v instanceof Date) return isoDate(v);
  const s = guardFormula(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A date as YYYY-MM-DD (UTC), which every spreadsheet and R read as a date. */
function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

export function sheetToCsv(sheet: Sheet): string {
  const line = (cells: readonly CellValue[]) => cells.map(field).join(',');
  const lines = [line(sheet.header), ...sheet.rows.map(line)];
  if (sheet.rows.length === 0 && sheet.emptyNote) lines.push(line([sheet.emptyNote]));
  if (sheet.notes?.length) lines.push('', ...sheet.notes.map(line));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** CSV text as UTF-8 bytes. */
export function csvBytes(csv: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(csv) as Uint8Array<ArrayBuffer>;
}
