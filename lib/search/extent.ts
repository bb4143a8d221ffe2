/**
 * How far an auto-coded hit reaches: the match itself, its sentence, or its whole turn.
 * Offsets are local to the turn's text; a coding never leaves the turn.
 *
 * A sentence ends at a run of . ! ? … (with any closing quotes or brackets after it)
 * followed by a space or the end of the turn. This is a plain rule: abbreviations like
 * "т.е. " end a sentence too, which only makes a coded sentence shorter than it might be.
 */
import type { Range } from './match';

export const EXTENTS = ['match', 'sentence', 'turn'] as const;
export type Extent = (typeof EXTENTS)[number];

const TERMINATOR = /[.!?…։۔।。！？]/u;
const CLOSER = /[»”’"')\]}]/u;
const SPACE = /\s/u;

/** Index just after the sentence end at or after `from` (its terminators and closers), or the text's length. */
function sentenceEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (!TERMINATOR.test(text[i])) continue;
    let j = i + 1;
    while (j < text.length && TERMINATOR.test(text[j])) j++;
    while (j < text.length && CLOSER.test(text[j])) j++;
    if (j >= text.length || SPACE.test(text[j])) return j;
    i = j - 1;
  }
  return text.length;
}

/** Index where the sentence containing `at` begins (after the previous sentence's end and spaces). */
function sentenceStart(text: string, at: number): number {
  let start = 0;
  let i = 0;
  while (i < at) {
    const end = sentenceEnd(text, i);
    if (end > at || end >= text.length) break;
    let next = end;
    while (next < text.length && SPACE.test(text[next])) next++;
    if (next > at) break;
    start = next;
    i = next;
  }
  return start;
}

function trim(text: string, start: number, end: number): Range {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s])) s++;
  while (e > s && SPACE.test(text[e - 1])) e--;
  return [s, e];
}

/**
 * The range to code for a hit `[start, end)` of a turn's `text`, given the extent. The
 * result always contains the hit (a sentence extent that would start after it or end
 * before it falls back to the hit's own edges).
 */
export function extendHit(text: string, start: number, end: number, extent: Extent): Range {
  if (extent === 'match') return [start, end];
  if (extent === 'turn') return trim(text, 0, text.length);
  const last = Math.max(start, end - 1);
  const s = sentenceStart(text, start);
  const e = sentenceEnd(text, last);
  const [ts, te] = trim(text, s, e);
  return [Math.min(ts, start), Math.max(te, end)];
}
