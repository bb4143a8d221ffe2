/**
 * What the live stream of a document tells the editors that have it open (Server-Sent
 * Events, see app/api/v1/projects/[projectId]/documents/[documentId]/events). Plain JSON:
 * the bus that carries them may one day be PostgreSQL LISTEN/NOTIFY.
 */
import type { LayerRef } from '@/lib/access/layers';
import type { EditorCoding } from '@/lib/coding/editor-codings';

/** Codings of one layer of a document were added, changed or removed, in `version` of its text. */
export interface CodingsEvent {
  kind: 'codings';
  projectId: number;
  documentId: number;
  /** The document version the ranges are offsets into. */
  version: number;
  layer: LayerRef;
  actorId: number;
  added: EditorCoding[];
  changed: EditorCoding[];
  removed: number[];
}

/** The transcript was corrected: its text (and every coding's range) is now `version`. */
export interface DocumentEvent {
  kind: 'document';
  projectId: number;
  documentId: number;
  version: number;
  actorId: number;
  /** Who corrected it and when ('YYYY-MM-DD HH:MM UTC'), for the reload message. */
  by: string;
  at: string;
}

/** The project's codebook changed (a code created, renamed, recoloured, moved, archived, merged, deleted). */
export interface CodebookEvent {
  kind: 'codebook';
  projectId: number;
  actorId: number;
}

/** Someone opened or closed a document: the stream re-reads who is there. */
export interface PresenceEvent {
  kind: 'presence';
  projectId: number;
  documentId: number;
}

/**
 * Many codings of a layer changed at once (auto-coding, a layer copied into consensus, a
 * review decision): the editor fetches them again rather than receive each. `documentId`
 * null: any document of the project.
 */
export interface ResyncEvent {
  kind: 'resync';
  projectId: number;
  documentId: number | null;
  /** Absent: every layer (the bus lost events, see server/live/pg-bus.ts). */
  layer?: LayerRef;
  actorId: number;
}

export type LiveEvent = CodingsEvent | DocumentEvent | CodebookEvent | PresenceEvent | ResyncEvent;

/** The bus's channel of a project: every event of the project goes there. */
export function projectChannel(projectId: number): string {
  return `project:${projectId}`;
}

/** Does the event concern this document (codebook changes concern every document of the project)? */
export function concernsDocument(event: LiveEvent, documentId: number): boolean {
  if (event.kind === 'codebook') return true;
  if (event.kind === 'resync' && event.documentId == null) return true;
  return event.documentId === documentId;
}

/** The time of a correction as the stale-document message shows it. */
export function correctionTime(at: Date): string {
  return at.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** What the stream sends about the people who have the document open. */
export interface PresenceList {
  users: Array<{ id: number; name: string }>;
}

/** The first thing a stream sends: the document's current version (a reconnect compares it). */
export interface HelloEvent {
  version: number;
}
