import { snapToWords } from '@/lib/coding/range';
import type { TurnRange } from '@/lib/text/canonical';
import { posToOffset } from '@/lib/text/positions';
import type { TextRange } from '../types';

/**
 * The passage an editor selection (positions `from`..`to`) codes, in text offsets: snapped
 * to whole words when `snap` is on; null for an empty selection or one with no text.
 */
export function selectedRange(ranges: readonly TurnRange[], text: string, from: number, to: number, snap: boolean): TextRange | null {
  if (from === to) return null;
  let start = posToOffset(ranges, from);
  let end = posToOffset(ranges, to);
  if (snap) ({ start, end } = snapToWords(text, start, end));
  return end > start ? { start, end } : null;
}
