/**
 * Attribute values are stored as text; tables give them their declared type so that
 * spreadsheets, R and SPSS sort and sum them. One parser for every table writer.
 */
import type { CellValue } from './sheet';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** "34", " 2,5 " → 34, 2.5; anything else → null. A decimal comma counts (Russian and Kazakh input). */
export function numberFromText(raw: string): number | null {
  const s = raw.trim().replace(',', '.');
  return NUMBER.test(s) ? Number(s) : null;
}

/** "2024-11-05" → that day at 00:00 UTC; any other text, or a day that does not exist (2024-02-30) → null. */
export function dateFromText(raw: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
}

/**
 * A stored value as a cell of its attribute's type: a number attribute's as a number, a date
 * attribute's as a date; what does not parse, and category and text values, stay text. No
 * value is null; a blank one stays as written.
 */
export function typedCell(type: string | undefined, raw: string | undefined): CellValue {
  if (raw == null) return null;
  if (raw.trim() === '') return raw;
  if (type === 'number') return numberFromText(raw) ?? raw;
  if (type === 'date') return dateFromText(raw) ?? raw;
  return raw;
}
