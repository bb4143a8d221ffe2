/**
 * Simulated coders. Every participant turn knows where it expresses which code (its true
 * segments), so a coder is simulated as someone who mostly codes those segments and, as
 * real coders do, sometimes picks a neighbouring sibling code, misses one, codes only one
 * sentence or the whole turn, sets a boundary a word off, splits a passage in two, runs a
 * coding into the next turn, or adds a code of their own. The rates are chosen so that two
 * coders agree on roughly three quarters of the (turn, code) units either of them coded,
 * while their segment boundaries differ far more often.
 */
import { turnsOverlapping, type TurnRange } from '../../../lib/text/canonical';
import { CODEBOOK, codeDefinition, siblingKeys, type CodeKey, type ParentKey } from './codebook';
import { createRng, type Rng } from './prng';
import type { ComposedTurn } from './transcript';

export interface SimulatedCoding {
  code: CodeKey;
  start: number;
  end: number;
  memo: string;
}

export interface CoderProfile {
  /** Seeds this coder's choices (combined with the document). */
  seed: string;
  /** Chance of leaving out a segment. */
  miss: number;
  /** Chance of picking a sibling code instead. */
  sibling: number;
  /** Chance of coding a single sentence of a longer segment. */
  sentence: number;
  /** Chance of coding the whole turn instead of the segment. */
  widen: number;
  /** Chance of splitting a segment of several sentences into two codings. */
  split: number;
  /** Chance of setting a boundary a word or so off. */
  shift: number;
  /** Chance, on a turn with codes, of adding a related code of one's own. */
  extra: number;
  /** Chance, on a substantive turn without codes, of coding it anyway. */
  overreach: number;
  /** Chance of running a coding into the next turn when it goes on with the same code. */
  span: number;
  /** Memo written on the first few sibling choices ({expected} is the code not chosen). */
  doubtMemo: string;
  /** How many of those memos per document. */
  doubts: number;
  /** Memo on a few long passages worth quoting. */
  quoteMemo: string;
}

/** A document as the simulation needs it: composed turns and their ranges. */
export interface TranscriptForCoding {
  key: string;
  turns: readonly ComposedTurn[];
  ranges: readonly TurnRange[];
}

const SECTION_THEME: Record<NonNullable<ComposedTurn['section']>, ParentKey> = {
  sources: 'sources',
  channels: 'channels',
  digital: 'digital',
  participation: 'forms',
  elections: 'elections',
};

/**
 * The codes a coder plausibly confuses a code with: close siblings, not any sibling. A code
 * missing here is confused with any of its siblings.
 */
const CONFUSABLE: Partial<Record<CodeKey, CodeKey[]>> = {
  akimat: ['eotinish', 'collective'],
  eotinish: ['akimat'],
  collective: ['resonance', 'akimat'],
  resonance: ['media', 'collective'],
  connections: ['akimat'],
  media: ['resonance'],
  courts: ['akimat'],
  deputies: ['akimat', 'collective'],
  petitions: ['posts'],
  posts: ['reposts', 'comments'],
  reposts: ['posts'],
  comments: ['posts'],
  instagram: ['tiktok', 'akimat_pages'],
  tiktok: ['instagram', 'youtube'],
  telegram: ['word_of_mouth', 'portals'],
  youtube: ['tiktok'],
  akimat_pages: ['portals', 'instagram'],
  portals: ['akimat_pages'],
  word_of_mouth: ['telegram'],
  tv: ['youtube'],
  duty: ['hope'],
  pointless: ['mobilised'],
  hope: ['duty', 'local_choice'],
  mobilised: ['duty'],
  local_choice: ['hope'],
  hearings: ['maslikhat'],
  referendums: ['hearings'],
  maslikhat: ['hearings'],
  volunteering: ['hearings'],
  platforms: ['hearings'],
  disengaged: [],
  distrust: ['local_solvable'],
  fear: ['distrust'],
  local_solvable: ['distrust'],
};

function confusableWith(key: CodeKey): CodeKey[] {
  const siblings = siblingKeys(key);
  return (CONFUSABLE[key] ?? siblings).filter((k) => siblings.includes(k));
}

function childrenOf(parent: ParentKey): CodeKey[] {
  return CODEBOOK.filter((c) => c.parent === parent).map((c) => c.key);
}

/**
 * The sentences of a turn as [start, end) offsets within its text, trimmed. A sentence
 * ends at . ! ? or … followed by a space (or a closing quote and a space), so "Orda.kz"
 * and "24KZ" stay whole.
 */
export function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!'.!?…'.includes(text[i])) continue;
    let end = i + 1;
    while (end < text.length && '.!?…»”"'.includes(text[end])) end++;
    if (end < text.length && text[end] !== ' ') continue;
    out.push([start, end]);
    i = end - 1;
    start = end;
    while (start < text.length && text[start] === ' ') start++;
  }
  if (start < text.length) out.push([start, text.trimEnd().length]);
  return out.filter(([s, e]) => e > s);
}

/** Turns a coder may code: participants' substantive talk, not introductions or «Да». */
const CODABLE = new Set<ComposedTurn['kind']>(['answer', 'response', 'interruption', 'smalltalk', 'last-words']);

/** The range one word further in at the start, or one word shorter at the end (or without the final stop). */
function shifted(text: string, start: number, end: number, rng: Rng): [number, number] {
  const piece = text.slice(start, end);
  const r = rng.next();
  if (r < 0.4) {
    const space = piece.indexOf(' ');
    if (space > 0 && space < 12 && space + 1 < piece.length) return [start + space + 1, end];
  } else if (r < 0.75) {
    const space = piece.lastIndexOf(' ');
    if (space > piece.length / 2) return [start, start + space];
  }
  const trimmed = piece.replace(/[.!?…»"]+$/, '');
  return trimmed.length > 0 ? [start, start + trimmed.length] : [start, end];
}

/** One coder's layer on one transcript. */
export function simulateCoder(doc: TranscriptForCoding, profile: CoderProfile): SimulatedCoding[] {
  const rng = createRng(`${profile.seed}:${doc.key}`);
  const out: SimulatedCoding[] = [];
  /** Segments already coded by a coding run over from the turn before: "turn:segment". */
  const covered = new Set<string>();
  let doubts = 0;
  let quotes = 0;

  doc.turns.forEach((turn, i) => {
    if (turn.speaker === null || !CODABLE.has(turn.kind)) return;
    const base = doc.ranges[i].start;
    const length = turn.text.trimEnd().length;
    const mine: SimulatedCoding[] = [];
    const add = (code: CodeKey, start: number, end: number, memo: string): void => {
      if (end <= start) return;
      const a = base + start;
      const b = end > length ? end - length + doc.ranges[i + 1].start : base + end;
      // A coder does not code the same code twice over the same words.
      if (mine.some((c) => c.code === code && c.start < b && a < c.end)) return;
      const coding = { code, start: a, end: b, memo };
      mine.push(coding);
      out.push(coding);
    };

    if (turn.segments.length === 0) {
      if (turn.section && turn.text.length > 60 && rng.chance(profile.overreach)) {
        add(rng.pick(childrenOf(SECTION_THEME[turn.section])), 0, length, '');
      }
      return;
    }

    turn.segments.forEach((seg, k) => {
      if (covered.has(`${i}:${k}`) || rng.chance(profile.miss)) return;
      let code = seg.code;
      let memo = '';
      const siblings = confusableWith(seg.code);
      if (siblings.length > 0 && rng.chance(profile.sibling)) {
        code = rng.pick(siblings);
        if (doubts < profile.doubts) memo = profile.doubtMemo.replace('{expected}', codeDefinition(seg.code).name);
        doubts++;
      }
      let [start, end] = [seg.start, seg.end];
      const sentences = sentenceRanges(turn.text).filter(([s, e]) => s >= seg.start && e <= seg.end);
      const r = rng.next();
      if (r < profile.sentence && sentences.length > 1) {
        [start, end] = rng.chance(0.6) ? seg.core : rng.pick(sentences);
      } else if (r < profile.sentence + profile.widen) {
        [start, end] = [0, length];
      } else if (r < profile.sentence + profile.widen + profile.split && sentences.length > 2) {
        const cut = rng.int(1, sentences.length - 1);
        add(code, sentences[0][0], sentences[cut - 1][1], memo);
        [start, end] = [sentences[cut][0], sentences.at(-1)![1]];
        memo = '';
      }
      if (rng.chance(profile.shift)) [start, end] = shifted(turn.text, start, end, rng);
      if (!memo && quotes < 2 && end - start > 220 && rng.chance(0.05)) {
        memo = profile.quoteMemo;
        quotes++;
      }
      // The next turn goes straight on with the same code: run the coding into it (the
      // opener of the next turn and all).
      const next = doc.turns[i + 1];
      const first = next && next.speaker !== null && CODABLE.has(next.kind) && next.segments.length > 0 ? Math.min(...next.segments.map((s) => s.start)) : -1;
      const onward = first >= 0 ? next!.segments.findIndex((s) => s.code === seg.code && s.start === first) : -1;
      const last = !turn.segments.some((s) => s.start >= seg.end);
      if (onward >= 0 && end >= seg.end && last && rng.chance(profile.span)) {
        covered.add(`${i + 1}:${onward}`);
        add(code, start, length + next!.segments[onward].end, memo);
        return;
      }
      add(code, start, end, memo);
    });

    if (rng.chance(profile.extra)) {
      const seg = rng.pick(turn.segments);
      const related = [...siblingKeys(seg.code), 'distrust' as const].filter((c) => !turn.codes.includes(c));
      if (related.length > 0) add(rng.pick(related), seg.start, seg.end, '');
    }
  });
  return out;
}

/** (turn index, code) pairs a layer has, at turn level: any overlap counts. */
export function turnCodes(ranges: readonly TurnRange[], codings: readonly SimulatedCoding[]): Set<string> {
  const units = new Set<string>();
  for (const c of codings) {
    for (const t of turnsOverlapping(ranges, c.start, c.end)) units.add(`${t}:${c.code}`);
  }
  return units;
}

/**
 * The lead's adjudicated layer: every true segment of the participant turns, plus any extra
 * code both coders put on the same turn (over coder A's range). The first turns where the
 * coders disagreed carry a memo saying how it was settled.
 */
export function consensusLayer(
  doc: TranscriptForCoding,
  first: readonly SimulatedCoding[],
  second: readonly SimulatedCoding[],
  coderNames: [string, string],
): SimulatedCoding[] {
  const a = turnCodes(doc.ranges, first);
  const b = turnCodes(doc.ranges, second);
  const out: SimulatedCoding[] = [];
  let memos = 0;
  doc.turns.forEach((turn, i) => {
    if (turn.speaker === null || !CODABLE.has(turn.kind)) return;
    const range = doc.ranges[i];
    const extras = CODEBOOK.map((c) => c.key).filter((k) => !turn.codes.includes(k) && a.has(`${i}:${k}`) && b.has(`${i}:${k}`));
    const onlyA = turn.codes.concat(extras).length === 0 ? [] : unitsOfTurn(a, i).filter((k) => !b.has(`${i}:${k}`));
    const onlyB = turn.codes.concat(extras).length === 0 ? [] : unitsOfTurn(b, i).filter((k) => !a.has(`${i}:${k}`));
    let memo = '';
    if ((onlyA.length > 0 || onlyB.length > 0) && memos < 3 && turn.segments.length > 0) {
      const names = (ks: CodeKey[]) => (ks.length ? ks.map((k) => codeDefinition(k).name).join(', ') : 'nothing');
      memo =
        `Adjudicated: ${coderNames[0]} alone had ${names(onlyA)}, ${coderNames[1]} alone had ${names(onlyB)}. ` +
        `Kept ${names([...turn.codes, ...extras])} per the inclusion criteria.`;
      memos++;
    }
    turn.segments.forEach((seg, k) => {
      out.push({ code: seg.code, start: range.start + seg.start, end: range.start + seg.end, memo: k === 0 ? memo : '' });
    });
    for (const code of extras) {
      const taken = first.find((c) => c.code === code && c.start < range.end && range.start < c.end)!;
      const start = Math.max(taken.start, range.start);
      const end = Math.min(taken.end, range.end);
      if (end > start) out.push({ code, start, end, memo: '' });
    }
  });
  return out;
}

function unitsOfTurn(units: ReadonlySet<string>, turn: number): CodeKey[] {
  return [...units].filter((u) => u.startsWith(`${turn}:`)).map((u) => u.split(':')[1] as CodeKey);
}
