import { describe, expect, it } from 'vitest';
import { dropMove, dropZone, flatten, isWithin, keyboardMove, visibleIds, type TreeCode } from './tree';

// 1
// ├ 11
// │ └ 111
// ├ 12
// └ 13
// 2
// 3
const tree: TreeCode[] = [
  {
    id: 1,
    children: [
      { id: 11, children: [{ id: 111, children: [] }] },
      { id: 12, children: [] },
      { id: 13, children: [] },
    ],
  },
  { id: 2, children: [] },
  { id: 3, children: [] },
];

describe('keyboardMove', () => {
  it('moves up and down among siblings, stopping at the ends', () => {
    expect(keyboardMove(tree, 12, 'up')).toEqual({ parentId: 1, position: 0 });
    expect(keyboardMove(tree, 12, 'down')).toEqual({ parentId: 1, position: 2 });
    expect(keyboardMove(tree, 11, 'up')).toBeNull();
    expect(keyboardMove(tree, 13, 'down')).toBeNull();
    expect(keyboardMove(tree, 1, 'down')).toEqual({ parentId: null, position: 1 });
  });

  it('nests under the previous sibling as its last child', () => {
    expect(keyboardMove(tree, 2, 'in')).toEqual({ parentId: 1, position: 3 });
    expect(keyboardMove(tree, 12, 'in')).toEqual({ parentId: 11, position: 1 });
    expect(keyboardMove(tree, 1, 'in')).toBeNull();
  });

  it('outdents to just after the parent', () => {
    expect(keyboardMove(tree, 12, 'out')).toEqual({ parentId: null, position: 1 });
    expect(keyboardMove(tree, 111, 'out')).toEqual({ parentId: 1, position: 1 });
    expect(keyboardMove(tree, 2, 'out')).toBeNull();
    expect(keyboardMove(tree, 99, 'out')).toBeNull();
  });
});

describe('dropMove', () => {
  it('places before and after a row, counting positions without the dragged code', () => {
    expect(dropMove(tree, 3, 1, 'before')).toEqual({ parentId: null, position: 0 });
    expect(dropMove(tree, 1, 3, 'after')).toEqual({ parentId: null, position: 2 });
    expect(dropMove(tree, 1, 3, 'before')).toEqual({ parentId: null, position: 1 });
    expect(dropMove(tree, 2, 12, 'after')).toEqual({ parentId: 1, position: 2 });
  });

  it('nests in the middle, as the last child', () => {
    expect(dropMove(tree, 3, 12, 'inside')).toEqual({ parentId: 12, position: 0 });
    expect(dropMove(tree, 3, 1, 'inside')).toEqual({ parentId: 1, position: 3 });
    expect(dropMove(tree, 11, 1, 'inside')).toEqual({ parentId: 1, position: 2 });
  });

  it('refuses drops on the code itself or inside it, and drops that change nothing', () => {
    expect(dropMove(tree, 1, 1, 'inside')).toBeNull();
    expect(dropMove(tree, 1, 111, 'after')).toBeNull();
    expect(dropMove(tree, 2, 1, 'after')).toBeNull();
    expect(dropMove(tree, 2, 3, 'before')).toBeNull();
    expect(dropMove(tree, 13, 1, 'inside')).toBeNull();
  });
});

describe('helpers', () => {
  it('splits a row in thirds', () => {
    expect(dropZone(2, 30)).toBe('before');
    expect(dropZone(15, 30)).toBe('inside');
    expect(dropZone(28, 30)).toBe('after');
  });

  it('knows ancestry, visible order and display order', () => {
    expect(isWithin(tree, 1, 111)).toBe(true);
    expect(isWithin(tree, 1, 1)).toBe(true);
    expect(isWithin(tree, 11, 12)).toBe(false);
    expect(visibleIds(tree, new Set([11]))).toEqual([1, 11, 12, 13, 2, 3]);
    expect(visibleIds(tree, new Set([1]))).toEqual([1, 2, 3]);
    expect(flatten(tree).map((x) => `${x.node.id}:${x.depth}`)).toEqual(['1:0', '11:1', '111:2', '12:1', '13:1', '2:0', '3:0']);
  });
});
