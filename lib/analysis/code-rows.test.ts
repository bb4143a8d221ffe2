import { describe, expect, it } from 'vitest';
import { codeRows } from './code-rows';
import type { CodeInfo } from './types';

// A > B > C, A > D; E
const code = (id: number, parentId: number | null, name: string, sortOrder: number): CodeInfo => ({ id, parentId, name, color: '#000', sortOrder, archived: false });
const CODES = [code(1, null, 'A', 0), code(2, 1, 'B', 0), code(3, 2, 'C', 0), code(4, 1, 'D', 1), code(5, null, 'E', 1)];
const shape = (r: ReturnType<typeof codeRows>) => r.rows.map((row) => [row.code.name, row.depth, row.parentRow >= 0 ? r.rows[row.parentRow].code.name : null, row.hasChildren]);

describe('codeRows with a code set', () => {
  it('keeps only the set’s codes; a code whose parent is left out hangs under its nearest kept ancestor', () => {
    const r = codeRows(CODES, null, new Set([1, 3, 5]));
    expect(shape(r)).toEqual([
      ['A', 0, null, true],
      ['C', 1, 'A', false],
      ['E', 0, null, false],
    ]);
    expect(r.ancestors).toEqual([[], [0], []]);
    expect([...r.rowOf]).toEqual([0, -1, 1, -1, 2]);
  });

  it('within a subtree, never hangs a code above the subtree’s root', () => {
    // subtree B without B itself in the set: C is a root row
    expect(shape(codeRows(CODES, 2, new Set([1, 3])))).toEqual([['C', 0, null, false]]);
    expect(shape(codeRows(CODES, 1, new Set([1, 3, 4])))).toEqual([
      ['A', 0, null, true],
      ['C', 1, 'A', false],
      ['D', 1, 'A', false],
    ]);
  });

  it('without a set, every code of the tree', () => {
    expect(codeRows(CODES, null).rows).toHaveLength(5);
    expect(codeRows(CODES, null, new Set()).rows).toEqual([]);
  });
});
