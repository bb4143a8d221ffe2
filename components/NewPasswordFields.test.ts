import { describe, expect, it } from 'vitest';
import { newPassword } from './NewPasswordFields';

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe('newPassword', () => {
  it('gives the password when the repeat matches exactly', () => {
    expect(newPassword(form({ password: 'correct horse', repeat: 'correct horse' }))).toBe('correct horse');
  });

  it('refuses a repeat that differs, even only in case or spaces', () => {
    expect(newPassword(form({ password: 'Secret', repeat: 'secret' }))).toBeNull();
    expect(newPassword(form({ password: 'secret', repeat: 'secret ' }))).toBeNull();
  });

  it('reads missing fields as empty, as the forms did', () => {
    expect(newPassword(form({}))).toBe('');
    expect(newPassword(form({ password: 'x' }))).toBeNull();
  });
});
