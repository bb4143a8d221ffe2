/**
 * The query string of an excerpt export, the same filters the analysis uses:
 * `format=docx|xlsx|csv|md|html`, `code=<id>[,<id>…]` (exactly these codes),
 * `subtree=<id>[,…]` (these codes and their descendants), `documents=<id>[,…]`,
 * `set=<id>[,…]` (code, document or participant sets: only their members; several sets of one
 * kind are their union),
 * `attr.<name>=<value>` (repeatable; values of one attribute are alternatives, different
 * attributes must all hold), `layer=consensus|coder:<id>|all[,…]`, `lang=<language code>`
 * (original and translation side by side), `template=<attribution template>`, and the
 * switches `context=1`, `definitions=1`, `translations=1`.
 */
import { layerKey, parseLayerList } from '../access/layers';
import type { LayerRef } from '../access/layers';
import { parseLanguageTag } from '../translation/language-tag';
import { parseTemplate, TEMPLATE_MAX, TemplateError } from './attribution';

export const EXCERPT_FORMATS = ['docx', 'xlsx', 'csv', 'md', 'html'] as const;
export type ExcerptFormat = (typeof EXCERPT_FORMATS)[number];

export interface AttributeCondition {
  name: string;
  /** Any of these (a category, a raw value, or a bin label for a binned number). */
  values: string[];
}

export interface ExcerptQuery {
  format: ExcerptFormat;
  codeIds: number[];
  subtreeIds: number[];
  documentIds: number[];
  /** Code, document and participant sets (set=<id>). */
  setIds: number[];
  attributes: AttributeCondition[];
  /** Layers asked for; 'all' is every layer the reader may see; undefined: the reader's default. */
  layers: LayerRef[] | 'all' | undefined;
  language?: string;
  template?: string;
  context: boolean;
  definitions: boolean;
  translations: boolean;
}

/** A query string that cannot be read; the message names the parameter. */
export class ExcerptQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExcerptQueryError';
  }
}

const ID = /^[1-9][0-9]{0,14}$/;
const MAX_IDS = 1000;
const MAX_VALUE = 200;

function ids(params: URLSearchParams, name: string): number[] {
  const out: number[] = [];
  for (const raw of params.getAll(name)) {
    for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (!ID.test(part)) throw new ExcerptQueryError(`Parameter '${name}': "${part.slice(0, 40)}" is not an id`);
      out.push(Number(part));
    }
  }
  if (out.length > MAX_IDS) throw new ExcerptQueryError(`Parameter '${name}': at most ${MAX_IDS} ids`);
  return [...new Set(out)];
}

function flag(params: URLSearchParams, name: string): boolean {
  const v = params.get(name);
  if (v === null || v === '' || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true' || v === 'on') return true;
  throw new ExcerptQueryError(`Parameter '${name}' must be 1 or 0`);
}

/**
 * Reads the query; `defaultFormat` applies when `format` is absent (the export page always
 * sends one). Throws ExcerptQueryError naming the first bad parameter.
 */
export function parseExcerptQuery(params: URLSearchParams, defaultFormat?: ExcerptFormat): ExcerptQuery {
  const rawFormat = params.get('format') ?? defaultFormat;
  if (!rawFormat || !(EXCERPT_FORMATS as readonly string[]).includes(rawFormat)) {
    throw new ExcerptQueryError(`Parameter 'format' must be one of ${EXCERPT_FORMATS.join(', ')}`);
  }
  const attributes = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (!key.startsWith('attr.')) continue;
    const name = key.slice(5).trim();
    if (!name || name.length > MAX_VALUE) throw new ExcerptQueryError(`Parameter '${key.slice(0, 60)}': name the attribute after "attr."`);
    if (value.length > MAX_VALUE) throw new ExcerptQueryError(`Parameter '${key}': the value is too long`);
    const list = attributes.get(name) ?? [];
    if (!list.includes(value)) list.push(value);
    attributes.set(name, list);
  }
  let layers: ExcerptQuery['layers'];
  const rawLayer = params.getAll('layer').join(',').trim();
  if (rawLayer) {
    const parts = rawLayer.split(',').map((s) => s.trim());
    if (parts.includes('all')) layers = 'all';
    else {
      const parsed = parseLayerList(rawLayer);
      if (parsed.unknown.length > 0) throw new ExcerptQueryError(`Parameter 'layer': "${parsed.unknown[0].slice(0, 40)}" is not a layer (use consensus, coder:<id> or all)`);
      layers = parsed.layers;
    }
  }
  const out: ExcerptQuery = {
    format: rawFormat as ExcerptFormat,
    codeIds: ids(params, 'code'),
    subtreeIds: ids(params, 'subtree'),
    documentIds: ids(params, 'documents'),
    setIds: ids(params, 'set'),
    attributes: [...attributes].map(([name, values]) => ({ name, values })),
    layers,
    context: flag(params, 'context'),
    definitions: flag(params, 'definitions'),
    translations: flag(params, 'translations'),
  };
  const lang = params.get('lang');
  if (lang) {
    const tag = parseLanguageTag(lang);
    if (!tag) throw new ExcerptQueryError(`Parameter 'lang': "${lang.slice(0, 40)}" is not a language code (en, ru, kk, …)`);
    out.language = tag;
  }
  const template = params.get('template');
  if (template !== null && template.trim() !== '') {
    if (template.length > TEMPLATE_MAX) throw new ExcerptQueryError(`Parameter 'template' is longer than ${TEMPLATE_MAX} characters`);
    try {
      parseTemplate(template);
    } catch (e) {
      if (e instanceof TemplateError) throw new ExcerptQueryError(`Parameter 'template': ${e.message}`);
      throw e;
    }
    out.template = template;
  }
  return out;
}

/** The query string for `q` (the inverse of parseExcerptQuery, for links). */
export function excerptQueryString(q: Partial<ExcerptQuery> & { format: ExcerptFormat }): string {
  const p = new URLSearchParams();
  p.set('format', q.format);
  if (q.codeIds?.length) p.set('code', q.codeIds.join(','));
  if (q.subtreeIds?.length) p.set('subtree', q.subtreeIds.join(','));
  if (q.documentIds?.length) p.set('documents', q.documentIds.join(','));
  if (q.setIds?.length) p.set('set', q.setIds.join(','));
  for (const a of q.attributes ?? []) for (const v of a.values) p.append(`attr.${a.name}`, v);
  if (q.layers === 'all') p.set('layer', 'all');
  else if (q.layers?.length) p.set('layer', q.layers.map(layerKey).join(','));
  if (q.language) p.set('lang', q.language);
  if (q.template) p.set('template', q.template);
  if (q.context) p.set('context', '1');
  if (q.definitions) p.set('definitions', '1');
  if (q.translations) p.set('translations', '1');
  return p.toString();
}
