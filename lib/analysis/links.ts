/**
 * Where a click goes: a table cell to the excerpts behind it, an excerpt to the transcript
 * scrolled to its coding.
 */
import { DEFAULT_PARAMS, toSearchParams, type AnalysisParams, type ColumnsParam } from './params';

export interface CellColumns {
  cols: ColumnsParam;
  split: { kind: 'attribute'; name: string } | null;
}

/**
 * The excerpt parameters of a cell: the page's layer and filters, the row's code (with its
 * descendants when the row is rolled up; the all-codes row — `row` null — keeps the page's
 * subtree) and the column's values (`column` null for the total column).
 */
export function cellExcerptParams(
  base: AnalysisParams,
  columns: CellColumns,
  row: { codeId: number; rolledUp: boolean } | null,
  column: { outer: string; inner: string | null } | null,
): AnalysisParams {
  const out: AnalysisParams = {
    ...DEFAULT_PARAMS,
    layer: base.layer,
    documents: base.documents,
    attributes: base.attributes.map((a) => ({ ...a, values: [...a.values] })),
    sets: [...(base.sets ?? [])],
    code: row ? row.codeId : base.subtree,
    rollup: row ? row.rolledUp : base.subtree != null,
  };
  const only = (name: string, value: string) => {
    out.attributes = [...out.attributes.filter((a) => a.name !== name), { name, values: [value] }];
  };
  if (column) {
    if (columns.cols.kind === 'documents') out.documents = [Number(column.outer)];
    else only(columns.cols.name, column.outer);
    if (columns.split && column.inner != null) only(columns.split.name, column.inner);
  }
  return out;
}

/** The excerpts page of a cell. */
export function excerptsHref(projectId: number, p: AnalysisParams): string {
  return `/projects/${projectId}/analysis/excerpts?${toSearchParams(p)}`;
}

/** The transcript, scrolled to and selecting the coding, with the layers that show it. */
export function transcriptHref(projectId: number, documentId: number, codingId: number, layerKeys: readonly string[]): string {
  const sp = new URLSearchParams({ focus: String(codingId), layers: layerKeys.join(',') });
  return `/projects/${projectId}/documents/${documentId}?${sp}`;
}
