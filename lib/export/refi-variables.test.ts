import { describe, expect, it } from 'vitest';
import { attributeTypeFor, refiTypeFor } from './refi-variables';

describe('refiTypeFor', () => {
  it('picks the narrowest type every value fits', () => {
    expect(refiTypeFor('number', ['34', '', '52']).type).toBe('Integer');
    expect(refiTypeFor('number', ['34', '2.5']).type).toBe('Float');
    expect(refiTypeFor('number', ['34', 'about 40']).type).toBe('Text');
    expect(refiTypeFor('date', ['2024-11-20']).type).toBe('Date');
    expect(refiTypeFor('date', ['November 2024']).type).toBe('Text');
    expect(refiTypeFor('category', ['Әйел', 'Еркек']).type).toBe('Text');
    expect(refiTypeFor('number', ['007']).convert('007')).toBe(7);
  });
});

describe('attributeTypeFor', () => {
  it('reads back numbers, dates and categories', () => {
    expect(attributeTypeFor('Integer', [34, 52])).toEqual({ type: 'number', values: [] });
    expect(attributeTypeFor('Date', ['2024-11-20'])).toEqual({ type: 'date', values: [] });
    expect(attributeTypeFor('Text', ['Female', 'Male', 'Female'])).toEqual({ type: 'category', values: ['Female', 'Male'] });
    expect(attributeTypeFor('Text', Array.from({ length: 40 }, (_, i) => `v${i}`)).type).toBe('text');
    expect(attributeTypeFor('Text', ['a long\nanswer'])).toEqual({ type: 'text', values: [] });
    expect(attributeTypeFor('Boolean', [true])).toEqual({ type: 'category', values: ['true', 'false'] });
  });
});
