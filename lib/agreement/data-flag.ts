import type { BinaryCoincidences } from './coincidence';

/**
 * Why a coefficient could not be computed, for the UI to show instead of a number:
 * - 'too-few-units': fewer than two units carry values of at least two coders;
 * - 'no-variation': every pairable value is the same (e.g. nobody used the code, or everyone
 *   coded everything), so chance agreement is total and α is 0/0.
 */
export type AgreementFlag = 'too-few-units' | 'no-variation';

/**
 * The flag for a binary (code applied / not applied) comparison, given the number of pairable
 * units and the coincidences; null when α is defined. Zero-ish counts within 1e-9·n count as
 * zero, as in `alphaFromBinaryCoincidences`.
 */
export function binaryAgreementFlag(pairableUnits: number, c: BinaryCoincidences): AgreementFlag | null {
  if (pairableUnits < 2) return 'too-few-units';
  const n0 = c.o00 + c.o01;
  const n1 = c.o11 + c.o01;
  const eps = 1e-9 * (n0 + n1);
  if (n0 <= eps || n1 <= eps) return 'no-variation';
  return null;
}
