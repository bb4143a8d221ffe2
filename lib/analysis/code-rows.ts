/**
 * The rows of a code table: the codebook tree (or one subtree of it) in codebook order, each
 * row knowing its depth, its parent row and its ancestors (for a roll-up of descendants).
 */
import { withPaths } from '../coding/code-paths';
import type { CodeInfo } from './types';

export interface CodeRow {
  code: CodeInfo;
  /** Index of the code in the (codebook-ordered) list the rows were built from. */
  codeIndex: number;
  /** 0 for the subtree's root (or a top-level code). */
  depth: number;
  /** The parent's row, -1 for a root row. */
  parentRow: number;
  hasChildren: boolean;
  /** "Parent / Child", from the top of the codebook. */
  path: string;
}

export interface CodeRows {
  rows: CodeRow[];
  /** Code index → row, -1 when the code is outside the subtree. */
  rowOf: Int32Array;
  /** Row → its ancestors' rows within the subtree, nearest first. */
  ancestors: number[][];
}

/**
 * Rows for `codes` (already in codebook order, as the model keeps them): every code, or only
 * `rootId` and its descendants. Returns no rows when `rootId` is not among the codes.
 * With `only` (the members of chosen code sets), codes outside it get no row; a kept code
 * hangs under its nearest kept ancestor (a root row when it has none).
 */
export function codeRows(codes: readonly CodeInfo[], rootId: number | null, only: ReadonlySet<number> | null = null): CodeRows {
  const index = new Map(codes.map((c, i) => [c.id, i]));
  const pathOf = new Map(withPaths(codes).map((c) => [c.id, c.path]));
  const inSubtree = (c: CodeInfo): boolean => {
    if (rootId == null) return true;
    const seen = new Set<number>();
    for (let cur: CodeInfo | undefined = c; cur && !seen.has(cur.id); cur = cur.parentId != null ? codes[index.get(cur.parentId) ?? -1] : undefined) {
      if (cur.id === rootId) return true;
      seen.add(cur.id);
    }
    return false;
  };
  const rowOf = new Int32Array(codes.length).fill(-1);
  const rows: CodeRow[] = [];
  const ancestors: number[][] = [];
  codes.forEach((code, codeIndex) => {
    if (!inSubtree(code) || (only && !only.has(code.id))) return;
    let parentRow = -1;
    // the nearest ancestor with a row (the parent, unless a code set left it out); not above the subtree's root
    for (let cur: CodeInfo | undefined = code, hops = 0; cur && cur.id !== rootId && cur.parentId != null && hops < codes.length; hops++) {
      const pi = index.get(cur.parentId);
      if (pi === undefined) break;
      if (rowOf[pi] >= 0) {
        parentRow = rowOf[pi];
        break;
      }
      cur = codes[pi];
    }
    const row = rows.length;
    rowOf[codeIndex] = row;
    rows.push({ code, codeIndex, depth: parentRow >= 0 ? rows[parentRow].depth + 1 : 0, parentRow, hasChildren: false, path: pathOf.get(code.id) ?? code.name });
    if (parentRow >= 0) rows[parentRow].hasChildren = true;
    ancestors.push(parentRow >= 0 ? [parentRow, ...ancestors[parentRow]] : []);
  });
  return { rows, rowOf, ancestors };
}
