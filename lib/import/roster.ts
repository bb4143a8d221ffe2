/**
 * Participant rosters: a spreadsheet with one row per participant (label, group, gender,
 * age, education, years in city, …). {@link parseRoster} reads the file into rows of strings;
 * {@link validateRoster} (./roster-validate) checks them against the project's groups.
 */
import { parseCsv } from './csv';
import { ImportError } from './errors';
import { checkFileSize, readTextFile } from './text-file';
import { DEFAULT_MAX_BYTES } from './types';
import { readFirstSheet } from './xlsx';

export { validateRoster, ROSTER_FIELDS } from './roster-validate';
export type { RosterField, RosterParticipant, RosterProblem, RosterValidation, ValidateRosterOptions } from './roster-validate';

/**
 * A roster as read: the header row's column names (trimmed; an empty header becomes
 * "Column N", a repeated one gets " (2)", " (3)"…) and one record per following row, with
 * every column present (empty string when blank) and values trimmed. Row i of `rows` is row
 * i + 2 of the spreadsheet; blank rows are kept so that numbering holds (except at the end).
 */
export interface ParsedRoster {
  columns: string[];
  rows: Array<Record<string, string>>;
}

/**
 * Reads a roster from a .csv (UTF-8 with or without BOM, Windows-1251 or UTF-16; comma,
 * semicolon or tab separated; quoted fields) or .xlsx file (first worksheet). `encoding`
 * overrides the detected encoding of a .csv. Throws an {@link ImportError} naming the file for
 * an unsupported extension, an empty, too large (`maxBytes`, default 20 MB) or unreadable
 * file, or a missing header row.
 */
export async function parseRoster(
  bytes: Uint8Array,
  fileName: string,
  options: { encoding?: string; maxBytes?: number } = {},
): Promise<ParsedRoster> {
  const name = fileName.trim() || 'file';
  const ext = /\.[^./\\]+$/.exec(name)?.[0].toLowerCase() ?? '';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let records: string[][];
  try {
    if (ext === '.csv' || ext === '.tsv') {
      records = parseCsv(readTextFile(bytes, name, { encoding: options.encoding, maxBytes }).text, name, ext === '.tsv' ? '\t' : undefined);
    } else if (ext === '.xlsx') {
      checkFileSize(bytes, name, maxBytes);
      records = await readFirstSheet(bytes, name);
    } else {
      const hint = ext === '.xls' ? 'old Excel 97–2003 files are not supported; save it as .xlsx' : 'use .csv or .xlsx';
      throw new ImportError(name, `cannot import ${ext ? `"${ext}" files` : 'a file without an extension'} as a roster: ${hint}`);
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(name, `could not be read (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  return recordsToRoster(records, name);
}

/**
 * Turns spreadsheet rows into a {@link ParsedRoster}: row 1 is the header. Cells beyond the
 * header get "Column N" columns when any of them holds a value. Throws an {@link ImportError}
 * when there is no non-empty header row 1.
 */
export function recordsToRoster(records: string[][], fileName: string): ParsedRoster {
  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.every((h) => h === '')) throw new ImportError(fileName, 'row 1 should hold the column names, but it is empty');
  const body = records.slice(1).map((r) => r.map((v) => v.trim()));
  while (body.length > 0 && body[body.length - 1].every((v) => v === '')) body.pop();
  let width = 0;
  header.forEach((h, c) => {
    if (h !== '') width = c + 1;
  });
  for (const r of body) {
    for (let c = r.length - 1; c >= width; c--) {
      if (r[c] !== '') {
        width = c + 1;
        break;
      }
    }
  }
  const columns: string[] = [];
  const seen = new Map<string, number>();
  for (let c = 0; c < width; c++) {
    const base = header[c] || `Column ${c + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    columns.push(n === 1 ? base : `${base} (${n})`);
  }
  const rows = body.map((r) => Object.fromEntries(columns.map((col, c) => [col, r[c] ?? ''])));
  return { columns, rows };
}
