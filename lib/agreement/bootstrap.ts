import { addUnitCoincidences, alphaFromCoincidences, coincidenceMatrixOfTally } from './coincidence';
import { percentileInterval } from './percentile';
import { DEFAULT_SEED, seededRandom } from './random';
import { tallyUnits } from './tally';
import type { Interval, MeasurementLevel, ReliabilityData } from './types';

/** Options of {@link bootstrapAlpha}. */
export interface BootstrapOptions {
  /** Level of measurement, default 'nominal'. */
  level?: MeasurementLevel;
  /** Number of resamples, default 1000. */
  samples?: number;
  /** PRNG seed, default `DEFAULT_SEED`: the same seed gives the same interval. */
  seed?: number;
}

/**
 * Krippendorff's α with a bootstrap 95 % percentile interval: the pairable units (units with
 * ≥ 2 values) are resampled with replacement, α is recomputed from the summed per-unit
 * coincidences, and `low`/`high` are the 2.5th and 97.5th percentiles of the replicates.
 * (This is the ordinary unit bootstrap, not Hayes & Krippendorff's 2007 algorithm, which
 * resamples pairs of values.) Resamples in which α is undefined are left out of the interval.
 *
 * Returns `{ alpha, low, high }`; all three are NaN when α itself is undefined (see
 * `krippendorffAlpha`), and `low`/`high` are NaN when no resample gives a defined α.
 */
export function bootstrapAlpha(data: ReliabilityData, options: BootstrapOptions = {}): Interval {
  const level = options.level ?? 'nominal';
  const samples = Math.max(0, Math.floor(options.samples ?? 1000));
  const tally = tallyUnits(data);
  const alpha = alphaFromCoincidences(coincidenceMatrixOfTally(tally), level);
  if (Number.isNaN(alpha)) return { alpha, low: NaN, high: NaN };

  const q = tally.values.length;
  const pairable = tally.units.filter((u) => u.total >= 2);
  // Each unit's coincidences as a short sparse list, so a resample only adds what it draws.
  const offsets = new Int32Array(pairable.length + 1);
  const cells: number[] = [];
  const amounts: number[] = [];
  const scratch = new Float64Array(q * q);
  pairable.forEach((unit, u) => {
    scratch.fill(0);
    addUnitCoincidences(unit, q, scratch, 1);
    for (const c of unit.categories) {
      for (const k of unit.categories) {
        if (scratch[c * q + k] !== 0) {
          cells.push(c * q + k);
          amounts.push(scratch[c * q + k]);
          scratch[c * q + k] = 0;
        }
      }
    }
    offsets[u + 1] = cells.length;
  });

  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const counts = new Float64Array(q * q);
  const matrix = { values: tally.values, counts };
  const replicates = new Float64Array(samples);
  const n = pairable.length;
  for (let s = 0; s < samples; s++) {
    counts.fill(0);
    for (let draw = 0; draw < n; draw++) {
      const u = Math.floor(random() * n);
      for (let e = offsets[u]; e < offsets[u + 1]; e++) counts[cells[e]] += amounts[e];
    }
    replicates[s] = alphaFromCoincidences(matrix, level);
  }
  const { low, high } = percentileInterval(replicates);
  return { alpha, low, high };
}
