/** How a reliability coefficient reads against Krippendorff's thresholds. */
export type ReliabilityBand = 'reliable' | 'tentative' | 'unreliable' | 'undefined';

/** Krippendorff's thresholds: α ≥ .800 reliable; α ≥ .667 for tentative conclusions. */
export const RELIABLE_ALPHA = 0.8;
export const TENTATIVE_ALPHA = 0.667;

/**
 * Classifies α (Krippendorff 2004, Content Analysis, §11.4.4): 'reliable' at ≥ 0.800,
 * 'tentative' at ≥ 0.667, 'unreliable' below, 'undefined' for NaN (not enough data).
 *
 * α is compared after rounding to three decimals, the precision in which it is reported, so a
 * value shown as 0.800 is never labelled tentative.
 */
export function reliabilityBand(alpha: number): ReliabilityBand {
  if (Number.isNaN(alpha)) return 'undefined';
  const shown = Math.round(alpha * 1000) / 1000;
  if (shown >= RELIABLE_ALPHA) return 'reliable';
  if (shown >= TENTATIVE_ALPHA) return 'tentative';
  return 'unreliable';
}
