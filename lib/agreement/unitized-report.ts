/**
 * The unitizing section of the agreement report: Krippendorff's αu per code and overall, the
 * cu-α family (α-binary, cu-α, Cu-α), a coder-pair matrix, bootstrap intervals, and what the
 * continuum was made of (documents left out, coders without units, merged overlaps) — from one
 * prepared study.
 */
import { unitizedContinuum, type EmptyCoder, type UnitMerge } from './continuum';
import type { PreparedStudy } from './document';
import type { ReliabilityBand } from './reliability-band';
import { bootstrapUnitizedAlpha, unitizedAlpha, type UnitizedAlpha, type UnitizedInterval } from './unitized';
import { bootstrapUnitizedFamily, unitizedFamily, type UnitizedFamily, type UnitizedFamilyBootstrap } from './unitized-family';

/** Options of {@link unitizedReport}. */
export interface UnitizedReportOptions {
  /** Leave out text none of the compared coders coded. */
  excludeUncoded?: boolean;
  /** Code id → semantic domain id (for cu-α and Cu-α); a code not listed is its own domain. */
  domains?: Readonly<Record<string, string>>;
  /** Bootstrap intervals (resampling participant turns); omitted or false: none. */
  bootstrap?: { samples?: number; seed?: number } | false;
}

/** αu and α-binary of one pair of coders on the documents both were assigned. */
export interface UnitizedPair {
  coderA: string;
  coderB: string;
  documents: number;
  length: number;
  alpha: number | null;
  band: ReliabilityBand;
}

export interface UnitizedReport {
  excludeUncoded: boolean;
  alphaU: UnitizedAlpha;
  /** Intervals of αu per code (in `alphaU.byCode` order) and overall; null without a bootstrap. */
  alphaUCi: { byCode: UnitizedInterval[]; overall: UnitizedInterval } | null;
  family: UnitizedFamily;
  /** Intervals of the family per domain and global (`byCode` is empty); null without a bootstrap. */
  familyCi: UnitizedFamilyBootstrap | null;
  /** Every pair of compared coders (for three or more coders; one entry for two). */
  pairs: UnitizedPair[];
  /** Documents left out of the all-coder continuum: not assigned to every compared coder. */
  skippedDocuments: Array<string | undefined>;
  emptyCoders: EmptyCoder[];
  merges: UnitMerge[];
  mergedUnits: number;
}

/**
 * The unitizing coefficients over the documents assigned to every compared coder, and per pair
 * over the documents both were assigned (see `unitizedContinuum`, `unitizedAlpha`,
 * `unitizedFamily`). Undefined values are null.
 */
export function unitizedReport(study: PreparedStudy, options: UnitizedReportOptions = {}): UnitizedReport {
  const excludeUncoded = options.excludeUncoded === true;
  const continuum = unitizedContinuum(study, { excludeUncoded });
  const alphaU = unitizedAlpha(continuum);
  const family = unitizedFamily(continuum, { domains: options.domains });
  const boot = options.bootstrap ? options.bootstrap : null;
  const alphaUCi = boot ? bootstrapUnitizedAlpha(continuum, boot) : null;
  // per-code α-binary intervals would double the cost of the family's bootstrap: domains and global only
  const familyCi = boot ? bootstrapUnitizedFamily(continuum, { ...boot, domains: options.domains, byCode: false }) : null;

  const pairs: UnitizedPair[] = [];
  for (let a = 0; a < study.coders.length; a++) {
    for (let b = a + 1; b < study.coders.length; b++) {
      const coders = [study.coders[a], study.coders[b]];
      const pair = study.coders.length === 2 ? continuum : unitizedContinuum(study, { coders, excludeUncoded });
      const u = pair === continuum ? alphaU : unitizedAlpha(pair);
      pairs.push({
        coderA: coders[0],
        coderB: coders[1],
        documents: pair.documentIds.length,
        length: pair.length,
        alpha: u.overall.alpha,
        band: u.overall.band,
      });
    }
  }
  return {
    excludeUncoded,
    alphaU,
    alphaUCi: alphaUCi ? { byCode: alphaUCi.byCode, overall: alphaUCi.overall } : null,
    family,
    familyCi,
    pairs,
    skippedDocuments: continuum.skippedDocuments,
    emptyCoders: continuum.emptyCoders,
    merges: continuum.merges,
    mergedUnits: continuum.mergedUnits,
  };
}
