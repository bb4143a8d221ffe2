/** Codes with their full path ("Parent / Child"), in codebook order (depth-first). */
export interface CodeLike {
  id: number;
  parentId: number | null;
  name: string;
  color: string;
  shortcut: string | null;
  archived: boolean;
  sortOrder: number;
}

export function codePaths<T extends CodeLike>(codes: readonly T[]) {
  const children = new Map<number | null, T[]>();
  for (const c of codes) {
    const list = children.get(c.parentId) ?? [];
    list.push(c);
    children.set(c.parentId, list);
  }
  const out: Array<{ id: number; name: string; path: string; color: string; shortcut: string | null; archived: boolean }> = [];
  const walk = (parent: number | null, prefix: string, seen: Set<number>) => {
    for (const c of (children.get(parent) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)) {
      if (seen.has(c.id)) continue; // a cycle would be a bug elsewhere; never loop
      seen.add(c.id);
      const path = prefix ? `${prefix} / ${c.name}` : c.name;
      out.push({ id: c.id, name: c.name, path, color: c.color, shortcut: c.shortcut, archived: c.archived });
      walk(c.id, path, seen);
    }
  };
  walk(null, '', new Set());
  return out;
}
