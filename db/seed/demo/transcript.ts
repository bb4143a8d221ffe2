/**
 * Composes one focus-group transcript from the guide and the utterance banks: the
 * moderator walks through the guide, participants answer, react to each other and now
 * and then drift into small talk. Deterministic for a given random generator; no
 * utterance is said twice in one transcript.
 */
import type { CodeKey } from './codebook';
import { GUIDE, introduction, type Probe } from './guide';
import type { Rng } from './prng';
import type { GroupSpec, ParticipantSpec } from './sample';
import { contradicts, fits, SECTIONS, type Section, type Utterance } from './utterances';
import { KK_UTTERANCES } from './utterances-kk';
import { RU_UTTERANCES } from './utterances-ru';

export type TurnKind =
  | 'welcome'
  | 'introduction'
  | 'question'
  | 'probe'
  | 'answer'
  | 'reaction'
  | 'smalltalk'
  | 'closing'
  | 'last-words'
  | 'farewell';

export interface ComposedTurn {
  /** Index into the group's participants; null for the moderator. */
  speaker: number | null;
  kind: TurnKind;
  section: Section | null;
  text: string;
  /** The codes the utterance was written to express (its "true" coding). */
  codes: CodeKey[];
}

export const UTTERANCE_BANKS = { ru: RU_UTTERANCES, kk: KK_UTTERANCES } as const;

export const MIN_TURNS = 40;
export const MAX_TURNS = 120;

/** Replaces {city}, {inCity} and {inDistrict} with the group's city in its language. */
export function localise(text: string, group: GroupSpec): string {
  const forms = group.city[group.language];
  return text
    .replaceAll('{city}', forms.name)
    .replaceAll('{inCity}', forms.inCity)
    .replaceAll('{inDistrict}', forms.inDistrict);
}

/** The transcript as it grows, with what has been said and by whom. */
class Conversation {
  readonly turns: ComposedTurn[] = [];
  private readonly said = new Set<string>();
  /** The codes of everything each participant has said, to keep their stance consistent. */
  private readonly stances: CodeKey[][][];

  constructor(
    readonly group: GroupSpec,
    readonly people: readonly ParticipantSpec[],
    readonly rng: Rng,
  ) {
    this.stances = people.map(() => []);
  }

  hasSaid(text: string): boolean {
    return this.said.has(text);
  }

  /** The moderator says one of `options` not yet said; false if all were. */
  moderator(kind: TurnKind, section: Section | null, options: readonly string[]): boolean {
    const fresh = options.map((o) => localise(o, this.group)).filter((o) => !this.said.has(o));
    if (fresh.length === 0) return false;
    this.push({ speaker: null, kind, section, text: this.rng.pick(fresh), codes: [] });
    return true;
  }

  /** `speaker` says an unsaid utterance of `pool` that fits them; false if none does. */
  participant(speaker: number, kind: TurnKind, section: Section | null, pool: readonly Utterance[]): boolean {
    const p = this.people[speaker];
    const options = pool.filter(
      (u) =>
        fits(u, p.gender, p.age) &&
        !this.said.has(localise(u.text, this.group)) &&
        !this.stances[speaker].some((codes) => contradicts(codes, u.codes)),
    );
    if (options.length === 0) return false;
    const u = this.rng.pick(options);
    this.stances[speaker].push(u.codes);
    this.push({ speaker, kind, section, text: localise(u.text, this.group), codes: [...u.codes] });
    return true;
  }

  push(turn: ComposedTurn): void {
    this.said.add(turn.text);
    this.turns.push(turn);
  }

  /** Everyone but the last speaker, those who have spoken least in `counts` first. */
  speakingOrder(counts: readonly number[]): number[] {
    const last = this.turns[this.turns.length - 1]?.speaker ?? null;
    const order = this.rng.shuffle(this.people.map((_, i) => i)).filter((i) => i !== last);
    return order.sort((a, b) => counts[a] - counts[b]);
  }
}

/**
 * One guide question and the discussion it opens: 6–10 answers, some followed by a brief
 * reaction or a moderator's probe (the next answer takes up what the probe invites), and
 * optionally one turn of small talk.
 */
function discussSection(talk: Conversation, section: Section, withSmalltalk: boolean): void {
  const { rng } = talk;
  const guide = GUIDE[talk.group.language];
  const bank = UTTERANCE_BANKS[talk.group.language];
  talk.moderator('question', section, guide.questions[section]);
  const counts = talk.people.map(() => 0);
  const answers = rng.int(6, 10);
  const smalltalkAt = withSmalltalk ? rng.int(1, answers - 1) : -1;
  let asked: Probe | null = null;
  let lastAnswer: ComposedTurn | null = null;
  for (let k = 0; k < answers; k++) {
    const smalltalk: boolean = k === smalltalkAt && asked === null;
    const kind: TurnKind = smalltalk ? 'smalltalk' : 'answer';
    const pool = smalltalk ? bank.smalltalk : bank[section];
    // "Give an example" asks the last speaker for more of the same.
    const goOn: boolean = asked !== null && asked.sameSpeaker && lastAnswer !== null;
    const invites: readonly CodeKey[] = goOn ? lastAnswer!.codes : (asked?.invites ?? []);
    const invited = pool.filter((u) => u.codes.some((c) => invites.includes(c)));
    const order = talk.speakingOrder(counts);
    const first: number[] = goOn ? [lastAnswer!.speaker!, ...order] : order;
    const speaker =
      first.find((i) => invited.length > 0 && talk.participant(i, kind, section, invited)) ??
      order.find((i) => talk.participant(i, kind, section, pool));
    asked = null;
    if (speaker === undefined) continue;
    counts[speaker]++;
    if (!smalltalk) lastAnswer = talk.turns[talk.turns.length - 1];
    if (rng.chance(0.25)) {
      const reactor = talk.speakingOrder(counts).find((i) => talk.participant(i, 'reaction', section, guide.reactions));
      if (reactor !== undefined) counts[reactor]++;
    }
    if (k < answers - 1 && rng.chance(0.2)) {
      const probes: readonly Probe[] = rng.chance(0.6) ? guide.probes[section] : guide.genericProbes;
      const lastSpeaker = talk.turns[talk.turns.length - 1].speaker;
      const fresh: Probe[] = probes.filter(
        (p) => !talk.hasSaid(p.text) && !(p.sameSpeaker && (lastAnswer === null || lastSpeaker !== lastAnswer.speaker)),
      );
      if (fresh.length > 0) {
        const probe = rng.pick(fresh);
        talk.moderator('probe', section, [probe.text]);
        asked = probe;
      }
    }
  }
}

/**
 * The transcript of `group`, whose participants are `people` (in label order). Throws if
 * the banks cannot supply a transcript of MIN_TURNS–MAX_TURNS turns, which would be a bug
 * in the banks rather than bad luck.
 */
export function composeTranscript(group: GroupSpec, people: readonly ParticipantSpec[], rng: Rng): ComposedTurn[] {
  const guide = GUIDE[group.language];
  const talk = new Conversation(group, people, rng);

  talk.moderator('welcome', null, guide.welcome);
  people.forEach((p, i) => {
    // Two 20-year-old students born here may word it alike: ask again for a fresh wording.
    let text = '';
    for (let attempt = 0; attempt < 20 && (text === '' || talk.hasSaid(text)); attempt++) {
      text = introduction(p, group.language, group.city[group.language].inCity, rng.pick);
    }
    talk.push({ speaker: i, kind: 'introduction', section: null, text, codes: [] });
  });

  const smalltalkSections = new Set(rng.shuffle(SECTIONS).slice(0, rng.int(1, 3)));
  for (const section of SECTIONS) discussSection(talk, section, smalltalkSections.has(section));

  talk.moderator('closing', null, guide.closing);
  const counts = people.map(() => 0);
  for (let k = rng.int(1, 2); k > 0; k--) {
    const speaker = talk.speakingOrder(counts).find((i) => talk.participant(i, 'last-words', null, guide.lastWords));
    if (speaker !== undefined) counts[speaker]++;
  }
  talk.moderator('farewell', null, guide.farewell);

  const { turns } = talk;
  if (turns.length < MIN_TURNS || turns.length > MAX_TURNS) {
    throw new Error(`${group.title}: composed ${turns.length} turns, outside ${MIN_TURNS}–${MAX_TURNS}`);
  }
  return turns;
}
