import type { EditorCoding } from '@/lib/coding/editor-codings';
import type { TextRange } from '../types';

/**
 * The next (direction 1) or previous (-1) coding of a code from a text offset, in text
 * order, wrapping round at either end; undefined when the code has no codings.
 */
export function nextCoding<T extends Pick<EditorCoding, 'codeId' | 'start' | 'end'>>(codings: readonly T[], codeId: number, at: number, direction: 1 | -1): T | undefined {
  const list = codings.filter((c) => c.codeId === codeId).sort((a, b) => a.start - b.start || a.end - b.end);
  if (!list.length) return undefined;
  if (direction > 0) return list.find((c) => c.start > at) ?? list[0];
  return [...list].reverse().find((c) => c.start < at) ?? list[list.length - 1];
}

/** A range asked for in the address (a drill-down or search hit), if it lies within a text of this length. */
export function rangeWithin(range: TextRange | null | undefined, textLength: number): TextRange | null {
  if (!range) return null;
  const { start, end } = range;
  return start < 0 || end > textLength || end < start ? null : { start, end };
}
