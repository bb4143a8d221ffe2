/**
 * The definitions editor shows a category's values one per line; editing a line in place
 * means renaming that value (and every stored use of it), not dropping one and adding another.
 */
import { valueKey } from './validate';

/**
 * Infers renames from the list before and after an edit: a line whose value changed at the
 * same position, where the old value is no longer anywhere in the new list and the new value
 * was nowhere in the old one. Lines added, removed or reordered are not renames. Returns
 * old value → new value.
 */
export function inferValueRenames(before: readonly string[], after: readonly string[]): Record<string, string> {
  const beforeKeys = new Set(before.map(valueKey));
  const afterKeys = new Set(after.map(valueKey));
  const renames = new Map<string, string>();
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const from = before[i];
    const to = after[i].trim();
    if (to === '' || valueKey(from) === valueKey(to)) continue;
    if (!afterKeys.has(valueKey(from)) && !beforeKeys.has(valueKey(to))) renames.set(from, to);
  }
  return Object.fromEntries(renames);
}
