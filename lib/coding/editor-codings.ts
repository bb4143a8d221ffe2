/**
 * The codings the coding editor shows, and the compact form they travel to the browser
 * in. A long transcript has thousands of codings; as objects, their repeated field names
 * and coder names were most of the page's payload, and the server's and the browser's
 * time goes with its size. As rows of values it is a quarter of that.
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

export function unpackCodings({ coders, rows }: PackedCodings): EditorCoding[] {
  return rows.map(([id, codeId, coderId, start, end, flags, updated, memo]) => ({
    id,
    codeId,
    layer: flags & PACKED_CONSENSUS ? 'consensus' : 'coder',
    coderId,
    coderName: coders[coderId] ?? '',
    start,
    end,
    memo,
    needsReview: (flags & PACKED_NEEDS_REVIEW) !== 0,
    updatedAt: new Date(updated).toISOString(),
  }));
}

/** A coding with the text it quotes. */
export interface CodingView extends EditorCoding {
  quote: string;
}
