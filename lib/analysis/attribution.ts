/**
 * Attribution (DESIGN.md): a coding is attributed to the participants whose turns it
 * overlaps by at least one character; moderator and unknown speakers are nobody.
 *
 * These run once per coding over hundreds of thousands of codings, so they fill
 * caller-owned buffers instead of allocating.
 */
import type { CompiledFilter } from './filter';
import type { DocumentTurns } from './model';

/** A reusable list of participant indices. */
export interface People {
  ids: Int32Array;
  n: number;
}

/** An empty list with room for `capacity` participants (it grows when needed). */
export function people(capacity = 64): People {
  return { ids: new Int32Array(capacity), n: 0 };
}

function push(list: People, p: number): void {
  for (let k = 0; k < list.n; k++) if (list.ids[k] === p) return;
  if (list.n === list.ids.length) {
    const grown = new Int32Array(list.ids.length * 2);
    grown.set(list.ids);
    list.ids = grown;
  }
  list.ids[list.n++] = p;
}

/**
 * Fills `out` with the distinct participants whose turns [start, end) overlaps, in text order.
 * An empty range overlaps nothing.
 */
export function attributeInto(turns: DocumentTurns, start: number, end: number, out: People): void {
  out.n = 0;
  if (end <= start) return;
  const ends = turns.end;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let t = lo; t < ends.length && turns.start[t] < end; t++) {
    const p = turns.participant[t];
    if (p >= 0 && ends[t] > turns.start[t]) push(out, p);
  }
}

/** The attributed participants as an array (for excerpts; the loops use attributeInto). */
export function attributedParticipants(turns: DocumentTurns, start: number, end: number): number[] {
  const out = people(8);
  attributeInto(turns, start, end, out);
  return Array.from(out.ids.subarray(0, out.n));
}

/**
 * Whether a coding attributed to `attributed` passes the participant filters, with `out`
 * filled by the participants it counts for (those the filters keep). A coding attributed to
 * nobody passes only when the filter lets such codings through, and counts for nobody.
 */
export function countInto(filter: CompiledFilter, attributed: People, out: People): boolean {
  out.n = 0;
  if (attributed.n === 0) return filter.nobodyPasses;
  for (let k = 0; k < attributed.n; k++) {
    const p = attributed.ids[k];
    if (filter.participantPass[p]) push(out, p);
  }
  return out.n > 0;
}
