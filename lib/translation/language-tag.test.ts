import { describe, expect, it } from 'vitest';
import { languageName, languageTagProblem, parseLanguageTag } from './language-tag';

describe('parseLanguageTag', () => {
  it.each(['en', 'ru', 'kk', 'kaz', 'en-GB', 'kk-Latn', 'kk-Cyrl-KZ', 'sr-Latn-RS', ' en '])('accepts %s', (tag) => {
    expect(parseLanguageTag(tag)).toBe(tag.trim());
  });

  it.each(['', 'e', 'EN', 'english', 'en_GB', 'en-', 'en-x', 'en-GB-', '1a', 'en-toolongsubtag', 'қз', `en${'-abcd'.repeat(10)}`])('refuses %j', (tag) => {
    expect(parseLanguageTag(tag)).toBeNull();
    expect(languageTagProblem(tag)?.message).toMatch(/not a language code/);
  });
});

describe('languageName', () => {
  it('names known languages and falls back to the tag', () => {
    expect(languageName('kk')).toBe('Kazakh');
    expect(languageName('ru', 'ru')).toMatch(/русский/i);
    expect(languageName('qqq')).toBe('qqq');
  });
});
