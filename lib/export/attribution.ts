/**
 * The attribution after a quotation, built from a template the author edits:
 * "({gender}, {age}, {education}, {city})" → "(Female, 34, Higher, Aktobe)".
 *
 * Fields, in braces:
 * - any participant or document attribute by name (`{gender}`, `{years in city}`, `{city}`);
 *   when a participant and a document attribute share a name, the participant's wins, and
 *   `{participant:name}` / `{document:name}` choose explicitly;
 * - `{label}` the participant's pseudonymous label, `{document}` the document's title,
 *   `{code}` the code's name, `{codePath}` its full path, `{turn}` the turn number;
 * - filters after a bar: `{age|bin}` (the number's bin, e.g. an age band), `{education|lower}`,
 *   `{gender|upper}`;
 * - `{{` and `}}` are literal braces.
 *
 * Missing values do not leave holes: a field with no value is dropped together with the
 * separator before it (or after it, for the first field), so "(Female, , Aktobe)" never
 * appears. A passage spoken by several participants repeats the fields between the first
 * and last literal for each, joined by "; ": "(Female, 34, Aktobe; Male, 52, Aktobe)".
 * Only what the caller passes in can appear: private attributes are never given to it.
 */
import { binOf } from '../attributes/bins';
import type { AttributeBin } from '../attributes/types';

export const DEFAULT_ATTRIBUTION_TEMPLATE = '({gender}, {age}, {education}, {city})';

/** Longest template accepted. */
export const TEMPLATE_MAX = 500;

export const BUILT_IN_FIELDS = ['label', 'document', 'code', 'codePath', 'turn'] as const;
export type BuiltInField = (typeof BUILT_IN_FIELDS)[number];

export const FILTERS = ['lower', 'upper', 'bin'] as const;
export type Filter = (typeof FILTERS)[number];

export interface FieldToken {
  kind: 'field';
  scope: 'participant' | 'document' | 'any';
  name: string;
  filters: Filter[];
  /** As written, without the braces, for messages. */
  source: string;
}
export type TemplateToken = { kind: 'text'; text: string } | FieldToken;

/** A template that cannot be read; the message names the place. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Parses a template into literal text and fields. Throws TemplateError naming the problem. */
export function parseTemplate(template: string): TemplateToken[] {
  if (template.length > TEMPLATE_MAX) throw new TemplateError(`The attribution template is longer than ${TEMPLATE_MAX} characters`);
  const tokens: TemplateToken[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (ch === '{' && template[i + 1] === '{') {
      text += '{';
      i += 2;
    } else if (ch === '}' && template[i + 1] === '}') {
      text += '}';
      i += 2;
    } else if (ch === '}') {
      throw new TemplateError(`The attribution template has a "}" without a "{" at character ${i + 1} (write "}}" for a brace)`);
    } else if (ch === '{') {
      const close = template.indexOf('}', i + 1);
      const open = template.indexOf('{', i + 1);
      if (close < 0 || (open >= 0 && open < close)) {
        throw new TemplateError(`The attribution template has a "{" without a "}" at character ${i + 1} (write "{{" for a brace)`);
      }
      if (text) tokens.push({ kind: 'text', text });
      text = '';
      tokens.push(parseField(template.slice(i + 1, close)));
      i = close + 1;
    } else {
      text += ch;
      i++;
    }
  }
  if (text) tokens.push({ kind: 'text', text });
  return tokens;
}

function parseField(source: string): FieldToken {
  const [head, ...filterParts] = source.split('|').map((s) => s.trim());
  if (!head) throw new TemplateError(`The attribution template has an empty field "{${source}}"`);
  const filters = filterParts.map((f) => {
    if (!(FILTERS as readonly string[]).includes(f)) {
      throw new TemplateError(`The field "{${source}}" has an unknown filter "${f}" (use ${FILTERS.join(', ')})`);
    }
    return f as Filter;
  });
  const m = /^(participant|document):(.+)$/.exec(head);
  if (m) return { kind: 'field', scope: m[1] as 'participant' | 'document', name: m[2].trim(), filters, source };
  return { kind: 'field', scope: 'any', name: head, filters, source };
}

/** An attribute the template may name, with what `|bin` needs. */
export interface AttributeInfo {
  scope: 'participant' | 'document';
  name: string;
  bins?: readonly AttributeBin[];
  /** The declared type ('number', 'date', 'category', 'text'): tables write numbers and dates as such. */
  type?: string;
}

/**
 * The fields of `tokens` that name nothing known (neither a built-in field nor one of
 * `attributes`), as written. A private attribute is unknown here, because it is not passed.
 */
export function unknownFields(tokens: readonly TemplateToken[], attributes: readonly AttributeInfo[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.kind !== 'field') continue;
    const known =
      t.scope === 'any'
        ? (BUILT_IN_FIELDS as readonly string[]).includes(t.name) || attributes.some((a) => a.name === t.name)
        : attributes.some((a) => a.scope === t.scope && a.name === t.name);
    if (!known && !out.includes(t.source)) out.push(t.source);
  }
  return out;
}

/** What one attribution is built from. */
export interface AttributionSubject {
  /** The participants the passage is attributed to (may be none: the moderator, an unknown speaker). */
  participants: readonly { label: string; attributes: Readonly<Record<string, string>> }[];
  documentTitle: string;
  documentAttributes: Readonly<Record<string, string>>;
  codeName: string;
  codePath: string;
  /** The first turn's number (1-based), when known. */
  turn?: number;
}

/**
 * A compiled template: call it with a subject to get the attribution text ("" when every
 * field is empty). `attributes` gives the bins for `|bin`.
 */
export function compileAttribution(template: string, attributes: readonly AttributeInfo[] = []): (subject: AttributionSubject) => string {
  const tokens = parseTemplate(template);
  // The literal before the first field and after the last frame the whole attribution; the
  // ones between fields are separators.
  const firstField = tokens.findIndex((t) => t.kind === 'field');
  if (firstField < 0) {
    const text = literal(tokens);
    return () => text;
  }
  let lastField = tokens.length - 1;
  while (tokens[lastField].kind !== 'field') lastField--;
  const lead = literal(tokens.slice(0, firstField));
  const tail = literal(tokens.slice(lastField + 1));
  // Each field resolved once, here, to where its value comes from; separators kept beside it.
  const parts: { separator: string; field: Resolved }[] = [];
  let separator = '';
  for (const t of tokens.slice(firstField, lastField + 1)) {
    if (t.kind === 'text') separator += t.text;
    else {
      parts.push({ separator, field: resolve(t, attributes) });
      separator = '';
    }
  }
  const participantScoped = parts.some((p) => p.field.source === 'participant' || (p.field.source === 'builtin' && p.field.name === 'label'));

  return (subject) => {
    const people = participantScoped && subject.participants.length > 1 ? subject.participants : [subject.participants[0]];
    const rendered: string[] = [];
    for (const person of people) {
      // An empty field drops the separator before it (after it, for the first field shown).
      let out = '';
      for (const { separator: sep, field } of parts) {
        const v = valueOf(field, subject, person);
        if (v !== '') out += (out === '' ? '' : sep) + v;
      }
      if (out !== '' && !rendered.includes(out)) rendered.push(out);
    }
    return rendered.length === 0 ? '' : `${lead}${rendered.join('; ')}${tail}`;
  };
}

function literal(tokens: readonly TemplateToken[]): string {
  return tokens.map((t) => (t.kind === 'text' ? t.text : '')).join('');
}

interface Resolved {
  source: 'participant' | 'document' | 'builtin';
  name: string;
  filters: Filter[];
  bins?: readonly AttributeBin[];
}

/** Where a field's value comes from: a participant or document attribute, or a built-in field. */
function resolve(f: FieldToken, attributes: readonly AttributeInfo[]): Resolved {
  const find = (scope: 'participant' | 'document') => attributes.find((a) => a.scope === scope && a.name === f.name);
  const source: Resolved['source'] =
    f.scope !== 'any' ? f.scope : find('participant') ? 'participant' : find('document') ? 'document' : 'builtin';
  const bins = source === 'builtin' ? undefined : find(source)?.bins;
  return { source, name: f.name, filters: f.filters, bins: bins && bins.length > 0 ? bins : undefined };
}

function valueOf(f: Resolved, subject: AttributionSubject, person: AttributionSubject['participants'][number] | undefined): string {
  const raw =
    f.source === 'participant' ? person?.attributes[f.name] : f.source === 'document' ? subject.documentAttributes[f.name] : builtIn(f.name, subject, person);
  if (raw === undefined) return '';
  let v = raw.replace(/\s+/g, ' ').trim();
  for (const filter of f.filters) {
    if (filter === 'lower') v = v.toLocaleLowerCase();
    else if (filter === 'upper') v = v.toLocaleUpperCase();
    else if (filter === 'bin' && f.bins && v !== '' && Number.isFinite(Number(v))) v = binOf(Number(v), f.bins) ?? v;
  }
  return v;
}

function builtIn(name: string, subject: AttributionSubject, person: AttributionSubject['participants'][number] | undefined): string | undefined {
  switch (name) {
    case 'label':
      return person?.label;
    case 'document':
      return subject.documentTitle;
    case 'code':
      return subject.codeName;
    case 'codePath':
      return subject.codePath;
    case 'turn':
      return subject.turn === undefined ? undefined : String(subject.turn);
    default:
      return undefined;
  }
}
