/**
 * The one place code paths are built. A path's names and depth are carried as data: a code
 * may itself be named "A / B" (the demo has "e-Otinish / eGov"), so nothing parses a path back.
 */

/** The separator between the names of a code path, for display and flat tables only. */
export const PATH_SEPARATOR = ' / ';

export interface TreeCode {
  id: number;
  parentId: number | null;
  name: string;
  sortOrder: number;
}

export interface PathParts {
  /** "Parent / Child", from the top of the codebook. */
  path: string;
  /** The names from the top of the codebook down to the code itself. */
  names: string[];
  /** 0 for a top-level code. */
  depth: number;
}

/** Codes depth first, siblings by sort order then id; a code whose parent is missing is a root. Never loops on a cycle. */
export function codebookOrder<T extends TreeCode>(codes: readonly T[]): T[] {
  return withPaths(codes);
}

/** `codes` in codebook order, each with its path, names and depth (and a missing parent as null). */
export function withPaths<T extends TreeCode>(codes: readonly T[]): Array<T & PathParts> {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<number | null, T[]>();
  for (const c of codes) {
    const parent = c.parentId != null && ids.has(c.parentId) ? c.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  const out: Array<T & PathParts> = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, above: readonly string[]) => {
    for (const c of (children.get(parent) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)) {
      if (seen.has(c.id)) continue; // a cycle would be a bug elsewhere; never loop
      seen.add(c.id);
      const names = [...above, c.name];
      out.push({ ...c, parentId: parent, names, path: names.join(PATH_SEPARATOR), depth: above.length });
      walk(c.id, names);
    }
  };
  walk(null, []);
  return out;
}

export interface CodeLike extends TreeCode {
  color: string;
  shortcut: string | null;
  archived: boolean;
}

/** What a screen needs of a code: its display fields, path and depth, in codebook order. */
export interface CodeWithPath extends PathParts {
  id: number;
  parentId: number | null;
  name: string;
  color: string;
  shortcut: string | null;
  archived: boolean;
}

export function codePaths(codes: readonly CodeLike[]): CodeWithPath[] {
  return withPaths(codes).map(({ id, parentId, name, color, shortcut, archived, path, names, depth }) => ({ id, parentId, name, color, shortcut, archived, path, names, depth }));
}
