import { describe, expect, it } from 'vitest';
import {
  addUnitCoincidences,
  alphaFromBinaryCoincidences,
  alphaFromCoincidences,
  coincidenceMatrix,
} from './coincidence';
import { KRIPPENDORFF_2011 } from './published-examples';
import { tallyUnits } from './tally';

describe('coincidenceMatrix', () => {
  it('builds the coincidences of the Krippendorff (2011) table, worked by hand', () => {
    // Each pairable unit adds (pairs of values)/(m_u − 1). E.g. unit 7 (4 4 4 4) adds
    // 4·3/3 = 4 to o_44; unit 6 (1 2 3 4) adds 1/3 to each off-diagonal cell among 1–4;
    // unit 11 (1 1) adds 2/1 = 2 to o_11; unit 12 has one value and adds nothing.
    // Marginals n_c = 9, 13, 10, 5, 3; n = 40 pairable values.
    //   1: 7    4/3  1/3  1/3  0
    //   2: 4/3  10   4/3  1/3  0
    //   3: 1/3  4/3  8    1/3  0
    //   4: 1/3  1/3  1/3  4    0
    //   5: 0    0    0    0    3
    const m = coincidenceMatrix(KRIPPENDORFF_2011);
    expect(m.values).toEqual([1, 2, 3, 4, 5]);
    const expected = [
      [7, 4 / 3, 1 / 3, 1 / 3, 0],
      [4 / 3, 10, 4 / 3, 1 / 3, 0],
      [1 / 3, 4 / 3, 8, 1 / 3, 0],
      [1 / 3, 1 / 3, 1 / 3, 4, 0],
      [0, 0, 0, 0, 3],
    ];
    expected.forEach((row, c) => row.forEach((o, k) => expect(m.counts[c * 5 + k]).toBeCloseTo(o, 12)));
    const n = m.counts.reduce((s, x) => s + x, 0);
    expect(n).toBeCloseTo(40, 12);
  });

  it('can be summed unit by unit with weights (what a bootstrap does)', () => {
    const tally = tallyUnits(KRIPPENDORFF_2011);
    const q = tally.values.length;
    const twice = new Float64Array(q * q);
    for (const unit of tally.units) addUnitCoincidences(unit, q, twice, 2);
    const once = coincidenceMatrix(KRIPPENDORFF_2011);
    twice.forEach((x, i) => expect(x).toBeCloseTo(2 * once.counts[i], 12));
  });
});

describe('alphaFromCoincidences', () => {
  it('gives the same α as the data it came from, at every level', () => {
    const m = coincidenceMatrix(KRIPPENDORFF_2011);
    expect(alphaFromCoincidences(m).toFixed(3)).toBe('0.743');
    expect(alphaFromCoincidences(m, 'ordinal').toFixed(3)).toBe('0.815');
    expect(alphaFromCoincidences(m, 'interval').toFixed(3)).toBe('0.849');
    expect(alphaFromCoincidences(m, 'ratio').toFixed(3)).toBe('0.797');
  });

  it('does not depend on the order of the categories', () => {
    const m = coincidenceMatrix(KRIPPENDORFF_2011);
    // reverse the categories
    const q = m.values.length;
    const counts = new Float64Array(q * q);
    for (let c = 0; c < q; c++) for (let k = 0; k < q; k++) counts[(q - 1 - c) * q + (q - 1 - k)] = m.counts[c * q + k];
    const reversed = { values: [...m.values].reverse(), counts };
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(alphaFromCoincidences(reversed, level)).toBeCloseTo(alphaFromCoincidences(m, level), 12);
    }
  });

  it('is NaN for an empty or single-category matrix', () => {
    expect(alphaFromCoincidences({ values: [], counts: new Float64Array(0) })).toBeNaN();
    expect(alphaFromCoincidences({ values: ['a'], counts: Float64Array.of(10) })).toBeNaN();
  });
});

describe('alphaFromBinaryCoincidences', () => {
  it('agrees with the general formula', () => {
    // units (0,0) (0,1) (1,1) (1,1): o00 = 2, o01 = 1, o11 = 4 → α = 8/15
    expect(alphaFromBinaryCoincidences({ o00: 2, o01: 1, o11: 4 })).toBeCloseTo(8 / 15, 12);
    expect(alphaFromCoincidences({ values: [0, 1], counts: Float64Array.of(2, 1, 1, 4) })).toBeCloseTo(8 / 15, 12);
  });

  it('is NaN without variation or pairable values', () => {
    expect(alphaFromBinaryCoincidences({ o00: 10, o01: 0, o11: 0 })).toBeNaN();
    expect(alphaFromBinaryCoincidences({ o00: 0, o01: 0, o11: 4 })).toBeNaN();
    expect(alphaFromBinaryCoincidences({ o00: 0, o01: 0, o11: 0 })).toBeNaN();
  });

  it('treats rounding dust as zero', () => {
    expect(alphaFromBinaryCoincidences({ o00: 12, o01: 0, o11: 1e-14 })).toBeNaN();
  });
});
