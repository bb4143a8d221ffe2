/**
 * The hand-written utterance banks the demo transcripts are composed from. Each utterance
 * says which codes it expresses, so the demo knows the "true" coding of every turn and can
 * simulate coders who mostly, but not always, agree with it.
 */
import type { CodeKey } from './codebook';
import type { Gender } from './sample';

/** The part of the moderator guide an utterance answers; 'smalltalk' fits anywhere. */
export const SECTIONS = ['sources', 'channels', 'digital', 'participation', 'elections'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Utterance {
  /**
   * One line of speech. May contain {city} (the city's name), {inCity} ("в Таразе" /
   * "Таразда") and {inDistrict} (a district of the city, in the same form), and
   * {masculine|feminine} alternations resolved by the speaker's gender ("{писал|писала}").
   */
  text: string;
  /** The codes it expresses; empty for small talk and untagged remarks. */
  codes: CodeKey[];
  /** Only a speaker of this gender may say it (Russian past tense, motherhood, …). */
  gender?: Gender;
  minAge?: number;
  maxAge?: number;
  /** In a story: only after an earlier step expressed one of these codes. */
  after?: CodeKey[];
}

export type UtteranceBank = Record<Section | 'smalltalk', Utterance[]>;

/** Builds an utterance; `who` restricts who can plausibly say it. */
export function say(
  text: string,
  codes: CodeKey[] = [],
  who: { gender?: Gender; minAge?: number; maxAge?: number; after?: CodeKey[] } = {},
): Utterance {
  return { text, codes, ...who };
}

/** Only after a step that expressed one of `codes` (see Utterance.after). */
export function after(...codes: CodeKey[]): { after: CodeKey[] } {
  return { after: codes };
}

const ALTERNATION = /\{([^{}|]*)\|([^{}|]*)\}/g;

/** Resolves the {masculine|feminine} alternations of a text for a speaker of `gender`. */
export function forGender(text: string, gender: Gender): string {
  return text.replace(ALTERNATION, (_, m: string, f: string) => (gender === 'Female' ? f : m));
}

/**
 * One step of a story: the speaker says one of `options` (or, with `chance` below 1,
 * sometimes skips the step). The codes of a `whole` step are coded over the whole story
 * (the story is about them); the codes of any other step over that step's sentence only.
 */
export interface StoryStep {
  options: Utterance[];
  chance?: number;
  whole?: boolean;
  /** How often one option may be said in one transcript (default 1). */
  reuse?: number;
}

/**
 * A small narrative grammar of one guide section: "last winter the lights went out in our
 * yard" + "I wrote to e-Otinish" + "a week later they fixed it". Each told story is one
 * unit of a turn; its steps carry the codes they express.
 */
export interface Story {
  steps: StoryStep[];
}

export type StoryBank = Record<Section, Story[]>;

/**
 * The connective tissue of a focus group in one language: how turns open and close, how
 * people agree, interrupt and pick up again, the one-word back-channel turns («Да.»,
 * «Иә.»), and short asides.
 */
export interface TalkBank {
  /** A turn's first sentence before the substance ("Ну, смотрите."). */
  openers: Utterance[];
  /** Opening a turn that takes up the previous speaker with agreement. */
  agree: Utterance[];
  /** Opening a turn that takes up the previous speaker with disagreement. */
  disagree: Utterance[];
  /** A generic sentence that extends what was just said ("И так каждый раз."). */
  elaborations: Utterance[];
  /** A turn's last words ("Вот.", "Как-то так."). */
  closers: Utterance[];
  /** Back-channel turns; these may be said many times. */
  interjections: Utterance[];
  /** An unfinished sentence a speaker is cut off in ("А ещё у нас…"). */
  cutoffs: Utterance[];
  /** Opening of a turn that cuts in ("Извините, перебью."). */
  interruptions: Utterance[];
  /** The interrupted speaker picks up again ("Так вот, я договорю."). */
  resumptions: Utterance[];
}

export const F = { gender: 'Female' } as const;
export const M = { gender: 'Male' } as const;

/** Whether a participant of this gender and age can plausibly say the utterance. */
export function fits(u: Pick<Utterance, 'gender' | 'minAge' | 'maxAge'>, gender: Gender, age: number): boolean {
  return (
    (u.gender === undefined || u.gender === gender) &&
    (u.minAge === undefined || age >= u.minAge) &&
    (u.maxAge === undefined || age <= u.maxAge)
  );
}

/** Stances one person would not hold at once (unless a single utterance holds both). */
const OPPOSED: ReadonlyArray<[CodeKey, CodeKey]> = [
  ['duty', 'pointless'],
  ['hope', 'pointless'],
  ['disengaged', 'hearings'],
  ['disengaged', 'maslikhat'],
  ['disengaged', 'platforms'],
  ['disengaged', 'volunteering'],
  ['disengaged', 'referendums'],
  ['disengaged', 'local_choice'],
];

/** The codes that take part in some opposition. */
export const STANCE_CODES: ReadonlySet<CodeKey> = new Set(OPPOSED.flat());

/** Whether one speaker saying both utterances (by their codes) would contradict themselves. */
export function contradicts(a: readonly CodeKey[], b: readonly CodeKey[]): boolean {
  const held = new Set(positions(a));
  return positions(b).some((p) => held.has(opposite(p)));
}

/**
 * The stances an utterance takes, as "x>y": it holds x without y, where x and y are opposed.
 * A speaker who has taken "x>y" contradicts themselves by taking "y>x".
 */
export function positions(codes: readonly CodeKey[]): string[] {
  const out: string[] = [];
  for (const [x, y] of OPPOSED) {
    const hasX = codes.includes(x);
    const hasY = codes.includes(y);
    if (hasX && !hasY) out.push(`${x}>${y}`);
    if (hasY && !hasX) out.push(`${y}>${x}`);
  }
  return out;
}

/** The position that contradicts `position` ("y>x" for "x>y"). */
export function opposite(position: string): string {
  const [x, y] = position.split('>');
  return `${y}>${x}`;
}
