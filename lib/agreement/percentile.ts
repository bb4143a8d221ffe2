/**
 * The p-quantile of ascending-sorted numbers by linear interpolation between order
 * statistics (Hyndman & Fan's type 7, R's default). NaN for an empty input.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Percentile interval of bootstrap replicates: the (1 − coverage)/2 and (1 + coverage)/2
 * quantiles (default coverage 0.95: the 2.5th and 97.5th percentiles). NaN replicates (a
 * resample in which the statistic is undefined) are left out; `defined` says how many were
 * used. Both bounds are NaN when no replicate is defined.
 */
export function percentileInterval(
  replicates: ArrayLike<number>,
  coverage = 0.95,
): { low: number; high: number; defined: number } {
  const values: number[] = [];
  for (let i = 0; i < replicates.length; i++) if (!Number.isNaN(replicates[i])) values.push(replicates[i]);
  const sorted = Float64Array.from(values).sort();
  const tail = (1 - coverage) / 2;
  return { low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail), defined: sorted.length };
}
