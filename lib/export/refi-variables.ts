/**
 * Attributes ↔ REFI-QDA variables. Our attributes are category | number | text | date and
 * store values as text; REFI variables are typed (Text, Integer, Float, Boolean, Date,
 * DateTime). The mapping chooses the narrowest REFI type every stored value fits, so the
 * file validates and other tools sort numbers as numbers; on import, a Text variable with
 * few distinct short values becomes a category.
 */
import type { RefiVariableType } from '../refi-qda';

export type AttributeType = 'category' | 'number' | 'text' | 'date';

const INTEGER = /^-?\d{1,15}$/;
const FLOAT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The REFI type for an attribute holding `values`, and how to convert each value to it. */
export function refiTypeFor(type: AttributeType, values: readonly string[]): { type: RefiVariableType; convert: (v: string) => string | number } {
  const present = values.filter((v) => v.trim() !== '');
  if (type === 'number' && present.every((v) => INTEGER.test(v.trim()))) return { type: 'Integer', convert: (v) => Number(v.trim()) };
  if (type === 'number' && present.every((v) => FLOAT.test(v.trim()) && Number.isFinite(Number(v)))) return { type: 'Float', convert: (v) => Number(v.trim()) };
  if (type === 'date' && present.every((v) => DATE.test(v.trim()))) return { type: 'Date', convert: (v) => v.trim() };
  return { type: 'Text', convert: (v) => v };
}

/** Most distinct values a Text variable may have to become a category on import. */
export const CATEGORY_MAX_VALUES = 30;
const CATEGORY_MAX_LENGTH = 80;

/** Our attribute type for a REFI variable whose values (as read) are `values`. */
export function attributeTypeFor(type: RefiVariableType, values: readonly (string | number | boolean)[]): { type: AttributeType; values: string[] } {
  const text = values.map(valueText);
  const distinct = [...new Set(text.filter((v) => v !== ''))];
  switch (type) {
    case 'Integer':
    case 'Float':
      return { type: 'number', values: [] };
    case 'Date':
      return { type: 'date', values: [] };
    case 'Boolean':
      return { type: 'category', values: ['true', 'false'] };
    case 'DateTime':
      return { type: 'text', values: [] };
    case 'Text':
      if (distinct.length > 0 && distinct.length <= CATEGORY_MAX_VALUES && distinct.every((v) => v.length <= CATEGORY_MAX_LENGTH && !v.includes('\n'))) {
        return { type: 'category', values: distinct };
      }
      return { type: 'text', values: [] };
  }
}

/** A variable value as our attributes store it. */
export function valueText(v: string | number | boolean): string {
  return typeof v === 'string' ? v : String(v);
}
