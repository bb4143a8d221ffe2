/** Tables as an Excel workbook (exceljs): one worksheet per sheet, bold frozen header, numbers as numbers. */
import ExcelJS from 'exceljs';
import type { Sheet } from './csv';

/** Worksheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let out = base;
  for (let i = 2; used.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)} ${i}`;
  used.add(out.toLowerCase());
  return out;
}

/** The sheets as .xlsx bytes. */
export async function sheetsToXlsx(sheets: readonly Sheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Focus-group coder';
  const used = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(s.header).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((v) => v ?? undefined));
    if (s.notes.length) {
      ws.addRow([]);
      for (const n of s.notes) ws.addRow(n).getCell(1).font = { bold: true };
    }
    ws.columns.forEach((col, i) => {
      const widest = Math.max(...[s.header[i] ?? '', ...s.rows.map((r) => r[i])].map((v) => String(v ?? '').length));
      col.width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  const bytes = await wb.xlsx.writeBuffer();
  return new Uint8Array(bytes.slice(0));
}
