/**
 * The one place where positions are converted between REFI-QDA files and our offsets.
 *
 * Ours: UTF-16 code units (JavaScript string indices), half-open, into the LF text (every
 * CRLF and lone CR of the stored text becomes "\n").
 *
 * Theirs: `startPosition`/`endPosition` count "characters" of the source text as stored in
 * the file (BOM not counted), and exporters disagree on what a character is. There are four
 * readings: {code points, UTF-16 units} × {CRLF counts 2, CRLF counts 1}. NVivo for Windows
 * counts UTF-16 units and CRLF as two; QualCoder counts code points; ATLAS.ti counts CRLF as
 * one (see shared/refi-qda/NOTES.md). Which one a file uses is decided in detect.ts.
 */

export type CharacterUnit = 'codePoint' | 'utf16';
export type CrlfCount = 'two' | 'one';

export interface Reading {
  readonly unit: CharacterUnit;
  readonly crlf: CrlfCount;
}

/** All four readings, in the default order of preference (the standard's "characters" first). */
export const READINGS: readonly Reading[] = [
  { unit: 'codePoint', crlf: 'two' },
  { unit: 'codePoint', crlf: 'one' },
  { unit: 'utf16', crlf: 'two' },
  { unit: 'utf16', crlf: 'one' },
];

/** The reading we write: code points over LF text (with no CR in the text, `crlf` is moot). */
export const EXPORT_READING: Reading = { unit: 'codePoint', crlf: 'one' };

export function sameReading(a: Reading, b: Reading): boolean {
  return a.unit === b.unit && a.crlf === b.crlf;
}

/**
 * "code points, CRLF as 2" and the like, for messages. With `matters`, a choice the text
 * does not make (no emoji, no CRLF) is said so instead of named.
 */
export function describeReading(r: Reading, matters: { unit: boolean; crlf: boolean } = { unit: true, crlf: true }): string {
  const unit = r.unit === 'codePoint' ? 'code points' : 'UTF-16 units';
  if (!matters.unit && !matters.crlf) return 'characters (the text has no emoji and no CRLF, so all readings agree)';
  const parts = [matters.unit ? unit : 'characters (no emoji in the text)', matters.crlf ? `CRLF as ${r.crlf === 'two' ? 2 : 1}` : 'no CRLF in the text'];
  return parts.join(', ');
}

/** The stored text with every CRLF and lone CR turned into "\n": our canonical form. */
export function toLf(raw: string): string {
  return raw.replace(/\r\n?/g, '\n');
}

const INSIDE = -1;

/**
 * Converts positions of one stored text under one reading to our offsets and back. Built
 * once per text and reading in O(n); each conversion is then O(1). Memory is two Int32Arrays
 * of the text's length, which is why detect.ts builds the readings one at a time.
 */
export class PositionMap {
  /** The LF text our offsets index. */
  readonly text: string;
  readonly reading: Reading;
  /** Number of positions of the stored text under this reading (the largest valid position). */
  readonly length: number;
  private readonly toOurs: Int32Array;
  private readonly toTheirs: Int32Array;

  private constructor(text: string, reading: Reading, length: number, toOurs: Int32Array, toTheirs: Int32Array) {
    this.text = text;
    this.reading = reading;
    this.length = length;
    this.toOurs = toOurs;
    this.toTheirs = toTheirs;
  }

  /**
   * Maps the stored text `raw` (BOM already removed, CRLF as stored) under `reading`.
   * A lone surrogate counts as one character under either unit, as JavaScript iterates it.
   */
  static of(raw: string, reading: Reading): PositionMap {
    const n = raw.length;
    const toOurs = new Int32Array(n + 1);
    const toTheirs = new Int32Array(n + 1);
    const twoForCrlf = reading.crlf === 'two';
    const utf16 = reading.unit === 'utf16';
    let i = 0; // index into raw
    let s = 0; // their position
    let o = 0; // our offset
    while (i < n) {
      const c = raw.charCodeAt(i);
      toOurs[s] = o;
      toTheirs[o] = s;
      if (c === 13 && i + 1 < n && raw.charCodeAt(i + 1) === 10) {
        // CRLF: one "\n" of ours. A position between CR and LF (only under "CRLF as 2") is
        // taken as the line break's start: the CR has no counterpart in our text.
        if (twoForCrlf) toOurs[s + 1] = o;
        s += twoForCrlf ? 2 : 1;
        o += 1;
        i += 2;
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(raw.charCodeAt(i + 1))) {
        // An astral character (emoji): two units of ours; its middle is no offset at all.
        toTheirs[o + 1] = INSIDE;
        if (utf16) toOurs[s + 1] = INSIDE;
        s += utf16 ? 2 : 1;
        o += 2;
        i += 2;
      } else {
        s += 1;
        o += 1;
        i += 1;
      }
    }
    toOurs[s] = o;
    toTheirs[o] = s;
    return new PositionMap(toLf(raw), reading, s, toOurs.subarray(0, s + 1), toTheirs.subarray(0, o + 1));
  }

  /**
   * Our offset for their position; undefined when the position is not an integer, lies
   * outside [0, length], or falls inside a character (the middle of a surrogate pair under
   * the UTF-16 reading).
   */
  toOffset(position: number): number | undefined {
    if (!Number.isInteger(position) || position < 0 || position > this.length) return undefined;
    const o = this.toOurs[position];
    return o === INSIDE ? undefined : o;
  }

  /**
   * Their position for our offset; undefined when the offset is not an integer, lies outside
   * the text, or splits a surrogate pair.
   */
  toPosition(offset: number): number | undefined {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.text.length) return undefined;
    const s = this.toTheirs[offset];
    return s === INSIDE ? undefined : s;
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Why a range could not be placed. */
export type PlacementFailure = 'reversed' | 'outside' | 'inside-character';

export type Placement = { ok: true; start: number; end: number } | { ok: false; why: PlacementFailure };

/**
 * Places their half-open range [start, end) in our text. Fails when end < start, when either
 * end lies past the text, or when either splits a character.
 */
export function placeRange(map: PositionMap, start: number, end: number): Placement {
  if (end < start) return { ok: false, why: 'reversed' };
  if (start < 0 || end > map.length) return { ok: false, why: 'outside' };
  const s = map.toOffset(start);
  const e = map.toOffset(end);
  if (s === undefined || e === undefined) return { ok: false, why: 'inside-character' };
  return { ok: true, start: s, end: e };
}
