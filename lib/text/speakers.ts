/** Who speaks a turn. */

export const SPEAKER_KINDS = ['participant', 'moderator', 'unknown'] as const;

export type SpeakerKind = (typeof SPEAKER_KINDS)[number];
