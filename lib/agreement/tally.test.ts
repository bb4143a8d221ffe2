import { describe, expect, it } from 'vitest';
import { isMissing, sortValues, tallyUnits, unitAgreement } from './tally';

describe('tallyUnits', () => {
  it('groups each unit’s values by category and skips missing ones', () => {
    const t = tallyUnits([
      ['b', 'a', 'b', null],
      [null, null],
      [2, 1],
    ]);
    expect(t.values).toEqual([1, 2, 'a', 'b']);
    expect(t.units[0]).toEqual({ categories: [3, 2], counts: [2, 1], total: 3 });
    expect(t.units[1]).toEqual({ categories: [], counts: [], total: 0 });
    expect(t.units[2]).toEqual({ categories: [1, 0], counts: [1, 1], total: 2 });
  });

  it('keeps the number 1 and the string "1" apart, and treats NaN as missing', () => {
    const t = tallyUnits([[1, '1', NaN]]);
    expect(t.values).toEqual([1, '1']);
    expect(t.units[0].total).toBe(2);
  });
});

describe('helpers', () => {
  it('recognises missing values', () => {
    expect(isMissing(null)).toBe(true);
    expect(isMissing(undefined)).toBe(true);
    expect(isMissing(NaN)).toBe(true);
    expect(isMissing(0)).toBe(false);
    expect(isMissing('')).toBe(false);
  });

  it('sorts numbers before strings', () => {
    expect(sortValues(['b', 10, 'a', 2])).toEqual([2, 10, 'a', 'b']);
  });

  it('gives the share of agreeing pairs in a unit', () => {
    // values a, a, b: ordered pairs 3·2 = 6, agreeing ones 2·1 = 2
    expect(unitAgreement({ categories: [0, 1], counts: [2, 1], total: 3 })).toBeCloseTo(1 / 3, 12);
    expect(unitAgreement({ categories: [0], counts: [1], total: 1 })).toBeNaN();
  });
});
