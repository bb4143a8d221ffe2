/**
 * Composes one focus-group transcript from the guide and the hand-written banks, at the
 * length of a real 90-minute group (8,000–15,000 words). The moderator walks through the
 * guide's sections in order, asks follow-ups and sums up; participants answer at length or
 * briefly, tell what happened to them, agree, disagree, cut in on each other, say «Да» and
 * «Иә», and sometimes switch between Kazakh and Russian. Deterministic for a given random
 * generator.
 *
 * Each participant turn is built from units — a hand-written claim, or a story told from a
 * section's story grammar — between openers and closers. Every unit knows the codes it
 * expresses and where, so the transcript comes with its "true" coding (`segments`), from
 * which simulated coders then deviate.
 */
import { countWords } from '../../../lib/text/canonical';
import type { CodeKey } from './codebook';
import { GUIDE, introduction, type Probe } from './guide';
import type { Rng } from './prng';
import type { GroupSpec, Language, ParticipantSpec } from './sample';
import { KK_STORIES } from './stories-kk';
import { RU_STORIES } from './stories-ru';
import { KK_TALK } from './talk-kk';
import { RU_TALK } from './talk-ru';
import {
  fits,
  forGender,
  opposite,
  positions,
  STANCE_CODES,
  SECTIONS,
  type Section,
  type Story,
  type StoryBank,
  type TalkBank,
  type Utterance,
  type UtteranceBank,
} from './utterances';
import { KK_UTTERANCES } from './utterances-kk';
import { RU_UTTERANCES } from './utterances-ru';

export type TurnKind =
  | 'welcome'
  | 'introduction'
  | 'question'
  | 'probe'
  | 'prompt'
  | 'acknowledgement'
  | 'invitation'
  | 'order'
  | 'summary'
  | 'answer'
  | 'response'
  | 'interruption'
  | 'reaction'
  | 'smalltalk'
  | 'closing'
  | 'last-words'
  | 'farewell';

/** Where a turn expresses a code: [start, end) within the turn's text. */
export interface TrueSegment {
  code: CodeKey;
  start: number;
  end: number;
  /** The sentence that carries the code most directly, within [start, end). */
  core: readonly [number, number];
}

export interface ComposedTurn {
  /** Index into the group's participants; null for the moderator. */
  speaker: number | null;
  kind: TurnKind;
  section: Section | null;
  text: string;
  /** The codes the turn was written to express, in order of first appearance. */
  codes: CodeKey[];
  /** Where it expresses them: the turn's "true" coding. */
  segments: TrueSegment[];
}

export const UTTERANCE_BANKS = { ru: RU_UTTERANCES, kk: KK_UTTERANCES } as const satisfies Record<Language, UtteranceBank>;
export const STORY_BANKS = { ru: RU_STORIES, kk: KK_STORIES } as const satisfies Record<Language, StoryBank>;
export const TALK_BANKS = { ru: RU_TALK, kk: KK_TALK } as const satisfies Record<Language, TalkBank>;

/** Turns between two sayings of a sentence that may be said more than once. */
const SPACING = 80;

/** A transcript's length in words, both bounds inclusive. */
export const MIN_WORDS = 8_000;
export const MAX_WORDS = 15_000;
/** The length each transcript aims at is drawn from this range. */
const TARGET_WORDS: readonly [number, number] = [8_700, 12_600];

/** Share of a transcript left for the recap before closing. */
const RECAP_SHARE = 0.08;

/** Share of the discussion each section takes: channels are the heart of the guide. */
const SECTION_SHARE: Record<Section, number> = {
  sources: 0.16,
  channels: 0.27,
  digital: 0.17,
  participation: 0.2,
  elections: 0.2,
};

/** Replaces {city}, {inCity} and {inDistrict} with the group's city in its language. */
export function localise(text: string, group: GroupSpec): string {
  const forms = group.city[group.language];
  return text
    .replaceAll('{city}', forms.name)
    .replaceAll('{inCity}', forms.inCity)
    .replaceAll('{inDistrict}', forms.inDistrict);
}

/** One sentence (or a few) of a unit, with the codes it carries by itself. */
interface Sentence {
  text: string;
  codes: readonly CodeKey[];
}

/** A stretch of a turn about one thing: its sentences, and the codes that span all of it. */
export interface Unit {
  sentences: Sentence[];
  whole: readonly CodeKey[];
  /** Index of the sentence that states the whole codes. */
  core: number;
  /** Told from a story grammar (a turn tells at most one story). */
  story?: boolean;
}

const glue = (text: string): Unit => ({ sentences: [{ text, codes: [] }], whole: [], core: 0 });

/** Lays units end to end and derives the turn's true segments from them. */
export function assembleTurn(units: readonly Unit[]): { text: string; codes: CodeKey[]; segments: TrueSegment[] } {
  const parts: string[] = [];
  const segments: TrueSegment[] = [];
  let offset = 0;
  for (const unit of units) {
    const ranges: Array<[number, number]> = [];
    for (const s of unit.sentences) {
      if (parts.length > 0) offset += 1; // the space between sentences belongs to neither
      ranges.push([offset, offset + s.text.length]);
      parts.push(s.text);
      offset += s.text.length;
    }
    const unitStart = ranges[0][0];
    const unitEnd = offset;
    for (const code of unit.whole) segments.push({ code, start: unitStart, end: unitEnd, core: ranges[unit.core] });
    unit.sentences.forEach((s, k) => {
      for (const code of s.codes) {
        if (!unit.whole.includes(code)) segments.push({ code, start: ranges[k][0], end: ranges[k][1], core: ranges[k] });
      }
    });
  }
  // A code said in two units one right after the other is one stretch of talk about it.
  segments.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TrueSegment[] = [];
  for (const s of segments) {
    const prev = [...merged].reverse().find((m) => m.code === s.code);
    if (prev && s.start <= prev.end + 1) prev.end = Math.max(prev.end, s.end);
    else merged.push({ ...s });
  }
  const codes: CodeKey[] = [];
  for (const s of merged) if (!codes.includes(s.code)) codes.push(s.code);
  return { text: parts.join(' '), codes, segments: merged };
}

interface Person {
  spec: ParticipantSpec;
  /** How much they talk: weights both turn-taking and the length of their answers. */
  talkativeness: number;
  /** Chance that a unit of theirs comes in the group's other language. */
  switching: number;
  /** The positions that would contradict what they said (see `positions`). */
  stances: Set<string>;
  turns: number;
}

/** The transcript as it grows, with what has been said and by whom. */
class Conversation {
  readonly turns: ComposedTurn[] = [];
  words = 0;
  /** The turn that last told a story, so that "and how did it end?" follows one. */
  lastStory = -1;
  private readonly uses = new Map<string, number>();
  private readonly lastSaid = new Map<string, number>();
  private readonly saidBy = new Set<string>();
  readonly people: Person[];

  constructor(
    readonly group: GroupSpec,
    specs: readonly ParticipantSpec[],
    readonly rng: Rng,
  ) {
    this.people = specs.map((spec) => ({
      spec,
      talkativeness: 0.55 + rng.next() * 1.25,
      switching: 0,
      stances: new Set(),
      turns: 0,
    }));
    // One or two people per group slip into the other language now and then: in the Kazakh
    // groups into Russian often (city Kazakh is full of it), in the Russian ones rarely.
    for (const i of rng.shuffle(specs.map((_, k) => k)).slice(0, rng.int(1, 2))) {
      this.people[i].switching = group.language === 'kk' ? 0.2 + rng.next() * 0.15 : 0.02 + rng.next() * 0.03;
    }
  }

  get language(): Language {
    return this.group.language;
  }

  get last(): ComposedTurn | undefined {
    return this.turns[this.turns.length - 1];
  }

  usesOf(text: string): number {
    return this.uses.get(text) ?? 0;
  }

  /**
   * Whether `text` may be said again: fewer than `reuse` times so far, and not within the
   * last `spacing` turns (a repeated sentence right after itself would stand out).
   */
  available(text: string, reuse: number, spacing = SPACING): boolean {
    const uses = this.usesOf(text);
    return uses === 0 || (uses < reuse && this.turns.length - this.lastSaid.get(text)! >= spacing);
  }

  hasSaid(speaker: number | null, text: string): boolean {
    return this.saidBy.has(`${speaker}:${text}`);
  }

  private readonly resolved = { Female: new WeakMap<object, string>(), Male: new WeakMap<object, string>() };

  /** Resolves an utterance for a speaker: the city, and their gender's word forms. */
  resolve(u: Pick<Utterance, 'text'>, speaker: number): string {
    const gender = this.people[speaker].spec.gender;
    let text = this.resolved[gender].get(u);
    if (text === undefined) {
      text = forGender(localise(u.text, this.group), gender);
      this.resolved[gender].set(u, text);
    }
    return text;
  }

  fitsSpeaker(u: Utterance, speaker: number): boolean {
    const p = this.people[speaker].spec;
    return fits(u, p.gender, p.age);
  }

  push(turn: Omit<ComposedTurn, 'codes' | 'segments'> & Partial<Pick<ComposedTurn, 'codes' | 'segments'>>): void {
    const full: ComposedTurn = { codes: [], segments: [], ...turn };
    this.turns.push(full);
    this.words += countWords(full.text);
    if (full.speaker !== null) this.people[full.speaker].turns++;
  }

  /** Marks sentences as said by `speaker`. */
  record(speaker: number | null, texts: readonly string[]): void {
    for (const t of texts) {
      this.uses.set(t, this.usesOf(t) + 1);
      this.lastSaid.set(t, this.turns.length);
      this.saidBy.add(`${speaker}:${t}`);
    }
  }

  /** One of the moderator's `options` said fewer than `reuse` times, recorded as said; null if none is left. */
  line(options: readonly string[], reuse = 1, spacing = SPACING): string | null {
    const fresh = options.map((o) => localise(o, this.group)).filter((o) => this.available(o, reuse, spacing));
    if (fresh.length === 0) return null;
    const text = this.rng.pick(fresh);
    this.record(null, [text]);
    return text;
  }

  /** The moderator says one of `options` said fewer than `reuse` times; null if none is left. */
  moderator(kind: TurnKind, section: Section | null, options: readonly string[], reuse = 1, spacing = SPACING): string | null {
    const text = this.line(options, reuse, spacing);
    if (text !== null) this.push({ speaker: null, kind, section, text });
    return text;
  }

  /** A participant other than `not`, the talkative and the long-silent more likely. */
  nextSpeaker(not: ReadonlyArray<number | null> = []): number {
    const candidates = this.people.map((_, i) => i).filter((i) => !not.includes(i));
    const recent = this.turns.slice(-6).map((t) => t.speaker);
    const weights = candidates.map((i) => {
      const p = this.people[i];
      const quiet = recent.includes(i) ? 0.5 : 1.3;
      return p.talkativeness * quiet;
    });
    let r = this.rng.next() * weights.reduce((a, b) => a + b, 0);
    for (let k = 0; k < candidates.length; k++) {
      r -= weights[k];
      if (r <= 0) return candidates[k];
    }
    return candidates[candidates.length - 1];
  }

  /** The participant who has spoken least so far (ties broken at random). */
  quietest(not: ReadonlyArray<number | null> = []): number {
    const order = this.rng.shuffle(this.people.map((_, i) => i)).filter((i) => !not.includes(i));
    return order.sort((a, b) => this.people[a].turns - this.people[b].turns)[0];
  }

  /** A fresh glue sentence from `pool` for `speaker`: said at most `reuse` times, never twice by them. */
  glue(speaker: number, pool: readonly Utterance[], reuse: number): string | null {
    const options = pool.filter((u) => this.fitsSpeaker(u, speaker)).map((u) => this.resolve(u, speaker));
    const fresh = options.filter((t) => this.available(t, reuse) && !this.hasSaid(speaker, t));
    if (fresh.length === 0) return null;
    const text = this.rng.pick(fresh);
    this.record(speaker, [text]);
    return text;
  }

  /** A short back-channel turn; these recur. */
  interjection(speaker: number, section: Section | null): void {
    const pool = TALK_BANKS[this.language].interjections.filter((u) => this.fitsSpeaker(u, speaker));
    const text = this.resolve(this.rng.pick(pool), speaker);
    this.push({ speaker, kind: 'reaction', section, text });
  }

  /** The bank a unit of `speaker`'s comes from: the group's language, or now and then the other. */
  languageFor(speaker: number): Language {
    const other: Language = this.language === 'kk' ? 'ru' : 'kk';
    return this.rng.chance(this.people[speaker].switching) ? other : this.language;
  }

  /**
   * One unit for `speaker` in `section`: a hand-written claim or a told story, fresh (never
   * said in this transcript), fitting the speaker and their earlier stances. With `invites`,
   * only units expressing one of those codes. Null when none is left.
   */
  unit(speaker: number, section: Section, invites: readonly CodeKey[] | null, stories = true): Unit | null {
    const language = this.languageFor(speaker);
    const tryStory = this.rng.chance(section === 'channels' || section === 'digital' ? 0.6 : 0.5);
    const attempts = !stories ? ['claim'] : tryStory ? ['story', 'claim'] : ['claim', 'story'];
    for (const attempt of attempts) {
      const unit =
        attempt === 'story' ? this.story(speaker, language, section, invites) : this.claim(speaker, language, section, invites);
      if (unit) {
        unit.story = attempt === 'story';
        const codes = [...new Set([...unit.whole, ...unit.sentences.flatMap((s) => s.codes)])];
        for (const p of positions(codes)) this.people[speaker].stances.add(opposite(p));
        this.record(speaker, unit.sentences.map((s) => s.text));
        return unit;
      }
    }
    return null;
  }

  private acceptable(speaker: number, codes: readonly CodeKey[]): boolean {
    const held = this.people[speaker].stances;
    if (held.size === 0 || !codes.some((c) => STANCE_CODES.has(c))) return true;
    return !positions(codes).some((p) => held.has(p));
  }

  private claim(speaker: number, language: Language, section: Section, invites: readonly CodeKey[] | null): Unit | null {
    const pool = UTTERANCE_BANKS[language][section].filter((u) => {
      if (!this.fitsSpeaker(u, speaker) || !this.acceptable(speaker, u.codes)) return false;
      if (invites && !u.codes.some((c) => invites.includes(c))) return false;
      return this.usesOf(this.resolve(u, speaker)) === 0;
    });
    if (pool.length === 0) return null;
    const u = this.rng.pick(pool);
    return { sentences: [{ text: this.resolve(u, speaker), codes: [] }], whole: u.codes, core: 0 };
  }

  private story(speaker: number, language: Language, section: Section, invites: readonly CodeKey[] | null): Unit | null {
    const stories = STORY_BANKS[language][section];
    for (const story of this.rng.shuffle(stories)) {
      const unit = this.tell(speaker, story, invites);
      if (unit) return unit;
    }
    return null;
  }

  private tell(speaker: number, story: Story, invites: readonly CodeKey[] | null): Unit | null {
    const sentences: Sentence[] = [];
    let whole: CodeKey[] = [];
    let core = 0;
    const said = new Set<string>();
    for (const step of story.steps) {
      const optional = step.chance !== undefined && step.chance < 1;
      if (optional && !this.rng.chance(step.chance!)) continue;
      const sofar = [...whole, ...sentences.flatMap((s) => s.codes)];
      const options = step.options.filter((u) => {
        if (!this.fitsSpeaker(u, speaker)) return false;
        if (u.after && !u.after.some((c) => sofar.includes(c))) return false;
        if (!this.acceptable(speaker, [...sofar, ...u.codes])) return false;
        if (step.whole && invites && !u.codes.some((c) => invites.includes(c))) return false;
        const text = this.resolve(u, speaker);
        return this.available(text, step.reuse ?? 1) && !this.hasSaid(speaker, text) && !said.has(text);
      });
      if (options.length === 0) {
        if (optional) continue;
        return null;
      }
      const u = this.rng.pick(options);
      const text = this.resolve(u, speaker);
      said.add(text);
      if (step.whole) {
        whole = [...new Set([...whole, ...u.codes])];
        core = sentences.length;
        sentences.push({ text, codes: [] });
      } else {
        sentences.push({ text, codes: u.codes });
      }
    }
    if (sentences.length > 1) this.lastStory = this.turns.length;
    return sentences.length > 0 ? { sentences, whole, core } : null;
  }
}

/** How many units an answer has: mostly one or two, sometimes a long monologue. */
function answerLength(rng: Rng, talkativeness: number): number {
  const r = rng.next() / Math.max(0.6, talkativeness * 0.85);
  if (r < 0.025) return 5 + rng.int(0, 1);
  if (r < 0.06) return 4;
  if (r < 0.2) return 3;
  if (r < 0.5) return 2;
  return 1;
}

/** The units of a substantive turn; null if the speaker has nothing fresh to say. */
function answerUnits(talk: Conversation, speaker: number, section: Section, invites: readonly CodeKey[] | null, length: number): Unit[] | null {
  const { rng } = talk;
  const bank = TALK_BANKS[talk.language];
  const units: Unit[] = [];
  for (let k = 0; k < length; k++) {
    // The first unit answers what was asked; later ones stay on its subject or move on.
    const previous = units.at(-1)?.whole ?? [];
    const focus = k === 0 ? invites : previous.length > 0 && rng.chance(0.45) ? previous : null;
    const stories = !units.some((u) => u.story);
    const unit = talk.unit(speaker, section, focus, stories) ?? (focus && k > 0 ? talk.unit(speaker, section, null, stories) : null);
    if (!unit) break;
    if (rng.chance(0.3)) {
      const more = talk.glue(speaker, bank.elaborations, 2);
      if (more) unit.sentences.push({ text: more, codes: [] });
    }
    units.push(unit);
  }
  return units.length > 0 ? units : null;
}

function pushAnswer(talk: Conversation, speaker: number, kind: TurnKind, section: Section, units: Unit[], before: Unit[] = [], after: Unit[] = []): void {
  const { text, codes, segments } = assembleTurn([...before, ...units, ...after]);
  talk.push({ speaker, kind, section, text, codes, segments });
}

/** A substantive answer with an optional opener and closer; false if nothing fresh was left. */
function answer(talk: Conversation, speaker: number, section: Section, invites: readonly CodeKey[] | null): boolean {
  const { rng } = talk;
  const bank = TALK_BANKS[talk.language];
  const units = answerUnits(talk, speaker, section, invites, answerLength(rng, talk.people[speaker].talkativeness));
  if (!units) return false;
  const opener = rng.chance(0.4) ? talk.glue(speaker, bank.openers, 3) : null;
  const closer = rng.chance(0.2) ? talk.glue(speaker, bank.closers, 4) : null;
  pushAnswer(talk, speaker, 'answer', section, units, opener ? [glue(opener)] : [], closer ? [glue(closer)] : []);
  return true;
}

/** Takes up the previous speaker: agreeing or disagreeing, then one or two units. */
function response(talk: Conversation, speaker: number, section: Section): boolean {
  const { rng } = talk;
  const bank = TALK_BANKS[talk.language];
  const units = answerUnits(talk, speaker, section, null, rng.int(1, 2));
  if (!units) return false;
  const stance = talk.glue(speaker, rng.chance(0.7) ? bank.agree : bank.disagree, 2);
  pushAnswer(talk, speaker, 'response', section, units, stance ? [glue(stance)] : []);
  return true;
}

/**
 * Cross-talk: one speaker is cut off mid-sentence, another cuts in, someone reacts, the
 * moderator may call for order, and the first speaker picks up again.
 */
function crossTalk(talk: Conversation, first: number, section: Section): boolean {
  const { rng } = talk;
  const bank = TALK_BANKS[talk.language];
  const guide = GUIDE[talk.language];
  const second = talk.nextSpeaker([first]);
  const cutoff = talk.glue(first, bank.cutoffs, 3);
  if (!cutoff) return false;
  const opening = talk.unit(first, section, null);
  if (!opening) return false;
  pushAnswer(talk, first, 'answer', section, [opening], [], [glue(cutoff)]);
  const cutIn = answerUnits(talk, second, section, opening.whole.length > 0 ? opening.whole : null, 1);
  const interruption = talk.glue(second, bank.interruptions, 2);
  if (cutIn) pushAnswer(talk, second, 'interruption', section, cutIn, interruption ? [glue(interruption)] : []);
  else talk.interjection(second, section);
  if (rng.chance(0.4)) talk.interjection(talk.nextSpeaker([first, second]), section);
  if (rng.chance(0.5)) talk.moderator('order', section, guide.order, 3);
  const resumed = answerUnits(talk, first, section, null, rng.int(1, 2));
  const resumption = talk.glue(first, bank.resumptions, 2);
  if (resumed) pushAnswer(talk, first, 'answer', section, resumed, resumption ? [glue(resumption)] : []);
  return true;
}

/** What the moderator asked after a turn: who should answer next, and what about. */
interface Ask {
  speaker: number | null;
  invites: readonly CodeKey[] | null;
}

/** The moderator's move after a participant's turn, if any. */
function moderate(talk: Conversation, section: Section, lastSpeaker: number): Ask {
  const { rng } = talk;
  const guide = GUIDE[talk.language];
  const none: Ask = { speaker: null, invites: null };
  if (!rng.chance(0.5)) return none;
  const r = rng.next();
  const theirLast = talk.turns.findLastIndex((t) => t.speaker === lastSpeaker);
  const toldStory = talk.lastStory === theirLast;
  const ask = (options: readonly Probe[], kind: TurnKind, reuse: number, spacing: number): Ask => {
    const fresh = options.filter((p) => (toldStory || !p.afterStory) && talk.available(p.text, reuse, spacing));
    if (fresh.length === 0) return none;
    const probe = rng.pick(fresh);
    talk.moderator(kind, section, [probe.text], reuse, spacing);
    if (probe.sameSpeaker) {
      // "Give an example" asks the last speaker for more of the same.
      const theirs = [...talk.turns].reverse().find((t) => t.speaker === lastSpeaker);
      return { speaker: lastSpeaker, invites: theirs && theirs.codes.length > 0 ? theirs.codes : null };
    }
    return { speaker: null, invites: probe.invites.length > 0 ? probe.invites : null };
  };
  if (r < 0.35) return ask(guide.probes[section], 'probe', 1, SPACING);
  if (r < 0.7) return ask(guide.prompts, 'prompt', 3, 25);
  if (r < 0.82) {
    talk.moderator('acknowledgement', section, guide.acknowledgements, 8, 6);
    return none;
  }
  if (r < 0.92) {
    const quiet = talk.quietest([lastSpeaker]);
    return talk.moderator('invitation', section, guide.invitations, 2) ? { speaker: quiet, invites: null } : none;
  }
  return ask(guide.genericProbes, 'probe', 1, SPACING);
}

/**
 * One guide question and the discussion it opens, until the section has had about
 * `budget` words or nobody has anything fresh to add. With `recap`, the moderator opens
 * the floor to anything said earlier, and people add to every section's topics.
 */
function discussSection(talk: Conversation, section: Section, budget: number, how: 'first' | 'next' | 'recap'): void {
  const { rng } = talk;
  const guide = GUIDE[talk.language];
  const bank = UTTERANCE_BANKS[talk.language];
  if (how === 'recap') {
    talk.moderator('question', null, guide.recaps);
  } else {
    // Moving on is said in the same breath as the next question.
    const transition = how === 'first' ? '' : (talk.line(guide.transitions) ?? '');
    const question = rng.pick(guide.questions[section]);
    talk.record(null, [question]);
    talk.push({ speaker: null, kind: 'question', section, text: transition ? `${transition} ${question}` : question });
  }
  const start = talk.words;
  let ask: Ask = { speaker: null, invites: null };
  const exhausted = new Set<number>();
  let smalltalkLeft = how === 'recap' ? 0 : rng.int(0, 2);
  while (talk.words - start < budget && exhausted.size < talk.people.length) {
    const last = talk.last;
    const busy: Array<number | null> = [...exhausted];
    if (talk.people.length - exhausted.size > 1) busy.push(last?.speaker ?? null);
    const speaker = ask.speaker !== null && !exhausted.has(ask.speaker) ? ask.speaker : talk.nextSpeaker(busy);
    // In the recap each turn takes up a topic of its own; a speaker with nothing left on
    // one topic may still have something on another.
    const topics = how === 'recap' ? rng.shuffle(SECTIONS) : [section];
    const topic = topics[0];
    const r = rng.next();
    let spoke: boolean;
    if (ask.speaker === null && ask.invites === null && smalltalkLeft > 0 && r < 0.03) {
      const options = bank.smalltalk.filter((u) => talk.fitsSpeaker(u, speaker) && talk.usesOf(talk.resolve(u, speaker)) === 0);
      spoke = options.length > 0;
      if (spoke) {
        const text = talk.resolve(rng.pick(options), speaker);
        talk.record(speaker, [text]);
        talk.push({ speaker, kind: 'smalltalk', section, text });
        smalltalkLeft--;
      }
    } else if (ask.speaker === null && ask.invites === null && last?.speaker !== null && last?.kind === 'answer' && r < 0.25) {
      spoke = response(talk, speaker, topic);
    } else if (ask.speaker === null && r < 0.31) {
      spoke = crossTalk(talk, speaker, topic);
    } else {
      spoke = answer(talk, speaker, topic, ask.invites);
    }
    for (const t of topics) spoke ||= answer(talk, speaker, t, null);
    if (!spoke) {
      exhausted.add(speaker);
      ask = { speaker: null, invites: null };
      continue;
    }
    const said = talk.last!.speaker!;
    const saidOn = talk.last!.section ?? section;
    if (rng.chance(0.45)) talk.interjection(talk.nextSpeaker([said]), saidOn);
    if (rng.chance(0.12)) talk.interjection(talk.nextSpeaker([said, talk.last!.speaker]), saidOn);
    ask = moderate(talk, saidOn, said);
  }
  if (how !== 'recap' && rng.chance(0.8)) talk.moderator('summary', section, guide.summaries[section], 1);
}

/**
 * The transcript of `group`, whose participants are `people` (in label order), of about
 * a drawn target length. Throws if the banks cannot supply MIN_WORDS–MAX_WORDS words,
 * which would be a bug in the banks rather than bad luck.
 */
export function composeTranscript(group: GroupSpec, people: readonly ParticipantSpec[], rng: Rng): ComposedTurn[] {
  const guide = GUIDE[group.language];
  const talk = new Conversation(group, people, rng);
  const target = rng.int(...TARGET_WORDS);

  talk.moderator('welcome', null, guide.welcome);
  people.forEach((p, i) => {
    // Two 20-year-old students born here may word it alike: ask again for a fresh wording.
    let text = '';
    for (let attempt = 0; attempt < 20 && (text === '' || talk.usesOf(text) > 0); attempt++) {
      text = introduction(p, group.language, group.city[group.language].inCity, rng.pick);
    }
    talk.record(i, [text]);
    talk.push({ speaker: i, kind: 'introduction', section: null, text });
  });

  // The guide's sections take most of the time; a recap of anything said before, the rest.
  const closingWords = 150;
  const guided = target * (1 - RECAP_SHARE);
  SECTIONS.forEach((section, k) => {
    const remainingShare = SECTIONS.slice(k).reduce((n, s) => n + SECTION_SHARE[s], 0);
    const budget = ((guided - talk.words) * SECTION_SHARE[section]) / remainingShare;
    discussSection(talk, section, budget, k === 0 ? 'first' : 'next');
  });
  discussSection(talk, 'channels', target - closingWords - talk.words, 'recap');

  talk.moderator('closing', null, guide.closing);
  const spoken: number[] = [];
  for (let k = rng.int(2, 3); k > 0; k--) {
    const speaker = talk.nextSpeaker(spoken);
    const text = talk.glue(speaker, guide.lastWords, 1);
    if (text === null) continue;
    spoken.push(speaker);
    talk.push({ speaker, kind: 'last-words', section: null, text });
  }
  talk.moderator('farewell', null, guide.farewell);

  if (talk.words < MIN_WORDS || talk.words > MAX_WORDS) {
    throw new Error(`${group.title}: composed ${talk.words} words, outside ${MIN_WORDS}–${MAX_WORDS}`);
  }
  return talk.turns;
}
