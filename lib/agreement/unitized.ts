/**
 * Krippendorff's αu for unitized continua (Krippendorff 1995, "On the reliability of
 * unitizing contiguous data", Sociological Methodology 25, 47–76; Krippendorff 2004, Content
 * Analysis, 2nd ed., §12.4, pp. 251–256), per code and overall, computed from the ranges of
 * a {@link UnitizedContinuum} — never character by character.
 *
 * For one code, each of the m observers divides the continuum of length L into sections:
 * units of the code and the gaps between them. Two sections g (observer i) and h (observer j)
 * differ by
 *   δ²(g, h) = (b_g − b_h)² + (e_g − e_h)²  if both are units and they overlap,
 *            = l_g²                          if g is a unit inside the gap h,
 *            = l_h²                          if h is a unit inside the gap g,
 *            = 0                             otherwise,
 * (b, e, l: begin, end, length) and
 *   D_o = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(g, h) / (m(m − 1)L²),
 *   D_e = (2/L) Σ_units u [ (N − 1)·l_u(l_u − 1)(2l_u − 1)/3 + l_u² Σ_{gaps g, l_g ≥ l_u} (l_g − l_u + 1) ]
 *         / [ mL(mL − 1) − Σ_units u l_u(l_u − 1) ],
 * with N the number of units of the code over all observers and the sums over units and gaps
 * running over all observers. αu_k = 1 − D_o/D_e per code and αu = 1 − Σ_k D_o,k / Σ_k D_e,k
 * over codes (2004, p. 256).
 *
 * Cost. Per code and pair of observers, one merge of their sorted units: a unit of one that
 * overlaps no unit of the other lies inside one of the other's gaps (units never cross a
 * document end, where gaps are cut), so only units need visiting. D_e sorts the gaps by length
 * once and answers each unit's Σ over longer gaps from suffix sums. Per code
 * O((U + G) log G + m²U) for U units and G gaps, independent of L.
 *
 * Bootstrap. Every term is attributed to a cluster (participant turn): a unit and a gap to the
 * cluster where it starts, an observed δ² to the cluster where the two sections start to meet.
 * A resample weights clusters by how often they were drawn; L, N and every sum are recomputed
 * as weighted sums, the gap sums again from suffix sums over the gaps sorted once.
 */
import { clusterAt, type UnitizedContinuum } from './continuum';
import { percentileInterval } from './percentile';
import { DEFAULT_SEED, SeededRandom } from './random';
import { reliabilityBand, type ReliabilityBand } from './reliability-band';

/** Observed and expected disagreement and αu; null where undefined. */
export interface UnitizedDisagreement {
  observed: number | null;
  expected: number | null;
  alpha: number | null;
  band: ReliabilityBand;
}

/** αu for one code. */
export interface UnitizedCodeAlpha extends UnitizedDisagreement {
  codeId: string;
  /** N: units of the code over all observers. */
  units: number;
}

/** αu per code and overall, with what the continuum was made of. */
export interface UnitizedAlpha {
  coders: string[];
  /** L: characters in the continuum. */
  length: number;
  documents: number;
  excludeUncoded: boolean;
  byCode: UnitizedCodeAlpha[];
  overall: UnitizedDisagreement;
}

/** A 95 % bootstrap percentile interval; null bounds where no resample defined α. */
export interface UnitizedInterval {
  alpha: number | null;
  low: number | null;
  high: number | null;
  /** Resamples in which α was defined. */
  defined: number;
}

/** Bootstrap intervals of αu per code (in continuum order) and overall. */
export interface UnitizedBootstrap {
  samples: number;
  byCode: UnitizedInterval[];
  overall: UnitizedInterval;
}

/** Options of {@link bootstrapUnitizedAlpha}. */
export interface UnitizedBootstrapOptions {
  /** Number of resamples, default 1000. */
  samples?: number;
  /** PRNG seed, default `DEFAULT_SEED`. */
  seed?: number;
}

/**
 * The terms of αu for one code, each tagged with its cluster: what the point estimate and
 * every resample sum. Gaps are sorted by length; `unitRank[u]` is the index of the first gap
 * at least as long as unit u.
 */
interface CodeTerms {
  unitLength: Float64Array;
  unitCluster: Int32Array;
  unitRank: Int32Array;
  gapLength: Float64Array;
  gapCluster: Int32Array;
  /** Observed δ², summed over both orders of each pair of observers. */
  termValue: Float64Array;
  termCluster: Int32Array;
}

/** αu per code and overall (see the module comment). Never throws on a well-formed continuum. */
export function unitizedAlpha(continuum: UnitizedContinuum): UnitizedAlpha {
  const terms = continuum.codes.map((_, code) => codeTerms(continuum, code));
  const weights = new Int32Array(continuum.clusterEnds.length).fill(1);
  const scratch = new Scratch(terms);
  const m = continuum.coders.length;
  const L = continuum.length;
  const byCode: UnitizedCodeAlpha[] = [];
  let sumObserved = 0;
  let sumExpected = 0;
  terms.forEach((t, code) => {
    const d = disagreements(t, weights, m, L, scratch);
    sumObserved += d.observed;
    sumExpected += d.expected;
    byCode.push({ codeId: continuum.codes[code], units: t.unitLength.length, ...result(d.observed, d.expected, m, L) });
  });
  return {
    coders: continuum.coders,
    length: L,
    documents: continuum.documentIds.length,
    excludeUncoded: continuum.excludeUncoded,
    byCode,
    overall: result(sumObserved, sumExpected, m, L),
  };
}

/**
 * αu per code and overall with bootstrap 95 % percentile intervals: the continuum's clusters
 * (participant turns) are resampled with replacement, seeded, and every sum of αu is
 * recomputed with the draw counts as weights (see the module comment). Resamples in which α is
 * undefined are left out of the interval; `defined` says how many remained.
 */
export function bootstrapUnitizedAlpha(continuum: UnitizedContinuum, options: UnitizedBootstrapOptions = {}): UnitizedBootstrap {
  const samples = Math.max(0, Math.floor(options.samples ?? 1000));
  const terms = continuum.codes.map((_, code) => codeTerms(continuum, code));
  const scratch = new Scratch(terms);
  const m = continuum.coders.length;
  const lengths = clusterLengths(continuum.clusterEnds);
  const clusters = lengths.length;
  const codeCount = terms.length;

  const ones = new Int32Array(clusters).fill(1);
  const point: Array<number | null> = [];
  let pointObserved = 0;
  let pointExpected = 0;
  for (const t of terms) {
    const d = disagreements(t, ones, m, continuum.length, scratch);
    point.push(result(d.observed, d.expected, m, continuum.length).alpha);
    pointObserved += d.observed;
    pointExpected += d.expected;
  }
  const pointOverall = result(pointObserved, pointExpected, m, continuum.length).alpha;

  const replicates = Array.from({ length: codeCount + 1 }, () => new Float64Array(samples).fill(NaN));
  const random = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const drawn = new Int32Array(clusters);
  for (let s = 0; s < samples && clusters > 0; s++) {
    random.drawCounts(drawn);
    let L = 0;
    for (let c = 0; c < clusters; c++) if (drawn[c] !== 0) L += drawn[c] * lengths[c];
    let sumObserved = 0;
    let sumExpected = 0;
    for (let code = 0; code < codeCount; code++) {
      const d = disagreements(terms[code], drawn, m, L, scratch);
      sumObserved += d.observed;
      sumExpected += d.expected;
      replicates[code][s] = result(d.observed, d.expected, m, L).alpha ?? NaN;
    }
    replicates[codeCount][s] = result(sumObserved, sumExpected, m, L).alpha ?? NaN;
  }

  const interval = (alpha: number | null, reps: Float64Array): UnitizedInterval => {
    if (alpha === null) return { alpha, low: null, high: null, defined: 0 };
    const { low, high, defined } = percentileInterval(reps);
    return { alpha, low: Number.isNaN(low) ? null : low, high: Number.isNaN(high) ? null : high, defined };
  };
  return {
    samples,
    byCode: point.map((alpha, code) => interval(alpha, replicates[code])),
    overall: interval(pointOverall, replicates[codeCount]),
  };
}

/** α, D_o and D_e from the summed numerators; null where undefined. */
function result(observed: number, expected: number, m: number, L: number): UnitizedDisagreement {
  if (!(L > 0) || m < 2 || !Number.isFinite(observed) || !Number.isFinite(expected)) {
    return { observed: null, expected: null, alpha: null, band: 'undefined' };
  }
  if (!(expected > 0)) return { observed, expected: expected === 0 ? 0 : null, alpha: null, band: 'undefined' };
  const alpha = 1 - observed / expected;
  return { observed, expected, alpha, band: reliabilityBand(alpha) };
}

/** Buffers reused across codes and resamples. */
class Scratch {
  readonly count: Float64Array;
  readonly sum: Float64Array;
  constructor(terms: CodeTerms[]) {
    const most = terms.reduce((n, t) => Math.max(n, t.gapLength.length), 0);
    this.count = new Float64Array(most + 1);
    this.sum = new Float64Array(most + 1);
  }
}

/**
 * D_o and D_e of one code under cluster weights (all 1 for the point estimate) and a
 * continuum length L (the weighted sum of cluster lengths).
 */
function disagreements(
  t: CodeTerms,
  w: Int32Array,
  m: number,
  L: number,
  scratch: Scratch,
): { observed: number; expected: number } {
  if (!(L > 0) || m < 2) return { observed: NaN, expected: NaN };
  let observed = 0;
  for (let i = 0; i < t.termValue.length; i++) {
    const weight = w[t.termCluster[i]];
    if (weight !== 0) observed += weight * t.termValue[i];
  }
  // suffix sums over gaps sorted by length: count and total length of gaps at or after rank r
  const G = t.gapLength.length;
  const { count, sum } = scratch;
  count[G] = 0;
  sum[G] = 0;
  for (let g = G - 1; g >= 0; g--) {
    const weight = w[t.gapCluster[g]];
    count[g] = count[g + 1] + weight;
    sum[g] = sum[g + 1] + weight * t.gapLength[g];
  }
  let units = 0;
  let cubic = 0;
  let placements = 0;
  let selfPairs = 0;
  for (let u = 0; u < t.unitLength.length; u++) {
    const weight = w[t.unitCluster[u]];
    if (weight === 0) continue;
    const l = t.unitLength[u];
    const r = t.unitRank[u];
    units += weight;
    cubic += (weight * (l * (l - 1) * (2 * l - 1))) / 3;
    placements += weight * l * l * (sum[r] - (l - 1) * count[r]);
    selfPairs += weight * l * (l - 1);
  }
  const mL = m * L;
  const denominator = mL * (mL - 1) - selfPairs;
  const expected = units === 0 ? 0 : ((2 / L) * ((units - 1) * cubic + placements)) / denominator;
  return { observed: observed / (m * (m - 1) * L * L), expected };
}

/** Cluster lengths from their ends. */
function clusterLengths(ends: Float64Array): Float64Array {
  const out = new Float64Array(ends.length);
  for (let c = 0; c < ends.length; c++) out[c] = ends[c] - (c > 0 ? ends[c - 1] : 0);
  return out;
}

/** Collects one code's units, gaps and observed δ² terms (see {@link CodeTerms}). */
function codeTerms(continuum: UnitizedContinuum, code: number): CodeTerms {
  const byCoder = continuum.units[code];
  const m = byCoder.length;
  const ends = continuum.clusterEnds;
  const unitLength: number[] = [];
  const unitCluster: number[] = [];
  const gaps: Array<{ length: number; cluster: number }> = [];
  for (const units of byCoder) {
    // gaps: the complement of the units within each document
    let d = 0;
    let cursor = 0;
    const closeUntil = (position: number) => {
      // emit gaps from cursor up to position, cut at document ends
      while (d < continuum.documentEnds.length && continuum.documentEnds[d] <= position) {
        const end = continuum.documentEnds[d];
        if (end > cursor) gaps.push({ length: end - cursor, cluster: clusterAt(ends, cursor) });
        cursor = Math.max(cursor, end);
        d++;
      }
      if (position > cursor) gaps.push({ length: position - cursor, cluster: clusterAt(ends, cursor) });
      cursor = Math.max(cursor, position);
    };
    for (let i = 0; i < units.length; i += 2) {
      closeUntil(units[i]);
      unitLength.push(units[i + 1] - units[i]);
      unitCluster.push(clusterAt(ends, units[i]));
      cursor = units[i + 1];
    }
    closeUntil(continuum.length);
  }
  gaps.sort((a, b) => a.length - b.length);
  const gapLength = Float64Array.from(gaps, (g) => g.length);
  const gapCluster = Int32Array.from(gaps, (g) => g.cluster);
  const unitRank = Int32Array.from(unitLength, (l) => firstAtLeast(gapLength, l));

  const termValue: number[] = [];
  const termCluster: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) pairTerms(byCoder[i], byCoder[j], ends, termValue, termCluster);
  }
  return {
    unitLength: Float64Array.from(unitLength),
    unitCluster: Int32Array.from(unitCluster),
    unitRank,
    gapLength,
    gapCluster,
    termValue: Float64Array.from(termValue),
    termCluster: Int32Array.from(termCluster),
  };
}

/**
 * Observed δ² between two observers' units, both orders of the pair (hence the factor 2):
 * each pair of overlapping units adds (Δbegin² + Δend²), each unit that overlaps none of the
 * other's adds its length² (it lies inside one of the other's gaps).
 */
function pairTerms(a: Float64Array, b: Float64Array, ends: Float64Array, values: number[], clusters: number[]): void {
  const matchedB = new Uint8Array(b.length / 2);
  let q = 0;
  for (let i = 0; i < a.length; i += 2) {
    const s = a[i];
    const e = a[i + 1];
    while (q < b.length && b[q + 1] <= s) q += 2;
    let matched = false;
    for (let r = q; r < b.length && b[r] < e; r += 2) {
      if (b[r + 1] <= s) continue;
      matched = true;
      matchedB[r / 2] = 1;
      values.push(2 * ((s - b[r]) ** 2 + (e - b[r + 1]) ** 2));
      clusters.push(clusterAt(ends, Math.max(s, b[r])));
    }
    if (!matched) {
      values.push(2 * (e - s) ** 2);
      clusters.push(clusterAt(ends, s));
    }
  }
  for (let r = 0; r < b.length; r += 2) {
    if (matchedB[r / 2]) continue;
    values.push(2 * (b[r + 1] - b[r]) ** 2);
    clusters.push(clusterAt(ends, b[r]));
  }
}

/** First index of ascending `sorted` whose value is ≥ x. */
function firstAtLeast(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
