/**
 * A whole project as one JSON document, for archiving and for scripts: the codebook,
 * attributes (never private ones), documents with their turns, participants by label (never
 * real names), the exported layers' codings with translations, and memos. Offsets are the
 * app's own (UTF-16 code units into the canonical text: the turns' texts joined with "\n").
 */

export const PROJECT_JSON_FORMAT = 'fgcoder-project';
export const PROJECT_JSON_VERSION = 1;

export interface ProjectJsonTurn {
  /** 1-based. */
  number: number;
  speaker: { kind: 'participant'; participantId: number; label: string } | { kind: 'moderator' } | { kind: 'unknown' };
  timestamp: string | null;
  start: number;
  end: number;
  text: string;
}

export interface ProjectJson {
  format: typeof PROJECT_JSON_FORMAT;
  version: typeof PROJECT_JSON_VERSION;
  exportedAt: string;
  offsets: 'utf16-code-units';
  project: { name: string; description: string; isDemo: boolean };
  /** The layers whose codings are included, as people read them. */
  layers: string[];
  attributes: { scope: 'document' | 'participant'; name: string; type: string; values: string[]; bins: { label: string; min: number; max: number }[] }[];
  codes: {
    id: number;
    parentId: number | null;
    path: string;
    name: string;
    color: string;
    description: string;
    inclusion: string;
    exclusion: string;
    example: string;
    shortcut: string | null;
    archived: boolean;
  }[];
  documents: { id: number; title: string; attributes: Record<string, string>; turns: ProjectJsonTurn[] }[];
  participants: { id: number; label: string; documentId: number | null; attributes: Record<string, string> }[];
  codings: {
    id: number;
    codeId: number;
    documentId: number;
    layer: 'consensus' | 'coder';
    coder: string;
    start: number;
    end: number;
    quote: string;
    memo: string;
    needsReview: boolean;
    createdAt: string;
    updatedAt: string;
    translations: { language: string; text: string; author: string }[];
  }[];
  memos: { target: 'project' | 'document' | 'code'; targetId: number | null; author: string; text: string; createdAt: string }[];
}

/** The JSON text (UTF-8 bytes), indented for people and diff tools. */
export function projectJsonBytes(p: ProjectJson): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(p, null, 2) + '\n');
}
