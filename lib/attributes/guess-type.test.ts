import { describe, expect, it } from 'vitest';
import { distinctValues, guessAttributeType } from './guess-type';

describe('guessAttributeType', () => {
  it('guesses numbers, dates, categories and text', () => {
    expect(guessAttributeType(['12', '0,5', '', '40'])).toBe('number');
    expect(guessAttributeType(['2024-11-21', '2024-11-22'])).toBe('date');
    expect(guessAttributeType(['учитель', 'врач', 'Учитель', ''])).toBe('category');
    expect(guessAttributeType(['один ответ', 'другой', 'третий'])).toBe('text');
    expect(guessAttributeType([])).toBe('category');
  });
});

describe('distinctValues', () => {
  it('keeps the first spelling, in order', () => {
    expect(distinctValues(['Ж', 'М', 'ж', ' ', 'М '])).toEqual(['Ж', 'М']);
  });
});
