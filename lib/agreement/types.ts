/**
 * Shared vocabulary of the agreement statistics.
 *
 * Reliability data are laid out units × coders: `data[unit][coder]` is the value that coder
 * gave that unit, `null` when the coder did not rate it (missing). Rows may differ in length;
 * a cell past the end of its row counts as missing.
 */

/** One coder's value for one unit; `null` means missing. A `NaN` number also counts as missing. */
export type RatingValue = string | number | null;

/** A value that is present: what a category is made of. */
export type PresentValue = string | number;

/** Units × coders: `data[unit][coder]`. */
export type ReliabilityData = ReadonlyArray<ReadonlyArray<RatingValue>>;

/**
 * Krippendorff's levels of measurement: which difference function δ² compares two values.
 * `ordinal`, `interval` and `ratio` need finite numbers (`ratio` non-negative ones).
 */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** A point estimate with its bootstrap 95 % percentile interval. */
export interface Interval {
  alpha: number;
  low: number;
  high: number;
}

export interface AgreementCoder {
  id: number;
  name: string;
  /** Documents assigned to this coder. */
  assigned: number;
}

export interface AgreementChoices {
  /** Coders and leads with at least one assignment, by name. */
  coders: AgreementCoder[];
  /** Every code in codebook order, with its path and its top-level ancestor (itself at the top): its semantic domain. */
  codes: Array<{ id: number; name: string; path: string; color: string; archived: boolean; domainId: number }>;
  /** Every document, with the coders assigned to it. */
  documents: Array<{ id: number; title: string; coders: number[] }>;
}
