import { characterLevel } from './character-level';
import type { BinaryAgreement } from './cluster-table';
import { clusteredBootstrap, type ClusteredBootstrapOptions } from './clustered-bootstrap';
import { prepareStudy, type AgreementInput, type PreparedStudy } from './document';
import { DEFAULT_SEGMENT_THRESHOLD, segmentAgreement, type SegmentPairAgreement } from './segment-level';
import { turnLevel, type PairKappa } from './turn-level';
import type { RoundSpec } from './rounds';

/** Options of {@link agreementReport}. */
export interface AgreementReportOptions {
  /** Segment-level overlap threshold, default 0.9 (see `segmentAgreement`). */
  segmentThreshold?: number;
  /** Bootstrap 95 % intervals for α at turn and character level; omitted or false: none. */
  bootstrap?: ClusteredBootstrapOptions | false;
  /**
   * Leave out the text no compared coder coded, at character level and in the unitizing
   * coefficients (see `characterLevel`, `unitizedContinuum`). Default false; the report says which.
   */
  excludeUncoded?: boolean;
  /** Compute the unitizing coefficients in `agreementSummary` (see `unitizedReport`); default false. */
  unitized?: boolean;
  /** Code id → semantic domain id, for cu-α and Cu-α (see `unitizedFamily`). */
  domains?: Readonly<Record<string, string>>;
  /** Training rounds to report one by one in `agreementSummary` (see `roundsAgreement`); default none. */
  rounds?: readonly RoundSpec[];
}

/** A 95 % bootstrap percentile interval and the number of resamples that defined α. */
export interface ConfidenceInterval {
  low: number;
  high: number;
  defined: number;
}

/** Agreement at one level, pooled over codes; `ci` is null unless a bootstrap was asked for. */
export interface LevelAgreement extends BinaryAgreement {
  ci: ConfidenceInterval | null;
}

/** Agreement at one level for one code. */
export interface CodeAgreement extends LevelAgreement {
  codeId: string;
}

/** Everything the agreement page shows for one comparison. */
export interface AgreementReport {
  coders: string[];
  codes: string[];
  turn: { byCode: CodeAgreement[]; pooled: LevelAgreement; kappa: PairKappa[] };
  character: { byCode: CodeAgreement[]; pooled: LevelAgreement; excludeUncoded: boolean };
  segment: { threshold: number; pairs: SegmentPairAgreement[] };
}

/**
 * Inter-coder agreement of the given coders on the given documents, at turn, character and
 * segment level (see `turnLevel`, `characterLevel`, `segmentAgreement`), per code and pooled,
 * with not-enough-data flags and Krippendorff bands. With `bootstrap`, adds clustered bootstrap
 * intervals for α (see `clusteredBootstrap`). Both levels have the same clusters (the
 * participant turns of documents with two or more assigned coders, in the same order) and use
 * the same seed, so each resample draws the same turns at both levels. Every statistic that is
 * undefined is NaN, never an exception.
 */
export function agreementReport(input: AgreementInput, options: AgreementReportOptions = {}): AgreementReport {
  return composeReport(prepareStudy(input), options).report;
}

/**
 * The report of an already prepared study, with the turn and character levels it was made of,
 * so that `agreementSummary` can weigh the same cluster tables per document without computing
 * the levels twice.
 */
export function composeReport(study: PreparedStudy, options: AgreementReportOptions) {
  const turn = turnLevel(study);
  const character = characterLevel(study, { excludeUncoded: options.excludeUncoded });
  const threshold = options.segmentThreshold ?? DEFAULT_SEGMENT_THRESHOLD;
  const segments = segmentAgreement(study, { threshold });

  const turnCi = options.bootstrap ? clusteredBootstrap(turn.table, options.bootstrap) : null;
  const characterCi = options.bootstrap ? clusteredBootstrap(character.table, options.bootstrap) : null;
  const ci = (c: ConfidenceInterval | undefined): ConfidenceInterval | null =>
    c ? { low: c.low, high: c.high, defined: c.defined } : null;

  const report: AgreementReport = {
    coders: study.coders,
    codes: study.codes,
    turn: {
      byCode: turn.byCode.map((s, code) => ({ ...s, ci: ci(turnCi?.byCode[code]) })),
      pooled: { ...turn.pooled, ci: ci(turnCi?.pooled) },
      kappa: turn.kappa,
    },
    character: {
      byCode: character.byCode.map((s, code) => ({ ...s, ci: ci(characterCi?.byCode[code]) })),
      pooled: { ...character.pooled, ci: ci(characterCi?.pooled) },
      excludeUncoded: options.excludeUncoded === true,
    },
    segment: { threshold, pairs: segments },
  };
  return { report, turn, character, threshold, segments };
}
