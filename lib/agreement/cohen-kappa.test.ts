import { describe, expect, it } from 'vitest';
import { cohenKappa, cohenKappaBinary } from './cohen-kappa';
import { tableToPairs } from './published-examples';

describe('cohenKappa — published examples', () => {
  it('reproduces the 50-proposal example of Wikipedia’s "Cohen’s kappa" (κ = 0.40)', () => {
    // English Wikipedia, "Cohen's kappa", section "Simple example": 50 grant proposals read by
    // A and B; both yes 20, A yes/B no 5, A no/B yes 10, both no 15.
    // po = (20 + 15)/50 = 0.70; pe = 0.5·0.6 + 0.5·0.4 = 0.50; κ = 0.20/0.50 = 0.40.
    const { a, b } = tableToPairs([
      [20, 5],
      [10, 15],
    ]);
    expect(a).toHaveLength(50);
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
    expect(cohenKappaBinary(20, 5, 10, 15)).toBeCloseTo(0.4, 12);
  });

  it('reproduces Cohen’s 3-category example with n = 200 (κ = .492)', () => {
    // Cohen, J. (1968). Weighted kappa. Psychological Bulletin 70(4), 213–220, numerical
    // example (proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06 of 200 cases); reproduced in
    // the examples of R's psych::cohen.kappa ("cohen reports .492").
    // po = .70; pe = .60·.50 + .30·.30 + .10·.20 = .41; κ = .29/.59 = .4915.
    const { a, b } = tableToPairs([
      [88, 14, 18],
      [10, 40, 10],
      [2, 6, 12],
    ]);
    expect(cohenKappa(a, b)).toBeCloseTo(0.29 / 0.59, 12);
    expect(cohenKappa(a, b).toFixed(3)).toBe('0.492');
  });
});

describe('cohenKappa — behaviour', () => {
  it('skips units where either value is missing', () => {
    expect(cohenKappa([1, 0, null, 1, 0], [1, 0, 1, null, 0])).toBe(1);
  });

  it('is symmetric in the two coders', () => {
    const a = ['x', 'y', 'y', 'z', 'x', 'x'];
    const b = ['x', 'y', 'z', 'z', 'y', 'x'];
    expect(cohenKappa(a, b)).toBeCloseTo(cohenKappa(b, a), 12);
  });

  it('is NaN without pairable units or when both coders used one category throughout', () => {
    expect(cohenKappa([], [])).toBeNaN();
    expect(cohenKappa([1, null], [null, 1])).toBeNaN();
    expect(cohenKappa([1, 1, 1], [1, 1, 1])).toBeNaN();
    expect(cohenKappaBinary(0, 0, 0, 0)).toBeNaN();
  });

  it('is −1 for total disagreement with balanced marginals', () => {
    expect(cohenKappa([0, 1, 0, 1], [1, 0, 1, 0])).toBeCloseTo(-1, 12);
  });
});
