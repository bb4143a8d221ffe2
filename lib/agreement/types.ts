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
