/**
 * Published reliability data sets, transcribed for the tests of this module. Each is cited
 * where it is used; they live here so that several statistics can be checked on the same
 * table.
 */
import type { ReliabilityData } from './types';

const _ = null;

/**
 * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
 * Communication, University of Pennsylvania, Departmental Papers (ASC) 43, section C
 * ("Nominal data, any number of observers, missing data") and the following sections, which
 * reuse the same table: observers A–D (rows) × units 1–12 (columns), "." = missing.
 * Published: α_nominal = 0.743, α_ordinal = 0.815, α_interval = 0.849, α_ratio = 0.797.
 */
export const KRIPPENDORFF_2011_OBSERVERS: ReadonlyArray<ReadonlyArray<number | null>> = [
  /* A */ [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  /* B */ [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  /* C */ [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  /* D */ [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

/** The same table as units × coders, the layout the statistics take. */
export const KRIPPENDORFF_2011: ReliabilityData = KRIPPENDORFF_2011_OBSERVERS[0].map((_, unit) =>
  KRIPPENDORFF_2011_OBSERVERS.map((observer) => observer[unit]),
);

/**
 * Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
 * Bulletin 76(5), 378–382, Table 1: 30 patients, each diagnosed by 6 psychiatrists into
 * 1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other. Each row is
 * one patient: how many of the 6 chose each category (Fleiss' layout). The same data ship
 * as `diagnoses` in R's irr package, where kappam.fleiss gives κ = 0.4302445.
 * Published: κ = .430. The column totals are 26, 26, 30, 55 and 43 of 180 diagnoses.
 */
export const FLEISS_1971_COUNTS: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
  [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
  [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
  [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
  [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
  [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
];

/**
 * The worked example of the English Wikipedia article "Fleiss' kappa" (section "Worked
 * example"): 10 subjects, 14 raters each, 5 categories; rows are per-subject counts.
 * Published there: P̄ = 0.378, P̄e = 0.213, κ = 0.210. (Also the test case of
 * statsmodels' `fleiss_kappa` and of G. Cardillo's MATLAB `fleiss.m`.)
 */
export const WIKIPEDIA_FLEISS_COUNTS: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
];

/**
 * Expands per-unit category counts (Fleiss' layout) into units × coders data: category j is
 * written as the number j + 1, coders filled left to right. Which coder gave which value
 * does not matter to Fleiss' κ, α or percent agreement.
 */
export function countsToRatings(rows: ReadonlyArray<ReadonlyArray<number>>): number[][] {
  return rows.map((row) => row.flatMap((count, j) => new Array<number>(count).fill(j + 1)));
}

/**
 * Expands a two-coder contingency table (`table[i][j]` units that coder A put in category i
 * and coder B in category j) into the two coders' value arrays.
 */
export function tableToPairs(table: ReadonlyArray<ReadonlyArray<number>>): { a: number[]; b: number[] } {
  const a: number[] = [];
  const b: number[] = [];
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let t = 0; t < count; t++) {
        a.push(i);
        b.push(j);
      }
    }),
  );
  return { a, b };
}
