import { describe, expect, it } from 'vitest';
import { brennanPrediger } from './brennan-prediger';

describe('brennanPrediger', () => {
  // The percent-agreement example: pa = 4/9 (see percent-agreement.test.ts).
  const data = [
    ['a', 'a', 'a'],
    ['a', 'a', 'b'],
    ['a', 'b', null],
    ['b', null, null],
  ];

  it('corrects percent agreement for q observed categories', () => {
    // q = 2 (a, b):  (4/9 − 1/2) / (1 − 1/2) = (−1/18) / (1/2) = −1/9 ≈ −0.1111
    expect(brennanPrediger(data)).toBeCloseTo(-1 / 9, 12);
  });

  it('uses the number of categories of the scheme when given', () => {
    // q = 4 (a, b, c, d):  (4/9 − 1/4) / (3/4) = (7/36) / (3/4) = 7/27 ≈ 0.2593
    expect(brennanPrediger(data, ['a', 'b', 'c', 'd'])).toBeCloseTo(7 / 27, 12);
    // an observed value missing from the list still counts: q = |{a, b, c}| = 3
    //   (4/9 − 1/3) / (2/3) = (1/9) / (2/3) = 1/6
    expect(brennanPrediger(data, ['a', 'c'])).toBeCloseTo(1 / 6, 12);
  });

  it('is NaN with a single category or no pairable unit', () => {
    expect(brennanPrediger([['a', 'a'], ['a', 'a']])).toBeNaN();
    expect(brennanPrediger([['a', null]], ['a', 'b'])).toBeNaN();
  });

  it('is 1 for perfect agreement and can be defined where kappa is not', () => {
    expect(brennanPrediger([['a', 'a'], ['a', 'a']], ['a', 'b'])).toBe(1);
  });
});
