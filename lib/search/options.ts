/**
 * A search as the user sets it up: the query, regex mode and the filters. The same shape is
 * kept in the page's URL (so a search can be linked and reloaded), sent by the auto-code
 * actions, stored with a saved search and read by the JSON API.
 *
 * URL form: q=…, regex=1, speakers=participants|moderator, d=<attributeId>:<value> and
 * p=<attributeId>:<value> (repeatable; values of one attribute are alternatives, different
 * attributes must all hold), code=<codeId> with coded=coded|uncoded.
 */
import { z } from '../zod';
import { MAX_QUERY_LENGTH } from './query';

export const SPEAKER_FILTERS = ['all', 'participants', 'moderator'] as const;
export type SpeakerFilter = (typeof SPEAKER_FILTERS)[number];
export const CODED_STATES = ['coded', 'uncoded'] as const;
export type CodedState = (typeof CODED_STATES)[number];

const id = z.number().int().positive();

/** Values of one attribute: category values, bin labels of a binned number, or exact values. */
export const attributeFilterSchema = z.object({
  attributeId: id,
  values: z.array(z.string().min(1).max(200)).min(1).max(100),
});
export type AttributeFilter = z.infer<typeof attributeFilterSchema>;

export const searchOptionsSchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH),
  regex: z.boolean().default(false),
  speakers: z.enum(SPEAKER_FILTERS).default('all'),
  document: z.array(attributeFilterSchema).max(20).default([]),
  participant: z.array(attributeFilterSchema).max(20).default([]),
  /** Keep only hits (not) already coded with this code in the user's layer. */
  coded: z.object({ codeId: id, state: z.enum(CODED_STATES) }).nullable().default(null),
});
export type SearchOptions = z.infer<typeof searchOptionsSchema>;

export const EMPTY_SEARCH: SearchOptions = { q: '', regex: false, speakers: 'all', document: [], participant: [], coded: null };

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function all(source: ParamSource, name: string): string[] {
  if (source instanceof URLSearchParams) return source.getAll(name);
  const v = source[name];
  return v == null ? [] : Array.isArray(v) ? v : [v];
}

function first(source: ParamSource, name: string): string | undefined {
  return all(source, name)[0];
}

function positiveInt(raw: string | undefined): number | null {
  return raw != null && /^[1-9][0-9]{0,14}$/.test(raw) ? Number(raw) : null;
}

function attributeFilters(values: string[]): AttributeFilter[] {
  const byAttribute = new Map<number, string[]>();
  for (const raw of values) {
    const m = /^([1-9][0-9]{0,14}):(.+)$/s.exec(raw);
    if (!m || m[2].length > 200) continue;
    const list = byAttribute.get(Number(m[1])) ?? [];
    if (!list.includes(m[2]) && list.length < 100) list.push(m[2]);
    byAttribute.set(Number(m[1]), list);
  }
  return [...byAttribute].slice(0, 20).map(([attributeId, vals]) => ({ attributeId, values: vals }));
}

/**
 * Reads search options from URL parameters. Lenient by design: a malformed filter is left
 * out rather than failing the page (the query itself is checked by `parseQuery`).
 */
export function searchOptionsFromParams(source: ParamSource): SearchOptions {
  const speakers = first(source, 'speakers');
  const codeId = positiveInt(first(source, 'code'));
  const coded = first(source, 'coded');
  return {
    q: (first(source, 'q') ?? '').slice(0, MAX_QUERY_LENGTH),
    regex: first(source, 'regex') === '1',
    speakers: (SPEAKER_FILTERS as readonly string[]).includes(speakers ?? '') ? (speakers as SpeakerFilter) : 'all',
    document: attributeFilters(all(source, 'd')),
    participant: attributeFilters(all(source, 'p')),
    coded: codeId && (CODED_STATES as readonly string[]).includes(coded ?? '') ? { codeId, state: coded as CodedState } : null,
  };
}

/** The URL parameters for search options (defaults left out). */
export function searchOptionsToParams(options: SearchOptions): URLSearchParams {
  const p = new URLSearchParams();
  if (options.q) p.set('q', options.q);
  if (options.regex) p.set('regex', '1');
  if (options.speakers !== 'all') p.set('speakers', options.speakers);
  for (const f of options.document) for (const v of f.values) p.append('d', `${f.attributeId}:${v}`);
  for (const f of options.participant) for (const v of f.values) p.append('p', `${f.attributeId}:${v}`);
  if (options.coded) {
    p.set('code', String(options.coded.codeId));
    p.set('coded', options.coded.state);
  }
  return p;
}

/** The key of a hit in a selection: `documentId:start:end`. */
export function hitKey(documentId: number, start: number, end: number): string {
  return `${documentId}:${start}:${end}`;
}
