/**
 * The URL parameters of the analysis pages and API, parsed (and written back) without
 * knowing the project; ./resolve checks names and ids against it. One grammar for pages and
 * API:
 *
 *   rows=codes                       (the only row kind)
 *   cols=attr:<name> | documents     (default: the document attribute "city", else documents)
 *   split=attr:<name>
 *   measure=segments|participants|percent|groups|per1000
 *   layer=consensus|coder:<userId>|union
 *   rollup=1                         (parents include descendants; for excerpts: the code's descendants)
 *   subtree=<codeId>                 (rows: this code and its descendants)
 *   code=<codeId>                    (excerpts: this code)
 *   doc=<documentId>                 (repeatable, or comma-separated)
 *   attr.<name>=<value>              (repeatable: any of these values; (missing), (no participant))
 *   participant=<participantId>      (excerpts of one case)
 *   mode=overlap|turn                (co-occurrence)
 *   pair=<codeId>,<codeId>           (co-occurrence passages)
 *   offset=<n>&limit=<n>             (excerpt pages; limit ≤ 500)
 *   format=json|csv|xlsx             (API; the case matrix also sav: an SPSS system file)
 *   shape=wide|long                  (frequency / case-matrix files: long = one row per cell, a value column)
 *   values=count|presence            (case-matrix files: presence = 1 when the participant has the code, else 0)
 *   sep=comma|semicolon              (CSV: , with a decimal point, or ; with a decimal comma for ru/kk Excel)
 *
 * An attribute name may be written `document:<name>` or `participant:<name>` when a document
 * and a participant attribute share it.
 */
import { layerKey, parseLayer } from '../access/layers';
import type { LayerRef } from '../access/layers';
import { COOCCURRENCE_MODES, MEASURES, type CooccurrenceMode, type Measure } from './types';

/** Bad input or a layer the caller may not see; `status` is 400 or 403 and the message names the problem. */
export class AnalysisParamError extends Error {
  constructor(
    readonly status: 400 | 403,
    message: string,
  ) {
    super(message);
  }
}

export type LayerParam = LayerRef | { kind: 'union' };
export type ColumnsParam = { kind: 'documents' } | { kind: 'attribute'; name: string };
export const FORMATS = ['json', 'csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];
export const SHAPES = ['wide', 'long'] as const;
export type Shape = (typeof SHAPES)[number];
export const CELL_VALUES = ['count', 'presence'] as const;
export type CellValues = (typeof CELL_VALUES)[number];
export const SEPARATORS = ['comma', 'semicolon'] as const;
export type SeparatorParam = (typeof SEPARATORS)[number];
/** The case matrix also downloads as an SPSS system file (lib/analysis/case-matrix-sav). */
export const CASE_MATRIX_FORMATS = [...FORMATS, 'sav'] as const;
export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

export interface AnalysisParams<F extends string = Format> {
  cols: ColumnsParam | null;
  split: { kind: 'attribute'; name: string } | null;
  measure: Measure;
  layer: LayerParam | null;
  rollup: boolean;
  subtree: number | null;
  code: number | null;
  documents: number[] | null;
  attributes: Array<{ name: string; values: string[] }>;
  participant: number | null;
  /** Code, document and participant sets to filter by (set=<id>, repeated); absent: none. */
  sets?: number[];
  mode: CooccurrenceMode;
  pair: [number, number] | null;
  offset: number;
  limit: number;
  format: F;
  shape: Shape;
  values: CellValues;
  sep: SeparatorParam;
}

export const DEFAULT_PARAMS: AnalysisParams = {
  cols: null,
  split: null,
  measure: 'segments',
  layer: null,
  rollup: false,
  subtree: null,
  code: null,
  documents: null,
  attributes: [],
  participant: null,
  sets: [],
  mode: 'overlap',
  pair: null,
  offset: 0,
  limit: DEFAULT_LIMIT,
  format: 'json',
  shape: 'wide',
  values: 'count',
  sep: 'comma',
};

const bad = (message: string) => new AnalysisParamError(400, message);
const ID = /^[1-9][0-9]{0,15}$/;

function id(raw: string, name: string): number {
  if (!ID.test(raw)) throw bad(`Parameter '${name}': '${raw}' is not an id`);
  return Number(raw);
}

function oneOf<T extends string>(raw: string | null, allowed: readonly T[], name: string, fallback: T): T {
  if (raw == null || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw bad(`Parameter '${name}': '${raw}' is not one of ${allowed.join(', ')}`);
}

function columns(raw: string | null, name: string): ColumnsParam | null {
  if (raw == null || raw === '') return null;
  if (raw === 'documents') return { kind: 'documents' };
  if (raw.startsWith('attr:') && raw.length > 5) return { kind: 'attribute', name: raw.slice(5) };
  throw bad(`Parameter '${name}': '${raw}' is neither attr:<name> nor documents`);
}

/** Parses the parameters, or throws AnalysisParamError (400) naming the first bad one. */
export function parseAnalysisParams<F extends string = Format>(sp: URLSearchParams, formats: readonly F[] = FORMATS as readonly string[] as readonly F[]): AnalysisParams<F> {
  const rows = sp.get('rows');
  if (rows != null && rows !== 'codes') throw bad(`Parameter 'rows': '${rows}' is not supported (only codes)`);
  const split = columns(sp.get('split'), 'split');
  if (split?.kind === 'documents') throw bad(`Parameter 'split': split by an attribute (attr:<name>), not by documents`);

  const layerRaw = sp.get('layer');
  let layer: LayerParam | null = null;
  if (layerRaw) {
    layer = layerRaw === 'union' ? { kind: 'union' } : parseLayer(layerRaw);
    if (!layer) throw bad(`Parameter 'layer': unknown layer '${layerRaw}' (consensus, coder:<id> or union)`);
  }

  const docs = sp.getAll('doc').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const attributes = new Map<string, string[]>();
  for (const [key, value] of sp) {
    if (!key.startsWith('attr.')) continue;
    const name = key.slice(5);
    if (!name) throw bad(`Parameter '${key}': name the attribute, as attr.<name>=<value>`);
    attributes.set(name, [...(attributes.get(name) ?? []), value]);
  }

  const pairRaw = sp.get('pair');
  let pair: [number, number] | null = null;
  if (pairRaw) {
    const parts = pairRaw.split(',');
    if (parts.length !== 2) throw bad(`Parameter 'pair': '${pairRaw}' is not two code ids`);
    pair = [id(parts[0].trim(), 'pair'), id(parts[1].trim(), 'pair')];
  }

  const int = (name: string, fallback: number, max: number) => {
    const raw = sp.get(name);
    if (raw == null || raw === '') return fallback;
    if (!/^[0-9]{1,9}$/.test(raw) || Number(raw) > max) throw bad(`Parameter '${name}': '${raw}' is not a whole number up to ${max}`);
    return Number(raw);
  };
  const limit = int('limit', DEFAULT_LIMIT, MAX_LIMIT);
  if (limit === 0) throw bad(`Parameter 'limit': must be at least 1`);
  const rollup = sp.get('rollup');
  if (rollup != null && !['0', '1', 'true', 'false', ''].includes(rollup)) throw bad(`Parameter 'rollup': '${rollup}' is not 1 or 0`);

  const optionalId = (name: string) => {
    const raw = sp.get(name);
    return raw == null || raw === '' ? null : id(raw, name);
  };
  return {
    cols: columns(sp.get('cols'), 'cols'),
    split: split as AnalysisParams['split'],
    measure: oneOf(sp.get('measure'), MEASURES, 'measure', 'segments'),
    layer,
    rollup: rollup === '1' || rollup === 'true',
    subtree: optionalId('subtree'),
    code: optionalId('code'),
    documents: docs.length ? docs.map((d) => id(d, 'doc')) : null,
    attributes: [...attributes].map(([name, values]) => ({ name, values })),
    participant: optionalId('participant'),
    sets: [...new Set(sp.getAll('set').filter((v) => v !== '').map((v) => id(v, 'set')))],
    mode: oneOf(sp.get('mode'), COOCCURRENCE_MODES, 'mode', 'overlap'),
    pair,
    offset: int('offset', 0, 1e9),
    limit,
    format: oneOf(sp.get('format'), formats, 'format', 'json' as F),
    shape: oneOf(sp.get('shape'), SHAPES, 'shape', 'wide'),
    values: oneOf(sp.get('values'), CELL_VALUES, 'values', 'count'),
    sep: oneOf(sp.get('sep'), SEPARATORS, 'sep', 'comma'),
  };
}

/** Writes parameters back as a query string, leaving defaults out (the inverse of parseAnalysisParams). */
export function toSearchParams(p: Partial<AnalysisParams<string>>): URLSearchParams {
  const sp = new URLSearchParams();
  if (p.cols) sp.set('cols', p.cols.kind === 'documents' ? 'documents' : `attr:${p.cols.name}`);
  if (p.split) sp.set('split', `attr:${p.split.name}`);
  if (p.measure && p.measure !== 'segments') sp.set('measure', p.measure);
  if (p.layer) sp.set('layer', layerKey(p.layer));
  if (p.rollup) sp.set('rollup', '1');
  if (p.subtree != null) sp.set('subtree', String(p.subtree));
  if (p.code != null) sp.set('code', String(p.code));
  for (const d of p.documents ?? []) sp.append('doc', String(d));
  for (const a of p.attributes ?? []) for (const v of a.values) sp.append(`attr.${a.name}`, v);
  if (p.participant != null) sp.set('participant', String(p.participant));
  for (const id of p.sets ?? []) sp.append('set', String(id));
  if (p.mode && p.mode !== 'overlap') sp.set('mode', p.mode);
  if (p.pair) sp.set('pair', p.pair.join(','));
  if (p.offset) sp.set('offset', String(p.offset));
  if (p.limit != null && p.limit !== DEFAULT_LIMIT) sp.set('limit', String(p.limit));
  if (p.format && p.format !== 'json') sp.set('format', p.format);
  if (p.shape && p.shape !== 'wide') sp.set('shape', p.shape);
  if (p.values && p.values !== 'count') sp.set('values', p.values);
  if (p.sep && p.sep !== 'comma') sp.set('sep', p.sep);
  return sp;
}

/** Page search params (as Next.js passes them) as URLSearchParams. */
export function fromRecord(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(record)) for (const x of Array.isArray(v) ? v : v == null ? [] : [v]) sp.append(k, x);
  return sp;
}
