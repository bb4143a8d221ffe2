/** A table as a downloadable file: CSV (the first sheet; UTF-8 with BOM) or XLSX (every sheet). */
import { sheetToCsv, type Sheet } from './csv';
import { sheetsToXlsx } from './xlsx';

export interface FileBody {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  /** "name.csv" */
  fileName: string;
}

/** The sheets as a file named `name` plus the format's extension. */
export async function tableFile(sheets: readonly Sheet[], format: 'csv' | 'xlsx', name: string): Promise<FileBody> {
  if (format === 'csv') return { body: sheetToCsv(sheets[0]), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` };
  return { body: await sheetsToXlsx(sheets), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${name}.xlsx` };
}
