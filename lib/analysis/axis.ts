/**
 * One level of table columns: the documents, or the values of an attribute. A value is what
 * a person reads in a column header — a category, a bin label for a binned number (an age
 * band), the raw value otherwise — and an absent or blank value is the explicit MISSING
 * column. For a participant attribute, codings attributed to nobody have their own
 * NO_PARTICIPANT column.
 */
import { binOf } from '../attributes/bins';
import type { AnalysisModel } from './model';
import { MISSING, NO_PARTICIPANT, type AttributeInfo, type ColumnSource } from './types';

/** The column a raw attribute value falls in: its bin (numbers with bins; out-of-bin numbers keep their value), MISSING when absent or blank. */
export function valueKey(attribute: AttributeInfo, raw: string | undefined): string {
  if (raw == null || raw.trim() === '') return MISSING;
  if (attribute.type === 'number' && attribute.bins.length) return binOf(Number(raw), attribute.bins) ?? raw;
  return raw;
}

/**
 * Every column an attribute can have, in order: declared values (categories) or bins, then
 * other values found (numerically for numbers, else alphabetically), then MISSING.
 */
export function orderedKeys(attribute: AttributeInfo, found: Iterable<string>): string[] {
  const declared = attribute.type === 'number' && attribute.bins.length ? attribute.bins.map((b) => b.label) : attribute.values;
  const known = new Set(declared);
  const extra = [...new Set(found)].filter((v) => v !== MISSING && !known.has(v));
  extra.sort(attribute.type === 'number' ? (a, b) => Number(a) - Number(b) || a.localeCompare(b) : (a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return [...declared, ...extra, MISSING];
}

export interface Axis {
  source: ColumnSource;
  scope: 'document' | 'participant';
  keys: string[];
  /** What a header shows: a document's title, or the value key (MISSING / NO_PARTICIPANT untranslated). */
  labels: string[];
  /** Document index → key index (document scope). */
  ofDocument: Int32Array;
  /** Participant index → key index (participant scope). */
  ofParticipant: Int32Array;
  /** Key index of NO_PARTICIPANT (participant scope), else -1. */
  nobody: number;
}

/** The columns `source` makes for the model's documents and participants (every possible value; empty ones are dropped later). */
export function buildAxis(model: AnalysisModel, source: ColumnSource): Axis {
  if (source.kind === 'documents') {
    return {
      source,
      scope: 'document',
      keys: model.documents.map((d) => String(d.id)),
      labels: model.documents.map((d) => d.title),
      ofDocument: Int32Array.from(model.documents, (_, i) => i),
      ofParticipant: new Int32Array(model.participants.length).fill(-1),
      nobody: -1,
    };
  }
  const a = source.attribute;
  const holders: ReadonlyArray<{ attributes: Record<string, string> }> = a.scope === 'document' ? model.documents : model.participants;
  const raw = holders.map((h) => valueKey(a, h.attributes[a.name]));
  const keys = orderedKeys(a, raw);
  if (a.scope === 'participant') keys.push(NO_PARTICIPANT);
  const index = new Map(keys.map((k, i) => [k, i]));
  const mapped = Int32Array.from(raw, (k) => index.get(k)!);
  return {
    source,
    scope: a.scope,
    keys,
    labels: keys,
    ofDocument: a.scope === 'document' ? mapped : new Int32Array(model.documents.length).fill(-1),
    ofParticipant: a.scope === 'participant' ? mapped : new Int32Array(model.participants.length).fill(-1),
    nobody: a.scope === 'participant' ? keys.length - 1 : -1,
  };
}

/** The key index for a coding in document `d` attributed to participant `p` (-1: nobody). */
export function axisValue(axis: Axis, d: number, p: number): number {
  if (axis.scope === 'document') return axis.ofDocument[d];
  return p < 0 ? axis.nobody : axis.ofParticipant[p];
}
