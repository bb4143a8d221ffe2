import { describe, expect, it } from 'vitest';
import { detectReading, insideWord, normaliseQuote, preferenceOrder, type DetectableSelection } from './detect';
import { PositionMap, READINGS, sameReading, toLf, type Reading } from './positions';

// A transcript as a Windows tool stores it: CRLF, Kazakh and Russian, emoji before most words.
const RAW = [
  'Модератор: Мемлекетпен қалай байланысасыз?',
  'P1: Мен e-Otinish арқылы жазамын 👍 жауап екі аптада келеді.',
  'P2: Ақиматқа барамын, қабылдауға 🙂 жазыламын.',
  'P3: Инстаграмда 🔥 әкімдіктің парақшасына пікір қалдырамыз 👍👍.',
  'P1: Ұжымдық өтініш күштірек, бір адам ештеңе шеше алмайды.',
  'P4: Һәм үйде отырып та өз пікірімді айтамын 😀 іс жүзінде.',
].join('\r\n');

const QUOTES = ['e-Otinish арқылы жазамын', 'қабылдауға 🙂 жазыламын', 'әкімдіктің парақшасына', 'Ұжымдық өтініш күштірек', 'іс жүзінде', 'жауап екі аптада келеді'];

/** The selections of QUOTES as a tool with reading `r` would store them. */
function selectionsAs(r: Reading, withNames = false): DetectableSelection[] {
  const map = PositionMap.of(RAW, r);
  const text = toLf(RAW);
  return QUOTES.map((q, i) => {
    const start = text.indexOf(q);
    const s: DetectableSelection = { guid: `g${i}`, start: map.toPosition(start) as number, end: map.toPosition(start + q.length) as number };
    if (withNames) s.name = q;
    return s;
  });
}

describe('detectReading', () => {
  it.each(READINGS.map((r) => [`${r.unit}/${r.crlf}`, r] as const))('recognises positions written as %s', (_, r) => {
    const d = detectReading(RAW, selectionsAs(r));
    expect(d.reading).toEqual(r);
    expect(d.basis).toBe('score');
    expect(d.fitNone).toEqual([]);
    expect(d.unplaced).toEqual([]);
    const text = toLf(RAW);
    for (const s of selectionsAs(r)) {
      const start = d.map.toOffset(s.start) as number;
      const end = d.map.toOffset(s.end) as number;
      expect(QUOTES).toContain(text.slice(start, end));
    }
  });

  it('lets a quote in the name decide where word boundaries cannot (ATLAS.ti-style names)', () => {
    // Selections cut mid-word on purpose; only the names tell the readings apart.
    const text = toLf(RAW);
    const r: Reading = { unit: 'codePoint', crlf: 'one' };
    const map = PositionMap.of(RAW, r);
    const sels = QUOTES.map((q, i) => {
      const start = text.indexOf(q) + 2;
      const quote = text.slice(start, start + 8);
      return { guid: `g${i}`, name: `${quote}…`, start: map.toPosition(start) as number, end: map.toPosition(start + 8) as number };
    });
    const d = detectReading(RAW, sels);
    expect(d.reading).toEqual(r);
    expect(d.scores.find((s) => sameReading(s.reading, r))?.fitted).toBe(QUOTES.length);
  });

  it('falls back to word boundaries when names are labels, not quotes', () => {
    const r: Reading = { unit: 'utf16', crlf: 'two' };
    const sels = selectionsAs(r).map((s, i) => ({ ...s, name: `Quotation 1:${i}` }));
    expect(detectReading(RAW, sels).reading).toEqual(r);
  });

  it('prefers code points on a tie, UTF-16 when the origin names NVivo', () => {
    const raw = 'Бәрі бір: ешқандай эмодзи жоқ.\nЕкінші жол.';
    const sels = [{ guid: 'a', start: 0, end: 4 }];
    const plain = detectReading(raw, sels);
    expect(plain.basis).toBe('preference');
    expect(plain.reading.unit).toBe('codePoint');
    expect(plain.matters).toEqual({ unit: false, crlf: false });
    const nvivo = detectReading(raw, sels, { origin: 'NVivo for Windows 12.6' });
    expect(nvivo.reading.unit).toBe('utf16');
  });

  it('gives the preferred reading to a source without selections', () => {
    const d = detectReading(RAW, [], { origin: 'ATLAS.ti 8.4.0' });
    expect(d.basis).toBe('preference');
    expect(d.reading).toEqual({ unit: 'codePoint', crlf: 'one' });
  });

  it('reports selections outside the text, by guid and name', () => {
    const sels = [...selectionsAs({ unit: 'utf16', crlf: 'two' }), { guid: 'far', name: 'too far', start: 10, end: 100000 }];
    const d = detectReading(RAW, sels);
    expect(d.reading).toEqual({ unit: 'utf16', crlf: 'two' });
    expect(d.unplaced).toEqual([{ guid: 'far', name: 'too far', why: 'outside' }]);
  });

  it('reports a selection that fits no reading', () => {
    const text = toLf(RAW);
    const i = text.indexOf('Мемлекетпен') + 3; // mid-word under every reading (no CRLF or emoji before it)
    const sels = [...selectionsAs({ unit: 'codePoint', crlf: 'two' }), { guid: 'mid', start: i, end: i + 4 }];
    const d = detectReading(RAW, sels);
    expect(d.fitNone).toEqual([{ guid: 'mid' }]);
  });

  it('uses a forced reading whatever the scores', () => {
    const d = detectReading(RAW, selectionsAs({ unit: 'utf16', crlf: 'two' }), { force: { unit: 'codePoint', crlf: 'one' } });
    expect(d.basis).toBe('forced');
    expect(d.reading).toEqual({ unit: 'codePoint', crlf: 'one' });
    expect(d.fitOtherOnly.length).toBeGreaterThan(0);
  });
});

describe('preferenceOrder', () => {
  it('puts the standard first, NVivo and ATLAS.ti their own way', () => {
    expect(preferenceOrder()[0]).toEqual({ unit: 'codePoint', crlf: 'two' });
    expect(preferenceOrder('NVivo for Mac 12.7.0')[0]).toEqual({ unit: 'utf16', crlf: 'two' });
    expect(preferenceOrder('ATLAS.ti 8.4.0 573')[0]).toEqual({ unit: 'codePoint', crlf: 'one' });
  });
});

describe('insideWord', () => {
  it('sees Kazakh letters, digits and combining marks as word characters', () => {
    expect(insideWord('қала', 2)).toBe(true);
    expect(insideWord('қала үй', 4)).toBe(false);
    expect(insideWord('2024ж', 4)).toBe(true);
    expect(insideWord('й', 1)).toBe(false); // end of text
    expect(insideWord('и\u0306к', 1)).toBe(true); // и + combining breve
    expect(insideWord('а👍б', 1)).toBe(false);
    expect(insideWord('а👍б', 3)).toBe(false);
  });
});

describe('normaliseQuote', () => {
  it('ignores whitespace and a trailing ellipsis', () => {
    expect(normaliseQuote('favoritos. Dificultad: Media…')).toBe('favoritos.Dificultad:Media');
    expect(normaliseQuote('favoritos.\nDificultad:  Media Tiempo').startsWith(normaliseQuote('favoritos. Dificultad: Media…'))).toBe(true);
    expect(normaliseQuote('Мен  e-Otinish\r\nарқылы...')).toBe('Менe-Otinishарқылы');
  });
});
