import { describe, expect, it } from 'vitest';
import { buildCanonicalText, countWords, turnIndexAt, turnsOverlapping } from './canonical';

describe('buildCanonicalText', () => {
  it('joins turns with a newline and gives each turn its half-open range', () => {
    const { text, ranges } = buildCanonicalText([{ text: 'Сәлем!' }, { text: '' }, { text: 'Да 👍' }]);
    expect(text).toBe('Сәлем!\n\nДа 👍');
    expect(ranges).toEqual([
      { start: 0, end: 6 },
      { start: 7, end: 7 },
      { start: 8, end: 13 }, // the emoji is two UTF-16 code units
    ]);
    for (const [i, r] of ranges.entries()) {
      expect(text.slice(r.start, r.end)).toBe(['Сәлем!', '', 'Да 👍'][i]);
    }
  });

  it('returns an empty text for no turns', () => {
    expect(buildCanonicalText([])).toEqual({ text: '', ranges: [] });
  });

  it('rejects a turn containing a line break, naming it', () => {
    expect(() => buildCanonicalText([{ text: 'a' }, { text: 'b\nc' }])).toThrow(/Turn 2/);
  });
});

describe('turn lookup', () => {
  const { ranges } = buildCanonicalText([{ text: 'abc' }, { text: 'de' }, { text: 'fghi' }]);
  // abc\nde\nfghi : turns [0,3) [4,6) [7,11)

  it('finds the turn containing an offset', () => {
    expect(turnIndexAt(ranges, 0)).toBe(0);
    expect(turnIndexAt(ranges, 3)).toBe(0);
    expect(turnIndexAt(ranges, 4)).toBe(1);
    expect(turnIndexAt(ranges, 10)).toBe(2);
    expect(turnIndexAt(ranges, 12)).toBe(-1);
  });

  it('lists the turns a range overlaps', () => {
    expect(turnsOverlapping(ranges, 0, 3)).toEqual([0]);
    expect(turnsOverlapping(ranges, 2, 5)).toEqual([0, 1]);
    expect(turnsOverlapping(ranges, 3, 4)).toEqual([]); // only the separator
    expect(turnsOverlapping(ranges, 5, 8)).toEqual([1, 2]);
    expect(turnsOverlapping(ranges, 4, 4)).toEqual([]);
  });
});

describe('countWords', () => {
  it('counts Russian, Kazakh and hyphenated words', () => {
    expect(countWords('Мен әкімдікке e-Otinish арқылы жаздым.')).toBe(5);
    expect(countWords('Ну, как-то так… 2024 год!')).toBe(5);
    expect(countWords('  ')).toBe(0);
  });
});
