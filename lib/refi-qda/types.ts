/**
 * The contract between the REFI-QDA module and the app: a project as plain data.
 *
 * - Offsets (`start`, `end`) are always OUR convention: UTF-16 code units (JavaScript string
 *   indices) into the source's `text`, half-open [start, end). `text` uses "\n" line breaks
 *   only. The exchange file's own positions never leave this module (see positions.ts).
 * - GUIDs read from a file are lower case without braces, so references compare with `===`.
 *   On write, any `guid` that is not a GUID (an app id such as "42") is replaced by a fresh
 *   GUID, consistently for every reference to it.
 * - Nothing here carries a file path of the exporting machine (`basePath` is dropped).
 */

/**
 * When an entity was made and last changed, and by whom: the standard's optional
 * creatingUser / creationDateTime / modifiedDateTime. Written when known, read when present.
 */
import type { RefiExtension } from './extension';

export interface RefiStamps {
  createdAt?: Date;
  modifiedAt?: Date;
}

/** A person who coded, as named in the file. */
export interface RefiUser {
  guid: string;
  name: string;
}

/** A node of the codebook tree. `isCodable` defaults to true when absent. */
export interface RefiCode {
  guid: string;
  name: string;
  /** `#RRGGBB`, upper case; absent when the file gives no colour. */
  color?: string;
  description?: string;
  isCodable?: boolean;
  children: RefiCode[];
}

export const VARIABLE_TYPES = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'] as const;
/** The standard's `typeOfVariable`. */
export type RefiVariableType = (typeof VARIABLE_TYPES)[number];

/** An attribute definition (on cases or on sources). */
export interface RefiVariable {
  guid: string;
  name: string;
  type: RefiVariableType;
  description?: string;
}

/**
 * One value of a variable. Text, Date (`YYYY-MM-DD`) and DateTime (ISO 8601) are strings,
 * Integer and Float are numbers, Boolean is a boolean.
 */
export interface RefiVariableValue {
  variableGuid: string;
  value: string | number | boolean;
}

/** A case (in our app: a participant), with its attribute values and what it is linked to. */
export interface RefiCase {
  guid: string;
  name: string;
  description?: string;
  variableValues: RefiVariableValue[];
  sourceGuids: string[];
  /** Selections the case is linked to (`SelectionRef`), by the guids used in `sources`. */
  selectionGuids: string[];
}

/**
 * A coded (or merely marked) passage. `codeGuids` may be empty: ATLAS.ti exports quotations
 * without codes. Codings of one range by one user are one selection: NVivo's
 * one-selection-per-coding is merged on import, and the other selections' guids are kept in
 * `mergedGuids` so references to them can be followed.
 */
export interface RefiSelection extends RefiStamps {
  guid: string;
  name?: string;
  description?: string;
  /** UTF-16 offset into the source's LF text (inclusive). */
  start: number;
  /** UTF-16 offset into the source's LF text (exclusive). */
  end: number;
  /** Who coded it: the coding's creatingUser, else the selection's. */
  creatingUserGuid?: string;
  codeGuids: string[];
  mergedGuids?: string[];
}

/** A text source (in our app: a transcript). */
export interface RefiSource extends RefiStamps {
  guid: string;
  name: string;
  description?: string;
  /** The plain text with "\n" line breaks, no BOM. */
  text: string;
  /** Who added it. */
  creatingUserGuid?: string;
  variableValues: RefiVariableValue[];
  selections: RefiSelection[];
}

/**
 * A note (memo). `targetGuids` are the codes, sources, selections, cases or other notes it
 * is attached to; `onProject` when it is attached to the project as a whole.
 */
export interface RefiNote extends RefiStamps {
  guid: string;
  name?: string;
  description?: string;
  text: string;
  creatingUserGuid?: string;
  targetGuids: string[];
  onProject?: boolean;
}

/**
 * A named set (ATLAS.ti's code groups and document groups): of codes and/or sources. The
 * standard's sets hold codes, sources and notes, not cases.
 */
export interface RefiSet {
  guid: string;
  name: string;
  description?: string;
  codeGuids: string[];
  sourceGuids: string[];
}

export interface RefiProject extends RefiStamps {
  name: string;
  /** The software that wrote the file, e.g. "NVivo for Windows 12.6". */
  origin?: string;
  description?: string;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiSource[];
  notes: RefiNote[];
  /** Sets of codes and sources; absent or empty when there are none. */
  sets?: RefiSet[];
  /** What the standard cannot carry, in our own `fgcoder.json` inside the .qdpx (see extension.ts). */
  extension?: RefiExtension;
}

/** A codebook alone (.qdc). */
export interface RefiCodebook {
  origin?: string;
  codes: RefiCode[];
}

/** Every code of a tree, depth first, parents before children. */
export function flattenCodes(codes: readonly RefiCode[]): RefiCode[] {
  const out: RefiCode[] = [];
  const stack = [...codes].reverse();
  while (stack.length > 0) {
    const code = stack.pop() as RefiCode;
    out.push(code);
    for (let i = code.children.length - 1; i >= 0; i--) stack.push(code.children[i]);
  }
  return out;
}
