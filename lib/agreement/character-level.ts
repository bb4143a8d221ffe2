import {
  binaryUnitCoincidences,
  ClusterTableBuilder,
  summarizeClusters,
  type BinaryAgreement,
  type BinaryClusterTable,
} from './cluster-table';
import { firstEndingAfter, mergeSorted, type PreparedDocument, type PreparedStudy } from './document';

/** The character level: counts table (for the bootstrap) and summaries. */
export interface CharacterLevel {
  /** One cluster per participant turn of a document with ≥ 2 assigned coders; units = its characters. */
  table: BinaryClusterTable;
  byCode: Array<BinaryAgreement & { codeId: string }>;
  pooled: BinaryAgreement;
}

/**
 * Character-level agreement: every character (UTF-16 code unit) of a participant turn is a
 * unit, once per code; a coder's value is 1 if one of their codings of the code covers it,
 * 0 if not, missing if the coder is not assigned to the document. Gives nominal α and percent
 * agreement per code and pooled, NaN plus a flag when there is not enough data.
 *
 * Never character by character: per document and code, the boundaries of all assigned
 * coders' merged codings are visited once, in order; between two consecutive boundaries the
 * number k of coders covering is constant, so each run adds len·k(m − k)/(m − 1) to o01 and
 * len·k(k − 1)/(m − 1) to o11 of each turn it overlaps. Cost per document and code:
 * O(b·(m + log turns)) for b boundaries of m coders — independent of the text's length.
 */
export function characterLevel(study: PreparedStudy, options: CharacterLevelOptions = {}): CharacterLevel {
  const table = characterTable(study, options);
  const summary = summarizeClusters(table);
  return {
    table,
    byCode: summary.byCode.map((s, code) => ({ ...s, codeId: study.codes[code] })),
    pooled: summary.pooled,
  };
}

/** Options of the character level. */
export interface CharacterLevelOptions {
  /**
   * Leave out the characters that none of the document's assigned coders coded with any
   * reported code (long uncoded stretches otherwise count as agreement on every code). Only
   * those characters' all-zero units go: the coincidences of the others are unchanged.
   */
  excludeUncoded?: boolean;
}

/** The per-turn coincidence table of the character level (see `characterLevel`). */
export function characterTable(study: PreparedStudy, options: CharacterLevelOptions = {}): BinaryClusterTable {
  const codeCount = study.codes.length;
  const builder = new ClusterTableBuilder(codeCount);
  for (const doc of study.documents) {
    const m = doc.assignedCount;
    if (m < 2 || doc.starts.length === 0) continue;
    const units = options.excludeUncoded ? codedPerTurn(doc) : null;
    const length = (t: number) => (units ? units[t] : doc.ends[t] - doc.starts[t]);
    const first = builder.addCluster(length(0), m);
    for (let t = 1; t < doc.starts.length; t++) builder.addCluster(length(t), m);
    for (let code = 0; code < codeCount; code++) sweepCode(doc, code, m, first, builder);
  }
  return builder.build();
}

/** Per participant turn: how many of its characters some assigned coder coded with some code. */
function codedPerTurn(doc: PreparedDocument): Float64Array {
  const ranges: Array<[number, number]> = [];
  for (const byCoder of doc.coverage) for (const r of byCoder) if (r) for (let i = 0; i < r.length; i += 2) ranges.push([r[i], r[i + 1]]);
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const union = mergeSorted(ranges);
  const out = new Float64Array(doc.starts.length);
  let t = 0;
  for (let i = 0; i < union.length; i += 2) {
    const s = union[i];
    const e = union[i + 1];
    t = Math.max(t, firstEndingAfter(doc.ends, s));
    for (let k = t; k < doc.starts.length && doc.starts[k] < e; k++) out[k] += Math.max(0, Math.min(e, doc.ends[k]) - Math.max(s, doc.starts[k]));
  }
  return out;
}

/**
 * Sweeps one code's boundaries in one document, adding per-turn coincidence entries. Each
 * coder's merged ranges are already sorted and disjoint, so the sweep merges the coders'
 * boundary lists (picking the smallest head among m lists) instead of sorting them: O(b·m).
 */
function sweepCode(doc: PreparedDocument, code: number, m: number, firstCluster: number, builder: ClusterTableBuilder): void {
  const lists: Float64Array[] = [];
  for (const ranges of doc.coverage[code]) if (ranges && ranges.length > 0) lists.push(ranges);
  if (lists.length === 0) return;
  const heads = new Int32Array(lists.length);

  const turns = doc.starts.length;
  let turn = 0;
  let covering = 0;
  let previous = 0;
  let lastTurn = -1;
  let o01 = 0;
  let o11 = 0;
  for (;;) {
    // the next boundary: smallest head; a start (+1) at even index, an end (−1) at odd
    let list = -1;
    let at = Infinity;
    for (let l = 0; l < lists.length; l++) {
      if (heads[l] < lists[l].length && lists[l][heads[l]] < at) {
        at = lists[l][heads[l]];
        list = l;
      }
    }
    if (list < 0) break;
    if (covering > 0 && at > previous) {
      // the run [previous, at) is covered by `covering` coders: split it over turns
      turn = Math.max(turn, firstEndingAfter(doc.ends, previous));
      for (let t = turn; t < turns && doc.starts[t] < at; t++) {
        const length = Math.min(at, doc.ends[t]) - Math.max(previous, doc.starts[t]);
        if (length <= 0) continue;
        if (t !== lastTurn) {
          if (lastTurn >= 0) builder.addEntry(firstCluster + lastTurn, code, o01, o11);
          lastTurn = t;
          o01 = 0;
          o11 = 0;
        }
        const c = binaryUnitCoincidences(covering, m, length);
        o01 += c.o01;
        o11 += c.o11;
      }
    }
    covering += heads[list] % 2 === 0 ? 1 : -1;
    heads[list]++;
    previous = at;
  }
  if (lastTurn >= 0) builder.addEntry(firstCluster + lastTurn, code, o01, o11);
}
