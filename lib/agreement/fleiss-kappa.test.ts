import { describe, expect, it } from 'vitest';
import { fleissKappa } from './fleiss-kappa';
import { percentAgreement } from './percent-agreement';
import { FLEISS_1971_COUNTS, WIKIPEDIA_FLEISS_COUNTS, countsToRatings } from './published-examples';

describe('fleissKappa — published examples', () => {
  it('reproduces Fleiss (1971), Table 1: 30 patients × 6 raters, κ = .430', () => {
    const data = countsToRatings(FLEISS_1971_COUNTS);
    expect(data.every((row) => row.length === 6)).toBe(true);
    expect(fleissKappa(data).toFixed(3)).toBe('0.430');
    // R irr::kappam.fleiss(diagnoses) = 0.4302445
    expect(fleissKappa(data)).toBeCloseTo(0.4302445, 6);
  });

  it('reproduces the Wikipedia worked example: 10 subjects × 14 raters, κ = 0.210', () => {
    const data = countsToRatings(WIKIPEDIA_FLEISS_COUNTS);
    expect(data.every((row) => row.length === 14)).toBe(true);
    expect(percentAgreement(data).toFixed(3)).toBe('0.378'); // P̄ in the article
    expect(fleissKappa(data).toFixed(3)).toBe('0.210');
  });
});

describe('fleissKappa — missing values', () => {
  it('uses only the units with at least two values', () => {
    // unit 1: a a   unit 2: a b   unit 3: b – (one value: left out)
    // pa = (1 + 0) / 2 = 1/2
    // π_a = (1 + 1/2) / 2 = 3/4, π_b = (0 + 1/2) / 2 = 1/4 → pe = 9/16 + 1/16 = 5/8
    // κ = (1/2 − 5/8) / (3/8) = −1/3
    expect(fleissKappa([['a', 'a'], ['a', 'b'], ['b', null]])).toBeCloseTo(-1 / 3, 12);
    expect(fleissKappa([['a', 'a'], ['a', 'b']])).toBeCloseTo(-1 / 3, 12);
  });

  it('stays at −1 where Gwet’s generalisation would give −1.67', () => {
    // (1, 0) and (0, –): only the first unit counts; pa = 0, π = 1/2, 1/2, pe = 1/2 → κ = −1
    expect(fleissKappa([[1, 0], [0, null]])).toBeCloseTo(-1, 12);
  });

  it('ignores units nobody rated', () => {
    const base = [['a', 'a'], ['a', 'b'], ['b', 'b']];
    expect(fleissKappa([...base, [null, null]])).toBeCloseTo(fleissKappa(base), 12);
  });

  it('is NaN with a single category or no unit rated twice', () => {
    expect(fleissKappa([['a', 'a', 'a'], ['a', 'a', null]])).toBeNaN();
    expect(fleissKappa([['a', null], [null, 'b']])).toBeNaN();
    expect(fleissKappa([])).toBeNaN();
  });
});
