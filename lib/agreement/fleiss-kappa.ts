import { percentAgreementOfTally } from './percent-agreement';
import { tallyUnits } from './tally';
import type { ReliabilityData } from './types';

/**
 * Fleiss' (1971) κ for any number of coders, with missing values allowed by restricting it to
 * the units that have at least two values (the units on which agreement can be observed):
 *
 * - pa: mean over those units of the share of agreeing coder pairs (see `percentAgreement`);
 * - πₖ = mean over those units of rᵢₖ / rᵢ (each unit's category shares), pe = Σₖ πₖ²;
 * - κ = (pa − pe) / (1 − pe).
 *
 * With no missing values this is exactly Fleiss' 1971 statistic. Why not Gwet's
 * generalisation (irrCAC `fleiss.kappa.raw`), which averages πₖ over units with a single value
 * too? Those units then move the chance term without being able to agree or disagree, and κ
 * can fall below −1: for units (1, 0) and (0, –) it gives (0 − 0.625)/0.375 = −1.67. Restricted
 * as here, pa ≥ 2·pe − 1 (each unit's pair agreement is at least 2Σp² − 1, and the mean of Σp²
 * is at least Σπ²), so κ stays within [−1, 1].
 *
 * Returns NaN when no unit has two values, or when every such value is the same category
 * (pe = 1).
 */
export function fleissKappa(data: ReliabilityData): number {
  const tally = tallyUnits(data);
  const pa = percentAgreementOfTally(tally);
  if (Number.isNaN(pa)) return NaN;
  const pi = new Array<number>(tally.values.length).fill(0);
  let units = 0;
  for (const unit of tally.units) {
    if (unit.total < 2) continue;
    units++;
    unit.categories.forEach((c, i) => {
      pi[c] += unit.counts[i] / unit.total;
    });
  }
  let pe = 0;
  for (const p of pi) pe += (p / units) * (p / units);
  if (pe >= 1 - 1e-12) return NaN;
  return (pa - pe) / (1 - pe);
}
