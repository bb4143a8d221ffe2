import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv';

describe('detectDelimiter', () => {
  it('picks the most frequent delimiter of the header line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('splits records and fields, with quoted delimiters, doubled quotes and line breaks', () => {
    const text = 'Код;Группа;Примечание\nP1;Актау;"частный сектор; фриланс"\nP2;"Актау";"сказала ""да"""\nP3;Тараз;"две\nстроки"\n';
    expect(parseCsv(text, 'r.csv')).toEqual([
      ['Код', 'Группа', 'Примечание'],
      ['P1', 'Актау', 'частный сектор; фриланс'],
      ['P2', 'Актау', 'сказала "да"'],
      ['P3', 'Тараз', 'две\nстроки'],
    ]);
  });

  it('keeps empty fields and blank lines as records', () => {
    expect(parseCsv('a,b\n,\n\nx,', 'r.csv')).toEqual([['a', 'b'], ['', ''], [''], ['x', '']]);
  });

  it('names the line of an unterminated quote', () => {
    expect(() => parseCsv('a;b\n1;2\n3;"open\nstill open', 'r.csv')).toThrow('r.csv, line 3: a quoted field is never closed (missing ")');
  });
});
