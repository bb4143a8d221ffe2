/**
 * Remapping coded ranges through a text edit. An edit replaces [from, to) of the old
 * text with `insert`. A range that survives keeps covering the same words; a range whose
 * every character was removed is kept, collapsed at the edit, and flagged for review.
 */

export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** The smallest single change that turns `before` into `after` (common prefix and suffix kept). */
export function diffText(before: string, after: string): TextChange | null {
  if (before === after) return null;
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  // never split a surrogate pair at either edge
  if (p > 0 && /[\ud800-\udbff]/.test(before[p - 1])) p--;
  if (s > 0 && /[\udc00-\udfff]/.test(before[before.length - s])) s--;
  return { from: p, to: before.length - s, insert: after.slice(p, after.length - s) };
}

/**
 * Where an offset of the old text lands in the new one. `assoc` says which side of an
 * insertion at that exact offset it sticks to (-1 before, 1 after); offsets inside the
 * replaced span go to its start (assoc -1) or end (assoc 1).
 */
export function mapOffset(offset: number, change: TextChange, assoc: -1 | 1): number {
  const delta = change.insert.length - (change.to - change.from);
  if (offset < change.from) return offset;
  if (offset > change.to) return offset + delta;
  if (offset === change.from && offset === change.to) return assoc < 0 ? offset : offset + change.insert.length;
  if (offset === change.from) return offset;
  if (offset === change.to) return offset + delta;
  return assoc < 0 ? change.from : change.from + change.insert.length;
}

export interface RemappedRange {
  start: number;
  end: number;
  /** Every character of the range was removed by the edit. */
  deleted: boolean;
}

/**
 * Maps [start, end) through the change. The start sticks to the text after an insertion at
 * its edge and the end to the text before it, so typing next to a coding does not grow it;
 * a correction strictly inside a coding stays inside it. A range entirely inside the
 * replaced span is deleted: collapsed to the edit's start.
 */
export function remapRange(start: number, end: number, change: TextChange): RemappedRange {
  if (start >= change.from && end <= change.to && change.to > change.from) {
    return { start: change.from, end: change.from, deleted: true };
  }
  const s = mapOffset(start, change, 1);
  const e = mapOffset(end, change, -1);
  if (e <= s) return { start: Math.min(s, e), end: Math.min(s, e), deleted: true };
  return { start: s, end: e, deleted: false };
}

/** Applies a change to a text. */
export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.from) + change.insert + text.slice(change.to);
}
