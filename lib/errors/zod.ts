/** Input that zod refused, as a domain refusal naming the field (for actions and the JSON API alike). */
import type { ZodError } from 'zod';
import { DomainError } from '.';

/** The first problem zod found, as a refusal naming the field. */
export function invalidInput(error: ZodError): DomainError {
  const issue = error.issues[0];
  const field = issue.path.join('.') || 'input';
  switch (issue.code) {
    case 'invalid_type':
      return new DomainError(issue.input === undefined ? 'invalid_input.missing' : 'invalid_input.type', { field });
    case 'too_small': {
      const reason = issue.origin === 'string' ? 'too_short' : issue.origin === 'array' || issue.origin === 'set' ? 'too_few' : 'too_small';
      return new DomainError(`invalid_input.${reason}`, { field, min: String(issue.minimum) });
    }
    case 'too_big': {
      const reason = issue.origin === 'string' ? 'too_long' : issue.origin === 'array' || issue.origin === 'set' ? 'too_many' : 'too_big';
      return new DomainError(`invalid_input.${reason}`, { field, max: String(issue.maximum) });
    }
    case 'invalid_format':
      return new DomainError('invalid_input.format', { field });
    case 'invalid_value':
    case 'invalid_union':
      return new DomainError('invalid_input.value', { field });
    default:
      return new DomainError('invalid_input', { field });
  }
}

