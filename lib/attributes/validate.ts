/**
 * Attribute values and definitions checked by type before they are stored, the same way
 * wherever they come from: the import form, the bulk table of document attributes, a roster,
 * the definitions editor. Messages are plain sentences naming the value, ready to be
 * prefixed with where it came from ("FG 3, city: …", "row 5, age: …").
 */
import type { AttributeBin } from './types';

/** The types an attribute can have (the schema's list, repeated so lib/ stays independent). */
export type AttributeValueType = 'category' | 'number' | 'text' | 'date';

/** The types, in the order forms offer them. */
export const ATTRIBUTE_VALUE_TYPES: readonly AttributeValueType[] = ['category', 'number', 'text', 'date'];

/** What a value is checked against: the definition's type and, for a category, its values. */
export interface AttributeRule {
  type: AttributeValueType;
  values?: readonly string[];
}

/**
 * A checked value: `value` as it is stored (trimmed; a number written canonically, "34,5" →
 * "34.5"; a category value spelled as in its list), `numValue` its number for number
 * attributes (else null). An empty value means "no value": remove it.
 */
export type AttributeValueCheck = { ok: true; value: string; numValue: number | null } | { ok: false; message: string };

/** Longest text value; longer ones are refused. */
export const MAX_TEXT_VALUE = 2000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Checks one raw value against a rule: a number (a decimal comma is allowed), an ISO date
 * "yyyy-mm-dd" that exists in the calendar, one of the category's values (compared
 * ignoring case and ё/е, stored in the list's spelling), or text of at most
 * {@link MAX_TEXT_VALUE} characters. Blank is always accepted, as "no value".
 */
export function checkAttributeValue(rule: AttributeRule, raw: string): AttributeValueCheck {
  const value = raw.trim();
  if (value === '') return { ok: true, value: '', numValue: null };
  switch (rule.type) {
    case 'number': {
      const n = parseNumber(value);
      if (n === null) return { ok: false, message: `"${value}" is not a number` };
      return { ok: true, value: String(n), numValue: n };
    }
    case 'date': {
      if (!isIsoDate(value)) return { ok: false, message: `"${value}" is not a date written yyyy-mm-dd` };
      return { ok: true, value, numValue: null };
    }
    case 'category': {
      const values = rule.values ?? [];
      const key = valueKey(value);
      const match = values.find((v) => valueKey(v) === key);
      if (match === undefined) {
        return {
          ok: false,
          message: values.length === 0 ? `"${value}" cannot be used: the category has no values yet` : `"${value}" is not one of ${listValues(values)}`,
        };
      }
      return { ok: true, value: match, numValue: null };
    }
    case 'text':
      if (value.length > MAX_TEXT_VALUE) return { ok: false, message: `the text is longer than ${MAX_TEXT_VALUE} characters` };
      return { ok: true, value, numValue: null };
  }
}

/** A number as people type it: "34", "-2", "0.5", "0,5", "1e3"; null for anything else. */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(/\u00a0/g, '');
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** Whether `text` is an ISO calendar date "yyyy-mm-dd" that exists (no 2024-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Category comparison key: trimmed, lower case, ё as е, spaces collapsed. */
export function valueKey(value: string): string {
  return value.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

function listValues(values: readonly string[]): string {
  const shown = values.slice(0, 8).map((v) => `"${v}"`);
  return values.length > 8 ? `${shown.join(', ')} … (${values.length} values)` : shown.join(', ');
}

/** A definition as the editor sends it. */
export interface DefinitionDraft {
  name: string;
  type: AttributeValueType;
  values?: readonly string[];
  bins?: readonly AttributeBin[];
}

/** Longest attribute name. */
export const MAX_ATTRIBUTE_NAME = 80;
/** Most values a category may have. */
export const MAX_CATEGORY_VALUES = 200;

/**
 * Checks a definition and returns it cleaned (name and values trimmed, spaces collapsed;
 * values only for a category, bins only for a number) with the problems found: a missing
 * or too long name, empty or repeated category values, bins with no label, min above max,
 * repeated labels or overlapping ranges. Never throws.
 */
export function checkDefinition(draft: DefinitionDraft): {
  problems: string[];
  definition: { name: string; type: AttributeValueType; values: string[]; bins: AttributeBin[] };
} {
  const problems: string[] = [];
  const name = draft.name.trim().replace(/\s+/g, ' ');
  if (name === '') problems.push('the attribute needs a name');
  else if (name.length > MAX_ATTRIBUTE_NAME) problems.push(`the name is longer than ${MAX_ATTRIBUTE_NAME} characters`);

  const values: string[] = [];
  if (draft.type === 'category') {
    const seen = new Map<string, string>();
    for (const raw of draft.values ?? []) {
      const v = raw.trim().replace(/\s+/g, ' ');
      if (v === '') continue;
      if (v.length > MAX_TEXT_VALUE) problems.push(`the value "${v.slice(0, 40)}…" is too long`);
      const first = seen.get(valueKey(v));
      if (first !== undefined) {
        problems.push(`the value "${v}" is listed twice${first === v ? '' : ` (as "${first}")`}`);
        continue;
      }
      seen.set(valueKey(v), v);
      values.push(v);
    }
    if (values.length > MAX_CATEGORY_VALUES) problems.push(`a category can have at most ${MAX_CATEGORY_VALUES} values`);
  }

  const bins: AttributeBin[] = [];
  if (draft.type === 'number') {
    const labels = new Set<string>();
    for (const b of draft.bins ?? []) {
      const label = b.label.trim();
      if (label === '') problems.push(`the bin ${b.min}–${b.max} needs a label`);
      if (!Number.isFinite(b.min) || !Number.isFinite(b.max)) {
        problems.push(`the bin "${label}" needs numbers for its limits`);
        continue;
      }
      if (b.min > b.max) problems.push(`the bin "${label}" starts (${b.min}) after it ends (${b.max})`);
      if (label !== '' && labels.has(valueKey(label))) problems.push(`the bin label "${label}" is used twice`);
      labels.add(valueKey(label));
      const overlap = bins.find((o) => b.min <= o.max && o.min <= b.max);
      if (overlap) problems.push(`the bins "${overlap.label}" and "${label}" overlap`);
      bins.push({ label, min: b.min, max: b.max });
    }
  }
  return { problems, definition: { name, type: draft.type, values, bins } };
}
