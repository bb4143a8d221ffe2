/** The message catalogue: every UI string in English, Russian and Kazakh. */
import { en, type MessageKey, type Messages } from './messages/en';
import { kk } from './messages/kk';
import { ru } from './messages/ru';
import { formatNumber } from './format';
import type { EnPlural, Entry, KkPlural, RuPlural } from './plural';

export type { MessageKey, Messages };
export type { PluralForms, PluralCategory } from './plural';
export { formatDateTime, formatNumber, formatPercent, formatSignificant } from './format';
export const LOCALES = ['en', 'ru', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

// Each locale's catalogue holds exactly its own plural categories where English counts.
const catalogues: { en: Messages<EnPlural>; ru: Messages<RuPlural>; kk: Messages<KkPlural> } = { en, ru, kk };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

type Vars = Record<string, string | number>;
/** The keys whose entry has plural forms: they need the count `n` as a number. */
export type PluralKey = { [K in MessageKey]: (typeof en)[K] extends string ? never : K }[MessageKey];

/** Translates a key; `locale` lets a component that is handed `t` format numbers and dates to match. */
export type Translate = {
  <K extends MessageKey>(key: K, ...vars: K extends PluralKey ? [vars: Vars & { n: number }] : [vars?: Vars]): string;
  readonly locale: Locale;
};

/** Placeholders that name a thing rather than count: written as given, never grouped. */
const IDENTIFIER = /^(id|ids|seed)$|Id$/;

/**
 * A translate function for the locale: `{name}` placeholders are filled from `vars`,
 * numbers written the locale's way (11,099 / 11 099); an entry with plural forms
 * picks the form `Intl.PluralRules(locale)` gives for `vars.n`.
 */
export function translator(locale: Locale): Translate {
  const messages: Record<MessageKey, Entry> = catalogues[locale];
  const english: Record<MessageKey, Entry> = en;
  const rules = new Intl.PluralRules(locale);
  const fill = (template: string, vars: Vars | undefined) =>
    vars
      ? template.replace(/\{(\w+)\}/g, (m, name: string) => {
          if (!(name in vars)) return m;
          const value = vars[name];
          return typeof value === 'number' && !IDENTIFIER.test(name) ? formatNumber(value, locale) : String(value);
        })
      : template;
  const t = (key: MessageKey, ...[vars]: [vars?: Vars]) => {
    const entry: Entry = messages[key] ?? english[key] ?? key;
    if (typeof entry === 'string') return fill(entry, vars);
    const n = Number(vars?.n);
    return fill(entry[rules.select(Number.isNaN(n) ? 0 : n)] ?? entry.other, vars);
  };
  return Object.assign(t, { locale }) as Translate;
}

/** The best supported locale for an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}
