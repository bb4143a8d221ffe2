/**
 * The codings the coding editor shows, and the compact form they travel to the browser
 * in. A long transcript has thousands of codings; as objects, their repeated field names
 * and coder names were most of the page's payload, and the server's and the browser's
 * time goes with its size. As rows of values (what the database gives) it is a quarter of
 * that; as columns of small numbers (`CodingColumns`) about half as much again.
 */

/** A coding as the editor holds it: no quote (the editor slices it from the text it has). */
export interface EditorCoding {
  id: number;
  codeId: number;
  layer: 'coder' | 'consensus';
  coderId: number;
  coderName: string;
  start: number;
  end: number;
  memo: string;
  needsReview: boolean;
  /** ISO 8601, to the millisecond. */
  updatedAt: string;
}

/** Bits of a packed row's flags (db/queries/codings.ts reads them so). */
export const PACKED_CONSENSUS = 1;
export const PACKED_NEEDS_REVIEW = 2;

/**
 * One row per coding: id, code id, coder id, start, end, flags (1: consensus layer,
 * 2: needs review), last update (milliseconds since the epoch), memo.
 */
export type PackedCoding = [number, number, number, number, number, number, number, string];

export interface PackedCodings {
  /** Coder names by id, each once. */
  coders: Record<number, string>;
  rows: PackedCoding[];
}

/** Does a packed row need review (flagged by a correction)? */
export const packedNeedsReview = (row: PackedCoding): boolean => (row[5] & PACKED_NEEDS_REVIEW) !== 0;

/**
 * The codings as columns, one entry per coding in the rows' order (text order), with the
 * numbers that grow along the text sent as differences: a start as the distance from the
 * previous coding's start, an end as the coding's length, a last update as the time since
 * the earliest one. Memos only where there is one.
 */
export interface CodingColumns {
  coders: Record<number, string>;
  id: number[];
  code: number[];
  coder: number[];
  start: number[];
  length: number[];
  flags: number[];
  /** The earliest last update (ms since the epoch); `updated` counts from it. */
  since: number;
  updated: number[];
  /** Memos by the coding's index in the columns, only those not empty. */
  memos: Record<number, string>;
}

export function toColumns({ coders, rows }: PackedCodings): CodingColumns {
  const since = rows.reduce((m, r) => Math.min(m, r[6]), rows.length ? Infinity : 0);
  const out: CodingColumns = { coders, id: [], code: [], coder: [], start: [], length: [], flags: [], since, updated: [], memos: {} };
  let previous = 0;
  rows.forEach(([id, codeId, coderId, start, end, flags, updated, memo], i) => {
    out.id.push(id);
    out.code.push(codeId);
    out.coder.push(coderId);
    out.start.push(start - previous);
    out.length.push(end - start);
    out.flags.push(flags);
    out.updated.push(updated - since);
    if (memo) out.memos[i] = memo;
    previous = start;
  });
  return out;
}

export function unpackCodings(c: CodingColumns): EditorCoding[] {
  const out: EditorCoding[] = new Array(c.id.length);
  let start = 0;
  for (let i = 0; i < c.id.length; i++) {
    start += c.start[i];
    const flags = c.flags[i];
    out[i] = {
      id: c.id[i],
      codeId: c.code[i],
      layer: flags & PACKED_CONSENSUS ? 'consensus' : 'coder',
      coderId: c.coder[i],
      coderName: c.coders[c.coder[i]] ?? '',
      start,
      end: start + c.length[i],
      memo: c.memos[i] ?? '',
      needsReview: (flags & PACKED_NEEDS_REVIEW) !== 0,
      updatedAt: new Date(c.since + c.updated[i]).toISOString(),
    };
  }
  return out;
}

/** A coding with the text it quotes. */
export interface CodingView extends EditorCoding {
  quote: string;
}
