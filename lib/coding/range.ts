import { DomainError } from '../errors';

/**
 * Checks and adjustments of a coded range [start, end) against a document's canonical text.
 */

/** A reason the range cannot be coded, or null when it can. */
export function rangeProblem(textLength: number, start: number, end: number): DomainError | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return new DomainError('range.not_integer');
  if (start < 0 || end > textLength) return new DomainError('range.outside', { start, end, length: textLength });
  if (end <= start) return new DomainError('range.empty', { start, end });
  return null;
}

const isWordChar = (ch: string) => /[\p{L}\p{N}\p{M}'’\-]/u.test(ch);

/**
 * Widens [start, end) to whole words: a start inside a word moves back to the word's
 * beginning, an end inside a word moves forward to its end; then surrounding white space
 * is trimmed. A range that holds only white space is returned unchanged.
 * Surrogate pairs (emoji) are never split.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (s === e) return { start, end };
  while (s > 0 && isWordChar(text[s - 1]) && isWordChar(text[s])) s--;
  while (e < text.length && isWordChar(text[e]) && isWordChar(text[e - 1])) e++;
  // never cut a surrogate pair
  if (s > 0 && /[\udc00-\udfff]/.test(text[s])) s--;
  if (e < text.length && /[\udc00-\udfff]/.test(text[e])) e++;
  return { start: s, end: e };
}
