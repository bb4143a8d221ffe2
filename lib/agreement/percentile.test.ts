import { describe, expect, it } from 'vitest';
import { percentileInterval, quantileSorted } from './percentile';

describe('quantileSorted', () => {
  it('interpolates between order statistics (R type 7)', () => {
    // R: quantile(c(1, 2, 3, 4), c(0.025, 0.5, 0.975)) = 1.075, 2.5, 3.925
    const s = [1, 2, 3, 4];
    expect(quantileSorted(s, 0.025)).toBeCloseTo(1.075, 12);
    expect(quantileSorted(s, 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileSorted(s, 0.975)).toBeCloseTo(3.925, 12);
    expect(quantileSorted([5], 0.3)).toBe(5);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('percentileInterval', () => {
  it('takes the 2.5th and 97.5th percentiles of 1…1000', () => {
    const reps = Array.from({ length: 1000 }, (_, i) => 1000 - i); // unsorted on purpose
    const { low, high, defined } = percentileInterval(reps);
    // h = 999·0.025 = 24.975 → 25 + 0.975 = 25.975; h = 999·0.975 = 974.025 → 975.025
    expect(low).toBeCloseTo(25.975, 9);
    expect(high).toBeCloseTo(975.025, 9);
    expect(defined).toBe(1000);
  });

  it('leaves out NaN replicates and is NaN when none is defined', () => {
    expect(percentileInterval([NaN, 1, NaN, 1]).defined).toBe(2);
    const none = percentileInterval([NaN, NaN]);
    expect(none.low).toBeNaN();
    expect(none.high).toBeNaN();
  });
});
