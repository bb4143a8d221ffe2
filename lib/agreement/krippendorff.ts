import { alphaFromCoincidences, coincidenceMatrix } from './coincidence';
import type { MeasurementLevel, ReliabilityData } from './types';

/**
 * Krippendorff's α for units × coders data with any number of coders and missing values
 * (`null`), at the given level of measurement (default nominal). Follows Krippendorff (2011),
 * "Computing Krippendorff's Alpha-Reliability": units with fewer than two values are not
 * pairable and are dropped; α = 1 − D_o/D_e from the coincidence matrix.
 *
 * Returns a value ≤ 1 (1 = perfect agreement, 0 = chance), or NaN when fewer than two
 * values are pairable, when all pairable values are the same (no variation), or when the
 * level needs numbers and a value is not a finite number (ratio: a negative number).
 */
export function krippendorffAlpha(data: ReliabilityData, level: MeasurementLevel = 'nominal'): number {
  return alphaFromCoincidences(coincidenceMatrix(data), level);
}
