/**
 * The coding editor's own nouns, in one place: the components of `components/editor/`
 * import them from here rather than from each other (so none depends on the editor
 * that composes them).
 */

/** A code of the codebook as the editor shows it. */
export interface EditorCode {
  id: number;
  name: string;
  /** Its place in the codebook, "Parent / Child", for search and titles. */
  path: string;
  /** 0 for a top-level code: data, never parsed from the path (a name may hold " / "). */
  depth: number;
  color: string;
  shortcut: string | null;
  archived: boolean;
}

/** A passage of the document's text, in canonical-text offsets, `end` exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** What the info panel may change of a coding. */
export interface CodingChange {
  codeId?: number;
  start?: number;
  end?: number;
  memo?: string;
}
