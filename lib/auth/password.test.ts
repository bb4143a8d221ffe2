import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { commonPasswordVariants, isCommonPassword } from './common-passwords';
import { hashPassword, hashPasswordAsync, needsRehash, passwordProblem, prehash, verifyPassword, verifyPasswordAsync } from './password';

describe('passwords', () => {
  it('verifies the right password only', () => {
    const hash = hashPassword('correct horse battery');
    expect(hash).not.toContain('correct');
    expect(hash.startsWith('$fgc2$$2')).toBe(true);
    expect(verifyPassword('correct horse battery', hash)).toBe(true);
    expect(verifyPassword('Correct horse battery', hash)).toBe(false);
  });

  it('counts every character of a long password, Cyrillic included (bcrypt alone reads 72 bytes)', async () => {
    // 40 Cyrillic letters are 80 bytes of UTF-8: bcrypt of the raw text ignores the last 4.
    const long = 'жылдамқоңыртүлкіжалқауиттіңүстіненсекірді'.slice(0, 40);
    expect(Buffer.byteLength(long)).toBe(80);
    const other = long.slice(0, 38) + 'ыы';
    const legacy = bcrypt.hashSync(long, 4);
    expect(bcrypt.compareSync(other, legacy)).toBe(true); // the weakness being fixed
    const hash = hashPassword(long);
    expect(verifyPassword(long, hash)).toBe(true);
    expect(verifyPassword(other, hash)).toBe(false);
    expect(await verifyPasswordAsync(other, hash)).toBe(false);
    const ascii = 'a'.repeat(72);
    const h2 = await hashPasswordAsync(ascii + 'x');
    expect(await verifyPasswordAsync(ascii + 'x', h2)).toBe(true);
    expect(await verifyPasswordAsync(ascii + 'y', h2)).toBe(false);
    expect(prehash(long)).toHaveLength(44);
  });

  it('reads the same password typed in either Unicode normal form', () => {
    const composed = 'йод-и-ёлка-на-крыше';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(verifyPassword(decomposed, hashPassword(composed))).toBe(true);
  });

  it('still verifies hashes of the earlier format (plain bcrypt) and says they need rehashing', async () => {
    const legacy = bcrypt.hashSync('demo-password', 4);
    expect(verifyPassword('demo-password', legacy)).toBe(true);
    expect(await verifyPasswordAsync('demo-password', legacy)).toBe(true);
    expect(await verifyPasswordAsync('demo-passwort', legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash(hashPassword('demo-password'))).toBe(false);
    expect(await verifyPasswordAsync('x', 'not a hash')).toBe(false);
  });

  it('enforces at least 12 characters, counting Cyrillic letters and emoji as one each', () => {
    expect(passwordProblem('short')?.reason).toBe('password.too_short');
    expect(passwordProblem('eleven-char')?.details).toEqual({ min: 12 });
    expect(passwordProblem('сөз-жол-тау-')).toBeNull();
    expect(passwordProblem('🙂🙂🙂🙂🙂🙂 степь ок')).toBeNull();
    expect(passwordProblem('🙂🙂🙂🙂🙂🙂')?.reason).toBe('password.too_short');
    expect(passwordProblem('x'.repeat(201))?.reason).toBe('password.too_long');
  });

  it('refuses the email as the password', () => {
    expect(passwordProblem('Aigerim@Uni.kz', 'aigerim@uni.kz')?.reason).toBe('password.is_email');
    expect(passwordProblem('aigerim@uni.kz!', 'aigerim@uni.kz')).toBeNull();
  });

  it('refuses common passwords and their usual stretchings to 12 characters', () => {
    for (const p of ['password1234', 'Qwerty123456', 'qwertyuiop12', '1q2w3e4r5t6y', '123456789012', 'aaaaaaaaaaaa', 'iloveyou2024', 'Sunshine2024!', 'abcabcabcabc', 'йцукенгшщзхъ', 'пароль123456', 'құпиясөз2024', 'almaty123456', 'qwertyqwerty', 'demo-password', 'Password 2025']) {
      expect(passwordProblem(p)?.reason, p).toBe('password.common');
    }
    const variants = commonPasswordVariants();
    expect(variants.length).toBeGreaterThan(2000);
    expect(variants.filter((p) => !isCommonPassword(p))).toEqual([]);
  });

  it('accepts passphrases and uncommon passwords', () => {
    for (const p of ['correct horse battery', 'outsider-password', 'Tr0ub4dor&3xyz', 'моя бабушка пекла', 'kazakh steppe wind', 'fresh start 2025', 'жаңа-құпия-сөз-7']) {
      expect(passwordProblem(p), p).toBeNull();
    }
  });
});
