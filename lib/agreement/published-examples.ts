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

/** A unit on a continuum: code, begin, end (end exclusive). */
export type PublishedUnit = { code: string; start: number; end: number };

/**
 * Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology, 2nd ed.,
 * §12.4 (pp. 251–256), the worked example of αu: two observers unitize a continuum of 300
 * units, from 150 to 450, into units of the categories c and k. Observer i: c at 225–295 and
 * 370–400, k at 180–240 and 300–350; observer j: c at 220–300, 355–375 and 400–420, k at
 * 180–240 and 300–350. (Transcribed as in DKPro Statistics' Krippendorff2004Test, which
 * reproduces the book's values.) Published: uD_o,c = 0.0144, uD_e,c = 0.0532, uα_c = 0.7286;
 * uD_o,k = 0, uD_e,k = 0.0490, uα_k = 1.000; uα = 1 − 0.0144/(0.0532 + 0.0490) = 0.8591 from
 * the rounded disagreements (0.8587 unrounded).
 */
export const KRIPPENDORFF_2004_UNITIZING = {
  begin: 150,
  length: 300,
  observers: [
    [
      { code: 'c', start: 225, end: 295 },
      { code: 'c', start: 370, end: 400 },
      { code: 'k', start: 180, end: 240 },
      { code: 'k', start: 300, end: 350 },
    ],
    [
      { code: 'c', start: 220, end: 300 },
      { code: 'c', start: 355, end: 375 },
      { code: 'c', start: 400, end: 420 },
      { code: 'k', start: 180, end: 240 },
      { code: 'k', start: 300, end: 350 },
    ],
  ] as PublishedUnit[][],
};

/**
 * Krippendorff, K. (1995). On the reliability of unitizing contiguous data. Sociological
 * Methodology 25, 47–76, p. 57: four pairs of observers (A Bertha/Bill, B John/Jill,
 * C Gerret/Gill, D Heather/Hill), each unitizing a continuum of 24 units with one category
 * (1 = a unit, "|" = a boundary between sections):
 *
 *   A Bertha   0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0
 *     Bill     0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0
 *   B John     1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1|0 0 0 0 0 0
 *     Jill     1 1|1|1|1|1|1 1 1|1|0 0 0 0 0 0 0 0 0 0 0 0 0 0
 *   C Gerret   0 0|1 1 1 1 1 1|0 0|1 1|0 0|1 1 1 1|0 0|1 1|0 0
 *     Gill     1 1|0 0|1 1 1 1|0 0|1 1 1 1|0 0|1 1|0 0|1 1|0 0
 *   D Heather  1 1|1 1 1 1 1 1 1 1|1 1 1 1|1 1 1 1 1 1|1 1 1 1
 *     Hill     1 1 1 1|1 1 1 1|1 1 1 1 1 1 1|1 1|1 1 1 1 1 1 1
 *
 * (Transcribed as in DKPro Statistics' Krippendorff1995Test.) Published, per pair:
 * D_o = .03125, 2.26736, .02777, .38715; D_e = .06990, 1.17731, .08642, .41445;
 * αu = .553, −.926, .679, .066. The paper's D_e treats the continuum as continuous (the
 * limit of the 2004 formula as the scale is refined); see unitized.test.ts.
 */
export const KRIPPENDORFF_1995_PAIRS: Record<'A' | 'B' | 'C' | 'D', Array<Array<[number, number]>>> = {
  A: [
    [[2, 10], [14, 20]],
    [[4, 8], [15, 17]],
  ],
  B: [
    [[0, 18]],
    [[0, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 9], [9, 10]],
  ],
  C: [
    [[2, 8], [10, 12], [14, 18], [20, 22]],
    [[0, 2], [4, 8], [10, 14], [16, 18], [20, 22]],
  ],
  D: [
    [[0, 2], [2, 10], [10, 14], [14, 20], [20, 24]],
    [[0, 4], [4, 8], [8, 15], [15, 17], [17, 24]],
  ],
};
