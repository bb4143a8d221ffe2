import { describe, expect, it } from 'vitest';
import { bearerToken, hashApiToken, newApiToken } from './token';

describe('API tokens', () => {
  it('issues distinct tokens whose hash verifies and whose prefix is displayable', () => {
    const a = newApiToken();
    const b = newApiToken();
    expect(a.token).not.toBe(b.token);
    expect(hashApiToken(a.token)).toBe(a.hash);
    expect(a.hash).not.toContain(a.token);
    expect(a.token.startsWith(a.prefix)).toBe(true);
  });

  it('reads a bearer header and ignores anything else', () => {
    const { token } = newApiToken();
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer ${token}`)).toBe(token);
    expect(bearerToken('Bearer something-else')).toBeNull();
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
