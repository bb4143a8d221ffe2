/** Password hashing (bcrypt, cost 10) and the password policy. */
import bcrypt from 'bcryptjs';
import { DomainError } from '../errors';

export const MIN_PASSWORD_LENGTH = 10;

/** A reason the password is unacceptable, or null when it is fine. */
export function passwordProblem(password: string): DomainError | null {
  if (password.length < MIN_PASSWORD_LENGTH) return new DomainError('password.too_short', { min: MIN_PASSWORD_LENGTH });
  if (password.length > 200) return new DomainError('password.too_long', { max: 200 });
  return null;
}

export function hashPassword(password: string): string {
  return bcrypt.hashSync(password, 10);
}

export function verifyPassword(password: string, hash: string): boolean {
  return bcrypt.compareSync(password, hash);
}
