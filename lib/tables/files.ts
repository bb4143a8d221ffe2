/** Sheets as a downloadable file: CSV (the first sheet) or XLSX (every sheet). */
import { csvBytes, sheetToCsv, type CsvOptions } from './csv';
import type { Sheet } from './sheet';
import { sheetsToXlsx } from './xlsx';

export interface FileBody {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** "name.csv" */
  fileName: string;
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function tableFile(sheets: readonly Sheet[], format: 'csv' | 'xlsx', name: string, meta: { title?: string; csv?: CsvOptions } = {}): Promise<FileBody> {
  if (format === 'csv') return { body: csvBytes(sheetToCsv(sheets[0], meta.csv)), contentType: CSV_TYPE, fileName: `${name}.csv` };
  return { body: await sheetsToXlsx(sheets, meta), contentType: XLSX_TYPE, fileName: `${name}.xlsx` };
}
