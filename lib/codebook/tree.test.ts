import { describe, expect, it } from 'vitest';
import { CodebookError, type CodebookErrorReason } from './rules';
import {
  assertNameFree,
  assertShortcutFree,
  childrenOf,
  descendantIds,
  planMerge,
  planMove,
  renumbered,
  wouldCycle,
  type CodeNode,
} from './tree';

/** Runs `fn` and returns the reason and details it was refused with (fails when it was not). */
function refusal(fn: () => unknown): { rule: CodebookErrorReason; details: unknown } {
  try {
    fn();
  } catch (e) {
    if (e instanceof CodebookError) return { rule: e.rule, details: e.details };
    throw e;
  }
  throw new Error('expected a CodebookError');
}

/**
 * A hand-made tree (sortOrder deliberately not in id order):
 *
 *   Media (1)            sortOrder 0
 *     Social (2)         0
 *       Instagram (4)    1
 *       TikTok (5)       0
 *     Press (3)          1
 *   Trust (6)            1
 *     Courts (7)         0
 *   Archive (8)          2
 */
const node = (id: number, parentId: number | null, name: string, sortOrder: number): CodeNode => ({ id, parentId, name, sortOrder });
const tree: CodeNode[] = [
  node(1, null, 'Media', 0),
  node(2, 1, 'Social', 0),
  node(3, 1, 'Press', 1),
  node(4, 2, 'Instagram', 1),
  node(5, 2, 'TikTok', 0),
  node(6, null, 'Trust', 1),
  node(7, 6, 'Courts', 0),
  node(8, null, 'Archive', 2),
];
const names = (list: CodeNode[]) => list.map((c) => c.name);

describe('tree reading', () => {
  it('lists children in display order (sortOrder, then id)', () => {
    expect(names(childrenOf(tree, null))).toEqual(['Media', 'Trust', 'Archive']);
    expect(names(childrenOf(tree, 2))).toEqual(['TikTok', 'Instagram']);
    expect(names(childrenOf([node(9, null, 'B', 0), node(3, null, 'A', 0)], null))).toEqual(['A', 'B']);
    expect(childrenOf(tree, 8)).toEqual([]);
  });

  it('collects every descendant, not the code itself', () => {
    expect([...descendantIds(tree, 1)].sort()).toEqual([2, 3, 4, 5]);
    expect([...descendantIds(tree, 2)].sort()).toEqual([4, 5]);
    expect(descendantIds(tree, 4).size).toBe(0);
    expect(descendantIds(tree, 99).size).toBe(0);
  });

  it('ends on a tree that already has a loop', () => {
    const loop = [node(1, 2, 'A', 0), node(2, 1, 'B', 0)];
    expect([...descendantIds(loop, 1)].sort()).toEqual([1, 2]);
  });

  it('renumbers 0..n-1, listing only the codes whose number changes', () => {
    expect(renumbered([{ id: 5, sortOrder: 0 }, { id: 4, sortOrder: 3 }, { id: 9, sortOrder: 1 }])).toEqual([
      { id: 4, sortOrder: 1 },
      { id: 9, sortOrder: 2 },
    ]);
  });
});

describe('names and shortcuts', () => {
  it('refuses a sibling name ignoring case, but not the code itself or a cousin', () => {
    expect(refusal(() => assertNameFree(tree, 2, 'tiktok', null))).toEqual({ rule: 'name_taken', details: { name: 'TikTok' } });
    expect(() => assertNameFree(tree, 2, 'TIKTOK', 5)).not.toThrow();
    expect(() => assertNameFree(tree, 1, 'TikTok', null)).not.toThrow();
  });

  it('refuses a shortcut of another active code, ignoring case and archived codes', () => {
    const codes = [
      { id: 1, name: 'Media', shortcut: 'm', archived: false },
      { id: 2, name: 'Old', shortcut: 'o', archived: true },
      { id: 3, name: 'None', shortcut: null, archived: false },
    ];
    expect(refusal(() => assertShortcutFree(codes, 'M', null))).toEqual({ rule: 'shortcut_taken', details: { shortcut: 'M', name: 'Media' } });
    expect(() => assertShortcutFree(codes, 'm', 1)).not.toThrow();
    expect(() => assertShortcutFree(codes, 'o', null)).not.toThrow();
    expect(() => assertShortcutFree(codes, null, null)).not.toThrow();
  });
});

describe('planMove', () => {
  it('refuses moving a parent under its own grandchild, or under itself', () => {
    expect(wouldCycle(tree, 1, 4)).toBe(true);
    expect(refusal(() => planMove(tree, 1, { parentId: 4, position: 0 }))).toEqual({ rule: 'cycle', details: { name: 'Media' } });
    expect(refusal(() => planMove(tree, 2, { parentId: 2, position: 0 })).rule).toBe('cycle');
    expect(wouldCycle(tree, 4, 1)).toBe(false);
    expect(wouldCycle(tree, 1, null)).toBe(false);
  });

  it('refuses an unknown code or parent before anything else', () => {
    expect(refusal(() => planMove(tree, 99, { parentId: 4, position: 0 }))).toEqual({ rule: 'not_found', details: { id: 99 } });
    expect(refusal(() => planMove(tree, 1, { parentId: 98, position: 0 }))).toEqual({ rule: 'not_found', details: { id: 98 } });
  });

  it('refuses a name clash at the new level only', () => {
    const clash = [...tree, node(9, 6, 'press', 1)];
    expect(refusal(() => planMove(clash, 9, { parentId: 1, position: 0 }))).toEqual({ rule: 'name_taken', details: { name: 'Press' } });
  });

  it('reorders siblings: renumbers the one list', () => {
    expect(planMove(tree, 8, { parentId: null, position: 0 })).toEqual({
      codeId: 8,
      parentChanged: false,
      from: { parentId: null, position: 2 },
      to: { parentId: null, position: 0 },
      sortOrders: [
        { id: 8, sortOrder: 0 },
        { id: 1, sortOrder: 1 },
        { id: 6, sortOrder: 2 },
      ],
    });
  });

  it('nests a code with its subtree, closing the gap in the old list and clamping the position', () => {
    expect(planMove(tree, 2, { parentId: 6, position: 10 })).toEqual({
      codeId: 2,
      parentChanged: true,
      from: { parentId: 1, position: 0 },
      to: { parentId: 6, position: 1 },
      sortOrders: [
        { id: 3, sortOrder: 0 }, // Press closes the gap under Media
        { id: 2, sortOrder: 1 }, // Social after Courts
      ],
    });
    // Outdent a grandchild to the top level, negative position clamped to 0.
    expect(planMove(tree, 4, { parentId: null, position: -3 })).toMatchObject({
      parentChanged: true,
      from: { parentId: 2, position: 1 },
      to: { parentId: null, position: 0 },
      sortOrders: [
        { id: 4, sortOrder: 0 },
        { id: 1, sortOrder: 1 },
        { id: 6, sortOrder: 2 },
        { id: 8, sortOrder: 3 },
      ],
    });
  });

  it('plans nothing when the code is already there', () => {
    expect(planMove(tree, 6, { parentId: null, position: 1 })).toBeNull();
    expect(planMove(tree, 6, { parentId: null, position: 1.7 })).toBeNull();
  });
});

describe('planMerge', () => {
  it('refuses the same code, an unknown one, and a parent into its own child or grandchild', () => {
    expect(refusal(() => planMerge(tree, 1, 1)).rule).toBe('merge_same');
    expect(refusal(() => planMerge(tree, 1, 99))).toEqual({ rule: 'not_found', details: { id: 99 } });
    expect(refusal(() => planMerge(tree, 99, 1))).toEqual({ rule: 'not_found', details: { id: 99 } });
    expect(refusal(() => planMerge(tree, 1, 2))).toEqual({ rule: 'merge_into_descendant', details: { source: 'Media', target: 'Social' } });
    expect(refusal(() => planMerge(tree, 1, 4)).rule).toBe('merge_into_descendant');
  });

  it('merges two siblings with children: the source children go after the target own, the gap closes', () => {
    // Social (2: TikTok, Instagram) into Press (3: Radio), both under Media.
    const withRadio = [...tree, node(9, 3, 'Radio', 0)];
    const plan = planMerge(withRadio, 2, 3);
    expect(plan.source.id).toBe(2);
    expect(plan.target.id).toBe(3);
    expect(names(plan.reparent)).toEqual(['TikTok', 'Instagram']);
    expect(plan.deleteId).toBe(2);
    expect(plan.sortOrders).toEqual([
      // Radio stays 0; TikTok 0 → 1; Instagram 1 → 2.
      { id: 5, sortOrder: 1 },
      { id: 4, sortOrder: 2 },
      // Under Media only Press is left: 1 → 0.
      { id: 3, sortOrder: 0 },
    ]);
  });

  it('refuses a source child named like a target child (ignoring case)', () => {
    const clash = [...tree, node(9, 3, 'instagram', 0)];
    expect(refusal(() => planMerge(clash, 2, 3))).toEqual({ rule: 'merge_child_clash', details: { name: 'Instagram' } });
  });

  it('merges a child into its parent: the source leaves the parent list, one renumbering only', () => {
    // Social (2) into Media (1): Media's children become Press, TikTok, Instagram.
    const plan = planMerge(tree, 2, 1);
    expect(names(plan.reparent)).toEqual(['TikTok', 'Instagram']);
    expect(plan.sortOrders).toEqual([
      { id: 3, sortOrder: 0 },
      { id: 5, sortOrder: 1 },
      { id: 4, sortOrder: 2 },
    ]);
  });

  it('merges across levels, renumbering the source old siblings', () => {
    // Trust (6, top level, child Courts) into Instagram (4).
    const plan = planMerge(tree, 6, 4);
    expect(names(plan.reparent)).toEqual(['Courts']);
    expect(plan.sortOrders).toEqual([{ id: 8, sortOrder: 1 }]); // Courts stays 0; Archive 2 → 1
  });
});
