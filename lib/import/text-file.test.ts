import { describe, expect, it } from 'vitest';
import { readTextFile } from './text-file';
import { encodeUtf16, encodeUtf8, encodeWindows1251 } from './testing';

describe('readTextFile', () => {
  it('decodes with the detected encoding and reports it', () => {
    expect(readTextFile(encodeWindows1251('М: Привет\r\nР1: Здравствуйте'), 'a.txt')).toEqual({ encoding: 'windows-1251', text: 'М: Привет\nР1: Здравствуйте' });
    expect(readTextFile(encodeUtf16('Қатысушы 1: Иә', 'be'), 'a.txt')).toEqual({ encoding: 'utf-16be', text: 'Қатысушы 1: Иә' });
  });

  it('uses an encoding override', () => {
    const bytes = encodeWindows1251('Выборы');
    expect(readTextFile(bytes, 'a.txt', { encoding: 'koi8-r' }).encoding).toBe('koi8-r');
    expect(readTextFile(bytes, 'a.txt', { encoding: ' Windows-1251 ' }).text).toBe('Выборы');
    expect(() => readTextFile(bytes, 'a.txt', { encoding: 'nonsense' })).toThrow('a.txt: Unknown text encoding "nonsense"');
  });

  it('rejects empty, whitespace-only and too large files', () => {
    expect(() => readTextFile(new Uint8Array(), 'empty.txt')).toThrow('empty.txt: the file is empty');
    expect(() => readTextFile(encodeUtf8(' \n\t\r\n', true), 'blank.txt')).toThrow('blank.txt: the file contains no text');
    expect(() => readTextFile(encodeUtf8('x'.repeat(2048)), 'big.txt', { maxBytes: 1024 })).toThrow('big.txt: the file is 2 KB, larger than the 1 KB limit');
  });

  it('rejects binary content, naming the line of the first NUL', () => {
    expect(() => readTextFile(encodeUtf8('P1: да\nP2: нет\nP3: \u0000\u0001'), 'bin.txt')).toThrow(/^bin\.txt, line 3: contains NUL bytes/);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => readTextFile(png, 'image.txt')).toThrow(/image\.txt, line 3: contains NUL bytes/);
    expect(() => readTextFile(Uint8Array.from([1, 2, 3, 4, 5, 6, 65, 66]), 'ctl.txt')).toThrow(/ctl\.txt: is mostly control characters/);
  });

  it('accepts UTF-16, whose bytes are full of NULs', () => {
    expect(readTextFile(encodeUtf16('P1: ok', 'le'), 'u.txt').text).toBe('P1: ok');
  });
});
