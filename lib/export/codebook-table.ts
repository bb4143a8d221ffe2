/**
 * The codebook as a table (CSV or XLSX), and the same table read back for import: one row
 * per code, identified by its path ("Channels / e-Otinish"), with description, criteria,
 * example, colour, shortcut, archived flag and, on export, counts per layer.
 */
import { PATH_SEPARATOR } from '../coding/code-paths';
import { splitPath, type CodebookExport } from './codebook';
import { csvBytes, sheetToCsv } from '../tables/csv';
import type { Sheet } from '../tables/sheet';
import { sheetsToXlsx } from '../tables/xlsx';

export const CODEBOOK_COLUMNS = ['Path', 'Name', 'Description', 'Inclusion', 'Exclusion', 'Example', 'Colour', 'Shortcut', 'Archived'] as const;

export function codebookSheet(book: CodebookExport): Sheet {
  return {
    name: 'Codebook',
    header: [...CODEBOOK_COLUMNS, ...book.countColumns.map((c) => `Codings: ${c}`)],
    rows: book.codes.map((c) => [c.path, c.name, c.description, c.inclusion, c.exclusion, c.example, c.color, c.shortcut ?? '', c.archived ? 'yes' : '', ...c.counts]),
    widths: [36, 20, 50, 36, 36, 36, 10, 9, 9, ...book.countColumns.map(() => 12)],
    wrap: [2, 3, 4, 5],
    emptyNote: 'The codebook is empty.',
  };
}

export function codebookToCsv(book: CodebookExport): Uint8Array {
  return csvBytes(sheetToCsv(codebookSheet(book)));
}

export async function codebookToXlsx(book: CodebookExport): Promise<Uint8Array> {
  return sheetsToXlsx([codebookSheet(book)]);
}

/** A code to import: its path (names from the root), and the fields the row gives (undefined: not given). */
export interface CodebookImportRow {
  /** 1-based row number in the file (the header is row 1). */
  row: number;
  names: string[];
  description?: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
  color?: string;
  shortcut?: string;
}

export interface RowProblem {
  /** 1-based row number in the file; 0 for the file as a whole. */
  row: number;
  message: string;
}

const ALIASES: Record<string, keyof Omit<CodebookImportRow, 'row' | 'names'> | 'path' | 'name' | 'parent'> = {
  path: 'path',
  'code path': 'path',
  code: 'path',
  name: 'name',
  'code name': 'name',
  parent: 'parent',
  'parent path': 'parent',
  description: 'description',
  definition: 'description',
  inclusion: 'inclusion',
  'inclusion criteria': 'inclusion',
  exclusion: 'exclusion',
  'exclusion criteria': 'exclusion',
  example: 'example',
  colour: 'color',
  color: 'color',
  shortcut: 'shortcut',
};

/**
 * Reads codebook rows from a table's records (header first). A code is named either by a
 * "Path" column or by "Name" (with an optional "Parent" path). Unknown columns (counts,
 * "Archived") are ignored. Every row that cannot be read is named in `problems`; the caller
 * imports nothing when there are any.
 *
 * Code names may themselves contain " / " (the demo has "e-Otinish / eGov"), so a path is
 * not simply split: its parent is the longest earlier row's path, or path of a code in
 * `known` (the project's codes, as name lists), that it starts with; with a Name column the
 * name is taken whole. Only what matches nothing is split at every separator.
 */
export function readCodebookRecords(
  records: readonly (readonly string[])[],
  known: readonly (readonly string[])[] = [],
): { rows: CodebookImportRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const nonEmpty = records.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) return { rows: [], problems: [{ row: 0, message: 'The file is empty' }] };
  const header = records[0].map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    const key = ALIASES[h];
    if (key && !col.has(key)) col.set(key, i);
  });
  if (!col.has('path') && !col.has('name')) {
    return { rows: [], problems: [{ row: 1, message: `The header has neither a "Path" nor a "Name" column (found: ${header.filter(Boolean).join(', ') || 'nothing'})` }] };
  }
  const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase();
  /** Full path text (folded) → its names, for every known code and every row read so far. */
  const paths = new Map<string, string[]>();
  for (const names of known) paths.set(fold(names.join(PATH_SEPARATOR)), [...names]);
  const parentOf = (pathText: string): string[] | undefined => {
    // the longest known path that `pathText` continues
    let at = pathText.lastIndexOf(PATH_SEPARATOR);
    while (at > 0) {
      const found = paths.get(fold(pathText.slice(0, at)));
      if (found) return found;
      at = pathText.lastIndexOf(PATH_SEPARATOR, at - 1);
    }
    return undefined;
  };
  const namesOf = (pathText: string): string[] => {
    const whole = paths.get(fold(pathText));
    if (whole) return whole;
    const parent = parentOf(pathText);
    if (!parent) return splitPath(pathText);
    const rest = pathText.slice(parent.join(PATH_SEPARATOR).length + PATH_SEPARATOR.length);
    // an empty name ("A /  / B") is reported by the caller, from the plain split
    if (rest.trim() === '' || rest.trim().startsWith('/') || rest.trim().endsWith('/')) return splitPath(pathText);
    return [...parent, rest.trim()];
  };

  const rows: CodebookImportRow[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    if (i === 0 || record.every((c) => c.trim() === '')) return;
    const rowNo = i + 1;
    const get = (key: string) => {
      const at = col.get(key);
      return at === undefined ? undefined : (record[at] ?? '').trim();
    };
    let names: string[];
    const path = get('path');
    const name = get('name');
    if (path && name && (fold(path) === fold(name) || fold(path).endsWith(fold(`${PATH_SEPARATOR}${name}`)))) {
      const parentText = path.slice(0, Math.max(0, path.length - name.length - PATH_SEPARATOR.length));
      names = fold(path) === fold(name) ? [name] : [...namesOf(parentText), name];
    } else if (path) {
      names = namesOf(path);
    } else {
      if (!name) {
        problems.push({ row: rowNo, message: `Row ${rowNo}: no code path or name` });
        return;
      }
      const parent = get('parent');
      names = [...(parent ? namesOf(parent) : []), name];
    }
    if (names.some((n) => n === '')) {
      problems.push({ row: rowNo, message: `Row ${rowNo}: the path "${names.join(PATH_SEPARATOR)}" has an empty name in it` });
      return;
    }
    const key = fold(names.join(PATH_SEPARATOR));
    const keyExact = names.map(fold).join('\u0000');
    const earlier = seen.get(keyExact);
    if (earlier !== undefined) {
      problems.push({ row: rowNo, message: `Row ${rowNo}: the code "${names.join(PATH_SEPARATOR)}" is already on row ${earlier}` });
      return;
    }
    seen.set(keyExact, rowNo);
    if (!paths.has(key)) paths.set(key, names);
    const row: CodebookImportRow = { row: rowNo, names };
    for (const field of ['description', 'inclusion', 'exclusion', 'example', 'color', 'shortcut'] as const) {
      const v = get(field);
      if (v !== undefined && v !== '') row[field] = v;
    }
    rows.push(row);
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ row: 0, message: 'The file has a header but no codes' });
  return { rows, problems };
}
