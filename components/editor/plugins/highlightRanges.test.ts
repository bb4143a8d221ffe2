import { describe, expect, it } from 'vitest';
import { overlapPieces, type RangeHighlight } from './highlightRanges';

const r = (id: number, from: number, to: number, color = 'c'): RangeHighlight => ({ id, from, to, color });
const cut = (hs: RangeHighlight[], max = 4) => overlapPieces(hs, max).map((p) => [p.id, p.from, p.to, p.level]);

// Worked by hand from the nesting rule: at each point, the codings over it in order of start
// (the longer first), levels 0, 1, 2 … ; a coding keeps one piece while its level holds.
describe('overlapPieces', () => {
  it('leaves codings that do not overlap whole, each outermost', () => {
    expect(cut([r(2, 12, 20), r(1, 0, 10)])).toEqual([
      [1, 0, 10, 0],
      [2, 12, 20, 0],
    ]);
  });

  it('moves a coding up a level where the one outside it ends', () => {
    // A 0–10, B 5–15: B is inside A over 5–10, alone over 10–15.
    expect(cut([r(1, 0, 10), r(2, 5, 15)])).toEqual([
      [1, 0, 10, 0],
      [2, 5, 10, 1],
      [2, 10, 15, 0],
    ]);
  });

  it('puts the longer of two codings that start together outside', () => {
    expect(cut([r(2, 0, 5), r(1, 0, 10)])).toEqual([
      [1, 0, 10, 0],
      [2, 0, 5, 1],
    ]);
  });

  it('keeps a level across the gap between two codings inside the same one', () => {
    expect(cut([r(1, 0, 20), r(2, 2, 4), r(3, 6, 8)])).toEqual([
      [1, 0, 20, 0],
      [2, 2, 4, 1],
      [3, 6, 8, 1],
    ]);
  });

  it('orders identical ranges by id, and lets deeper levels share the last', () => {
    expect(cut([r(3, 0, 6), r(1, 0, 6), r(2, 0, 6)], 1)).toEqual([
      [1, 0, 6, 0],
      [2, 0, 6, 1],
      [3, 0, 6, 1],
    ]);
  });

  it('draws the five levels of five stacked codings, and the one outermost as they end in turn', () => {
    // Each starts one later and ends one earlier: 0–10, 1–9, 2–8, 3–7, 4–6.
    const hs = [0, 1, 2, 3, 4].map((i) => r(i + 1, i, 10 - i));
    expect(cut(hs)).toEqual([
      [1, 0, 10, 0],
      [2, 1, 9, 1],
      [3, 2, 8, 2],
      [4, 3, 7, 3],
      [5, 4, 6, 4],
    ]);
  });

  it('draws nothing of a coding that covers no text', () => {
    expect(cut([r(1, 4, 4), r(2, 6, 5)])).toEqual([]);
  });

  it('keeps each piece its coding’s colour', () => {
    expect(overlapPieces([r(1, 0, 4, 'ff0000'), r(2, 2, 6, '00ff00')], 4).map((p) => [p.id, p.color])).toEqual([
      [1, 'ff0000'],
      [2, '00ff00'],
      [2, '00ff00'],
    ]);
  });
});
