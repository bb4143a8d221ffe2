import { percentAgreementOfTally } from './percent-agreement';
import { isMissing, tallyUnits } from './tally';
import type { PresentValue, ReliabilityData } from './types';

/**
 * Brennan & Prediger's (1981) coefficient, (pa − 1/q) / (1 − 1/q): percent agreement
 * (see `percentAgreement`) corrected for the chance agreement of coders who pick any of
 * q categories uniformly.
 *
 * q is the number of distinct values observed in `data`; when `categories` is given, q is
 * the number of distinct entries of `categories` together with any observed value that is
 * not listed (a category that was used cannot be outside the scheme).
 *
 * Returns NaN when percent agreement is undefined (no unit has two values) or q < 2.
 */
export function brennanPrediger(data: ReliabilityData, categories?: ReadonlyArray<PresentValue>): number {
  const tally = tallyUnits(data);
  const pa = percentAgreementOfTally(tally);
  const scheme = new Set<PresentValue>(tally.values);
  for (const c of categories ?? []) if (!isMissing(c)) scheme.add(c);
  const q = scheme.size;
  if (Number.isNaN(pa) || q < 2) return NaN;
  return (pa - 1 / q) / (1 - 1 / q);
}
