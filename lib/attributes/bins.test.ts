import { describe, expect, it } from 'vitest';
import { binOf } from './bins';

const ageBands = [
  { label: '18–29', min: 18, max: 29 },
  { label: '30–44', min: 30, max: 44 },
  { label: '45–60', min: 45, max: 60 },
];

describe('binOf', () => {
  it('puts values on band edges in the band that includes them', () => {
    expect(binOf(19, ageBands)).toBe('18–29');
    expect(binOf(29, ageBands)).toBe('18–29');
    expect(binOf(30, ageBands)).toBe('30–44');
    expect(binOf(60, ageBands)).toBe('45–60');
  });
  it('returns undefined outside every band or for NaN', () => {
    expect(binOf(17, ageBands)).toBeUndefined();
    expect(binOf(Number.NaN, ageBands)).toBeUndefined();
  });
});
