/** Sheets as an .xlsx workbook (exceljs), one worksheet each, header row bold and frozen. */
import ExcelJS from 'exceljs';
import type { Sheet } from './export-table';

/** Writes the sheets into a new workbook and returns its bytes. Sheet names are cut to Excel's 31 characters. */
export async function sheetsToXlsx(sheets: readonly Sheet[], meta: { title?: string } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Focus-group coder';
  if (meta.title) workbook.title = meta.title;
  // Fixed, so that the same report gives the same file.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((v) => (v === null ? undefined : v)));
    ws.columns.forEach((column, i) => {
      const widest = Math.max(sheet.header[i]?.length ?? 0, ...sheet.rows.map((r) => String(r[i] ?? '').length));
      column.width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
