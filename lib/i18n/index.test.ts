import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { kk } from './messages/kk';
import { ru } from './messages/ru';
import { formatDateTime, formatNumber, formatPercent, formatSignificant, localeFromAcceptLanguage, translator } from '.';

const NBSP = '\u00a0';
const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  it('has every key translated in Russian and Kazakh, with the same placeholders', () => {
    for (const [name, cat] of Object.entries({ ru, kk })) {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        const english = en[key];
        const entry = cat[key];
        expect(entry, `${name}:${key}`).toBeTruthy();
        if (typeof english === 'string') {
          expect(typeof entry, `${name}:${key}`).toBe('string');
          expect(vars(entry as string), `${name}:${key}`).toEqual(vars(english));
        } else {
          for (const form of Object.values(entry as Record<string, string>)) expect(vars(form), `${name}:${key}`).toEqual(vars(english.other));
        }
      }
    }
  });

  it('gives plural entries exactly the categories Intl.PluralRules has for the locale', () => {
    // Node 20's CLDR: en and kk tell one from other, ru also few and many.
    expect(new Intl.PluralRules('en').resolvedOptions().pluralCategories.sort()).toEqual(['one', 'other']);
    expect(new Intl.PluralRules('kk').resolvedOptions().pluralCategories.sort()).toEqual(['one', 'other']);
    expect(new Intl.PluralRules('ru').resolvedOptions().pluralCategories.sort()).toEqual(['few', 'many', 'one', 'other']);
    const plural = (Object.keys(en) as (keyof typeof en)[]).filter((k) => typeof en[k] !== 'string');
    expect(plural).toContain('doc.turnCount');
    for (const [locale, cat] of Object.entries({ en, ru, kk })) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.sort();
      for (const key of plural) expect(Object.keys(cat[key]).sort(), `${locale}:${key}`).toEqual(categories);
    }
  });

  it('fills placeholders', () => {
    expect(translator('kk')('projects.documents', { n: 16 })).toBe('16 құжат');
    expect(translator('en')('participants.shown', { shown: 3, total: 98 })).toBe('3 of 98 participants');
  });

  it('picks the English plural form', () => {
    const t = translator('en');
    expect(t('docs.count', { n: 1 })).toBe('1 document');
    expect(t('docs.count', { n: 2 })).toBe('2 documents');
    expect(t('docs.count', { n: 0 })).toBe('0 documents');
    expect(t('doc.turnCount', { n: 1 })).toBe('1 turn');
    expect(t('doc.wordCount', { n: 11099 })).toBe('11,099 words');
    expect(t('correct.needsReview', { n: 1 })).toBe('1 coding needs review after corrections');
    expect(t('correct.needsReview', { n: 3 })).toBe('3 codings need review after corrections');
  });

  it('picks the Russian plural form: one, few, many, and other for fractions', () => {
    const t = translator('ru');
    expect(t('progress.codings', { n: 1 })).toBe('1 кодировка');
    expect(t('progress.codings', { n: 2 })).toBe('2 кодировки');
    expect(t('progress.codings', { n: 4 })).toBe('4 кодировки');
    expect(t('progress.codings', { n: 5 })).toBe('5 кодировок');
    expect(t('progress.codings', { n: 11 })).toBe('11 кодировок');
    expect(t('progress.codings', { n: 12 })).toBe('12 кодировок');
    expect(t('progress.codings', { n: 21 })).toBe('21 кодировка');
    expect(t('progress.codings', { n: 22 })).toBe('22 кодировки');
    expect(t('progress.codings', { n: 0 })).toBe('0 кодировок');
    expect(t('progress.codings', { n: 1.5 })).toBe('1,5 кодировки');
    expect(t('doc.turnCount', { n: 1 })).toBe('1 реплика');
    expect(t('doc.turnCount', { n: 3 })).toBe('3 реплики');
    expect(t('doc.turnCount', { n: 111 })).toBe('111 реплик');
    expect(t('doc.wordCount', { n: 1 })).toBe('1 слово');
    expect(t('doc.wordCount', { n: 11099 })).toBe(`11${NBSP}099 слов`);
    expect(t('doc.wordCount', { n: 101 })).toBe('101 слово');
    expect(t('docs.count', { n: 2 })).toBe('2 документа');
    expect(t('codebookEditor.deleteCodings', { n: 21 })).toBe('Будет удалена 21 кодировка.');
    expect(t('codebookEditor.deleteCodings', { n: 25 })).toBe('Будут удалены 25 кодировок.');
    expect(t('agreement.form.docCoders', { n: 3 })).toBe('назначено 3 кодировщика');
    expect(t('agreement.form.assigned', { n: 1 })).toBe('назначен 1 документ');
    expect(t('agreement.unitized.compound', { n: 1 })).toMatch(/^У 1 символа один/);
    expect(t('agreement.unitized.compound', { n: 1200 })).toMatch(new RegExp(`^У 1${NBSP}200 символов один`));
  });

  it('picks the Kazakh form: the noun stays singular after a numeral', () => {
    const t = translator('kk');
    expect(t('docs.count', { n: 1 })).toBe('1 құжат');
    expect(t('docs.count', { n: 5 })).toBe('5 құжат');
    expect(t('progress.codings', { n: 1 })).toBe('1 кодтау');
    expect(t('progress.codings', { n: 21 })).toBe('21 кодтау');
    expect(t('doc.turnCount', { n: 2 })).toBe('2 сөз кезегі');
    expect(t('doc.wordCount', { n: 11099 })).toBe(`11${NBSP}099 сөз`);
  });

  it('writes numbers in placeholders the locale way, identifiers as given', () => {
    expect(translator('en')('participants.shown', { shown: 1200, total: 12000 })).toBe('1,200 of 12,000 participants');
    expect(translator('ru')('analysis.denominator', { n: 1234567 })).toBe(`n = 1${NBSP}234${NBSP}567`);
    expect(translator('en')('error.code.not_found', { id: 12345 })).toBe('Code 12345 is not in this project');
    expect(translator('en')('participants.shown', { shown: '1200', total: 98 })).toBe('1200 of 98 participants');
  });

  it('picks a locale from Accept-Language', () => {
    expect(localeFromAcceptLanguage('kk-KZ,ru;q=0.8')).toBe('kk');
    expect(localeFromAcceptLanguage('de-DE,ru;q=0.5')).toBe('ru');
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
  });
});

describe('locale formatting', () => {
  it('groups thousands and writes the decimal sign of the locale', () => {
    expect(formatNumber(11099, 'en')).toBe('11,099');
    expect(formatNumber(11099, 'ru')).toBe(`11${NBSP}099`);
    expect(formatNumber(11099, 'kk')).toBe(`11${NBSP}099`);
    expect(formatNumber(0.8125, 'en', 3)).toBe('0.813');
    expect(formatNumber(0.8125, 'ru', 3)).toBe('0,813');
    expect(formatNumber(-0.05, 'kk', 4)).toBe('-0,0500');
    expect(formatNumber(2, 'ru', 1)).toBe('2,0');
  });

  it('keeps three significant digits for quantities far below 1', () => {
    expect(formatSignificant(0.000123456, 'en')).toBe('0.000123');
    expect(formatSignificant(0.041234, 'ru')).toBe('0,0412');
    expect(formatSignificant(0, 'en')).toBe('0');
  });

  it('does not group a seed or an id like a quantity', () => {
    const t = translator('en');
    expect(t('agreement.ciHelp', { samples: 1000, seed: 20241101 })).toBe('Bootstrap 95 % intervals: 1,000 resamples of turns, seed 20241101.');
  });

  it('writes shares as percentages', () => {
    expect(formatPercent(0.8123, 'en')).toBe('81.2 %');
    expect(formatPercent(0.8123, 'ru')).toBe('81,2 %');
  });

  it('writes a moment as date and time in UTC', () => {
    const at = '2026-12-07T09:22:43.000Z';
    expect(formatDateTime(at, 'en')).toBe('Dec 7, 2026, 09:22');
    expect(formatDateTime(at, 'ru')).toBe('7 дек. 2026 г., 09:22');
    expect(formatDateTime(new Date(at), 'kk')).toBe('2026 ж. 07 жел., 09:22');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});

describe('zone-less stamps', () => {
  it('reads a stamp without a zone as UTC', () => {
    expect(formatDateTime('2026-12-07 09:22:43', 'en')).toBe('Dec 7, 2026, 09:22');
    expect(formatDateTime('2026-12-07T23:59', 'ru')).toBe('7 дек. 2026 г., 23:59');
  });
});
