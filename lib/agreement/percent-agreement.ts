import { tallyUnits, unitAgreement, type Tally } from './tally';
import type { ReliabilityData } from './types';

/**
 * Percent agreement for any number of coders, missing values allowed: for each unit with at
 * least two values, the share of agreeing coder pairs; then the mean over those units
 * (Fleiss 1971; Gwet's `pa.coeff.raw` in R's irrCAC).
 *
 * Takes units × coders data (`null` = missing). Returns a proportion in [0, 1], or NaN when
 * no unit has two values.
 */
export function percentAgreement(data: ReliabilityData): number {
  return percentAgreementOfTally(tallyUnits(data));
}

/** {@link percentAgreement} on data already tallied; NaN when no unit has two values. */
export function percentAgreementOfTally(tally: Tally): number {
  let sum = 0;
  let units = 0;
  for (const unit of tally.units) {
    if (unit.total < 2) continue;
    sum += unitAgreement(unit);
    units++;
  }
  return units === 0 ? NaN : sum / units;
}
