/**
 * ProseMirror positions ↔ canonical-text offsets, for an editor document that is a
 * sequence of turn nodes, each holding its turn's text as inline content.
 *
 * Turn i (0-based) opens at position P_i and its text starts at P_i + 1. Each turn takes
 * its length + 2 positions (open and close tokens) while in the canonical text it takes
 * its length + 1 (the "\n" separator), so within turn i: pos = offset + i + 1.
 */
import type { TurnRange } from './canonical';

/** Index of the last turn whose start is ≤ offset (turns sorted, contiguous). */
function turnAtOffset(turns: readonly TurnRange[], offset: number): number {
  let lo = 0;
  let hi = turns.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (turns[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The editor position of a text offset. An offset on a separator (a turn's end) maps to
 * the end of that turn's content. Throws RangeError outside [0, text length].
 */
export function offsetToPos(turns: readonly TurnRange[], offset: number): number {
  const last = turns[turns.length - 1];
  if (!last || !Number.isInteger(offset) || offset < 0 || offset > last.end) {
    throw new RangeError(`Offset ${offset} is outside the text`);
  }
  const i = turnAtOffset(turns, offset);
  return Math.min(offset, turns[i].end) + i + 1;
}

/**
 * The text offset of an editor position. A position between turns (on a node boundary)
 * maps to the start of the following turn's text, or the end of the text after the last
 * turn. Positions are clamped into the document.
 */
export function posToOffset(turns: readonly TurnRange[], pos: number): number {
  if (turns.length === 0) return 0;
  // Turn i's content spans positions [turns[i].start + i + 1, turns[i].end + i + 1].
  let lo = 0;
  let hi = turns.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (turns[mid].start + mid <= pos) lo = mid; // P_mid = start + mid
    else hi = mid - 1;
  }
  const t = turns[lo];
  const contentStart = t.start + lo + 1;
  if (pos < contentStart) return t.start;
  const offset = pos - lo - 1;
  return Math.min(offset, t.end);
}
