/**
 * Who speaks under each label of an imported transcript. Before anything is stored the lead
 * maps every distinct label ("Модератор", "Р1", "Айгерим") to a participant of the group
 * (one that exists, or a new one), to the moderator, or to "unknown"; turns the file gives no
 * speaker for get one choice of their own (so a text without speakers imports as one
 * speaker). This module proposes that mapping and checks the lead's answer. It is pure and
 * small, so the preview form in the browser and the import on the server use the same rules.
 *
 * The proposal remembers earlier imports without storing anything new: a group's existing
 * turns keep the label as written beside the speaker it was mapped to, so importing into the
 * same group again ({@link prefillSpeakers} with that group) maps each label the way it was
 * mapped last time.
 */

/** What one label (or the unlabelled turns) is mapped to. */
export type SpeakerChoice =
  | { kind: 'participant'; participantId: number }
  | { kind: 'new'; label: string }
  | { kind: 'moderator' }
  | { kind: 'unknown' };

/** A participant of the group being imported into. */
export interface GroupParticipant {
  id: number;
  label: string;
}

/** A label the group's transcript already uses, with the speaker its turns have. */
export interface RememberedSpeaker {
  label: string;
  kind: 'participant' | 'moderator' | 'unknown';
  participantId: number | null;
}

/** What the group being imported into already knows: its participants and its labels. */
export interface GroupSpeakers {
  participants: readonly GroupParticipant[];
  remembered: readonly RememberedSpeaker[];
}

/** Longest label a new participant may get. */
export const MAX_PARTICIPANT_LABEL = 64;

/**
 * Cyrillic letters that look like Latin ones: "Р1" typed in a Russian layout and "P1" typed
 * in an English one are the same code to a reader, so label comparison treats them alike.
 */
const LOOKALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', к: 'k', м: 'm', т: 't', в: 'b', н: 'h',
};

/**
 * A label's comparison key: Cyrillic look-alikes as Latin, lower case, ё as е, and spaces,
 * dots, dashes, "№" and "#" dropped — so "Р1", "P1", "p 1", "P-1" and "P.1" are one key.
 */
export function labelKey(label: string): string {
  let out = '';
  for (const ch of label.normalize('NFC').replace(/ё/g, 'е').replace(/Ё/g, 'Е')) out += LOOKALIKES[ch] ?? ch;
  return out.toLowerCase().replace(/[\s.\-_№#]+/g, '');
}

/** First words that name the moderator (compared lower-case, ё as е). */
const MODERATOR_WORDS = new Set([
  'модератор', 'модераторка', 'ведущий', 'ведущая', 'интервьюер', 'интервьюерка', 'фасилитатор',
  'жүргізуші', 'сұхбаткер', 'moderator', 'interviewer', 'facilitator', 'mod', 'мод',
]);

/**
 * Whether a label names the moderator: a moderator word ("Модератор", "Жүргізуші",
 * "Moderator", "Ведущая", also numbered: "Модератор 2") or the bare code "М" / "M".
 */
export function isModeratorLabel(label: string): boolean {
  const trimmed = label.trim();
  if (trimmed === 'М' || trimmed === 'M' || trimmed === 'М.' || trimmed === 'M.') return true;
  const first = trimmed.split(/[\s.:]+/)[0]?.toLowerCase().replace(/ё/g, 'е') ?? '';
  return MODERATOR_WORDS.has(first);
}

/**
 * Proposes a choice for every label, in this order:
 * 1. the speaker the group's earlier turns with this label had (exact label first, then by
 *    {@link labelKey}), if that participant still exists;
 * 2. a group participant whose label has the same {@link labelKey} ("Р1" → participant P1);
 * 3. the moderator, for a moderator label ({@link isModeratorLabel});
 * 4. otherwise a new participant named as the label is written (labels with one key share
 *    one new participant).
 * `group` is null when importing into a new group. Returns label → choice.
 */
export function prefillSpeakers(labels: readonly string[], group: GroupSpeakers | null): Record<string, SpeakerChoice> {
  const participants = group?.participants ?? [];
  const byId = new Map(participants.map((p) => [p.id, p]));
  const byKey = new Map<string, GroupParticipant>();
  for (const p of participants) if (!byKey.has(labelKey(p.label))) byKey.set(labelKey(p.label), p);
  const rememberedExact = new Map<string, RememberedSpeaker>();
  const rememberedByKey = new Map<string, RememberedSpeaker>();
  for (const r of group?.remembered ?? []) {
    if (r.kind === 'participant' && (r.participantId === null || !byId.has(r.participantId))) continue;
    if (!rememberedExact.has(r.label)) rememberedExact.set(r.label, r);
    if (!rememberedByKey.has(labelKey(r.label))) rememberedByKey.set(labelKey(r.label), r);
  }
  const newByKey = new Map<string, string>();
  // A Map, then fromEntries: labels are arbitrary text, "__proto__" included.
  const out = new Map<string, SpeakerChoice>();
  for (const label of labels) {
    const key = labelKey(label);
    const remembered = rememberedExact.get(label) ?? rememberedByKey.get(key);
    if (remembered) {
      out.set(
        label,
        remembered.kind === 'participant' ? { kind: 'participant', participantId: remembered.participantId! } : { kind: remembered.kind },
      );
      continue;
    }
    const existing = byKey.get(key);
    if (existing) out.set(label, { kind: 'participant', participantId: existing.id });
    else if (isModeratorLabel(label)) out.set(label, { kind: 'moderator' });
    else {
      const first = newByKey.get(key) ?? label.trim().slice(0, MAX_PARTICIPANT_LABEL);
      newByKey.set(key, first);
      out.set(label, { kind: 'new', label: first });
    }
  }
  return Object.fromEntries(out);
}

/** A turn's speaker once the mapping is applied: a new participant is named by its label. */
export type ResolvedSpeaker =
  | { kind: 'participant'; participantId: number }
  | { kind: 'new'; label: string }
  | { kind: 'moderator' }
  | { kind: 'unknown' };

/** The outcome of {@link checkSpeakerMapping}. */
export interface SpeakerPlan {
  /** Problems, each a sentence naming the label; empty when the mapping can be stored. */
  problems: string[];
  /**
   * The new participants to create, one per distinct {@link labelKey}, as first written.
   * A new label equal (by key) to an existing participant of the group means that
   * participant, not a new one.
   */
  newLabels: string[];
  /** The speaker of a turn with this label (null: a turn without a label). */
  speakerOf: (label: string | null) => ResolvedSpeaker;
}

/**
 * Checks a mapping against the transcript's labels and the group's participants: every label
 * is mapped, a new participant has a label of at most {@link MAX_PARTICIPANT_LABEL}
 * characters, and a chosen participant belongs to the group. `unlabelled` is the choice for
 * turns without a label (default unknown); it is looked at only when `hasUnlabelled`. Returns
 * the problems, the participants to create and how to resolve each turn's speaker. Never
 * throws.
 */
export function checkSpeakerMapping(
  labels: readonly string[],
  mapping: Readonly<Record<string, SpeakerChoice | undefined>>,
  unlabelled: { choice?: SpeakerChoice; hasUnlabelled: boolean },
  groupParticipants: readonly GroupParticipant[],
): SpeakerPlan {
  const problems: string[] = [];
  const inGroup = new Map(groupParticipants.map((p) => [p.id, p]));
  const existingByKey = new Map<string, GroupParticipant>();
  for (const p of groupParticipants) if (!existingByKey.has(labelKey(p.label))) existingByKey.set(labelKey(p.label), p);
  const newByKey = new Map<string, string>();

  const resolve = (choice: SpeakerChoice, what: string): ResolvedSpeaker => {
    if (choice.kind === 'participant') {
      if (!inGroup.has(choice.participantId)) problems.push(`${what} is mapped to participant #${choice.participantId}, who is not in this group`);
      return choice;
    }
    if (choice.kind === 'new') {
      const label = choice.label.trim().replace(/\s+/g, ' ');
      if (label === '') {
        problems.push(`${what}: the new participant needs a label`);
        return { kind: 'unknown' };
      }
      if (label.length > MAX_PARTICIPANT_LABEL) problems.push(`${what}: the new participant's label is longer than ${MAX_PARTICIPANT_LABEL} characters`);
      const key = labelKey(label);
      const existing = existingByKey.get(key);
      if (existing) return { kind: 'participant', participantId: existing.id };
      if (!newByKey.has(key)) newByKey.set(key, label);
      return { kind: 'new', label: newByKey.get(key)! };
    }
    return { kind: choice.kind };
  };

  const resolved = new Map<string, ResolvedSpeaker>();
  for (const label of labels) {
    const choice = Object.hasOwn(mapping, label) ? mapping[label] : undefined;
    if (!choice) {
      problems.push(`speaker "${label}" is not mapped to anyone`);
      continue;
    }
    resolved.set(label, resolve(choice, `speaker "${label}"`));
  }
  const forUnlabelled: ResolvedSpeaker = unlabelled.hasUnlabelled
    ? resolve(unlabelled.choice ?? { kind: 'unknown' }, 'turns without a speaker')
    : { kind: 'unknown' };
  return {
    problems,
    newLabels: [...newByKey.values()],
    speakerOf: (label) => (label === null ? forUnlabelled : (resolved.get(label) ?? { kind: 'unknown' })),
  };
}
