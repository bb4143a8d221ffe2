/**
 * The agreement report with the breakdowns the agreement page shows beside it: per document,
 * per pair of coders, and the number of codings per code.
 *
 * It prepares the study once and reuses it for everything: the report itself (`composeReport`,
 * the same function `agreementReport` returns the result of), per-document figures
 * by weighting the same cluster tables (a document's clusters weigh 1, the others 0 — what a
 * bootstrap resample does with counts), and per-pair figures by looking at two columns of the
 * prepared study. Calling `agreementReport` once per document and once per pair would prepare
 * the study over and over: at the project's scale that is several times the 300 ms budget.
 */
import { characterLevel } from './character-level';
import { summarizeClusters, type BinaryAgreement } from './cluster-table';
import { prepareStudy, type AgreementInput, type PreparedStudy } from './document';
import { composeReport, type AgreementReport, type AgreementReportOptions } from './report';
import { segmentAgreement, type SegmentCounts, type SegmentPairAgreement } from './segment-level';
import { roundsAgreement, type RoundAgreement } from './rounds';
import { turnLevel } from './turn-level';
import { unitizedReport, type UnitizedReport } from './unitized-report';

/** Agreement within one document, pooled over codes (and over coder pairs for segments). */
export interface DocumentAgreement {
  /** Index of the document in the input, and its id. */
  index: number;
  documentId: string | undefined;
  /** Compared coders assigned to the document; below two, nothing is compared here. */
  coders: number;
  turn: BinaryAgreement;
  character: BinaryAgreement;
  segment: SegmentCounts;
}

/** Agreement of one pair of coders, pooled over codes, on the documents both were assigned. */
export interface PairAgreement {
  coderA: string;
  coderB: string;
  /** Documents both were assigned to. */
  documents: number;
  turn: BinaryAgreement;
  /** Cohen's κ over the pair's (turn, code) units, and how many units. */
  kappa: { units: number; kappa: number };
  character: BinaryAgreement;
  segment: SegmentCounts;
}

export interface AgreementSummary {
  report: AgreementReport;
  /** Per code (in `report.codes` order): codings of the compared coders on compared documents. */
  codings: number[];
  /** Per code: segment counts summed over coder pairs. */
  segmentByCode: SegmentCounts[];
  byDocument: DocumentAgreement[];
  byPair: PairAgreement[];
  /** Krippendorff's αu, the cu-α family and their pair matrix (see `unitizedReport`); null unless asked for. */
  unitized: UnitizedReport | null;
  /** Each training round's α (see `roundsAgreement`), in round order; empty without rounds. */
  rounds: RoundAgreement[];
}

/**
 * `agreementReport(input, options)` plus breakdowns per document and per coder pair and the
 * number of codings per code. Documents with fewer than two compared coders assigned are listed
 * in `byDocument` with their figures flagged 'too-few-units'. Every undefined statistic is NaN.
 */
export function agreementSummary(input: AgreementInput, options: AgreementReportOptions = {}): AgreementSummary {
  const study = prepareStudy(input);
  const { report, turn, character, threshold, segments } = composeReport(study, options);

  // Both tables hold one cluster per participant turn of each document with ≥ 2 assigned
  // coders, documents in input order (see turnLevel, characterTable).
  const weights = new Float64Array(turn.table.clusterCount);
  let cluster = 0;
  const byDocument = study.documents.map((doc, index): DocumentAgreement => {
    const compared = doc.assignedCount >= 2 && doc.starts.length > 0;
    weights.fill(0);
    if (compared) weights.fill(1, cluster, cluster + doc.starts.length);
    const t = summarizeClusters(turn.table, weights).pooled;
    const c = summarizeClusters(character.table, weights).pooled;
    if (compared) cluster += doc.starts.length;
    const pairs = segmentAgreement({ ...study, documents: [doc] }, { threshold });
    return { index, documentId: doc.id, coders: doc.assignedCount, turn: t, character: c, segment: poolPairs(pairs) };
  });

  const byPair = segments.map((pair, p): PairAgreement => {
    const kappa = turn.kappa[p].pooled;
    if (study.coders.length === 2) {
      return { ...pairHead(pair), kappa, turn: turn.pooled, character: character.pooled, segment: pair.pooled };
    }
    const sub = twoCoders(study, study.coders.indexOf(pair.coderA), study.coders.indexOf(pair.coderB));
    return {
      ...pairHead(pair),
      kappa,
      turn: turnLevel(sub).pooled,
      character: characterLevel(sub, { excludeUncoded: options.excludeUncoded }).pooled,
      segment: pair.pooled,
    };
  });

  const codings = study.codes.map((_, code) => {
    let n = 0;
    for (const doc of study.documents) {
      if (doc.assignedCount < 2) continue;
      for (const flat of doc.segments[code]) if (flat) n += flat.length / 2;
    }
    return n;
  });

  const segmentByCode = study.codes.map((_, code) =>
    poolCounts(segments.map((pair) => pair.byCode[code])),
  );

  const unitized = !options.unitized
    ? null
    : unitizedReport(study, {
    excludeUncoded: options.excludeUncoded,
    domains: options.domains,
    bootstrap: options.bootstrap ? options.bootstrap : false,
  });

  const rounds = options.rounds?.length
    ? roundsAgreement(input, options.rounds, { excludeUncoded: options.excludeUncoded, unitized: options.unitized, bootstrap: options.bootstrap })
    : [];

  return { report, codings, segmentByCode, byDocument, byPair, unitized, rounds };
}

function pairHead(pair: SegmentPairAgreement) {
  return { coderA: pair.coderA, coderB: pair.coderB, documents: pair.documents };
}

/** Segment counts summed over coder pairs. */
export function poolPairs(pairs: readonly SegmentPairAgreement[]): SegmentCounts {
  return poolCounts(pairs.map((p) => p.pooled));
}

/** Sums segment counts; the share is NaN when there is no segment at all. */
function poolCounts(counts: readonly SegmentCounts[]): SegmentCounts {
  let segmentsA = 0;
  let matchedA = 0;
  let segmentsB = 0;
  let matchedB = 0;
  for (const p of counts) {
    segmentsA += p.segmentsA;
    matchedA += p.matchedA;
    segmentsB += p.segmentsB;
    matchedB += p.matchedB;
  }
  const all = segmentsA + segmentsB;
  return { segmentsA, matchedA, segmentsB, matchedB, share: all > 0 ? (matchedA + matchedB) / all : NaN };
}

/** The prepared study seen through two of its coders (no copying: the arrays are shared). */
function twoCoders(study: PreparedStudy, a: number, b: number): PreparedStudy {
  return {
    coders: [study.coders[a], study.coders[b]],
    codes: study.codes,
    documents: study.documents.map((doc) => {
      const assigned = [doc.assigned[a], doc.assigned[b]];
      return {
        ...doc,
        assigned,
        assignedCount: assigned.filter(Boolean).length,
        coverage: doc.coverage.map((byCoder) => [byCoder[a], byCoder[b]]),
        segments: doc.segments.map((byCoder) => [byCoder[a], byCoder[b]]),
      };
    }),
  };
}
