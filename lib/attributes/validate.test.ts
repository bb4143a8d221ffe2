import { describe, expect, it } from 'vitest';
import { checkAttributeValue, checkDefinition, isIsoDate, parseNumber } from './validate';

describe('checkAttributeValue', () => {
  it('accepts numbers with a decimal comma and stores them canonically with their number', () => {
    expect(checkAttributeValue({ type: 'number' }, ' 34,50 ')).toEqual({ ok: true, value: '34.5', numValue: 34.5 });
    expect(checkAttributeValue({ type: 'number' }, '-2')).toEqual({ ok: true, value: '-2', numValue: -2 });
    expect(checkAttributeValue({ type: 'number' }, 'сорок')).toEqual({ ok: false, message: '"сорок" is not a number' });
    expect(checkAttributeValue({ type: 'number' }, '12 лет').ok).toBe(false);
  });

  it('accepts only ISO dates that exist', () => {
    expect(checkAttributeValue({ type: 'date' }, '2024-11-21')).toEqual({ ok: true, value: '2024-11-21', numValue: null });
    expect(checkAttributeValue({ type: 'date' }, '21.11.2024')).toEqual({ ok: false, message: '"21.11.2024" is not a date written yyyy-mm-dd' });
    expect(checkAttributeValue({ type: 'date' }, '2024-02-30').ok).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('matches category values ignoring case and ё, and stores the list spelling', () => {
    const rule = { type: 'category' as const, values: ['Алматы', 'Семей', 'Актёбе'] };
    expect(checkAttributeValue(rule, 'семей')).toEqual({ ok: true, value: 'Семей', numValue: null });
    expect(checkAttributeValue(rule, 'Актебе')).toEqual({ ok: true, value: 'Актёбе', numValue: null });
    expect(checkAttributeValue(rule, 'Тараз')).toEqual({ ok: false, message: '"Тараз" is not one of "Алматы", "Семей", "Актёбе"' });
    expect(checkAttributeValue({ type: 'category', values: [] }, 'x').ok).toBe(false);
  });

  it('treats blank as no value and limits text', () => {
    expect(checkAttributeValue({ type: 'number' }, '  ')).toEqual({ ok: true, value: '', numValue: null });
    expect(checkAttributeValue({ type: 'text' }, 'x'.repeat(3000)).ok).toBe(false);
    expect(checkAttributeValue({ type: 'text' }, ' қала ')).toEqual({ ok: true, value: 'қала', numValue: null });
  });

  it('parses numbers people type', () => {
    expect(parseNumber('0,5')).toBe(0.5);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('1 000')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('Infinity')).toBeNull();
  });
});

describe('checkDefinition', () => {
  it('cleans a category definition and reports repeated values', () => {
    const r = checkDefinition({ name: '  city  ', type: 'category', values: ['Алматы', ' ', 'алматы', 'Семей'], bins: [{ label: 'x', min: 1, max: 2 }] });
    expect(r.definition).toEqual({ name: 'city', type: 'category', values: ['Алматы', 'Семей'], bins: [] });
    expect(r.problems).toEqual(['the value "алматы" is listed twice (as "Алматы")']);
  });

  it('checks bins of a number: labels, order and overlap', () => {
    const ok = checkDefinition({ name: 'age', type: 'number', values: ['ignored'], bins: [{ label: '18–29', min: 18, max: 29 }, { label: '30–44', min: 30, max: 44 }] });
    expect(ok.problems).toEqual([]);
    expect(ok.definition.values).toEqual([]);
    const bad = checkDefinition({
      name: '',
      type: 'number',
      bins: [
        { label: 'a', min: 10, max: 5 },
        { label: 'b', min: 20, max: 30 },
        { label: 'B', min: 25, max: 40 },
      ],
    });
    expect(bad.problems).toEqual([
      'the attribute needs a name',
      'the bin "a" starts (10) after it ends (5)',
      'the bin label "B" is used twice',
      'the bins "b" and "B" overlap',
    ]);
  });
});
