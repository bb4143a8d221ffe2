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
   * "Таразда") and {inDistrict} (a district of the city, in the same form).
   */
  text: string;
  /** The codes it expresses; empty for small talk and untagged remarks. */
  codes: CodeKey[];
  /** Only a speaker of this gender may say it (Russian past tense, motherhood, …). */
  gender?: Gender;
  minAge?: number;
  maxAge?: number;
}

export type UtteranceBank = Record<Section | 'smalltalk', Utterance[]>;

/** Builds an utterance; `who` restricts who can plausibly say it. */
export function say(
  text: string,
  codes: CodeKey[] = [],
  who: { gender?: Gender; minAge?: number; maxAge?: number } = {},
): Utterance {
  return { text, codes, ...who };
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

/** Whether one speaker saying both utterances (by their codes) would contradict themselves. */
export function contradicts(a: readonly CodeKey[], b: readonly CodeKey[]): boolean {
  const holds = (codes: readonly CodeKey[], x: CodeKey, y: CodeKey) => codes.includes(x) && !codes.includes(y);
  return OPPOSED.some(([x, y]) => (holds(a, x, y) && holds(b, y, x)) || (holds(a, y, x) && holds(b, x, y)));
}
