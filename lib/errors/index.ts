/**
 * One error vocabulary for the domain. A refusal names a stable `reason`, a key of the message
 * catalogue (`error.<reason>`), and the `details` its message names, so any screen can say it
 * in the reader's language; `message` is the English text, for logs and the JSON API.
 */
import { translator, type Locale, type MessageKey } from '../i18n';

type ErrorKey = Extract<MessageKey, `error.${string}`>;
export type ErrorReason = ErrorKey extends `error.${infer R}` ? R : never;
export type ErrorDetails = Record<string, string | number>;

/** What kind of refusal it is: the JSON API answers 400, 403, 404, 409, 413 or 429 accordingly. */
export type ErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'busy';

const english = translator('en');

export class DomainError extends Error {
  constructor(
    readonly reason: ErrorReason,
    readonly details: ErrorDetails = {},
    readonly kind: ErrorKind = kindOf(reason),
  ) {
    super(english(`error.${reason}`, details));
    this.name = new.target.name;
  }

  /** The message in the reader's language. */
  in(locale: Locale): string {
    return translator(locale)(`error.${this.reason}`, this.details);
  }
}

/** The kind follows from the reason's name, so a new reason needs no table entry. */
function kindOf(reason: string): ErrorKind {
  if (/(^|\.)(not_found|unknown_)/.test(reason)) return 'not_found';
  if (/(^|[._])(forbidden|not_assigned)|\.only_/.test(reason)) return 'forbidden';
  if (/(^|\.)(stale|conflict|changed)/.test(reason)) return 'conflict';
  if (/(^|[._])too_large/.test(reason)) return 'too_large';
  if (/(^|\.)busy/.test(reason)) return 'busy';
  return 'invalid';
}

/** The status code of a refusal in the JSON API. */
export const STATUS_OF_KIND: Record<ErrorKind, number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, too_large: 413, busy: 429 };
