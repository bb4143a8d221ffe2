import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { kk } from './messages/kk';
import { ru } from './messages/ru';
import { localeFromAcceptLanguage, translator } from '.';

describe('message catalogue', () => {
  it('has every key translated in Russian and Kazakh, with the same placeholders', () => {
    for (const [name, cat] of Object.entries({ ru, kk })) {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(cat[key], `${name}:${key}`).toBeTruthy();
        const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(vars(cat[key]), `${name}:${key}`).toEqual(vars(en[key]));
      }
    }
  });

  it('fills placeholders', () => {
    expect(translator('kk')('projects.documents', { n: 16 })).toBe('16 құжат');
    expect(translator('en')('participants.shown', { shown: 3, total: 98 })).toBe('3 of 98 participants');
  });

  it('picks a locale from Accept-Language', () => {
    expect(localeFromAcceptLanguage('kk-KZ,ru;q=0.8')).toBe('kk');
    expect(localeFromAcceptLanguage('de-DE,ru;q=0.5')).toBe('ru');
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
  });
});
