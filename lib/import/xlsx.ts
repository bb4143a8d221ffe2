/**
 * The first worksheet of an .xlsx workbook as rows of strings, the way the spreadsheet shows
 * them. The archive goes through ./zip-guard before exceljs unpacks it.
 */
import ExcelJS from 'exceljs';
import { ImportError } from './errors';
import { assertSafeZip, type ZipLimits } from './zip-guard';

/**
 * Reads the first worksheet of an .xlsx file: one array per row from row 1 to the last used
 * row, one string per column up to the last used column (see {@link cellText}). Merged cells
 * repeat their value in every cell they cover. Throws an {@link ImportError} naming the file
 * when it is not a valid or safe workbook or has no worksheet.
 */
export async function readFirstSheet(bytes: Uint8Array, fileName: string, limits: ZipLimits = {}): Promise<string[][]> {
  const entries = assertSafeZip(bytes, fileName, '.xlsx', limits);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new ImportError(fileName, 'is not an Excel workbook (the archive has no xl/workbook.xml)');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; give it an exact copy of the file's bytes.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (e) {
    throw new ImportError(fileName, `is not a valid .xlsx file (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportError(fileName, 'has no worksheet');
  const rows: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values: string[] = [];
    for (let c = 1; c <= width; c++) values.push(cellText(row.getCell(c).value));
    rows.push(values);
  }
  return rows;
}

/**
 * A cell value as text: numbers and booleans as written by String(), dates as ISO
 * "yyyy-mm-dd" (with "Thh:mm:ss" when they have a time), rich text and hyperlinks as their
 * text, formulas as their cached result, errors as the error code ("#N/A"), empty as "".
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    return typeof text === 'string' ? text : isRichText(text) ? text.richText.map((p) => p.text).join('') : '';
  }
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result);
  if ('error' in value) return value.error;
  return '';
}

function isRichText(v: unknown): v is ExcelJS.CellRichTextValue {
  return typeof v === 'object' && v !== null && Array.isArray((v as { richText?: unknown }).richText);
}
