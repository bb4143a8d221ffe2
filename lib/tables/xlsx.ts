/**
 * Sheets as an Excel workbook (exceljs): one worksheet per sheet, a bold frozen header row
 * with filters, numbers as numbers and dates as dates, long text wrapped, and print setup
 * (fit to the page width, header row repeated on every page). The notes of every sheet (layer,
 * filters, totals) go on a last "Notes" sheet. Text cells are stored as text,
 * never as formulas, so they need no guard. The file is the same for the same sheets.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Sheet } from './sheet';

/** Worksheet names: at most 31 characters, none of : \ / ? * [ ], unique (case-insensitively). */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let out = base;
  for (let i = 2; used.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)} ${i}`;
  used.add(out.toLowerCase());
  return out;
}

const cell = (v: CellValue) => (v == null || (typeof v === 'number' && !Number.isFinite(v)) ? undefined : v);

export async function sheetsToXlsx(sheets: readonly Sheet[], meta: { title?: string } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Focus-group coder';
  if (meta.title) wb.title = meta.title;
  // Fixed, so that the same sheets give the same file.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const used = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, used), {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: s.header.length > 6 ? 'landscape' : 'portrait' },
    });
    ws.pageSetup.printTitlesRow = '1:1';
    ws.addRow([...s.header]).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map(cell));
    if (s.rows.length === 0 && s.emptyNote) ws.addRow([s.emptyNote]);
    s.header.forEach((_, i) => {
      const col = ws.getColumn(i + 1);
      const widest = Math.max(s.header[i].length, ...s.rows.map((r) => display(r[i]).length));
      col.width = s.widths?.[i] ?? Math.min(60, Math.max(8, widest + 2));
      if (s.rows.some((r) => r[i] instanceof Date)) col.numFmt = 'yyyy-mm-dd';
      if (s.wrap?.includes(i)) col.alignment = { wrapText: true, vertical: 'top' };
    });
    if (s.rows.length > 0 && s.header.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.header.length } };
  }
  // What the tables count goes on its own sheet, so every table sheet is only the table.
  const noted = sheets.filter((s) => s.notes?.length);
  if (noted.length > 0) {
    const many = noted.length > 1;
    const ws = wb.addWorksheet(sheetName('Notes', used), { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.pageSetup.printTitlesRow = '1:1';
    ws.addRow(many ? ['Sheet', 'Note', 'Value'] : ['Note', 'Value']).font = { bold: true };
    for (const s of noted) for (const [label, value] of s.notes ?? []) ws.addRow(many ? [s.name, label, value] : [label, value]);
    ws.columns.forEach((col, i) => (col.width = i === ws.columnCount - 1 ? 80 : 30));
    ws.getColumn(ws.columnCount).alignment = { wrapText: true, vertical: 'top' };
  }
  const bytes = await wb.xlsx.writeBuffer();
  return new Uint8Array(bytes as ArrayBuffer);
}

function display(v: CellValue): string {
  return v instanceof Date ? 'yyyy-mm-dd' : String(v ?? '');
}
