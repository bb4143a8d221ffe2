/**
 * A codebook file read for import into a project: a REFI-QDA codebook (.qdc, or the codebook
 * of a .qde/.qdpx), a CSV (any of the encodings spreadsheets write, comma or semicolon) or an
 * Excel workbook (its first sheet). The result is the rows to import and, per row, every
 * problem; the caller imports nothing when there is any problem.
 */
import { parseCsv } from '../import/csv';
import { decodeText, detectEncoding } from '../import/encoding';
import { ImportError } from '../import/errors';
import { readFirstSheet } from '../import/xlsx';
import { readProjectFile, readQdc, RefiImportError } from '../refi-qda';
import { refiCodesToRows } from './codebook-refi';
import { readCodebookRecords, type CodebookImportRow, type RowProblem } from './codebook-table';

export const CODEBOOK_IMPORT_EXTENSIONS = ['.qdc', '.qdpx', '.qde', '.csv', '.xlsx'] as const;

/**
 * Reads the codebook in `bytes`, by the file's extension; `known` are the project's code paths
 * (name lists), which tell a table's paths apart where a name contains " / ". Never throws
 * for bad input: problems say what is wrong.
 */
export async function readCodebookFile(
  bytes: Uint8Array,
  fileName: string,
  known: readonly (readonly string[])[] = [],
): Promise<{ rows: CodebookImportRow[]; problems: RowProblem[] }> {
  const ext = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
  try {
    switch (ext) {
      case '.qdc':
        return { rows: refiCodesToRows(readQdc(bytes).codebook.codes), problems: [] };
      case '.qdpx':
      case '.qde':
        // Only the codebook is wanted: what cannot be placed elsewhere in the project does not matter.
        return { rows: refiCodesToRows(readProjectFile(bytes, { onUnplaceable: 'omit' }).project.codes), problems: [] };
      case '.csv':
      case '.txt':
        return readCodebookRecords(parseCsv(decodeText(bytes, detectEncoding(bytes)), fileName), known);
      case '.xlsx':
        return readCodebookRecords(await readFirstSheet(bytes, fileName), known);
      default:
        return { rows: [], problems: [{ row: 0, message: `${fileName}: a codebook is imported from ${CODEBOOK_IMPORT_EXTENSIONS.join(', ')} files` }] };
    }
  } catch (e) {
    if (e instanceof RefiImportError) return { rows: [], problems: e.problems.filter((p) => p.severity === 'error').map((p) => ({ row: 0, message: p.message })) };
    if (e instanceof ImportError) return { rows: [], problems: [{ row: 0, message: e.message }] };
    throw e;
  }
}
