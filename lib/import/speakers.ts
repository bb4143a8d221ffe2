/**
 * Speaker labels at the start of transcript lines ("Модератор:", "P3:", "Қатысушы 3:",
 * "[00:12:03] P2:", "**P2:**", "P2 (Ж, 34):", "Interviewer - …") and the rule that tells them
 * from ordinary sentences that happen to contain a colon ("Я скажу так: …").
 *
 * The heuristic, in two steps.
 *
 * 1. Shape (per line, {@link readLabelLine}). A line may open with a timestamp ("[00:12:03]",
 *    "(12:03)" or bare "00:12:03 "), then markdown emphasis (** __ * _), then the label, then
 *    an optional note in parentheses ("(Ж, 34)", dropped from the label), then a separator: a
 *    colon not followed by a digit or slash ("10:30", "http://" are not labels), or a tab, or
 *    — for codes and role labels only — a spaced dash ("Interviewer - …", "P2 — …"). Dashes
 *    are restricted because "Выборы — это …" is how Russian writes "elections are …", with or
 *    without a timestamp in front. The label itself must be
 *    1–3 words and at most 30 characters, each word capitalised or a number ("3", "№3"), with
 *    no commas, quotes or other sentence punctuation. Words that start notes or metadata
 *    rather than speech ("Например", "Итак", "Дата", "Город", "Мысалы", "Note", …) are never
 *    labels.
 *    A label is *strong* when it is a code (one capital letter, optionally with a number:
 *    "М", "P3", "Р3"; or two capitals with a number: "FG2"), or begins with a role word
 *    (Модератор, Ведущий, Участник, Респондент, Қатысушы, Жүргізуші, Moderator,
 *    Interviewer, Participant, Speaker, …), or is preceded by a timestamp or wrapped in
 *    markdown emphasis. Any other well-shaped label (a name: "Айгерим", "Ержан Б.") is *weak*.
 *
 * 2. Evidence (per document, {@link acceptLabelLines}). A strong label is always accepted. A
 *    weak one is accepted when the same label (case-insensitively) opens at least two lines
 *    of the document, or when the document is evidently label-structured: at least 60 % of
 *    its non-blank lines open with a label, or at least 75 % of its labelled lines (and at
 *    least 4) are already accepted by the other rules. So "Айгерим:" who speaks once in a
 *    labelled transcript is found, while "Вопрос:" once in a prose text is not.
 */
import { countWords } from '../text/canonical';
import { TIMESTAMP_SOURCE, normaliseTimestamp } from './timestamp';
import type { ImportedTurn } from './types';

/** How sure the shape alone makes us that a label is a speaker (see the module comment). */
export type LabelStrength = 'strong' | 'weak';

/** A line that opens with something shaped like a speaker label. */
export interface LabelLine {
  /** The label as written, without emphasis, note, timestamp or separator; spaces collapsed. */
  label: string;
  strength: LabelStrength;
  /** What follows the separator, trimmed (may be empty: the label stands on its own line). */
  rest: string;
  /** The leading timestamp, normalised ("hh:mm:ss[.mmm]"), if the line has one. */
  timestamp?: string;
}

const MAX_LABEL_CHARS = 30;
const MAX_LABEL_WORDS = 3;
const MAX_NOTE_CHARS = 40;
/** How far into a line to look for the separator: label, note, emphasis and spaces. */
const SCAN_LIMIT = 100;

/** Words that begin a role label (compared lower-cased, with ё as е). */
const ROLE_WORDS = new Set([
  'модератор', 'модераторка', 'ведущий', 'ведущая', 'интервьюер', 'интервьюерка', 'фасилитатор',
  'участник', 'участница', 'респондент', 'респондентка', 'информант', 'информантка', 'спикер',
  'қатысушы', 'жүргізуші', 'сұхбаткер', 'ақпаратшы',
  'moderator', 'interviewer', 'facilitator', 'participant', 'respondent', 'interviewee', 'speaker',
]);

/**
 * Words that open notes, discourse markers or transcript metadata, never a speaker: a line
 * "Например: …" or "Город: Актау" stays text. Compared lower-cased, with ё as е, against
 * the label's first word.
 */
const NOT_SPEAKERS = new Set([
  // Russian discourse markers and notes
  'например', 'итак', 'итог', 'итого', 'вывод', 'выводы', 'примечание', 'комментарий', 'цитата',
  'внимание', 'кстати', 'короче', 'во-первых', 'во-вторых', 'во-третьих', 'значит', 'важно',
  'пример', 'то', 'это', 'вот', 'ну', 'тема', 'источник', 'ссылка', 'см', 'пс', 'p.s', 'п.с',
  // Russian metadata headers
  'дата', 'время', 'город', 'место', 'длительность', 'продолжительность', 'количество', 'состав',
  'группа', 'расшифровка', 'транскрипт', 'запись', 'файл', 'язык', 'проект',
  // Kazakh
  'мысалы', 'яғни', 'сонымен', 'қорытынды', 'ескерту', 'түсініктеме', 'күні', 'уақыты', 'қала',
  'қаласы', 'орны', 'тақырып', 'тақырыбы', 'ұзақтығы', 'топ', 'тобы', 'тілі',
  // English
  'note', 'notes', 'example', 'summary', 'conclusion', 'date', 'time', 'place', 'location', 'city',
  'duration', 'topic', 'source', 'file', 'language', 'group', 'project', 'ps',
]);

const TIMESTAMP_PREFIX = new RegExp(`^(?:[\\[(](${TIMESTAMP_SOURCE})[\\])]\\s*|(${TIMESTAMP_SOURCE})\\s+)`);
const EMPHASIS_OPEN = /^(\*\*|__|\*|_)(?=\S)/;
const MAYBE_SEPARATOR = /[:\t]|\s[-–—]/;
const NOTE_END = /\s*\(([^()]*)\)$/;
const CODE = /^(?:\p{Lu}|\p{Lu}{1,2}-?\d{1,3})$/u;
const LABEL_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\d{1,3}|№\s?\d{1,3})$/u;
const FIRST_WORD = /^\p{Lu}/u;
/** Characters that end the search for a label: sentence punctuation outside parentheses. */
const NOT_IN_LABEL = new Set([',', ';', '!', '?', '"', '«', '»', '“', '”', '„', '[', ']', '{', '}', '<', '>', '=', '/', '\\']);

/**
 * Reads a line that opens with a speaker label (see the module comment for the shapes).
 * Returns the label, its strength, the text after it and the timestamp, or null when the line
 * does not open with a well-shaped label. Shape only: whether a weak label is believed is
 * decided for the whole document by {@link acceptLabelLines}.
 */
export function readLabelLine(line: string): LabelLine | null {
  // Cheap rejection first: most lines of a transcript body have no separator near the start.
  if (!MAYBE_SEPARATOR.test(line.length > SCAN_LIMIT + 30 ? line.slice(0, SCAN_LIMIT + 30) : line)) return null;
  let s = line.trim();
  let timestamp: string | undefined;
  const ts = TIMESTAMP_PREFIX.exec(s);
  if (ts) {
    const normal = normaliseTimestamp(ts[1] ?? ts[2] ?? '');
    if (normal !== null) {
      timestamp = normal;
      s = s.slice(ts[0].length);
    }
  }
  const open = EMPHASIS_OPEN.exec(s);
  const marker = open ? open[1] : '';
  if (open) s = s.slice(marker.length);

  const sep = findSeparator(s);
  if (!sep) return null;
  let head = s.slice(0, sep.at);
  let rest = s.slice(sep.after);

  let emphasised = false;
  let closed = withoutClosingEmphasis(head, marker);
  if (closed !== null) {
    head = closed;
    emphasised = true;
  }
  const note = NOTE_END.exec(head);
  if (note) {
    if (note[1].length > MAX_NOTE_CHARS) return null;
    head = head.slice(0, note.index);
    closed = emphasised ? null : withoutClosingEmphasis(head, marker);
    if (closed !== null) {
      head = closed;
      emphasised = true;
    }
  }
  if (open && !emphasised) {
    // "**P2:** text": the emphasis closes after the separator.
    const trimmed = rest.trimStart();
    if (!trimmed.startsWith(marker)) return null;
    rest = trimmed.slice(marker.length);
    emphasised = true;
  }

  const bare = head.trim();
  const label = /\s\s|[^\S ]/.test(bare) ? bare.replace(/\s+/g, ' ') : bare;
  const shape = classifyLabel(label);
  if (!shape) return null;
  // A dash needs a label strong in itself: "[00:12:03] Выборы — это …" is still a sentence.
  if (sep.kind === 'dash' && shape !== 'strong') return null;
  const strength: LabelStrength = timestamp !== undefined || emphasised ? 'strong' : shape;
  const result: LabelLine = { label, strength, rest: rest.trim() };
  if (timestamp !== undefined) result.timestamp = timestamp;
  return result;
}

/** `head` without a trailing emphasis marker equal to `marker`, or null when it has none. */
function withoutClosingEmphasis(head: string, marker: string): string | null {
  if (marker === '') return null;
  const trimmed = head.trimEnd();
  return trimmed.endsWith(marker) ? trimmed.slice(0, trimmed.length - marker.length) : null;
}

/**
 * Classifies a bare label (no colon, note or emphasis): 'strong' for codes and role labels,
 * 'weak' for other well-shaped labels such as names, null for anything that is not a
 * label (too long, more than three words, lower-case words, punctuation, metadata words).
 */
export function classifyLabel(label: string): LabelStrength | null {
  if (label.length === 0 || label.length > MAX_LABEL_CHARS) return null;
  // Codes first: the commonest labels, and never metadata words.
  if (CODE.test(label)) return 'strong';
  const words = label.split(' ');
  if (words.length > MAX_LABEL_WORDS) return null;
  const first = keyOf(words[0]);
  if (NOT_SPEAKERS.has(first) || (words.length > 1 && NOT_SPEAKERS.has(keyOf(label)))) return null;
  for (let i = 1; i < words.length; i++) if (!LABEL_WORD.test(words[i])) return null;
  if (ROLE_WORDS.has(first)) return 'strong';
  if (FIRST_WORD.test(words[0]) && LABEL_WORD.test(words[0])) return 'weak';
  return null;
}

/**
 * Decides, for a whole document, which label lines open turns. `candidates[i]` is what
 * {@link readLabelLine} returned for the document's i-th non-blank line; `structuralTurns`
 * counts turns whose speaker is known from the layout (table rows), which count as labelled
 * lines. Returns, for each candidate, whether it is accepted (see the module comment).
 */
export function acceptLabelLines(candidates: ReadonlyArray<LabelLine | null>, structuralTurns = 0): boolean[] {
  const keys = candidates.map((c) => (c ? keyOf(c.label) : ''));
  const counts = new Map<string, number>();
  let labelled = 0;
  candidates.forEach((c, i) => {
    if (!c) return;
    labelled++;
    counts.set(keys[i], (counts.get(keys[i]) ?? 0) + 1);
  });
  const byEvidence = candidates.map((c, i) => c !== null && (c.strength === 'strong' || (counts.get(keys[i]) ?? 0) >= 2));
  const evidenced = byEvidence.filter(Boolean).length;
  const lines = candidates.length + structuralTurns;
  const labelledLines = labelled + structuralTurns;
  const structured =
    (labelledLines >= 2 && labelledLines >= lines * 0.6) || (evidenced >= 4 && evidenced >= labelled * 0.75);
  return candidates.map((c, i) => c !== null && (structured || byEvidence[i]));
}

/** A distinct speaker label of a parsed transcript, for the label → participant mapping. */
export interface SpeakerLabelCount {
  label: string;
  /** Number of turns with this label. */
  turns: number;
  /** Words spoken under this label. */
  words: number;
}

/**
 * Lists the distinct speaker labels of `turns` in order of first appearance, with how many
 * turns and words each has. Labels are compared exactly as written; turns without a speaker
 * are not listed.
 */
export function listSpeakerLabels(turns: ReadonlyArray<ImportedTurn>): SpeakerLabelCount[] {
  const byLabel = new Map<string, SpeakerLabelCount>();
  for (const t of turns) {
    if (t.speaker === null) continue;
    let entry = byLabel.get(t.speaker);
    if (!entry) {
      entry = { label: t.speaker, turns: 0, words: 0 };
      byLabel.set(t.speaker, entry);
    }
    entry.turns++;
    entry.words += countWords(t.text);
  }
  return [...byLabel.values()];
}

function keyOf(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower;
}

/**
 * Finds the first separator outside parentheses within the scan limit: ": " or ":" at the end,
 * a tab, or a spaced dash. Gives up at sentence punctuation, which no label contains.
 */
function findSeparator(s: string): { at: number; after: number; kind: 'colon' | 'tab' | 'dash' } | null {
  let depth = 0;
  const limit = Math.min(s.length, SCAN_LIMIT);
  for (let i = 0; i < limit; i++) {
    const ch = s[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (ch === ':') {
      // "P2: …", "P2:…" and "**P2:** …" are labels; "10:30", "2:1" and "http://" are not.
      const next = s.slice(i + 1, i + 4).replace(/^(\*\*|__|\*|_)/, '');
      if (/^[\d/]/.test(next)) return null;
      return { at: i, after: i + 1, kind: 'colon' };
    }
    if (ch === '\t') return i === 0 ? null : { at: i, after: i + 1, kind: 'tab' };
    if ((ch === ' ' || ch === '\u00a0') && /^[-–—](?:[ \u00a0]|$)/.test(s.slice(i + 1, i + 3))) {
      return { at: i, after: Math.min(i + 3, s.length), kind: 'dash' };
    }
    if (NOT_IN_LABEL.has(ch)) return null;
  }
  return null;
}
