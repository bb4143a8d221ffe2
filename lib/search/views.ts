/** Search results, saved searches and auto-coding as screens and the API show them. */
import type { SearchOptions } from './options';
import type { Snippet } from './snippet';
import type { SpeakerKind } from '../text/speakers';

export interface SavedSearchView {
  id: number;
  name: string;
  options: SearchOptions;
  createdBy: number;
  createdByName: string;
  updatedAt: string;
}

export interface AutocodePreview {
  /** Hits asked for. */
  hits: number;
  /** Hits left out because their document is not the user's to code. */
  skippedHits: number;
  skippedDocuments: number;
  /** Distinct ranges to code once hits are extended (hits in one sentence make one). */
  ranges: number;
  /** Of those, already coded with the code in the layer. */
  existing: number;
  /** Codings that applying would make. */
  toCreate: number;
}

export interface AutocodeResult extends AutocodePreview {
  /** The `coding.autocode` audit event: what undo takes. Null when nothing was created. */
  batchId: number | null;
  codingIds: number[];
  /** Hits left out because their transcript was corrected after the search. */
  staleHits: number;
}

export interface SearchHitView {
  documentId: number;
  documentTitle: string;
  turnSeq: number;
  speaker: { kind: SpeakerKind; label: string; participantId: number | null };
  start: number;
  end: number;
  snippet: Snippet;
  coded: boolean | null;
}

export interface DocumentHits {
  documentId: number;
  title: string;
  attributes: Record<string, string>;
  hits: number;
}

export interface SearchResult {
  empty: boolean;
  total: number;
  turns: number;
  documents: DocumentHits[];
  /** The hits from `offset`, at most `limit` of them. */
  hits: SearchHitView[];
  /** Label and attributes of the speakers of the hits shown. */
  participants: Record<number, { label: string; attributes: Record<string, string> }>;
  offset: number;
  limit: number;
  truncated: boolean;
}

export interface FilterChoice {
  attributeId: number;
  scope: 'document' | 'participant';
  name: string;
  /** What a filter on it can pick: category values, bin labels, or the values in use (up to 50). */
  values: string[];
}
