/** * Language codes of translations: a BCP-47-like tag, a primary language of two or three
 * lower-case letters and optional subtags (`en`, `kk`, `ru`, `en-GB`, `kk-Latn`). We check
 * the shape, not membership in the IANA registry: a research team may need a code the
 * registry lists and we do not.
 */
import { DomainError } from '../errors';
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Longest tag we accept (the shape alone allows any number of subtags). */
export const LANGUAGE_TAG_MAX = 35;

/** The languages the app offers first; any other valid tag is accepted too. */
export const COMMON_LANGUAGES = ['en', 'ru', 'kk'] as const;

/**
 * The tag trimmed, or null when it is not a valid language code. Case is kept except the
 * primary subtag, which must already be lower case ("EN" is refused rather than guessed at,
 * so the same language is never stored under two spellings).
 */
export function parseLanguageTag(raw: string): string | null {
  const tag = raw.trim();
  if (tag.length === 0 || tag.length > LANGUAGE_TAG_MAX) return null;
  return LANGUAGE_TAG.test(tag) ? tag : null;
}

/** Why `raw` is not a language code, or null when it is one. */
export function languageTagProblem(raw: string): DomainError | null {
  if (parseLanguageTag(raw) !== null) return null;
  return new DomainError('translation.bad_language', { value: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw });
}

/**
 * The language's name in `displayLocale` ("English", "казахский"), falling back to the tag
 * itself when the runtime does not know it.
 */
export function languageName(tag: string, displayLocale = 'en'): string {
  try {
    const name = new Intl.DisplayNames([displayLocale], { type: 'language', fallback: 'none' }).of(tag);
    return name && name !== tag ? name : tag;
  } catch {
    return tag;
  }
}
