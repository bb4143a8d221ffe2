import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('passwords', () => {
  it('verifies the right password only', () => {
    const hash = hashPassword('correct horse battery');
    expect(hash).not.toContain('correct');
    expect(verifyPassword('correct horse battery', hash)).toBe(true);
    expect(verifyPassword('Correct horse battery', hash)).toBe(false);
  });

  it('enforces a minimum length, counting Cyrillic letters as characters', () => {
    expect(passwordProblem('short')?.message).toMatch(/at least 10/);
    expect(passwordProblem('құпиясөз123')).toBeNull();
  });
});
