import {
  binaryUnitCoincidences,
  ClusterTableBuilder,
  summarizeClusters,
  type BinaryAgreement,
  type BinaryClusterTable,
} from './cluster-table';
import { cohenKappaBinary } from './cohen-kappa';
import { firstEndingAfter, type PreparedDocument, type PreparedStudy } from './document';
import type { RatingValue } from './types';

/**
 * Which turns each coder coded with each code: `presence[coder][turn * codeCount + code]` is 1
 * when any of the coder's codings of the code overlaps the participant turn by at least one
 * character, else 0; `presence[coder]` is null for a coder not assigned to the document.
 * Turns are the document's prepared (non-empty, sorted) participant turns.
 */
export function turnPresence(doc: PreparedDocument, codeCount: number): Array<Uint8Array | null> {
  return markTurns(doc, codeCount).presence;
}

/**
 * `turnPresence`, plus `coded[cell]`: how many coders coded the cell (turn · codeCount + code),
 * and the list of cells at least one coder coded, so that callers visit only those.
 */
function markTurns(
  doc: PreparedDocument,
  codeCount: number,
): { presence: Array<Uint8Array | null>; coded: Uint8Array; touched: number[] } {
  const turns = doc.starts.length;
  const coded = new Uint8Array(turns * codeCount);
  const touched: number[] = [];
  const presence = doc.assigned.map((isAssigned, coder) => {
    if (!isAssigned) return null;
    const flags = new Uint8Array(turns * codeCount);
    for (let code = 0; code < codeCount; code++) {
      const ranges = doc.coverage[code][coder];
      if (!ranges) continue;
      for (let r = 0; r < ranges.length; r += 2) {
        const start = ranges[r];
        const end = ranges[r + 1];
        for (let t = firstEndingAfter(doc.ends, start); t < turns && doc.starts[t] < end; t++) {
          const cell = t * codeCount + code;
          if (flags[cell]) continue; // another range of the same coder in the same turn
          flags[cell] = 1;
          if (coded[cell]++ === 0) touched.push(cell);
        }
      }
    }
    return flags;
  });
  return { presence, coded, touched };
}

/** A unit of the turn level: a participant turn of a document. */
export interface TurnUnit {
  /** Index of the document in the input. */
  document: number;
  documentId: string | undefined;
  /** Index of the turn in the document's input `turns`. */
  turn: number;
}

/** Turn-level reliability data, ready for the statistics of this module. */
export interface TurnUnits {
  coders: string[];
  codes: string[];
  /** The rows of every matrix below, in order. */
  units: TurnUnit[];
  /** Per code (in `codes` order): units × coders, 1 coded / 0 not / null coder not assigned. */
  byCode: Array<{ codeId: string; data: RatingValue[][] }>;
  /** All codes' matrices stacked in `codes` order: units are (turn, code) pairs. */
  pooled: RatingValue[][];
}

/**
 * The turn level as plain data matrices: one row per non-empty participant turn of every
 * document (moderator and unknown-speaker turns are not units), one column per compared
 * coder. Rows of documents with fewer than two assigned coders are included but have at most
 * one value, so no statistic pairs them. Use this to feed `krippendorffAlpha`, `fleissKappa`,
 * `percentAgreement` …; the report itself works from counts (see `turnLevel`), which is
 * faster and gives the same numbers.
 */
export function turnUnits(study: PreparedStudy): TurnUnits {
  const codeCount = study.codes.length;
  const units: TurnUnit[] = [];
  const byCode = study.codes.map((codeId) => ({ codeId, data: [] as RatingValue[][] }));
  study.documents.forEach((doc, d) => {
    const presence = turnPresence(doc, codeCount);
    for (let t = 0; t < doc.starts.length; t++) {
      units.push({ document: d, documentId: doc.id, turn: doc.turnIndex[t] });
      for (let code = 0; code < codeCount; code++) {
        byCode[code].data.push(presence.map((flags) => (flags ? flags[t * codeCount + code] : null)));
      }
    }
  });
  return { coders: study.coders, codes: study.codes, units, byCode, pooled: byCode.flatMap((c) => c.data) };
}

/** Cohen's κ of one pair of coders, per code and pooled, over the turns both were assigned. */
export interface PairKappa {
  coderA: string;
  coderB: string;
  byCode: Array<{ codeId: string; units: number; kappa: number }>;
  /** Over all (turn, code) units. */
  pooled: { units: number; kappa: number };
}

/** The turn level: counts table (for the bootstrap), summaries, and pairwise κ. */
export interface TurnLevel {
  /** One cluster per participant turn of a document with ≥ 2 assigned coders. */
  table: BinaryClusterTable;
  byCode: Array<BinaryAgreement & { codeId: string }>;
  pooled: BinaryAgreement;
  /** Cohen's κ for every pair of compared coders (one pair when two coders are compared). */
  kappa: PairKappa[];
}

/**
 * Turn-level agreement: each (non-empty participant turn, code) is a unit; a coder's value is
 * 1 if any of their codings of the code overlaps the turn, 0 if not, missing if the coder is
 * not assigned. Gives nominal α and percent agreement per code and pooled (NaN plus a flag
 * when there is not enough data), and Cohen's κ per coder pair (NaN when undefined: no shared
 * turns, or both coders constant). Cost per document: O(turns + coded cells · coder pairs),
 * plus zero-filling one byte per (turn, code) for each assigned coder.
 */
export function turnLevel(study: PreparedStudy): TurnLevel {
  const codeCount = study.codes.length;
  const builder = new ClusterTableBuilder(codeCount);
  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < study.coders.length; a++) for (let b = a + 1; b < study.coders.length; b++) pairs.push([a, b]);
  // per pair, per code: n11, n10, n01, units
  const tables = pairs.map(() => new Float64Array(codeCount * 4));

  for (const doc of study.documents) {
    const m = doc.assignedCount;
    const turns = doc.starts.length;
    if (m < 2 || turns === 0) continue;
    const { presence, coded, touched } = markTurns(doc, codeCount);
    const first = builder.addCluster(1, m);
    for (let t = 1; t < turns; t++) builder.addCluster(1, m);
    // Only cells some coder coded carry information; every other cell is (0, …, 0).
    for (const cell of touched) {
      const { o01, o11 } = binaryUnitCoincidences(coded[cell], m, 1);
      builder.addEntry(first + Math.floor(cell / codeCount), cell % codeCount, o01, o11);
    }
    pairs.forEach(([a, b], p) => {
      const fa = presence[a];
      const fb = presence[b];
      if (!fa || !fb) return;
      const counts = tables[p];
      for (let code = 0; code < codeCount; code++) counts[code * 4 + 3] += turns;
      for (const cell of touched) {
        const x = fa[cell];
        const y = fb[cell];
        if (x === 0 && y === 0) continue;
        counts[(cell % codeCount) * 4 + (x && y ? 0 : x ? 1 : 2)]++;
      }
    });
  }

  const table = builder.build();
  const summary = summarizeClusters(table);
  const kappa = pairs.map(([a, b], p): PairKappa => {
    const counts = tables[p];
    let n11 = 0;
    let n10 = 0;
    let n01 = 0;
    let units = 0;
    const byCode = study.codes.map((codeId, code) => {
      const c11 = counts[code * 4];
      const c10 = counts[code * 4 + 1];
      const c01 = counts[code * 4 + 2];
      const n = counts[code * 4 + 3];
      n11 += c11;
      n10 += c10;
      n01 += c01;
      units += n;
      return { codeId, units: n, kappa: cohenKappaBinary(c11, c10, c01, n - c11 - c10 - c01) };
    });
    return {
      coderA: study.coders[a],
      coderB: study.coders[b],
      byCode,
      pooled: { units, kappa: cohenKappaBinary(n11, n10, n01, units - n11 - n10 - n01) },
    };
  });
  return {
    table,
    byCode: summary.byCode.map((s, code) => ({ ...s, codeId: study.codes[code] })),
    pooled: summary.pooled,
    kappa,
  };
}
