/**
 * Simulated coders. Every participant utterance carries the codes it was written to
 * express, so a coder is simulated as someone who mostly applies those codes and
 * sometimes, as real coders do, picks a neighbouring sibling code, misses one, codes only
 * one sentence of the turn, runs a coding across two adjacent turns, or adds a code of
 * their own. The rates are chosen so that two coders agree on roughly three quarters of
 * the (turn, code) units that either of them coded.
 */
import { turnsOverlapping, type TurnRange } from '../../../lib/text/canonical';
import { CODEBOOK, codeDefinition, siblingKeys, type CodeKey, type ParentKey } from './codebook';
import { createRng } from './prng';
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
  /** Chance of leaving out a code the turn expresses. */
  miss: number;
  /** Chance of picking a sibling instead. */
  sibling: number;
  /** Chance of coding a single sentence instead of the whole turn. */
  sentence: number;
  /** Chance, on a turn with codes, of adding a related code of one's own. */
  extra: number;
  /** Chance, on an untagged answer, of coding it anyway. */
  overreach: number;
  /** Chance of running a coding over the next turn when it expresses the same code. */
  span: number;
  /** Memo written on the first sibling choices ({expected} is the code not chosen). */
  doubtMemo: string;
}

/** A document as the simulation needs it: composed turns, their ranges, canonical text. */
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

/** One coder's layer on one transcript. */
export function simulateCoder(doc: TranscriptForCoding, profile: CoderProfile): SimulatedCoding[] {
  const rng = createRng(`${profile.seed}:${doc.key}`);
  const out: SimulatedCoding[] = [];
  const covered = new Set<string>();
  let doubts = 0;

  doc.turns.forEach((turn, i) => {
    if (turn.speaker === null) return;
    const range = doc.ranges[i];
    const chosen: Array<{ code: CodeKey; memo: string }> = [];
    const choose = (code: CodeKey, memo = ''): void => {
      if (!chosen.some((c) => c.code === code) && !covered.has(`${i}:${code}`)) chosen.push({ code, memo });
    };

    if (turn.codes.length === 0) {
      if (turn.kind === 'answer' && turn.section && rng.chance(profile.overreach)) {
        choose(rng.pick(childrenOf(SECTION_THEME[turn.section])));
      }
    } else {
      for (const tag of turn.codes) {
        const r = rng.next();
        const siblings = confusableWith(tag);
        if (r < profile.miss) continue;
        if (r < profile.miss + profile.sibling && siblings.length > 0) {
          const memo = doubts < 2 ? profile.doubtMemo.replace('{expected}', codeDefinition(tag).name) : '';
          doubts++;
          choose(rng.pick(siblings), memo);
        } else {
          choose(tag);
        }
      }
      if (rng.chance(profile.extra)) {
        const related = siblingKeys(rng.pick(turn.codes)).filter((k) => !turn.codes.includes(k));
        if (related.length > 0) choose(rng.pick(related));
      }
    }

    for (const { code, memo } of chosen) {
      covered.add(`${i}:${code}`);
      const sentences = sentenceRanges(turn.text);
      if (sentences.length > 1 && rng.chance(profile.sentence)) {
        const [s, e] = rng.pick(sentences);
        out.push({ code, start: range.start + s, end: range.start + e, memo });
        continue;
      }
      const next = doc.turns[i + 1];
      if (next && next.speaker !== null && next.codes.includes(code) && rng.chance(profile.span)) {
        covered.add(`${i + 1}:${code}`);
        out.push({ code, start: range.start, end: doc.ranges[i + 1].end, memo });
        continue;
      }
      out.push({ code, start: range.start, end: range.end, memo });
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
 * The lead's adjudicated layer: every participant turn gets the codes it expresses, over
 * the whole turn, plus any extra code both coders agreed on. The first turns where the
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
    if (turn.speaker === null) return;
    const agreedExtras = CODEBOOK.map((c) => c.key).filter(
      (k) => !turn.codes.includes(k) && a.has(`${i}:${k}`) && b.has(`${i}:${k}`),
    );
    const codes = [...turn.codes, ...agreedExtras];
    const onlyA = [...a].filter((u) => u.startsWith(`${i}:`) && !b.has(u)).map((u) => u.split(':')[1] as CodeKey);
    const onlyB = [...b].filter((u) => u.startsWith(`${i}:`) && !a.has(u)).map((u) => u.split(':')[1] as CodeKey);
    let memo = '';
    if ((onlyA.length > 0 || onlyB.length > 0) && memos < 3 && codes.length > 0) {
      const names = (ks: CodeKey[]) => (ks.length ? ks.map((k) => codeDefinition(k).name).join(', ') : 'nothing');
      memo =
        `Adjudicated: ${coderNames[0]} alone had ${names(onlyA)}, ${coderNames[1]} alone had ${names(onlyB)}. ` +
        `Kept ${names(codes)} per the inclusion criteria.`;
      memos++;
    }
    codes.forEach((code, k) => {
      const range = doc.ranges[i];
      out.push({ code, start: range.start, end: range.end, memo: k === 0 ? memo : '' });
    });
  });
  return out;
}
