/**
 * The codebook's tree rules, as pure functions of the project's codes (the database layer
 * reads the codes, asks for a plan here and applies it inside its transaction):
 * - every id must name a code of the tree given (the project's): anything else is
 *   "not found";
 * - a name is unique (ignoring case) among its siblings, archived siblings included;
 * - a shortcut is unique (ignoring case) among the non-archived codes;
 * - a code never moves under itself or one of its descendants (`cycle`);
 * - sortOrder is the position among siblings, display order being (sortOrder, id); a
 *   change renumbers a sibling list 0..n-1, touching only codes whose number changes;
 * - a merge refuses the same code, a target below the source, and a subcode of the source
 *   named like a subcode of the target; the source's subcodes go under the target after
 *   its own, and the source's old sibling list closes the gap.
 */
import { CodebookError, foldName } from './rules';

/** What the tree rules need of a code. */
export interface CodeNode {
  id: number;
  parentId: number | null;
  name: string;
  sortOrder: number;
}

/** What the shortcut rule needs of a code. */
export interface ShortcutNode {
  id: number;
  name: string;
  shortcut: string | null;
  archived: boolean;
}

/** One code's new position number among its siblings. */
export interface SortOrderChange {
  id: number;
  sortOrder: number;
}

const byDisplayOrder = (a: CodeNode, b: CodeNode) => a.sortOrder - b.sortOrder || a.id - b.id;

/** The code `id` of the tree; refused as `not_found` when the tree has none. */
export function findCode<T extends CodeNode>(tree: readonly T[], id: number): T {
  const code = tree.find((c) => c.id === id);
  if (!code) throw new CodebookError('not_found', { id });
  return code;
}

/** The children of `parentId` (top level when null), in display order. */
export function childrenOf<T extends CodeNode>(tree: readonly T[], parentId: number | null): T[] {
  return tree.filter((c) => (c.parentId ?? null) === parentId).sort(byDisplayOrder);
}

/** The ids of every code below `id` in the tree (not `id` itself). */
export function descendantIds(tree: readonly CodeNode[], id: number): Set<number> {
  const byParent = new Map<number, number[]>();
  for (const c of tree) {
    if (c.parentId == null) continue;
    const list = byParent.get(c.parentId) ?? [];
    list.push(c.id);
    byParent.set(c.parentId, list);
  }
  const out = new Set<number>();
  const stack = [...(byParent.get(id) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    stack.push(...(byParent.get(next) ?? []));
  }
  return out;
}

/** Whether putting code `codeId` under `parentId` would make a cycle (itself or a descendant). */
export function wouldCycle(tree: readonly CodeNode[], codeId: number, parentId: number | null): boolean {
  if (parentId == null) return false;
  return parentId === codeId || descendantIds(tree, codeId).has(parentId);
}

/** The changes that give `rows` sortOrder 0..n-1 in the order given. */
export function renumbered(rows: readonly Pick<CodeNode, 'id' | 'sortOrder'>[]): SortOrderChange[] {
  const out: SortOrderChange[] = [];
  rows.forEach((row, i) => {
    if (row.sortOrder !== i) out.push({ id: row.id, sortOrder: i });
  });
  return out;
}

/** Refuses `name` under `parentId` when a sibling other than `exceptId` has it (ignoring case). */
export function assertNameFree(tree: readonly CodeNode[], parentId: number | null, name: string, exceptId: number | null): void {
  const clash = childrenOf(tree, parentId).find((c) => c.id !== exceptId && foldName(c.name) === foldName(name));
  if (clash) throw new CodebookError('name_taken', { name: clash.name });
}

/** Refuses `shortcut` when an active code other than `exceptId` has it (ignoring case); none is always free. */
export function assertShortcutFree(codes: readonly ShortcutNode[], shortcut: string | null, exceptId: number | null): void {
  if (shortcut == null) return;
  const clash = codes.find((c) => c.id !== exceptId && !c.archived && c.shortcut != null && foldName(c.shortcut) === foldName(shortcut));
  if (clash) throw new CodebookError('shortcut_taken', { shortcut, name: clash.name });
}

/** Where a code goes: under `parentId` (null: top level), at `position` among its new siblings. */
export interface MoveTarget {
  parentId: number | null;
  /** Index among the new siblings, not counting the code itself; clamped to the list. */
  position: number;
}

/** A move to apply: the code's new parent (when it changes) and the renumbering of both sibling lists. */
export interface MovePlan {
  codeId: number;
  /** True when the code gets a new parent (then `to.parentId`). */
  parentChanged: boolean;
  from: { parentId: number | null; position: number };
  to: { parentId: number | null; position: number };
  sortOrders: SortOrderChange[];
}

/**
 * Plans moving code `codeId` (with its subtree) under `to.parentId` at `to.position`.
 * Returns null when the code is already there. Refuses (in this order) an unknown code or
 * parent, a cycle, and a name clash at the new level.
 */
export function planMove(tree: readonly CodeNode[], codeId: number, to: MoveTarget): MovePlan | null {
  const code = findCode(tree, codeId);
  const parentId = to.parentId ?? null;
  if (parentId != null) {
    findCode(tree, parentId);
    if (wouldCycle(tree, code.id, parentId)) throw new CodebookError('cycle', { name: code.name });
  }
  const sameParent = parentId === code.parentId;
  if (!sameParent) assertNameFree(tree, parentId, code.name, code.id);

  const oldList = childrenOf(tree, code.parentId);
  const oldPosition = oldList.findIndex((c) => c.id === code.id);
  const newList: CodeNode[] = childrenOf(tree, parentId).filter((c) => c.id !== code.id);
  const position = Math.max(0, Math.min(Math.trunc(to.position), newList.length));
  if (sameParent && position === oldPosition) return null;

  const sortOrders = sameParent ? [] : renumbered(oldList.filter((c) => c.id !== code.id));
  newList.splice(position, 0, code);
  sortOrders.push(...renumbered(newList));
  return {
    codeId: code.id,
    parentChanged: !sameParent,
    from: { parentId: code.parentId, position: oldPosition },
    to: { parentId, position },
    sortOrders,
  };
}

/** The tree side of a merge: what re-parents, what is deleted, what is renumbered. */
export interface MergeTreePlan<T extends CodeNode = CodeNode> {
  source: T;
  target: T;
  /** The source's subcodes, in display order: they go under the target, after its own. */
  reparent: T[];
  /** The code deleted: the source. */
  deleteId: number;
  /** Renumbering of the target's new children and of the source's old siblings. */
  sortOrders: SortOrderChange[];
}

/**
 * Plans merging code `sourceId` into `targetId` in the tree. Refuses (in this order) an
 * unknown source or target, merging a code into itself (`merge_same`), into one of its
 * subcodes (`merge_into_descendant`; merging a subcode into its parent is allowed), and a
 * subcode of the source named like one of the target (`merge_child_clash`).
 */
export function planMerge<T extends CodeNode>(tree: readonly T[], sourceId: number, targetId: number): MergeTreePlan<T> {
  const source = findCode(tree, sourceId);
  const target = findCode(tree, targetId);
  if (source.id === target.id) throw new CodebookError('merge_same');
  if (descendantIds(tree, source.id).has(target.id)) {
    throw new CodebookError('merge_into_descendant', { source: source.name, target: target.name });
  }
  const sourceChildren = childrenOf(tree, source.id);
  const targetChildren = childrenOf(tree, target.id).filter((c) => c.id !== source.id);
  const taken = new Set(targetChildren.map((c) => foldName(c.name)));
  const clash = sourceChildren.find((c) => taken.has(foldName(c.name)));
  if (clash) throw new CodebookError('merge_child_clash', { name: clash.name });

  const sortOrders = renumbered([...targetChildren, ...sourceChildren]);
  if (source.parentId !== target.id) {
    sortOrders.push(...renumbered(childrenOf(tree, source.parentId).filter((c) => c.id !== source.id)));
  }
  return { source, target, reparent: sourceChildren, deleteId: source.id, sortOrders };
}
