import { describe, expect, it } from 'vitest';
import { rangeProblem, snapToWords } from './range';

describe('rangeProblem', () => {
  it('accepts a range inside the text and names what is wrong otherwise', () => {
    expect(rangeProblem(10, 0, 10)).toBeNull();
    expect(rangeProblem(10, 3, 3)?.message).toMatch(/empty/);
    expect(rangeProblem(10, 5, 11)?.message).toMatch(/outside the text \(length 10\)/);
    expect(rangeProblem(10, -1, 2)?.message).toMatch(/outside/);
    expect(rangeProblem(10, 1.5, 2)?.message).toMatch(/whole numbers/);
  });
});

describe('snapToWords', () => {
  const text = 'Мен әкімдікке e-Otinish арқылы жаздым 👍 иә';
  const snap = (from: string, to: string) => {
    const s = text.indexOf(from);
    const e = text.indexOf(to) + to.length;
    const r = snapToWords(text, s, e);
    return text.slice(r.start, r.end);
  };
  it('widens a selection that starts or ends inside a Kazakh word', () => {
    expect(snap('кімдік', 'e-Oti')).toBe('әкімдікке e-Otinish');
    expect(snap('ен ', 'арқ')).toBe('Мен әкімдікке e-Otinish арқылы');
  });
  it('trims white space around the selection', () => {
    const s = text.indexOf(' арқылы');
    expect(snapToWords(text, s, s + 8)).toEqual({ start: s + 1, end: s + 7 });
  });
  it('does not split an emoji', () => {
    const e = text.indexOf('👍');
    const r = snapToWords(text, e + 1, e + 2);
    expect(text.slice(r.start, r.end)).toBe('👍');
  });
});
