/**
 * Picks the reading (positions.ts) under which an imported source's selections make sense.
 *
 * Coders select words, not halves of words, so under the right reading selections start and
 * end on word boundaries; under a wrong one every line break or emoji before a selection
 * shifts it into the middle of a word. Where a selection's `name` carries its quote (ATLAS.ti
 * writes the quote, truncated with "…"), the quote decides instead. Measured on the real
 * exports in shared/refi-qda/real: the right reading fits 20 of 20 (NVivo for Windows) and
 * 184 of 187 (NVivo for Mac) distinct ranges; the best wrong one 12 and 32.
 */
import { PositionMap, READINGS, placeRange, sameReading, type PlacementFailure, type Reading } from './positions';

/** A selection as stored in the file: positions are theirs. */
export interface DetectableSelection {
  guid: string;
  name?: string;
  start: number;
  end: number;
}

export interface ReadingScore {
  reading: Reading;
  /** Selections that lie inside the text and split no character. */
  placed: number;
  /** Placed selections whose quote matches, or (with no usable quote) whose both ends fall on word boundaries. */
  fitted: number;
  /** Ends (two per placed selection) not inside a word. */
  boundaryEnds: number;
}

export interface SelectionSubject {
  guid: string;
  name?: string;
}

export interface Detection {
  reading: Reading;
  /** The chosen reading's map, to convert this source's positions. */
  map: PositionMap;
  /**
   * `score` when the chosen reading scored best; `preference` when readings tied (a text with
   * no CRLF and no emoji reads the same under all four) and the origin's preference decided;
   * `forced` when the caller named the reading.
   */
  basis: 'score' | 'preference' | 'forced';
  /** One per reading, in READINGS order. */
  scores: ReadingScore[];
  /**
   * Which choices the text makes matter: `unit` when it holds astral characters (emoji),
   * `crlf` when it holds CRLF. Readings differing only in a choice that does not matter are
   * the same reading for this text.
   */
  matters: { unit: boolean; crlf: boolean };
  /** Placed under the chosen reading, but fitting no reading at all. */
  fitNone: SelectionSubject[];
  /** Fitting some other reading but not the chosen one. */
  fitOtherOnly: SelectionSubject[];
  /** Not placeable under the chosen reading: past the end, reversed, or splitting a character. */
  unplaced: (SelectionSubject & { why: PlacementFailure })[];
}

export interface DetectOptions {
  /** The project's `origin`: NVivo counts UTF-16 units, so ties go to UTF-16 for it. */
  origin?: string;
  /** Use this reading whatever the scores say. */
  force?: Reading;
}

/**
 * The order in which tied readings are preferred: code points (the standard's "characters")
 * unless the origin names NVivo; CRLF as one first for ATLAS.ti (as QualCoder's importer
 * reports), as two otherwise.
 */
export function preferenceOrder(origin?: string): Reading[] {
  const o = origin ?? '';
  const unitFirst = /nvivo/i.test(o) ? 'utf16' : 'codePoint';
  const crlfFirst = /atlas\.?ti/i.test(o) ? 'one' : 'two';
  const rank = (r: Reading) => (r.unit === unitFirst ? 0 : 2) + (r.crlf === crlfFirst ? 0 : 1);
  return [...READINGS].sort((a, b) => rank(a) - rank(b));
}

interface PerReading {
  reading: Reading;
  placement: ReturnType<typeof placeRange>[];
  bothOnBoundary: boolean[];
  quoteMatch: boolean[];
  score: ReadingScore;
}

/**
 * Scores the four readings of `raw` (a source text as stored, BOM removed) against its
 * selections and returns the best, its position map and what did not fit. A source with no
 * selections gets the preferred reading (basis `preference`).
 */
export function detectReading(raw: string, selections: readonly DetectableSelection[], opts: DetectOptions = {}): Detection {
  const quotes = selections.map((s) => normaliseQuote(s.name ?? ''));
  // Maps are built one at a time and dropped (each holds two Int32Arrays of the text's
  // length); the chosen one is rebuilt at the end.
  const matters = { unit: /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(raw), crlf: raw.includes('\r\n') };
  const results: PerReading[] = READINGS.map((reading) => scoreReading(PositionMap.of(raw, reading), selections, quotes));

  // A quote decides only if it matches under some reading; otherwise the name is a label
  // ("Quotation 6:1", NVivo's empty names) and the word boundaries decide.
  const quoteUsable = selections.map((_, i) => results.some((r) => r.quoteMatch[i]));
  const fits = results.map((r) =>
    selections.map((_, i) => r.placement[i].ok && (quoteUsable[i] ? r.quoteMatch[i] : r.bothOnBoundary[i])),
  );
  results.forEach((r, k) => {
    r.score.fitted = fits[k].filter(Boolean).length;
  });

  const order = preferenceOrder(opts.origin);
  const rankOf = (r: Reading) => order.findIndex((o) => sameReading(o, r));
  const ranked = [...results].sort(
    (a, b) =>
      b.score.placed - a.score.placed ||
      b.score.fitted - a.score.fitted ||
      b.score.boundaryEnds - a.score.boundaryEnds ||
      rankOf(a.reading) - rankOf(b.reading),
  );

  let chosen = ranked[0];
  let basis: Detection['basis'] = 'score';
  if (opts.force) {
    chosen = results.find((r) => sameReading(r.reading, opts.force as Reading)) as PerReading;
    basis = 'forced';
  } else {
    // Preference decided if the text makes no choice at all, or a reading that differs for
    // this text scored as well.
    const others = results.filter((r) => !equivalent(r.reading, chosen.reading, matters));
    if (others.length === 0 || others.some((r) => sameScore(r.score, chosen.score))) basis = 'preference';
  }

  const k = results.indexOf(chosen);
  const fitNone: SelectionSubject[] = [];
  const fitOtherOnly: SelectionSubject[] = [];
  const unplaced: Detection['unplaced'] = [];
  selections.forEach((s, i) => {
    const subject = subjectOf(s);
    const p = chosen.placement[i];
    if (!p.ok) unplaced.push({ ...subject, why: p.why });
    else if (!fits[k][i]) {
      if (fits.some((f) => f[i])) fitOtherOnly.push(subject);
      else fitNone.push(subject);
    }
  });

  return {
    reading: chosen.reading,
    map: PositionMap.of(raw, chosen.reading),
    basis,
    scores: results.map((r) => r.score),
    matters,
    fitNone,
    fitOtherOnly,
    unplaced,
  };
}

function equivalent(a: Reading, b: Reading, matters: Detection['matters']): boolean {
  return (a.unit === b.unit || !matters.unit) && (a.crlf === b.crlf || !matters.crlf);
}

function sameScore(a: ReadingScore, b: ReadingScore): boolean {
  return a.placed === b.placed && a.fitted === b.fitted && a.boundaryEnds === b.boundaryEnds;
}

function subjectOf(s: DetectableSelection): SelectionSubject {
  return s.name ? { guid: s.guid, name: s.name } : { guid: s.guid };
}

function scoreReading(map: PositionMap, selections: readonly DetectableSelection[], quotes: readonly string[]): PerReading {
  const score: ReadingScore = { reading: map.reading, placed: 0, fitted: 0, boundaryEnds: 0 };
  const placement: PerReading['placement'] = [];
  const bothOnBoundary: boolean[] = [];
  const quoteMatch: boolean[] = [];
  selections.forEach((s, i) => {
    const p = placeRange(map, s.start, s.end);
    placement.push(p);
    if (!p.ok) {
      bothOnBoundary.push(false);
      quoteMatch.push(false);
      return;
    }
    score.placed++;
    const a = !insideWord(map.text, p.start);
    const b = !insideWord(map.text, p.end);
    score.boundaryEnds += (a ? 1 : 0) + (b ? 1 : 0);
    bothOnBoundary.push(a && b);
    const q = quotes[i];
    quoteMatch.push(q.length >= MIN_QUOTE && normaliseQuote(map.text.slice(p.start, p.end)).startsWith(q));
  });
  return { reading: map.reading, placement, bothOnBoundary, quoteMatch, score };
}

// A shorter name matches by chance too easily to overrule the word boundaries.
const MIN_QUOTE = 3;

/**
 * A quote or a selection's name, compared without whitespace (names flatten line breaks to
 * spaces, PDF text loses them) and without a trailing ellipsis (ATLAS.ti truncates names).
 */
export function normaliseQuote(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\s+/gu, '')
    .replace(/(…|\.\.\.)$/u, '');
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** True when offset `o` of `text` lies between two letters, digits or marks: inside a word. */
export function insideWord(text: string, o: number): boolean {
  if (o <= 0 || o >= text.length) return false;
  const next = text.codePointAt(o) as number;
  let prevStart = o - 1;
  const lo = text.charCodeAt(prevStart);
  if (lo >= 0xdc00 && lo <= 0xdfff && prevStart > 0) {
    const hi = text.charCodeAt(prevStart - 1);
    if (hi >= 0xd800 && hi <= 0xdbff) prevStart--;
  }
  const prev = text.codePointAt(prevStart) as number;
  return WORD_CHAR.test(String.fromCodePoint(prev)) && WORD_CHAR.test(String.fromCodePoint(next));
}
