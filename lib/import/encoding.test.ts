import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, normaliseLineEndings } from './encoding';
import { encodeUtf16, encodeUtf8, encodeWindows1251, fixture } from './testing';

const RU = 'Модератор: Как вы обращаетесь в акимат? Участник 1: Через e-Otinish, ёлки-палки.';
const KK = 'Жүргізуші: Сайлау сіз үшін нені білдіреді? Қатысушы 3: Азаматтық борыш — әрқашан барамын.';

describe('detectEncoding', () => {
  it('reads byte-order marks', () => {
    expect(detectEncoding(encodeUtf8(KK, true))).toBe('utf-8');
    expect(detectEncoding(encodeUtf16(KK, 'le'))).toBe('utf-16le');
    expect(detectEncoding(encodeUtf16(KK, 'be'))).toBe('utf-16be');
  });

  it('takes valid UTF-8 without a BOM as UTF-8, ASCII and empty input included', () => {
    expect(detectEncoding(encodeUtf8(RU))).toBe('utf-8');
    expect(detectEncoding(encodeUtf8('P1: hello'))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array())).toBe('utf-8');
  });

  it('recognises Windows-1251 Russian', () => {
    expect(detectEncoding(encodeWindows1251(RU))).toBe('windows-1251');
    expect(detectEncoding(encodeWindows1251('«Выборы» — это №1… Всё.'))).toBe('windows-1251');
  });

  it('recognises UTF-16 without a BOM from its high bytes', () => {
    expect(detectEncoding(encodeUtf16(RU, 'le', false))).toBe('utf-16le');
    expect(detectEncoding(encodeUtf16(RU, 'be', false))).toBe('utf-16be');
  });

  it('falls back to UTF-8 for bytes that are neither UTF-8 nor plausible Cyrillic', () => {
    // Invalid UTF-8 whose high bytes are, in windows-1251, rare letters and symbols (Ћ Џ љ ¤ Ґ).
    expect(detectEncoding(Uint8Array.from([0x41, 0x8e, 0x8f, 0x9a, 0xa4, 0xa5, 0x41]))).toBe('utf-8');
  });

  it('recognises the fixtures', () => {
    expect(detectEncoding(fixture('ru-utf8.txt'))).toBe('utf-8');
    expect(detectEncoding(fixture('kk-bom.txt'))).toBe('utf-8');
    expect(detectEncoding(fixture('ru-cp1251.txt'))).toBe('windows-1251');
    expect(detectEncoding(fixture('mixed-utf16le.txt'))).toBe('utf-16le');
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => typeof detectEncoding(bytes) === 'string'));
  });

  it('detects a text of nothing but ё in Windows-1251 (0xB8, outside the А–я block)', () => {
    expect(detectEncoding(encodeWindows1251('ё'))).toBe('windows-1251');
    expect(detectEncoding(encodeWindows1251('Ёё ёё'))).toBe('windows-1251');
  });

  it('reads Windows-1251 text that begins with "юя" or "яю" (the bytes of a UTF-16 mark) as Windows-1251', () => {
    for (const text of ['юяа', 'юя', 'яю', 'юя ответ власти', 'яю ответ']) expect(detectEncoding(encodeWindows1251(text)), text).toBe('windows-1251');
    // a real UTF-16 file keeps its mark's byte order
    const be = new Uint8Array([0xfe, 0xff, 0x04, 0x4e, 0x04, 0x4f]);
    expect(detectEncoding(be)).toBe('utf-16be');
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x4e, 0x04, 0x4f, 0x04]))).toBe('utf-16le');
  });

  it('detects random Russian text written in Windows-1251', () => {
    const cyrillicWord = fc.string({ unit: fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(cyrillicWord, { minLength: 1, maxLength: 30 }), (words) => {
        expect(detectEncoding(encodeWindows1251(words.join(' ')))).toBe('windows-1251');
      }),
    );
  });
});

describe('decodeText', () => {
  it('decodes each encoding and drops its BOM', () => {
    expect(decodeText(encodeUtf8(KK, true), 'utf-8')).toBe(KK);
    expect(decodeText(encodeUtf16(KK, 'le'), 'utf-16le')).toBe(KK);
    expect(decodeText(encodeUtf16(KK, 'be'), 'UTF-16BE')).toBe(KK);
    expect(decodeText(encodeWindows1251(RU), 'windows-1251')).toBe(RU);
    expect(decodeText(encodeWindows1251(RU), 'cp1251')).toBe(RU);
  });

  it('lets the user override a wrong guess: the same bytes read differently', () => {
    const bytes = encodeWindows1251('Выборы');
    expect(decodeText(bytes, 'utf-8')).toContain('\ufffd');
    expect(decodeText(bytes, 'windows-1251')).toBe('Выборы');
    expect(decodeText(bytes, 'koi8-r')).not.toBe('Выборы');
  });

  it('normalises mixed line endings', () => {
    expect(decodeText(encodeUtf8('a\r\nb\rc\nd\r\n\r\ne'), 'utf-8')).toBe('a\nb\nc\nd\n\ne');
    expect(normaliseLineEndings('x\u2028y\u2029z')).toBe('x\ny\nz');
  });

  it('rejects an unknown encoding label', () => {
    expect(() => decodeText(encodeUtf8('x'), 'klingon-8')).toThrow(/Unknown text encoding "klingon-8"/);
  });

  it('round-trips any string through UTF-8 and UTF-16', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const text = normaliseLineEndings(s).replace(/^\ufeff/, '');
        expect(decodeText(encodeUtf8(text, true), 'utf-8')).toBe(text);
        expect(decodeText(encodeUtf16(text, 'le'), 'utf-16le')).toBe(text);
      }),
    );
  });
});
