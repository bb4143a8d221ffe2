/** What the analysis controls offer: each attribute with the values that occur (bins, categories, (missing)). */
import { orderedKeys, valueKey } from './axis';
import type { AnalysisModel } from './model';
import type { AttributeInfo } from './types';

export interface AttributeOption {
  /** How the URL names it (see resolve.attributeRef). */
  ref: string;
  name: string;
  scope: 'document' | 'participant';
  /** Value keys that occur, in column order; MISSING when someone lacks a value. */
  values: string[];
}

export function attributeOptions(model: AnalysisModel, ref: (a: AttributeInfo) => string): AttributeOption[] {
  return model.attributes.map((a) => {
    const holders: ReadonlyArray<{ attributes: Record<string, string> }> = a.scope === 'document' ? model.documents : model.participants;
    const found = new Set(holders.map((h) => valueKey(a, h.attributes[a.name])));
    return { ref: ref(a), name: a.name, scope: a.scope, values: orderedKeys(a, found).filter((k) => found.has(k)) };
  });
}

/** What the analysis controls offer: attributes, codes (with depth), documents and the layers the viewer may see. */
export interface ControlOptions {
  attributes: AttributeOption[];
  codes: Array<{ id: number; name: string; path: string; depth: number }>;
  documents: Array<{ id: number; title: string }>;
  layers: Array<{ value: string; label: string }>;
  /** The project's code, document and participant sets (set=<id> in the URL). */
  sets?: SetOption[];
}

export interface SetOption {
  id: number;
  kind: 'code' | 'document' | 'participant';
  name: string;
  /** How many members. */
  size: number;
}

/** The chosen set of one kind (the first, when the URL names several), or null. */
export function chosenSet(chosen: readonly number[] | undefined, sets: readonly SetOption[], kind: SetOption['kind']): number | null {
  return chosen?.find((id) => sets.some((s) => s.id === id && s.kind === kind)) ?? null;
}

/**
 * The set=<id> list with the set of one kind replaced by `id` (or dropped for null); the other
 * kinds' sets, and ids the options do not know (the page reports them), stay as they were.
 */
export function withSet(chosen: readonly number[] | undefined, sets: readonly SetOption[], kind: SetOption['kind'], id: number | null): number[] {
  const ofKind = (x: number) => sets.some((s) => s.id === x && s.kind === kind);
  const kept = (chosen ?? []).filter((x) => !ofKind(x));
  return id == null ? kept : [...kept, id];
}
