/**
 * A table (a header and rows) written as CSV or as an Excel workbook. Shared by the
 * excerpt and codebook exports.
 *
 * CSV is RFC 4180 with CRLF line ends, UTF-8 with a BOM so that Excel shows Cyrillic rather
 * than mojibake. Cells that a spreadsheet would run as a formula (starting with =, +, @, or a
 * "-" followed by formula-like text) get a leading apostrophe; prose that merely starts with
 * a dash ("- Да, пишу") is left alone, since changing quotes is worse than the risk.
 */
import ExcelJS from 'exceljs';

export type CellValue = string | number | null;

export interface Table {
  header: readonly string[];
  rows: readonly (readonly CellValue[])[];
  /** Preferred column widths in characters (Excel only). */
  widths?: readonly number[];
  /** Columns whose text wraps (Excel only), by index. */
  wrap?: readonly number[];
}

const BOM = '\uFEFF';

/** Would a spreadsheet read this cell as a formula? */
export function looksLikeFormula(s: string): boolean {
  if (/^[=+@\t\r]/.test(s)) return true;
  return s.startsWith('-') && /[(!|=+]/.test(s) && !/^-\s/.test(s);
}

function csvCell(v: CellValue): string {
  if (v === null) return '';
  let s = typeof v === 'number' ? String(v) : v;
  if (typeof v === 'string' && looksLikeFormula(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The table as CSV text, BOM first. `note` (e.g. "no rows") becomes a row of its own when there are no rows. */
export function tableToCsv(table: Table, note?: string): string {
  const lines = [table.header.map(csvCell).join(',')];
  for (const row of table.rows) lines.push(row.map(csvCell).join(','));
  if (table.rows.length === 0 && note) lines.push(csvCell(note));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** The CSV text as bytes (UTF-8). */
export function csvBytes(csv: string): Uint8Array {
  return new TextEncoder().encode(csv);
}

export interface Sheet {
  name: string;
  table: Table;
  /** Shown in the first data row when the table has no rows. */
  emptyNote?: string;
}

/**
 * A workbook of the given sheets: bold, frozen header row, filters on it, wrapped long text.
 * Sheet names are cut to Excel's 31 characters and stripped of characters it forbids.
 */
export async function tablesToXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fgcoder';
  wb.created = new Date(0);
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow([...s.table.header]);
    ws.getRow(1).font = { bold: true };
    for (const row of s.table.rows) ws.addRow(row.map((v) => (v === null ? '' : v)));
    if (s.table.rows.length === 0 && s.emptyNote) ws.addRow([s.emptyNote]);
    s.table.header.forEach((_, i) => {
      const col = ws.getColumn(i + 1);
      col.width = s.table.widths?.[i] ?? 16;
      if (s.table.wrap?.includes(i)) col.alignment = { wrapText: true, vertical: 'top' };
    });
    if (s.table.rows.length > 0 && s.table.header.length > 0) {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.table.header.length } };
    }
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}
