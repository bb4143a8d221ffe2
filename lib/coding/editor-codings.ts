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

/** Bits of a packed row's flags. */
const CONSENSUS = 1;
const NEEDS_REVIEW = 2;

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

export function packCodings(codings: readonly EditorCoding[]): PackedCodings {
  const coders: Record<number, string> = {};
  const rows = codings.map((c): PackedCoding => {
    coders[c.coderId] = c.coderName;
    const flags = (c.layer === 'consensus' ? CONSENSUS : 0) | (c.needsReview ? NEEDS_REVIEW : 0);
    return [c.id, c.codeId, c.coderId, c.start, c.end, flags, Date.parse(c.updatedAt), c.memo];
  });
  return { coders, rows };
}

export function unpackCodings({ coders, rows }: PackedCodings): EditorCoding[] {
  return rows.map(([id, codeId, coderId, start, end, flags, updated, memo]) => ({
    id,
    codeId,
    layer: flags & CONSENSUS ? 'consensus' : 'coder',
    coderId,
    coderName: coders[coderId] ?? '',
    start,
    end,
    memo,
    needsReview: (flags & NEEDS_REVIEW) !== 0,
    updatedAt: new Date(updated).toISOString(),
  }));
}

/** A coding with the text it quotes. */
export interface CodingView extends EditorCoding {
  quote: string;
}
