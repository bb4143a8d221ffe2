import { describe, expect, it } from 'vitest';
import { dateFromText, numberFromText, typedCell } from './typed-text';

describe('typed attribute text', () => {
  it('reads numbers with a decimal point or comma, and nothing else', () => {
    expect(numberFromText(' 34 ')).toBe(34);
    expect(numberFromText('2,5')).toBe(2.5);
    expect(numberFromText('-.5')).toBe(-0.5);
    expect(numberFromText('34 года')).toBeNull();
    expect(numberFromText('1e3')).toBeNull();
    expect(numberFromText('')).toBeNull();
  });

  it('reads ISO days that exist', () => {
    expect(dateFromText('2024-11-05')).toEqual(new Date(Date.UTC(2024, 10, 5)));
    expect(dateFromText('2024-02-29')).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(dateFromText('2023-02-29')).toBeNull();
    expect(dateFromText('2024-04-31')).toBeNull();
    expect(dateFromText('05.11.2024')).toBeNull();
  });

  it('types a cell by its attribute, leaving text, blanks and what does not parse as written', () => {
    expect(typedCell('number', '19')).toBe(19);
    expect(typedCell('date', '2024-11-05')).toEqual(new Date(Date.UTC(2024, 10, 5)));
    expect(typedCell('number', 'n/a')).toBe('n/a');
    expect(typedCell('category', '19')).toBe('19');
    expect(typedCell('number', ' ')).toBe(' ');
    expect(typedCell('number', undefined)).toBeNull();
  });
});
