import { summarizeClusters, type BinaryClusterTable } from './cluster-table';
import { percentileInterval } from './percentile';
import { DEFAULT_SEED, SeededRandom } from './random';
import type { Interval } from './types';

/** Options of {@link clusteredBootstrap}. */
export interface ClusteredBootstrapOptions {
  /** Number of resamples, default 1000. */
  samples?: number;
  /** PRNG seed, default `DEFAULT_SEED`: the same seed gives the same intervals. */
  seed?: number;
}

/** α with its bootstrap interval, and how many resamples had a defined α. */
export interface ClusteredInterval extends Interval {
  defined: number;
}

/** Bootstrap intervals per code (in table order) and pooled over codes. */
export interface ClusteredBootstrap {
  samples: number;
  byCode: ClusteredInterval[];
  pooled: ClusteredInterval;
}

/**
 * Clustered bootstrap of nominal α: resamples the table's clusters (participant turns — the
 * turn is the cluster even at character level, since a turn's characters are not independent)
 * with replacement, as many as there are, sums their precomputed coincidences, and recomputes
 * α per code and pooled. `low`/`high` are the 2.5th and 97.5th percentiles of the replicates
 * (R's type-7 quantiles); resamples in which α is undefined (e.g. no draw contains the code)
 * are left out, and `defined` says how many remained.
 *
 * Returns NaN bounds where α itself is undefined or no resample defined it. Cost per
 * resample: O(clusters + entries drawn), never touching characters.
 */
export function clusteredBootstrap(table: BinaryClusterTable, options: ClusteredBootstrapOptions = {}): ClusteredBootstrap {
  const samples = Math.max(0, Math.floor(options.samples ?? 1000));
  const { codeCount, clusterCount, units, coders, offsets, entryCode, entryO01, entryO11 } = table;
  const point = summarizeClusters(table);
  const replicates = Array.from({ length: codeCount + 1 }, () => new Float64Array(samples).fill(NaN));
  const random = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const o01 = new Float64Array(codeCount);
  const o11 = new Float64Array(codeCount);

  // Each resample first counts how often each cluster was drawn (summing their units on the
  // way), then visits only the clusters that have entries, in order, so the entries are read
  // sequentially rather than at random.
  const drawn = new Int32Array(clusterCount);
  const values = new Float64Array(clusterCount);
  for (let c = 0; c < clusterCount; c++) values[c] = units[c] * coders[c];
  const withEntries: number[] = [];
  for (let c = 0; c < clusterCount; c++) if (offsets[c + 1] > offsets[c]) withEntries.push(c);
  const active = Int32Array.from(withEntries);
  for (let s = 0; s < samples && clusterCount > 0; s++) {
    random.drawCounts(drawn);
    let drawnUnits = 0;
    let drawnValues = 0;
    for (let c = 0; c < clusterCount; c++) {
      const w = drawn[c];
      if (w === 0) continue;
      drawnUnits += w * units[c];
      drawnValues += w * values[c];
    }
    o01.fill(0);
    o11.fill(0);
    for (let i = 0; i < active.length; i++) {
      const c = active[i];
      const w = drawn[c];
      if (w === 0) continue;
      const end = offsets[c + 1];
      for (let e = offsets[c]; e < end; e++) {
        const code = entryCode[e];
        o01[code] += w * entryO01[e];
        o11[code] += w * entryO11[e];
      }
    }
    if (drawnUnits < 2) continue;
    let all01 = 0;
    let all11 = 0;
    for (let code = 0; code < codeCount; code++) {
      replicates[code][s] = binaryAlpha(drawnValues, o01[code], o11[code]);
      all01 += o01[code];
      all11 += o11[code];
    }
    replicates[codeCount][s] = binaryAlpha(drawnValues * codeCount, all01, all11);
  }

  const interval = (alpha: number, reps: Float64Array): ClusteredInterval => {
    if (Number.isNaN(alpha)) return { alpha, low: NaN, high: NaN, defined: 0 };
    const { low, high, defined } = percentileInterval(reps);
    return { alpha, low, high, defined };
  };
  return {
    samples,
    byCode: point.byCode.map((s, code) => interval(s.alpha, replicates[code])),
    pooled: interval(point.pooled.alpha, replicates[codeCount]),
  };
}

/** α = 1 − (n − 1)·o01/(n0·n1) inline, NaN without variation (see `alphaFromBinaryCoincidences`). */
function binaryAlpha(n: number, o01: number, o11: number): number {
  const n1 = o11 + o01;
  const n0 = n - n1;
  const eps = 1e-9 * n;
  if (n0 <= eps || n1 <= eps) return NaN;
  return 1 - ((n - 1) * o01) / (n0 * n1);
}
