import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff';
import { KRIPPENDORFF_2011 } from './published-examples';

describe('krippendorffAlpha — Krippendorff (2011), 4 observers × 12 units with missing data', () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Departmental Papers
  // (ASC) 43, University of Pennsylvania. The table is in published-examples.ts.
  it.each([
    ['nominal', '0.743'],
    ['ordinal', '0.815'],
    ['interval', '0.849'],
    ['ratio', '0.797'],
  ] as const)('%s α = %s', (level, published) => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011, level).toFixed(3)).toBe(published);
  });

  it('defaults to nominal', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011)).toBe(krippendorffAlpha(KRIPPENDORFF_2011, 'nominal'));
  });

  it('gives the nominal value exactly: 1 − (n − 1)·D/E with n = 40', () => {
    // From the coincidences (coincidence.test.ts): disagreeing coincidences
    // Σ_{c≠k} o_ck = 2·(4/3 + 1/3 + 1/3 + 4/3 + 1/3 + 1/3) = 8,
    // Σ_{c≠k} n_c·n_k = 40² − (9² + 13² + 10² + 5² + 3²) = 1600 − 384 = 1216;
    // α = 1 − 39·8/1216 = 904/1216 = 0.74342…
    expect(krippendorffAlpha(KRIPPENDORFF_2011)).toBeCloseTo(904 / 1216, 12);
  });
});

describe('krippendorffAlpha — hand-computed binary case', () => {
  it('matches 1 − (n − 1)·o01 / (n0·n1)', () => {
    // units (0,0) (0,1) (1,1) (1,1): o00 = 2, o01 = o10 = 1, o11 = 4; n0 = 3, n1 = 5, n = 8
    // α = 1 − 7·1/15 = 8/15
    expect(krippendorffAlpha([[0, 0], [0, 1], [1, 1], [1, 1]])).toBeCloseTo(8 / 15, 12);
  });
});

describe('krippendorffAlpha — undefined cases', () => {
  it('is NaN with fewer than two pairable values', () => {
    expect(krippendorffAlpha([])).toBeNaN();
    expect(krippendorffAlpha([[1, null], [null, 2]])).toBeNaN();
  });

  it('is NaN when there is no variation', () => {
    expect(krippendorffAlpha([['a', 'a'], ['a', 'a', 'a']])).toBeNaN();
  });

  it('is NaN for metric levels on non-numeric or (ratio) negative values', () => {
    expect(krippendorffAlpha([['a', 'b'], ['b', 'b']], 'interval')).toBeNaN();
    expect(krippendorffAlpha([[-1, 2], [2, 2]], 'ratio')).toBeNaN();
    expect(krippendorffAlpha([[-1, 2], [2, 2]], 'interval')).not.toBeNaN();
  });
});
