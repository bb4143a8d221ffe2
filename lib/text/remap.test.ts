import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange, diffText, remapRange } from './remap';

describe('diffText', () => {
  it('finds the one replaced span of a typo fix in Kazakh text', () => {
    expect(diffText('Мен акімдікке жаздым', 'Мен әкімдікке жаздым')).toEqual({ from: 4, to: 5, insert: 'ә' });
    expect(diffText('same', 'same')).toBeNull();
  });
  it('never splits an emoji', () => {
    const c = diffText('a👍b', 'a👎b')!;
    expect(c.from).toBe(1);
    expect(c.to).toBe(3);
  });
  it('turns any text into any other (property)', () => {
    const str = fc.array(fc.constantFrom('a', 'ә', ' ', '👍', '\n'), { maxLength: 15 }).map((a) => a.join(''));
    fc.assert(fc.property(str, str, (a, b) => {
      const c = diffText(a, b);
      expect(c ? applyChange(a, c) : a).toBe(b);
    }));
  });
});

describe('remapRange through a correction', () => {
  const before = 'Мен акімдікке e-Otinish арқылы жаздым.';
  const coded = { start: before.indexOf('акімдікке'), end: before.indexOf(' арқылы') };

  it('keeps a coding on its words when a typo inside it is fixed', () => {
    const after = before.replace('акімдікке', 'әкімдікке');
    const r = remapRange(coded.start, coded.end, diffText(before, after)!);
    expect(after.slice(r.start, r.end)).toBe('әкімдікке e-Otinish');
    expect(r.deleted).toBe(false);
  });

  it('shifts a coding after an edit before it, and leaves one before an edit alone', () => {
    const after = 'Иә, ' + before;
    const r = remapRange(coded.start, coded.end, diffText(before, after)!);
    expect(after.slice(r.start, r.end)).toBe('акімдікке e-Otinish');
    const tail = before + ' Рахмет.';
    expect(remapRange(coded.start, coded.end, diffText(before, tail)!)).toEqual({ ...coded, deleted: false });
  });

  it('does not grow a coding when text is typed right at its edges', () => {
    const change = { from: coded.end, to: coded.end, insert: ' жаңа' };
    const r = remapRange(coded.start, coded.end, change);
    expect(applyChange(before, change).slice(r.start, r.end)).toBe('акімдікке e-Otinish');
  });

  it('flags a coding whose text was deleted, keeping it at the edit', () => {
    const change = { from: coded.start - 1, to: coded.end + 1, insert: '' };
    expect(remapRange(coded.start, coded.end, change)).toEqual({ start: coded.start - 1, end: coded.start - 1, deleted: true });
  });

  it('trims a coding partly deleted to what remains', () => {
    const change = { from: before.indexOf('e-Otinish'), to: before.indexOf('e-Otinish') + 9, insert: '' };
    const after = applyChange(before, change);
    const r = remapRange(coded.start, coded.end, change);
    expect(after.slice(r.start, r.end)).toBe('акімдікке ');
  });

  it('always yields a range inside the new text whose text survived (property)', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40), fc.string({ maxLength: 6 }), (a, b, x, y, insert) => {
        const text = before;
        const [start, end] = [Math.min(a, b) % text.length, (Math.max(a, b) % text.length) + 1];
        const [from, to] = [Math.min(x, y) % text.length, Math.max(x, y) % text.length];
        const change = { from, to, insert };
        const after = applyChange(text, change);
        const r = remapRange(start, end, change);
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(after.length);
        expect(r.end >= r.start).toBe(true);
        if (!r.deleted) expect(r.end).toBeGreaterThan(r.start);
      }),
    );
  });
});
