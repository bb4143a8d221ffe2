/** What the codebook editor is given: the tree with per-layer counts, and the layer columns. */

export interface EditorCode {
  id: number;
  parentId: number | null;
  name: string;
  color: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  shortcut: string | null;
  archived: boolean;
  /** Codings of this code (not its subcodes) per layer key: 'consensus' | 'coder:<id>'. */
  counts: Record<string, number>;
  children: EditorCode[];
}

/** A count column: a layer key and its label (a coder's name, or "Consensus"). */
export interface LayerColumn {
  key: string;
  label: string;
}

/** Every coding of the code, whichever layer: what a delete would remove. */
export function totalCodings(code: Pick<EditorCode, 'counts'>): number {
  return Object.values(code.counts).reduce((s, n) => s + n, 0);
}
