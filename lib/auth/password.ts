/** Password hashing (bcrypt, cost 10) and the password policy. */
import bcrypt from 'bcryptjs';

export const MIN_PASSWORD_LENGTH = 10;

/** A reason the password is unacceptable, or null when it is fine. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  }
  if (password.length > 200) return 'The password must be at most 200 characters long';
  return null;
}

export function hashPassword(password: string): string {
  return bcrypt.hashSync(password, 10);
}

export function verifyPassword(password: string, hash: string): boolean {
  return bcrypt.compareSync(password, hash);
}
