import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PositionMap, READINGS, describeReading, placeRange, toLf, type Reading } from './positions';

const CP2: Reading = { unit: 'codePoint', crlf: 'two' };
const CP1: Reading = { unit: 'codePoint', crlf: 'one' };
const U2: Reading = { unit: 'utf16', crlf: 'two' };
const U1: Reading = { unit: 'utf16', crlf: 'one' };

describe('PositionMap', () => {
  it('reads Kazakh letters the same under every reading (all in the BMP)', () => {
    const raw = 'Әже: ғылым, қала, ң, өмір, ұлт, үй, һ, ілім';
    for (const r of READINGS) {
      const map = PositionMap.of(raw, r);
      expect(map.length).toBe(raw.length);
      const i = raw.indexOf('ұлт');
      expect(map.toOffset(i)).toBe(i);
      expect(map.toPosition(i)).toBe(i);
    }
  });

  it('counts an emoji as one code point but two UTF-16 units', () => {
    const raw = 'Жақсы 👍 ғой';
    const ours = raw.indexOf('ғой'); // 9: the emoji is two units here
    expect(ours).toBe(9);
    expect(PositionMap.of(raw, CP2).toPosition(ours)).toBe(8);
    expect(PositionMap.of(raw, U2).toPosition(ours)).toBe(9);
    expect(PositionMap.of(raw, CP1).toOffset(8)).toBe(9);
    expect(PositionMap.of(raw, U1).toOffset(9)).toBe(9);
    expect(PositionMap.of(raw, CP1).length).toBe(11);
    expect(PositionMap.of(raw, U1).length).toBe(12);
  });

  it('never places an offset or a position inside an emoji', () => {
    const raw = 'a😀b';
    expect(PositionMap.of(raw, U2).toOffset(2)).toBeUndefined(); // between the surrogates
    expect(PositionMap.of(raw, CP2).toPosition(2)).toBeUndefined();
    expect(PositionMap.of(raw, U2).toPosition(2)).toBeUndefined();
    expect(PositionMap.of(raw, CP2).toOffset(2)).toBe(3);
  });

  it('maps CRLF to our single "\\n", counting it as two or one', () => {
    const raw = 'Бір\r\nЕкі\r\nҮш';
    const lf = 'Бір\nЕкі\nҮш';
    expect(PositionMap.of(raw, CP2).text).toBe(lf);
    const ours = lf.indexOf('Үш'); // 8
    expect(PositionMap.of(raw, CP2).toPosition(ours)).toBe(10);
    expect(PositionMap.of(raw, CP1).toPosition(ours)).toBe(8);
    expect(PositionMap.of(raw, U2).toOffset(10)).toBe(ours);
    expect(PositionMap.of(raw, U1).toOffset(8)).toBe(ours);
    // Between CR and LF (only a position under "CRLF as 2"): the line break's start.
    expect(PositionMap.of(raw, CP2).toOffset(4)).toBe(3);
  });

  it('combines emoji and CRLF in all four readings', () => {
    const raw = 'ә👍\r\nқ';
    const lf = toLf(raw);
    const ours = lf.indexOf('қ'); // ә=1, 👍=2, \n=1 → 4
    expect(ours).toBe(4);
    expect(PositionMap.of(raw, CP2).toPosition(ours)).toBe(4); // ә 👍 \r \n
    expect(PositionMap.of(raw, CP1).toPosition(ours)).toBe(3); // ә 👍 ⏎
    expect(PositionMap.of(raw, U2).toPosition(ours)).toBe(5); // ә 👍👍 \r \n
    expect(PositionMap.of(raw, U1).toPosition(ours)).toBe(4); // ә 👍👍 ⏎
  });

  it('treats a lone CR as a line break of one', () => {
    const raw = 'a\rb';
    for (const r of READINGS) {
      const map = PositionMap.of(raw, r);
      expect(map.text).toBe('a\nb');
      expect(map.toOffset(2)).toBe(2);
    }
  });

  it('rejects positions outside the text and non-integers', () => {
    const map = PositionMap.of('abc', CP2);
    expect(map.toOffset(-1)).toBeUndefined();
    expect(map.toOffset(4)).toBeUndefined();
    expect(map.toOffset(1.5)).toBeUndefined();
    expect(map.toOffset(3)).toBe(3);
    expect(map.toPosition(4)).toBeUndefined();
  });

  it('handles the empty text', () => {
    const map = PositionMap.of('', U2);
    expect(map.length).toBe(0);
    expect(map.toOffset(0)).toBe(0);
    expect(map.toPosition(0)).toBe(0);
  });
});

describe('placeRange', () => {
  it('says why a range cannot be placed', () => {
    const map = PositionMap.of('a😀b', U2);
    expect(placeRange(map, 0, 4)).toEqual({ ok: true, start: 0, end: 4 });
    expect(placeRange(map, 3, 1)).toEqual({ ok: false, why: 'reversed' });
    expect(placeRange(map, 0, 5)).toEqual({ ok: false, why: 'outside' });
    expect(placeRange(map, 2, 3)).toEqual({ ok: false, why: 'inside-character' });
  });
});

describe('describeReading', () => {
  it('names the reading, or says which choices the text does not make', () => {
    expect(describeReading(U2)).toBe('UTF-16 units, CRLF as 2');
    expect(describeReading(CP1, { unit: true, crlf: false })).toBe('code points, no CRLF in the text');
    expect(describeReading(CP1, { unit: false, crlf: false })).toMatch(/all readings agree/);
  });
});

// A model of the standard's positions, built differently from PositionMap: split the stored
// text into the reading's characters, and measure each prefix in our terms with toLf.
function units(raw: string, r: Reading): string[] {
  const chars = r.unit === 'codePoint' ? Array.from(raw) : raw.split('');
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (r.crlf === 'one' && chars[i] === '\r' && chars[i + 1] === '\n') {
      out.push('\r\n');
      i++;
    } else out.push(chars[i]);
  }
  return out;
}

function modelOffset(raw: string, r: Reading, p: number): number | undefined {
  const u = units(raw, r);
  const prefix = u.slice(0, p).join('');
  const last = prefix.charCodeAt(prefix.length - 1);
  const next = raw.charCodeAt(prefix.length);
  if (last >= 0xd800 && last <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return undefined; // splits a pair
  if (prefix.endsWith('\r') && raw[prefix.length] === '\n') return toLf(prefix.slice(0, -1)).length; // between CR and LF
  return toLf(prefix).length;
}

const pieces = ['a', 'Ж', 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і', ' ', '.', '\n', '\r', '\r\n', '👍', '😀', '🇰🇿', '\uD800'];
const texts = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const readings = fc.constantFrom(...READINGS);

describe('PositionMap properties', () => {
  it('agrees with the model for every position', () => {
    fc.assert(
      fc.property(texts, readings, (raw, r) => {
        const map = PositionMap.of(raw, r);
        expect(map.text).toBe(toLf(raw));
        expect(map.length).toBe(units(raw, r).length);
        for (let p = 0; p <= map.length; p++) expect(map.toOffset(p)).toBe(modelOffset(raw, r, p));
      }),
    );
  });

  it('round-trips our offsets: offset → position → offset', () => {
    fc.assert(
      fc.property(texts, readings, (raw, r) => {
        const map = PositionMap.of(raw, r);
        for (let o = 0; o <= map.text.length; o++) {
          const p = map.toPosition(o);
          const splits = o > 0 && /[\uD800-\uDBFF]/.test(map.text[o - 1]) && /[\uDC00-\uDFFF]/.test(map.text[o] ?? '');
          if (splits) expect(p).toBeUndefined();
          else expect(map.toOffset(p as number)).toBe(o);
        }
      }),
    );
  });

  it('round-trips their positions, except the middle of a CRLF, which moves to its start', () => {
    fc.assert(
      fc.property(texts, readings, (raw, r) => {
        const map = PositionMap.of(raw, r);
        let previous = -1;
        for (let p = 0; p <= map.length; p++) {
          const o = map.toOffset(p);
          if (o === undefined) continue;
          expect(o).toBeGreaterThanOrEqual(previous); // monotonic
          previous = o;
          const back = map.toPosition(o) as number;
          expect(back === p || (back === p - 1 && r.crlf === 'two')).toBe(true);
        }
      }),
    );
  });
});
