import type { PresentValue, RatingValue, ReliabilityData } from './types';

/**
 * The values one unit received, grouped by category: `categories[i]` (an index into
 * `Tally.values`) was given `counts[i]` times; `total` is the number of present values.
 */
export interface UnitTally {
  categories: number[];
  counts: number[];
  total: number;
}

/** Every category seen in the data (`values`) and, per unit in order, what it received. */
export interface Tally {
  values: PresentValue[];
  units: UnitTally[];
}

/** True for `null`, `undefined` and `NaN`: values that do not count as ratings. */
export function isMissing(value: RatingValue | undefined): value is null | undefined {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

/**
 * Counts each unit's values by category. Categories are compared with SameValueZero, so the
 * number 1 and the string '1' are two different categories. `values` is sorted: numbers
 * ascending, then strings in code-unit order, so results never depend on input order.
 * Takes any units × coders data (ragged rows allowed); returns one tally per unit, units
 * with no values included (total 0).
 */
export function tallyUnits(data: ReliabilityData): Tally {
  const seen = new Map<PresentValue, number>();
  const raw: Array<{ keys: PresentValue[]; counts: number[]; total: number }> = [];
  for (const row of data) {
    const keys: PresentValue[] = [];
    const counts: number[] = [];
    let total = 0;
    for (const value of row) {
      if (isMissing(value)) continue;
      total++;
      if (!seen.has(value)) seen.set(value, 0);
      const i = keys.indexOf(value);
      if (i >= 0) counts[i]++;
      else {
        keys.push(value);
        counts.push(1);
      }
    }
    raw.push({ keys, counts, total });
  }
  const values = sortValues([...seen.keys()]);
  const index = new Map<PresentValue, number>();
  values.forEach((v, i) => index.set(v, i));
  const units = raw.map((u) => ({
    categories: u.keys.map((k) => index.get(k) as number),
    counts: u.counts,
    total: u.total,
  }));
  return { values, units };
}

/** Numbers ascending, then strings in code-unit order. */
export function sortValues(values: PresentValue[]): PresentValue[] {
  const numbers = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  const strings = values.filter((v): v is string => typeof v === 'string').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...numbers, ...strings];
}

/**
 * Share of agreeing ordered coder pairs within one unit, Σ r_k(r_k − 1) / (r(r − 1));
 * NaN for a unit with fewer than two values.
 */
export function unitAgreement(unit: UnitTally): number {
  if (unit.total < 2) return NaN;
  let same = 0;
  for (const c of unit.counts) same += c * (c - 1);
  return same / (unit.total * (unit.total - 1));
}
