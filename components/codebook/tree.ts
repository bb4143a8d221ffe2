/**
 * Where a code goes when a lead drags it or presses Alt+arrow: pure functions over the
 * codebook tree that turn a gesture into a move (new parent + position among the new
 * siblings, not counting the code itself), or null when the gesture changes nothing or
 * would put a code inside itself.
 */

/** The shape of a code the editor needs to plan moves. */
export interface TreeCode {
  id: number;
  children: TreeCode[];
}

export interface PlannedMove {
  parentId: number | null;
  position: number;
}

export interface Placed<T extends TreeCode> {
  node: T;
  parentId: number | null;
  /** The list the code is in (its parent's children, or the roots). */
  siblings: T[];
  index: number;
  /** 0 for a top-level code. */
  depth: number;
}

/** Every code by id, with where it sits. */
export function placeAll<T extends TreeCode>(roots: T[]): Map<number, Placed<T>> {
  const out = new Map<number, Placed<T>>();
  const walk = (list: T[], parentId: number | null, depth: number) => {
    list.forEach((node, index) => {
      out.set(node.id, { node, parentId, siblings: list, index, depth });
      walk(node.children as T[], node.id, depth + 1);
    });
  };
  walk(roots, null, 0);
  return out;
}

/** The codes in display order with their depth, for lists of codes (merge target, parent). */
export function flatten<T extends TreeCode>(roots: T[]): { node: T; depth: number }[] {
  const out: { node: T; depth: number }[] = [];
  const walk = (list: T[], depth: number) => {
    for (const node of list) {
      out.push({ node, depth });
      walk(node.children as T[], depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}

/** Is `id` the code `ancestorId` or somewhere below it? */
export function isWithin(roots: TreeCode[], ancestorId: number, id: number): boolean {
  const placed = placeAll(roots);
  for (let at: number | null = id; at != null; at = placed.get(at)?.parentId ?? null) {
    if (at === ancestorId) return true;
  }
  return false;
}

/** The ids a keyboard user walks through with ↑/↓: every code not inside a collapsed one. */
export function visibleIds(roots: TreeCode[], collapsed: ReadonlySet<number>): number[] {
  const out: number[] = [];
  const walk = (list: TreeCode[]) => {
    for (const node of list) {
      out.push(node.id);
      if (!collapsed.has(node.id)) walk(node.children);
    }
  };
  walk(roots);
  return out;
}

export type KeyboardMove = 'up' | 'down' | 'in' | 'out';

/**
 * Alt+↑/↓: one place up or down among siblings; Alt+→: under the previous sibling, as its
 * last child; Alt+←: out of the parent, just after it.
 */
export function keyboardMove(roots: TreeCode[], id: number, move: KeyboardMove): PlannedMove | null {
  const placed = placeAll(roots);
  const at = placed.get(id);
  if (!at) return null;
  switch (move) {
    case 'up':
      return at.index > 0 ? { parentId: at.parentId, position: at.index - 1 } : null;
    case 'down':
      return at.index < at.siblings.length - 1 ? { parentId: at.parentId, position: at.index + 1 } : null;
    case 'in': {
      const previous = at.siblings[at.index - 1];
      return previous ? { parentId: previous.id, position: previous.children.length } : null;
    }
    case 'out': {
      if (at.parentId == null) return null;
      const parent = placed.get(at.parentId)!;
      return { parentId: parent.parentId, position: parent.index + 1 };
    }
  }
}

export type DropZone = 'before' | 'inside' | 'after';

/** The upper third of a row places before it, the lower third after it, the middle nests. */
export function dropZone(offsetY: number, height: number): DropZone {
  if (offsetY < height / 3) return 'before';
  if (offsetY > (height * 2) / 3) return 'after';
  return 'inside';
}

/** The move for dropping `draggedId` on `targetId`'s row in `zone`. */
export function dropMove(roots: TreeCode[], draggedId: number, targetId: number, zone: DropZone): PlannedMove | null {
  if (isWithin(roots, draggedId, targetId)) return null;
  const placed = placeAll(roots);
  const dragged = placed.get(draggedId);
  const target = placed.get(targetId);
  if (!dragged || !target) return null;
  let planned: PlannedMove;
  if (zone === 'inside') {
    const children = target.node.children.filter((c) => c.id !== draggedId);
    planned = { parentId: target.node.id, position: children.length };
  } else {
    const siblings = target.siblings.filter((c) => c.id !== draggedId);
    const index = siblings.findIndex((c) => c.id === targetId);
    planned = { parentId: target.parentId, position: zone === 'before' ? index : index + 1 };
  }
  const unchanged = planned.parentId === dragged.parentId && planned.position === dragged.index;
  return unchanged ? null : planned;
}
