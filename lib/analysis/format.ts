/** How a measure's value is written: counts whole, % with one decimal, per 1,000 words with two. */
import type { Measure } from './types';

/** The value rounded for a table or file (null stays null: no denominator). */
export function roundMeasure(value: number | null, measure: Measure): number | null {
  if (value == null) return null;
  if (measure === 'percent') return Math.round(value * 10) / 10;
  if (measure === 'per1000') return Math.round(value * 100) / 100;
  return value;
}

/** The value as a person reads it in `locale`; "—" for no denominator. */
export function formatMeasure(value: number | null, measure: Measure, locale: string): string {
  if (value == null) return '—';
  const digits = measure === 'percent' ? 1 : measure === 'per1000' ? 2 : 0;
  const text = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return measure === 'percent' ? `${text} %` : text;
}
