/**
 * A document's canonical text is its turns' texts joined with "\n"; each turn owns the
 * half-open range [start, end) of that text (the separating "\n" belongs to no turn).
 * Offsets are UTF-16 code units, i.e. JavaScript string indices.
 */

export interface TurnText {
  text: string;
}

export interface TurnRange {
  start: number;
  end: number;
}

/**
 * Lays turns end to end. Returns the canonical text and, for each turn in order, its
 * [start, end) range. A turn's text must not contain "\n" (it would make the join
 * ambiguous): such input throws, naming the turn.
 */
export function buildCanonicalText(turns: readonly TurnText[]): { text: string; ranges: TurnRange[] } {
  const ranges: TurnRange[] = [];
  let offset = 0;
  turns.forEach((turn, i) => {
    if (turn.text.includes('\n')) {
      throw new Error(`Turn ${i + 1} contains a line break; a turn's text must be a single line`);
    }
    ranges.push({ start: offset, end: offset + turn.text.length });
    offset += turn.text.length + 1;
  });
  return { text: turns.map((t) => t.text).join('\n'), ranges };
}

/**
 * Index of the turn whose range contains `offset` (a turn's end counts as inside it, so
 * the offset just after a turn's last character still finds that turn); -1 when the
 * offset is outside every turn. Binary search: `ranges` must be sorted and disjoint.
 */
export function turnIndexAt(ranges: readonly TurnRange[], offset: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (offset < r.start) hi = mid - 1;
    else if (offset > r.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Indices of the turns that the range [start, end) overlaps by at least one character.
 * An empty range overlaps nothing.
 */
export function turnsOverlapping(ranges: readonly TurnRange[], start: number, end: number): number[] {
  const out: number[] = [];
  if (end <= start) return out;
  // first turn whose end is after start
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < ranges.length && ranges[i].start < end; i++) {
    if (ranges[i].end > ranges[i].start) out.push(i);
  }
  return out;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

/** Number of words in a text: runs of letters and digits, with inner apostrophes or hyphens. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}
