/**
 * Plural forms in the catalogue. An entry is either a plain string or, for a message
 * that counts something, the forms of the locale's plural categories as
 * `Intl.PluralRules(locale).select(n)` names them (CLDR, as shipped with Node 20):
 * English and Kazakh have "one" and "other", Russian "one", "few", "many" and "other"
 * (other is for fractions: 1,5 кодировки). The count is always the `{n}` placeholder.
 */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
export type PluralForms<C extends PluralCategory = PluralCategory> = { readonly [K in C]: string };

export type EnPlural = PluralForms<'one' | 'other'>;
export type RuPlural = PluralForms<'one' | 'few' | 'many' | 'other'>;
export type KkPlural = PluralForms<'one' | 'other'>;

/** Any entry of any catalogue. */
export type Entry = string | (Partial<PluralForms> & { readonly other: string });

/**
 * One locale's version of an English feature file: a string where English has a string,
 * the locale's full set of forms `P` where English has plural forms.
 */
export type Translation<E, P> = { [K in keyof E]: E[K] extends string ? string : P };
