/**
 * The vocabulary of the analysis screens (frequencies, co-occurrence, case matrix, excerpts):
 * which layer is counted, what columns are, what a filter keeps. See DESIGN.md, "What the
 * numbers mean".
 */
import type { AttributeBin } from '../attributes/types';

/** The column of participants without a value for a participant (or document) attribute. */
export const MISSING = '(missing)';
/**
 * The column of codings attributed to nobody (only on moderator or unknown speakers' turns),
 * when the columns are a participant attribute: such codings are shown, never dropped.
 */
export const NO_PARTICIPANT = '(no participant)';

/** Whose codings are counted: the consensus layer, one coder's layer, or all coders' layers with identical ranges counted once. */
export type AnalysisLayer = { kind: 'consensus' } | { kind: 'coder'; coderId: number } | { kind: 'union' };

export const MEASURES = ['segments', 'participants', 'percent', 'groups', 'per1000'] as const;
export type Measure = (typeof MEASURES)[number];

export const COOCCURRENCE_MODES = ['overlap', 'turn'] as const;
/** overlap: codings share at least one character; turn: codings touch the same turn. */
export type CooccurrenceMode = (typeof COOCCURRENCE_MODES)[number];

export interface AttributeInfo {
  id: number;
  name: string;
  scope: 'document' | 'participant';
  type: 'category' | 'number' | 'text' | 'date';
  /** Declared category values, in order. */
  values: string[];
  /** Bins of a number attribute (age bands). */
  bins: AttributeBin[];
  /** Never leaves the app: left out of per-participant outputs (excerpts, case matrix). */
  private: boolean;
}

export interface CodeInfo {
  id: number;
  parentId: number | null;
  name: string;
  color: string;
  sortOrder: number;
  archived: boolean;
}

/** What the columns (or the split of the columns) are: the documents, or one attribute's values. */
export type ColumnSource = { kind: 'documents' } | { kind: 'attribute'; attribute: AttributeInfo };

/** Keep only these values of an attribute: value keys as the columns show them (bin labels, MISSING, NO_PARTICIPANT). */
export interface AttributeFilter {
  attribute: AttributeInfo;
  values: string[];
}

/**
 * What every analysis counts from. Codes: a subtree root (its descendants included) or, for
 * excerpts, one code with or without its descendants. Participant attribute filters keep the
 * participants with those values; a coding counts when it is attributed to at least one of
 * them (a coding attributed to nobody counts only when every participant filter lists
 * NO_PARTICIPANT).
 */
export interface AnalysisFilter {
  layer: AnalysisLayer;
  /** null: every code. */
  codeId: number | null;
  /** With codeId: include its descendants (a subtree filter, or a rolled-up row's excerpts). */
  descendants: boolean;
  /** null: every document. */
  documentIds: number[] | null;
  attributes: AttributeFilter[];
  /** Only codings attributed to this participant (a case-matrix cell). */
  participantId: number | null;
  /** Only these codes (the members of chosen code sets); absent or null: no restriction. */
  codeIds?: number[] | null;
  /** Only codings attributed to these participants (members of participant sets); absent or null: none. */
  participantIds?: number[] | null;
  /** The sets the codeIds, documentIds and participantIds came from, named in a file's notes. */
  sets?: Array<{ kind: 'code' | 'document' | 'participant'; name: string }>;
}

export const EMPTY_FILTER: Omit<AnalysisFilter, 'layer'> = {
  codeId: null,
  descendants: true,
  documentIds: null,
  attributes: [],
  participantId: null,
};
