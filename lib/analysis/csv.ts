/**
 * Tables as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Cyrillic and
 * Kazakh letters right), CRLF line ends, RFC 4180 quoting.
 */

export type SheetValue = string | number | null;

export interface Sheet {
  /** Worksheet name (XLSX). */
  name: string;
  header: string[];
  rows: SheetValue[][];
  /** What the table counts (layer, measure, filters): written after the rows as label, value lines. */
  notes: Array<[string, string]>;
}

/**
 * A text a spreadsheet would run as a formula (=, +, @, a tab, or a dash followed directly by
 * something other than a space or another dash) gets a leading apostrophe; dialogue dashes
 * ("- Да", "— Иә") are left alone.
 */
function guard(s: string): string {
  return /^[=+@\t\r]/.test(s) || /^-[^\s\-–—]/.test(s) ? `'${s}` : s;
}

function field(v: SheetValue): string {
  if (v == null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = guard(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The sheet as CSV text, starting with a BOM: header, rows, then (after an empty line) the notes. */
export function sheetToCsv(sheet: Sheet): string {
  const lines = [sheet.header, ...sheet.rows].map((r) => r.map(field).join(','));
  if (sheet.notes.length) lines.push('', ...sheet.notes.map((n) => n.map(field).join(',')));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
