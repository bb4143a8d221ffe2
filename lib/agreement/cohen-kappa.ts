import { isMissing } from './tally';
import type { PresentValue, RatingValue } from './types';

/**
 * Cohen's (1960) κ for two coders: (po − pe) / (1 − pe), where po is the share of units on
 * which they agree and pe = Σₖ pₐ(k)·p_b(k) the agreement expected from each coder's own
 * category proportions.
 *
 * Takes the two coders' values unit by unit (`a[i]` and `b[i]` rate the same unit). Units
 * where either value is missing (`null`, or past the end of the shorter array) are skipped.
 * Returns NaN when no unit has both values, or when chance agreement is total (both coders
 * used one and the same category throughout: pe = 1).
 */
export function cohenKappa(a: ReadonlyArray<RatingValue>, b: ReadonlyArray<RatingValue>): number {
  const countA = new Map<PresentValue, number>();
  const countB = new Map<PresentValue, number>();
  let n = 0;
  let agree = 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i];
    const y = b[i];
    if (isMissing(x) || isMissing(y)) continue;
    n++;
    if (x === y) agree++;
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  if (n === 0) return NaN;
  return kappaFromCounts(agree / n, countA, countB, n);
}

/**
 * Cohen's κ from a 2 × 2 table of two coders' binary values: n11 both 1, n10 first 1 and
 * second 0, n01 first 0 and second 1, n00 both 0. NaN when the table is empty or pe = 1.
 */
export function cohenKappaBinary(n11: number, n10: number, n01: number, n00: number): number {
  const n = n11 + n10 + n01 + n00;
  if (n <= 0) return NaN;
  const po = (n11 + n00) / n;
  const a1 = (n11 + n10) / n;
  const b1 = (n11 + n01) / n;
  const pe = a1 * b1 + (1 - a1) * (1 - b1);
  if (pe >= 1 - 1e-12) return NaN;
  return (po - pe) / (1 - pe);
}

function kappaFromCounts(
  po: number,
  countA: Map<PresentValue, number>,
  countB: Map<PresentValue, number>,
  n: number,
): number {
  let pe = 0;
  for (const [value, ca] of countA) pe += (ca / n) * ((countB.get(value) ?? 0) / n);
  if (pe >= 1 - 1e-12) return NaN;
  return (po - pe) / (1 - pe);
}
