import { tallyUnits, type Tally, type UnitTally } from './tally';
import type { MeasurementLevel, PresentValue, ReliabilityData } from './types';

/**
 * Krippendorff's coincidence matrix: `counts[c * q + k]` (q = `values.length`) is o_ck, the
 * number of c–k pairs of values within units, each pairable unit (≥ 2 values, mᵤ of them)
 * weighted 1/(mᵤ − 1). Symmetric; its total is n, the number of pairable values.
 */
export interface CoincidenceMatrix {
  values: PresentValue[];
  counts: Float64Array;
}

/**
 * The coincidence matrix of a 2-valued (0/1) variable, kept as three numbers: o00, o11 and
 * o01 (= o10, one off-diagonal cell, not their sum). n = o00 + 2·o01 + o11.
 */
export interface BinaryCoincidences {
  o00: number;
  o01: number;
  o11: number;
}

/**
 * Builds the coincidence matrix of units × coders data (`null` = missing). Units with fewer
 * than two values contribute nothing. `values` holds every observed category, sorted
 * (numbers ascending, then strings), including ones seen only in unpairable units (their row
 * is zero).
 */
export function coincidenceMatrix(data: ReliabilityData): CoincidenceMatrix {
  return coincidenceMatrixOfTally(tallyUnits(data));
}

/** {@link coincidenceMatrix} from a tally (see `tallyUnits`). */
export function coincidenceMatrixOfTally(tally: Tally): CoincidenceMatrix {
  const q = tally.values.length;
  const counts = new Float64Array(q * q);
  for (const unit of tally.units) addUnitCoincidences(unit, q, counts, 1);
  return { values: tally.values, counts };
}

/**
 * Adds `weight` times one unit's coincidences to a q × q matrix in place:
 * o_ck += weight · (n_c·n_k − [c = k]·n_c) / (m − 1). Does nothing for a unit with fewer
 * than two values.
 */
export function addUnitCoincidences(unit: UnitTally, q: number, into: Float64Array, weight: number): void {
  const m = unit.total;
  if (m < 2) return;
  const f = weight / (m - 1);
  const { categories, counts } = unit;
  for (let i = 0; i < categories.length; i++) {
    const c = categories[i];
    for (let j = 0; j < categories.length; j++) {
      const k = categories[j];
      const pairs = i === j ? counts[i] * (counts[i] - 1) : counts[i] * counts[j];
      if (pairs !== 0) into[c * q + k] += pairs * f;
    }
  }
}

/**
 * Krippendorff's α from a coincidence matrix: α = 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c·n_k δ²_ck
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"), with δ² chosen by
 * `level`:
 * - nominal: 0 for equal values, 1 otherwise;
 * - ordinal: (Σ_{g from c to k} n_g − (n_c + n_k)/2)², categories ranked by numeric value;
 * - interval: (c − k)²;
 * - ratio: ((c − k)/(c + k))².
 *
 * The matrix need not come from `coincidenceMatrix`: a bootstrap may pass the sum of
 * precomputed per-cluster matrices (`counts` q × q row-major, any array of numbers). Returns NaN when fewer than two values are pairable,
 * when there is no variation (expected disagreement 0: a single category), or when the
 * level needs numbers and a value is not a finite number (ratio: not a non-negative one).
 */
export function alphaFromCoincidences(
  matrix: { values: readonly PresentValue[]; counts: ArrayLike<number> },
  level: MeasurementLevel = 'nominal',
): number {
  const { values, counts } = matrix;
  const q = values.length;
  if (counts.length < q * q) return NaN;
  const marginals = new Float64Array(q);
  let n = 0;
  for (let c = 0; c < q; c++) {
    let row = 0;
    for (let k = 0; k < q; k++) row += counts[c * q + k];
    marginals[c] = row;
    n += row;
  }
  if (!(n > 1)) return NaN;
  const delta = differenceFunction(values, marginals, level);
  if (delta === null) return NaN;
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) {
      const d = delta(c, k);
      if (d === 0) continue;
      observed += counts[c * q + k] * d;
      expected += marginals[c] * marginals[k] * d;
    }
  }
  if (!(expected > 1e-12 * n * n)) return NaN;
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * Nominal α of a binary variable from its three coincidence numbers:
 * α = 1 − (n − 1)·o01 / (n0·n1), with n0 = o00 + o01 and n1 = o11 + o01.
 * Returns NaN when fewer than two values are pairable or one value never occurs (no
 * variation). Values within 1e-9·n of zero count as zero, absorbing rounding in sums of
 * fractional coincidences.
 */
export function alphaFromBinaryCoincidences(c: BinaryCoincidences): number {
  const n0 = c.o00 + c.o01;
  const n1 = c.o11 + c.o01;
  const n = n0 + n1;
  if (!(n > 1)) return NaN;
  const eps = 1e-9 * n;
  if (n0 <= eps || n1 <= eps) return NaN;
  return 1 - ((n - 1) * Math.max(0, c.o01)) / (n0 * n1);
}

/**
 * δ²(c, k) on category indices for a level, or null when the values do not suit it
 * (non-numbers for ordinal/interval/ratio, negative numbers for ratio).
 */
function differenceFunction(
  values: readonly PresentValue[],
  marginals: Float64Array,
  level: MeasurementLevel,
): ((c: number, k: number) => number) | null {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  const numbers: number[] = [];
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    if (level === 'ratio' && v < 0) return null;
    numbers.push(v);
  }
  if (level === 'interval') return (c, k) => (numbers[c] - numbers[k]) ** 2;
  if (level === 'ratio') {
    return (c, k) => {
      const sum = numbers[c] + numbers[k];
      return sum === 0 ? 0 : ((numbers[c] - numbers[k]) / sum) ** 2;
    };
  }
  // ordinal: cumulative marginals in rank order
  const order = numbers.map((_, i) => i).sort((a, b) => numbers[a] - numbers[b]);
  const rank = new Array<number>(numbers.length);
  order.forEach((cat, r) => (rank[cat] = r));
  const cumulative = new Float64Array(order.length + 1);
  order.forEach((cat, r) => (cumulative[r + 1] = cumulative[r] + marginals[cat]));
  return (c, k) => {
    if (c === k) return 0;
    const lo = Math.min(rank[c], rank[k]);
    const hi = Math.max(rank[c], rank[k]);
    const between = cumulative[hi + 1] - cumulative[lo] - (marginals[c] + marginals[k]) / 2;
    return between * between;
  };
}
