import { alphaFromBinaryCoincidences, type BinaryCoincidences } from './coincidence';
import { binaryAgreementFlag, type AgreementFlag } from './data-flag';
import { reliabilityBand, type ReliabilityBand } from './reliability-band';

/**
 * Per-cluster coincidences of binary (code applied or not) units, for many codes at once.
 * A cluster is one participant turn; its units are the turn itself (turn level) or its
 * characters (character level), once per code.
 *
 * Most (turn, code) cells are "nobody applied the code": all their pairable values are 0,
 * so they need no storage — o00 follows from the total. Only cells where some coder applied
 * the code are stored, as sparse entries (compressed rows: cluster c owns entries
 * offsets[c] … offsets[c + 1] − 1). Summing clusters, which is all a bootstrap does, then
 * costs O(clusters + entries), not O(clusters · codes).
 */
export interface BinaryClusterTable {
  codeCount: number;
  clusterCount: number;
  /** Units per code in each cluster: 1 at turn level, the turn's length at character level. */
  units: Float64Array;
  /** Coders with values in each cluster (m ≥ 2): each unit has m pairable values. */
  coders: Float64Array;
  offsets: Int32Array;
  entryCode: Int32Array;
  /** o01 (= o10) of the entry's code in the cluster. */
  entryO01: Float64Array;
  /** o11 of the entry's code in the cluster. */
  entryO11: Float64Array;
}

/** Collects clusters and entries in any order and packs them into a table. */
export class ClusterTableBuilder {
  private readonly units: number[] = [];
  private readonly coders: number[] = [];
  private readonly cluster: number[] = [];
  private readonly code: number[] = [];
  private readonly o01: number[] = [];
  private readonly o11: number[] = [];

  constructor(private readonly codeCount: number) {}

  /** Adds a cluster of `units` units per code, each rated by `coders` (≥ 2); returns its index. */
  addCluster(units: number, coders: number): number {
    this.units.push(units);
    this.coders.push(coders);
    return this.units.length - 1;
  }

  /** Adds coincidences of a code within a cluster (entries for the same cell may repeat: they add). */
  addEntry(cluster: number, code: number, o01: number, o11: number): void {
    this.cluster.push(cluster);
    this.code.push(code);
    this.o01.push(o01);
    this.o11.push(o11);
  }

  /** Packs the collected data; entries are grouped by cluster with a counting sort. */
  build(): BinaryClusterTable {
    const clusterCount = this.units.length;
    const entries = this.cluster.length;
    const offsets = new Int32Array(clusterCount + 1);
    for (const c of this.cluster) offsets[c + 1]++;
    for (let c = 0; c < clusterCount; c++) offsets[c + 1] += offsets[c];
    const fill = offsets.slice(0, clusterCount);
    const entryCode = new Int32Array(entries);
    const entryO01 = new Float64Array(entries);
    const entryO11 = new Float64Array(entries);
    for (let e = 0; e < entries; e++) {
      const at = fill[this.cluster[e]]++;
      entryCode[at] = this.code[e];
      entryO01[at] = this.o01[e];
      entryO11[at] = this.o11[e];
    }
    return {
      codeCount: this.codeCount,
      clusterCount,
      units: Float64Array.from(this.units),
      coders: Float64Array.from(this.coders),
      offsets,
      entryCode,
      entryO01,
      entryO11,
    };
  }
}

/**
 * Coincidences of k coders applying a code among m rating a unit, times `units` identical units:
 * o01 = units·k(m − k)/(m − 1), o11 = units·k(k − 1)/(m − 1). (o00 = units·(m − k)(m − k − 1)/(m − 1)
 * is implied by the total units·m.)
 */
export function binaryUnitCoincidences(k: number, m: number, units: number): { o01: number; o11: number } {
  return { o01: (units * k * (m - k)) / (m - 1), o11: (units * k * (k - 1)) / (m - 1) };
}

/** Agreement on one code (or pooled over codes) at the turn or character level. */
export interface BinaryAgreement {
  /** Pairable units: units rated by at least two coders. */
  units: number;
  /** Pairable values n (Σ of m over pairable units). */
  values: number;
  coincidences: BinaryCoincidences;
  /** Mean share of agreeing coder pairs per unit; NaN without pairable units. */
  percentAgreement: number;
  /** Nominal Krippendorff's α; NaN when flagged. */
  alpha: number;
  flag: AgreementFlag | null;
  band: ReliabilityBand;
}

/**
 * Sums the clusters of a table and computes, per code and pooled over codes (the pooled units
 * are all (unit, code) pairs), percent agreement and nominal α with its flag and band.
 * `weights`, if given, multiplies each cluster (a bootstrap's draw counts); default 1 each.
 * α is NaN, and flagged, when fewer than two units are pairable or the code shows no variation.
 */
export function summarizeClusters(
  table: BinaryClusterTable,
  weights?: ArrayLike<number>,
): { byCode: BinaryAgreement[]; pooled: BinaryAgreement } {
  const { codeCount } = table;
  const o01 = new Float64Array(codeCount);
  const o11 = new Float64Array(codeCount);
  const deficit = new Float64Array(codeCount); // Σ over units of (1 − share of agreeing pairs)
  let units = 0;
  let values = 0;
  for (let c = 0; c < table.clusterCount; c++) {
    const w = weights ? weights[c] : 1;
    if (w === 0) continue;
    const m = table.coders[c];
    units += w * table.units[c];
    values += w * table.units[c] * m;
    for (let e = table.offsets[c]; e < table.offsets[c + 1]; e++) {
      const code = table.entryCode[e];
      o01[code] += w * table.entryO01[e];
      o11[code] += w * table.entryO11[e];
      // a unit's disagreeing share 2k(m − k)/(m(m − 1)) is its o01 · 2/m
      deficit[code] += (w * 2 * table.entryO01[e]) / m;
    }
  }
  const byCode: BinaryAgreement[] = [];
  let sum01 = 0;
  let sum11 = 0;
  let sumDeficit = 0;
  for (let code = 0; code < codeCount; code++) {
    byCode.push(agreement(units, values, o01[code], o11[code], deficit[code]));
    sum01 += o01[code];
    sum11 += o11[code];
    sumDeficit += deficit[code];
  }
  const pooled = agreement(units * codeCount, values * codeCount, sum01, sum11, sumDeficit);
  return { byCode, pooled };
}

function agreement(units: number, values: number, o01: number, o11: number, deficit: number): BinaryAgreement {
  const coincidences = { o00: Math.max(0, values - 2 * o01 - o11), o01, o11 };
  const flag = binaryAgreementFlag(units, coincidences);
  const alpha = flag === null ? alphaFromBinaryCoincidences(coincidences) : NaN;
  return {
    units,
    values,
    coincidences,
    percentAgreement: units > 0 ? 1 - deficit / units : NaN,
    alpha,
    flag,
    band: reliabilityBand(alpha),
  };
}
