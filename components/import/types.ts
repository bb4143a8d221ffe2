/** Shapes the import screens share. */
import type { GroupParticipant, RememberedSpeaker, SpeakerChoice } from '@/lib/import/mapping';
import type { TranscriptPreview } from '@/lib/import/preview';

/** A group (document) the import form may import into, as the page passes it. */
export interface ImportGroupView {
  id: number;
  title: string;
  turnCount: number;
  codingCount: number;
  participants: GroupParticipant[];
  remembered: RememberedSpeaker[];
}

/** One transcript in the import form: its source, its preview and the lead's choices. */
export interface ImportItem {
  key: string;
  source: { kind: 'file'; file: File } | { kind: 'pasted'; text: string };
  /** The file's name, or the "pasted text" caption. */
  name: string;
  /** The encoding the lead picked; null: as detected. */
  encoding: string | null;
  status: 'loading' | 'ready' | 'error';
  error?: string;
  preview?: TranscriptPreview;
  title: string;
  /** The existing group whose transcript this replaces; null: a new document. */
  target: number | null;
  speakers: Record<string, SpeakerChoice>;
  unlabelled: SpeakerChoice;
  /** Document attribute id → value. */
  attributes: Record<number, string>;
}

/** A preview route's answer for one file. */
export type PreviewResult = { ok: true; preview: TranscriptPreview } | { ok: false; source: string; error: string };

/** A document the import route stored. */
export interface ImportedDocumentView {
  id: number;
  title: string;
  turns: number;
  words: number;
  participantsCreated: number;
  replaced: boolean;
}
