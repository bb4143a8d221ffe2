/**
 * What a word is for search, and when two words are the same. The full-text index
 * (`fts-schema.ts`) is set up to cut and fold exactly like this, so a turn the index finds
 * is a turn where these functions find the word, and offsets are computed here.
 *
 * A word is a run of letters, digits, combining marks and private-use characters; anything
 * else separates words ("e-Otinish" is the two words "e" and "otinish", as in the index).
 * Folding is lower case without a locale (so a Turkish server locale changes nothing), with
 * İ → i and unicode61's extra folds (ς → σ, ſ → s, …). It keeps the UTF-16 length of the
 * word: `toLowerCase` changes the length of no character but İ, which is mapped first.
 */
import { EXTRA_FOLDS } from './fts-data';

/** A word of a text: `[start, end)` as UTF-16 offsets into it. */
export interface Word {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
const WORD_CHAR = /^[\p{L}\p{N}\p{Co}\p{M}]$/u;
/** Has a letter or digit: a query word made only of marks cannot be searched for. */
const SEARCHABLE = /[\p{L}\p{N}\p{Co}]/u;

const EXTRA = new Map(EXTRA_FOLDS.map(([from, to]) => [String.fromCodePoint(from), String.fromCodePoint(to)]));
const EXTRA_CLASS = `[${[...EXTRA.keys()].join('')}]`;
const HAS_EXTRA = new RegExp(EXTRA_CLASS, 'u');
const EXTRA_ALL = new RegExp(EXTRA_CLASS, 'gu');

/** The words of a text, in order. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Is this one character (a code point) part of words? */
export function isWordChar(ch: string): boolean {
  return WORD_CHAR.test(ch);
}

// Word characters of the Basic Multilingual Plane as a table, built on first use with one
// regex pass over all of them (a few milliseconds): matching looks at characters one by
// one, and a table lookup is far cheaper than a Unicode-property regex per character.
let bmpWordChars: Uint8Array | null = null;

function bmpTable(): Uint8Array {
  if (!bmpWordChars) {
    const table = new Uint8Array(0x10000);
    let all = '';
    for (let c = 0; c < 0x10000; c++) all += c >= 0xd800 && c < 0xe000 ? ' ' : String.fromCharCode(c);
    for (const m of all.matchAll(WORD)) table.fill(1, m.index, m.index + m[0].length);
    bmpWordChars = table;
  }
  return bmpWordChars;
}

/** Is the character (code point) starting at UTF-16 index `i` a word character? False outside the text. */
export function isWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code >= 0xe000) return bmpTable()[code] === 1;
  const cp = text.codePointAt(i)!;
  return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Is the character (code point) ending just before UTF-16 index `i` a word character? False at the start. */
export function isWordCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const code = text.charCodeAt(i - 1);
  if (code >= 0xdc00 && code < 0xe000 && i >= 2) return isWordCharAt(text, i - 2);
  return isWordCharAt(text, i - 1);
}

/** Does the text contain something a word search can match (a letter or digit)? */
export function isSearchable(text: string): boolean {
  return SEARCHABLE.test(text);
}

/**
 * The case-folded form of a word, or of a whole text: folding a text folds each of its
 * words (the one context rule of toLowerCase, final sigma, is undone by folding ς to σ).
 * Same UTF-16 length, so an offset in the folded text is the same offset in the original.
 */
export function foldWord(word: string): string {
  let w = word.includes('İ') ? word.replaceAll('İ', 'i') : word;
  w = w.toLowerCase();
  return HAS_EXTRA.test(w) ? w.replace(EXTRA_ALL, (ch) => EXTRA.get(ch)!) : w;
}

/** The folded words of a text, as a query uses them. */
export function foldedWordsOf(text: string): string[] {
  return wordsOf(text).map((w) => foldWord(text.slice(w.start, w.end)));
}
