/**
 * The codings side of merging one code into another, as a pure plan (the database layer
 * reads the codings and translations of both codes and applies the steps in order):
 * - every coding of the source moves to the target, unless the target already has its range
 *   (same document, layer, coder, start and end);
 * - such a coding collapses into the target's (the first one with that range, by id): its
 *   memo is appended after a blank line (unless empty or already one of the paragraphs), its
 *   translations into languages the target's coding lacks move over, and it is deleted;
 * - source codings are taken by id, and one that moved counts as the target's for the
 *   ones after it (two identical source codings: the first moves, the second collapses).
 */

/** What the plan needs of a coding. */
export interface MergeCoding {
  id: number;
  documentId: number;
  layer: string;
  coderId: number;
  start: number;
  end: number;
  memo: string;
}

/** What the plan needs of a translation. */
export interface MergeTranslation {
  id: number;
  codingId: number;
  language: string;
}

/** One step, in the order the source codings are taken. */
export type CodingMergeStep =
  | { kind: 'move'; codingId: number }
  | {
      kind: 'collapse';
      codingId: number;
      into: number;
      /** The memo `into` gets, or null when it stays as it is. */
      memo: string | null;
      /** Ids of the translations that move to `into`; the others go with the deleted coding. */
      translations: number[];
    };

export interface CodingMergePlan {
  steps: CodingMergeStep[];
  /** Ids of the source codings that move to the target. */
  moved: number[];
  /** Source codings deleted, each with the coding it collapsed into and its own memo. */
  collapsed: { coding: number; into: number; memo: string }[];
}

const rangeKey = (c: MergeCoding) => `${c.documentId}|${c.layer}|${c.coderId}|${c.start}|${c.end}`;
const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

/** Plans moving the `source` codings to the code of the `target` codings. */
export function planCodingMerge(
  target: readonly MergeCoding[],
  source: readonly MergeCoding[],
  translations: readonly MergeTranslation[],
): CodingMergePlan {
  const byRange = new Map<string, { id: number; memo: string }>();
  for (const c of [...target].sort(byId)) if (!byRange.has(rangeKey(c))) byRange.set(rangeKey(c), { id: c.id, memo: c.memo });
  const languages = new Map<number, Set<string>>();
  const ofCoding = new Map<number, MergeTranslation[]>();
  for (const t of [...translations].sort(byId)) {
    if (!languages.has(t.codingId)) languages.set(t.codingId, new Set());
    languages.get(t.codingId)!.add(t.language);
    if (!ofCoding.has(t.codingId)) ofCoding.set(t.codingId, []);
    ofCoding.get(t.codingId)!.push(t);
  }

  const steps: CodingMergeStep[] = [];
  const moved: number[] = [];
  const collapsed: CodingMergePlan['collapsed'] = [];
  for (const c of [...source].sort(byId)) {
    const into = byRange.get(rangeKey(c));
    if (!into) {
      byRange.set(rangeKey(c), { id: c.id, memo: c.memo });
      steps.push({ kind: 'move', codingId: c.id });
      moved.push(c.id);
      continue;
    }
    let memo: string | null = null;
    if (c.memo.trim() && !into.memo.split('\n\n').includes(c.memo)) {
      into.memo = into.memo ? `${into.memo}\n\n${c.memo}` : c.memo;
      memo = into.memo;
    }
    const present = languages.get(into.id) ?? new Set<string>();
    languages.set(into.id, present);
    const carried = (ofCoding.get(c.id) ?? []).filter((t) => !present.has(t.language));
    for (const t of carried) present.add(t.language);
    steps.push({ kind: 'collapse', codingId: c.id, into: into.id, memo, translations: carried.map((t) => t.id) });
    collapsed.push({ coding: c.id, into: into.id, memo: c.memo });
  }
  return { steps, moved, collapsed };
}
