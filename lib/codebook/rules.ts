/**
 * The codebook's rules for a code's fields, in one place (the database layer applies them
 * inside its transactions):
 * - a name is NFC, trimmed, non-empty and at most NAME_MAX characters; names compare
 *   ignoring case (unique among siblings);
 * - a colour is #RRGGBB, stored upper-case;
 * - a shortcut is one character (not a space or control character) or none;
 * - description, criteria and example are at most TEXT_MAX characters.
 */
import { DomainError, type ErrorDetails } from '../errors';

export const NAME_MAX = 200;
export const TEXT_MAX = 10_000;

export type CodebookErrorReason =
  | 'not_found'
  | 'name_required'
  | 'name_too_long'
  | 'name_taken'
  | 'bad_color'
  | 'bad_shortcut'
  | 'shortcut_taken'
  | 'text_too_long'
  | 'cycle'
  | 'merge_same'
  | 'merge_into_descendant'
  | 'merge_child_clash'
  | 'has_children'
  | 'confirm_codings';

/** A refused codebook change; the reason is `codebook.<reason>`. */
export class CodebookError extends DomainError {
  constructor(
    readonly rule: CodebookErrorReason,
    details: ErrorDetails = {},
  ) {
    super(`codebook.${rule}`, details);
  }
}

/** Names and shortcuts compare ignoring case. */
export const foldName = (s: string) => s.toLowerCase();

export function cleanName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (!name) throw new CodebookError('name_required');
  if (name.length > NAME_MAX) throw new CodebookError('name_too_long', { max: NAME_MAX });
  return name;
}

export function cleanColor(raw: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(raw)) throw new CodebookError('bad_color', { value: raw });
  return raw.toUpperCase();
}

export function cleanShortcut(raw: string | null | undefined): string | null {
  if (raw == null || raw === '') return null;
  const chars = [...raw.normalize('NFC')];
  if (chars.length !== 1 || /[\s\p{C}]/u.test(chars[0])) {
    throw new CodebookError('bad_shortcut', { value: raw });
  }
  return chars[0];
}

export function cleanText(field: string, raw: string): string {
  if (raw.length > TEXT_MAX) throw new CodebookError('text_too_long', { field, max: TEXT_MAX });
  return raw;
}
