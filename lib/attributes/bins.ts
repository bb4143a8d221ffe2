import type { AttributeBin } from './types';

/**
 * The label of the bin containing `value` (bins are inclusive [min, max]); the first
 * matching bin wins. Undefined for NaN or a value outside every bin.
 */
export function binOf(value: number, bins: readonly AttributeBin[]): string | undefined {
  if (Number.isNaN(value)) return undefined;
  return bins.find((b) => value >= b.min && value <= b.max)?.label;
}
