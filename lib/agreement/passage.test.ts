import { describe, expect, it } from 'vitest';
import { passagePieces, passageWindow } from './passage';

const text = 'Мен әкімдікке e-Otinish арқылы жаздым 👍 бірақ жауап келмеді.';

describe('passageWindow', () => {
  it('widens to whole words and clips to the text', () => {
    const start = text.indexOf('e-Otinish');
    const w = passageWindow(text, start, start + 9, 3);
    expect(text.slice(w.start, w.end)).toBe('әкімдікке e-Otinish арқылы');
    expect(passageWindow(text, 0, text.length, 80)).toEqual({ start: 0, end: text.length });
  });
});

describe('passagePieces', () => {
  it('cuts at range boundaries, merging overlaps, and keeps emoji whole', () => {
    const emoji = text.indexOf('👍');
    const pieces = passagePieces(text, 0, text.length, [
      { start: 4, end: 13 },
      { start: 10, end: 23 },
      { start: emoji, end: emoji + 2 },
    ]);
    expect(pieces.map((p) => [p.text, p.marked])).toEqual([
      ['Мен ', false],
      ['әкімдікке e-Otinish', true],
      [' арқылы жаздым ', false],
      ['👍', true],
      [' бірақ жауап келмеді.', false],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('clips ranges to the window', () => {
    expect(passagePieces(text, 4, 13, [{ start: 0, end: 8 }]).map((p) => [p.text, p.marked])).toEqual([
      ['әкім', true],
      ['дікке', false],
    ]);
    expect(passagePieces(text, 5, 5, [])).toEqual([]);
  });
});
