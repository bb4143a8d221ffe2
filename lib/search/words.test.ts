import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldedWordsOf, foldWord, isSearchable, isWordChar, isWordCharAt, isWordCharBefore, wordsOf } from './words';

const KAZAKH_PAIRS = ['Әә', 'Ғғ', 'Ққ', 'Ңң', 'Өө', 'Ұұ', 'Үү', 'Һһ', 'Іі'];

describe('wordsOf', () => {
  it('cuts at anything that is not a letter, digit or mark', () => {
    const text = 'Мен әкімдікке e-Otinish арқылы жаздым 👍, 2024 ж.';
    expect(wordsOf(text).map((w) => text.slice(w.start, w.end))).toEqual(['Мен', 'әкімдікке', 'e', 'Otinish', 'арқылы', 'жаздым', '2024', 'ж']);
  });

  it('gives UTF-16 offsets, counting an emoji as two units', () => {
    const text = '🥰спасибо';
    expect(wordsOf(text)).toEqual([{ start: 2, end: 9 }]);
  });

  it('keeps combining marks in the word (a stress mark does not split it)', () => {
    expect(foldedWordsOf('за\u0301мок')).toEqual(['за\u0301мок']);
    expect(isWordChar('\u0301')).toBe(true);
    expect(isWordChar('₽')).toBe(false);
    expect(isWordChar('\u2068')).toBe(false);
  });
});

describe('foldWord', () => {
  it('folds every Kazakh letter to its lower case', () => {
    for (const [upper, lower] of KAZAKH_PAIRS.map((p) => [...p])) {
      expect(foldWord(upper)).toBe(lower);
      expect(foldWord(lower)).toBe(lower);
    }
    expect(foldWord('ӘКІМДІККЕ')).toBe('әкімдікке');
    expect(foldWord('ҚҰРМЕТТІ')).toBe('құрметті');
  });

  it('folds Russian, including Ё, and keeps ё apart from е and й from и', () => {
    expect(foldWord('ЁЛКА')).toBe('ёлка');
    expect(foldWord('ПЕТИЦИЯ')).toBe('петиция');
    expect(foldWord('ёлка')).not.toBe(foldWord('елка'));
    expect(foldWord('йод')).not.toBe(foldWord('иод'));
  });

  it('maps İ to i, keeping the length, and folds like unicode61 beyond toLowerCase', () => {
    expect('İ'.toLowerCase()).toHaveLength(2);
    expect(foldWord('İSTANBUL')).toBe('istanbul');
    expect(foldWord('ΛΟΓΟΣ')).toBe(foldWord('λογοσ'));
    expect(foldWord('λόγος')).toBe('λόγοσ');
    expect(foldWord('Ԩ')).toBe('ԩ');
  });

  it('never changes the UTF-16 length of a word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
        expect(foldWord(s)).toHaveLength(s.length);
      }),
      { numRuns: 500 },
    );
    const changed: number[] = [];
    for (let c = 0; c < 0x110000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const ch = String.fromCodePoint(c);
      if (foldWord(ch).length !== ch.length) changed.push(c);
    }
    expect(changed).toEqual([]);
  });
});

describe('isWordCharAt / isWordCharBefore', () => {
  it('read whole code points, and agree with isWordChar', () => {
    const text = 'a𐐀🥰ә\u0301';
    expect([0, 1, 3, 5, 6].map((i) => isWordCharAt(text, i))).toEqual([true, true, false, true, true]);
    expect([1, 3, 5, 6, 7].map((i) => isWordCharBefore(text, i))).toEqual([true, true, false, true, true]);
    expect(isWordCharAt(text, 99)).toBe(false);
    expect(isWordCharBefore(text, 0)).toBe(false);
    for (let c = 0x20; c < 0x3000; c++) expect(isWordCharAt(String.fromCharCode(c), 0)).toBe(isWordChar(String.fromCharCode(c)));
  });
});

describe('isSearchable', () => {
  it('needs a letter or digit', () => {
    expect(isSearchable('әкім')).toBe(true);
    expect(isSearchable('2024')).toBe(true);
    expect(isSearchable('\u0301')).toBe(false);
    expect(isSearchable('—')).toBe(false);
  });
});
