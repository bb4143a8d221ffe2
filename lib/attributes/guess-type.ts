/**
 * A first guess at the type of a spreadsheet column that is to become an attribute, for the
 * lead to confirm: the guess is only the default in the form.
 */
import { isIsoDate, parseNumber, valueKey, type AttributeValueType } from './validate';

/** Most distinct values a column may have to be guessed a category. */
export const CATEGORY_GUESS_LIMIT = 12;

/**
 * Guesses the type of a column from its non-blank values: 'number' when every value is a
 * number, 'date' when every value is an ISO date, 'category' when there are at most
 * {@link CATEGORY_GUESS_LIMIT} distinct values (ignoring case) and some value repeats (or
 * there are no values), else 'text'.
 */
export function guessAttributeType(values: readonly string[]): AttributeValueType {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return 'category';
  if (present.every((v) => parseNumber(v) !== null)) return 'number';
  if (present.every(isIsoDate)) return 'date';
  const distinct = new Set(present.map(valueKey));
  if (distinct.size <= CATEGORY_GUESS_LIMIT && (distinct.size < present.length || present.length === 1)) return 'category';
  return 'text';
}

/** The distinct non-blank values of a column in order of first appearance, spelled as first written (ignoring case). */
export function distinctValues(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of values) {
    const v = raw.trim().replace(/\s+/g, ' ');
    if (v !== '' && !seen.has(valueKey(v))) seen.set(valueKey(v), v);
  }
  return [...seen.values()];
}
