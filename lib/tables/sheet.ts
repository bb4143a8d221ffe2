/**
 * The one table shape every export writes (analysis, excerpts, agreement, codebook): a named
 * sheet with a header row, rows of cells, and the notes that say what it counts.
 */

/** A cell: text, a number (written as a number), a date (written as a date) or empty. */
export type CellValue = string | number | Date | null;

export interface Sheet {
  /** Worksheet name (XLSX); cut to Excel's 31 characters and made unique on writing. */
  name: string;
  header: readonly string[];
  rows: readonly (readonly CellValue[])[];
  /** What the table counts (layer, measure, filters), as label–value pairs: `#` lines before the
   * header in CSV, a separate "Notes" sheet in XLSX. */
  notes?: readonly (readonly [string, string])[];
  /** Written in the first data row when there are no rows ("No codings match"). */
  emptyNote?: string;
  /** Column widths in characters (XLSX); computed from the content when absent. */
  widths?: readonly number[];
  /** Columns whose text wraps (XLSX), by index. */
  wrap?: readonly number[];
}
