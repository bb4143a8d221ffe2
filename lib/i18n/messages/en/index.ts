/** The English catalogue, one file per feature; its keys are the contract. */
import type { Entry, Translation } from '../../plural';
import { core } from './core';
import { analysis } from './analysis';
import { search } from './search';
import { agreement } from './agreement';
import { imports } from './imports';
import { exports } from './exports';
import { errors } from './errors';

export const en = {
  ...core,
  ...analysis,
  ...search,
  ...agreement,
  ...imports,
  ...exports,
  ...errors,
} as const;

export type MessageKey = keyof typeof en;
/** A whole catalogue: strings, and the forms `P` of its locale where English counts (see lib/i18n/plural). */
export type Messages<P = Entry> = Translation<typeof en, P>;
