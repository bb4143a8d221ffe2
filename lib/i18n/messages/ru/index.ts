/** The Russian catalogue, one file per feature. */
import type { Messages } from '../en';
import type { RuPlural } from '../../plural';
import { core } from './core';
import { analysis } from './analysis';
import { search } from './search';
import { agreement } from './agreement';
import { imports } from './imports';
import { exports } from './exports';
import { errors } from './errors';

export const ru: Messages<RuPlural> = {
  ...core,
  ...analysis,
  ...search,
  ...agreement,
  ...imports,
  ...exports,
  ...errors,
};
