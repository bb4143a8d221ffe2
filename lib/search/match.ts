/**
 * Where a query matches in one turn: the exact `[start, end)` UTF-16 ranges of its words,
 * prefixes and phrases. The index only says which turns to look at; this decides.
 *
 * A turn satisfies a term when one of the term's occurrences is in it; AND, OR and NOT
 * combine that per turn (as FTS5 does per row). A satisfying turn's hits are the
 * occurrences of the terms that are not excluded by a NOT, overlapping ones merged. A
 * prefix term's hit is the whole word it starts ("әкім*" in "әкімдікке" marks the word).
 * Words of a phrase follow each other with anything but word characters between them.
 *
 * Rather than cutting the whole turn into words, a term is looked for with a
 * case-insensitive Unicode regex (much faster than folding the text), which finds a
 * superset of where the folded word is: its `iu` matching equates every pair of
 * characters that folding equates, except İ and i, which the pattern spells out (checked
 * for every code point by a test). Each place it finds is then checked exactly: folded
 * words compared, word boundaries looked at. This runs on every turn the index finds when
 * every hit is wanted (auto-coding, combined queries), so its speed matters.
 */
import type { QueryNode, TermNode } from './query';
import { foldWord, isWordCharAt, isWordCharBefore } from './words';

export type Range = readonly [start: number, end: number];

/** Anything between two words of a phrase. */
const SEPARATORS = '[^\\p{L}\\p{N}\\p{Co}\\p{M}]+';

/**
 * A regex finding every place where the folded words, one after the other, may be (and
 * some where they are not).
 */
export function candidatePattern(folded: readonly string[]): RegExp {
  const words = folded.map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&').replace(/i/g, '[iİ]'));
  return new RegExp(words.join(SEPARATORS), 'giu');
}

const patterns = new WeakMap<TermNode, RegExp>();

function patternOf(term: TermNode): RegExp {
  let re = patterns.get(term);
  if (!re) {
    re = candidatePattern(term.words);
    patterns.set(term, re);
  }
  return re;
}

/** UTF-16 units of the code point at i. */
function width(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c < 0xdc00 && i + 1 < text.length ? 2 : 1;
}

/** The end of the word running through `i` (i itself if no word character is there). */
function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isWordCharAt(text, j)) j += width(text, j);
  return j;
}

/** The next word character at or after `i`, or the text's length. */
function nextWord(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isWordCharAt(text, j)) j += width(text, j);
  return j;
}

/**
 * If the folded word `w` (or, with `prefix`, a word starting with it) begins at `at`, where
 * that word ends; otherwise -1. `at` must be a word start.
 */
function wordAt(text: string, at: number, w: string, prefix: boolean): number {
  const end = at + w.length;
  if (end > text.length || foldWord(text.slice(at, end)) !== w) return -1;
  if (prefix) return wordEnd(text, end);
  return isWordCharAt(text, end) ? -1 : end;
}

function occurrences(text: string, term: TermNode): Range[] {
  const out: Range[] = [];
  const [first, ...rest] = term.words;
  const last = term.words.length - 1;
  const single = last === 0 && !term.prefix;
  const re = patternOf(term);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const at = m.index;
    re.lastIndex = at + width(text, at);
    if (isWordCharBefore(text, at)) continue;
    let end: number;
    if (single) {
      // The common case, a plain word: the regex matched it; check it folds to the word
      // (cheaply when it is already in lower case) and ends there.
      end = at + first.length;
      if (end > text.length || !(m[0] === first || foldWord(text.slice(at, end)) === first) || isWordCharAt(text, end)) continue;
    } else {
      end = wordAt(text, at, first, term.prefix && last === 0);
      for (let k = 0; k < rest.length && end !== -1; k++) {
        const next = nextWord(text, end);
        end = next < text.length ? wordAt(text, next, rest[k], term.prefix && k + 1 === last) : -1;
      }
    }
    if (end !== -1) out.push([at, end]);
  }
  return out;
}

interface Evaluation {
  matched: boolean;
  ranges: Range[];
}

const NO: Evaluation = { matched: false, ranges: [] };

function evaluate(turn: string, node: QueryNode, cache: Map<TermNode, Range[]>): Evaluation {
  switch (node.kind) {
    case 'term': {
      let ranges = cache.get(node);
      if (!ranges) {
        ranges = occurrences(turn, node);
        cache.set(node, ranges);
      }
      return { matched: ranges.length > 0, ranges };
    }
    case 'and': {
      const l = evaluate(turn, node.left, cache);
      if (!l.matched) return NO;
      const r = evaluate(turn, node.right, cache);
      return r.matched ? { matched: true, ranges: [...l.ranges, ...r.ranges] } : NO;
    }
    case 'or': {
      const l = evaluate(turn, node.left, cache);
      const r = evaluate(turn, node.right, cache);
      return { matched: l.matched || r.matched, ranges: [...l.ranges, ...r.ranges] };
    }
    case 'not': {
      const l = evaluate(turn, node.left, cache);
      if (!l.matched) return NO;
      return evaluate(turn, node.right, cache).matched ? NO : l;
    }
  }
}

/** Sorts ranges and merges those that overlap (touching ranges stay apart). */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  let ordered = true;
  for (let i = 1; i < ranges.length && ordered; i++) ordered = ranges[i - 1][1] <= ranges[i][0];
  if (ordered) return ranges as Range[];
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * The hits of the query in a turn's text, in order, as offsets into that text; empty when
 * the turn does not satisfy the query.
 */
export function matchTurn(text: string, query: QueryNode): Range[] {
  if (query.kind === 'term') return mergeRanges(occurrences(text, query));
  const result = evaluate(text, query, new Map());
  return result.matched ? mergeRanges(result.ranges) : [];
}
