import { describe, expect, it } from 'vitest';
import { declaredXmlEncoding, decodeUnicode } from './encoding';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeUnicode', () => {
  it('reads UTF-8 with or without a BOM, and UTF-16 by its BOM', () => {
    expect(decodeUnicode(utf8('Қазақ 👍'))).toEqual({ text: 'Қазақ 👍', encoding: 'utf-8', bom: false });
    expect(decodeUnicode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('әже')]))).toEqual({ text: 'әже', encoding: 'utf-8', bom: true });
    expect(decodeUnicode(new Uint8Array([0xff, 0xfe, 0xd9, 0x04, 0x3d, 0xd8, 0x4d, 0xdc])).text).toBe('ә👍');
    expect(decodeUnicode(new Uint8Array([0xfe, 0xff, 0x04, 0xd9])).text).toBe('ә');
  });

  it('refuses invalid bytes instead of replacing them (that would shift positions)', () => {
    expect(() => decodeUnicode(new Uint8Array([0x41, 0xc3, 0x28]))).toThrow(/not valid UTF-8/);
    expect(() => decodeUnicode(utf8('x'), 'no-such-encoding')).toThrow(/not supported/);
  });

  it('uses a declared single-byte encoding when there is no BOM', () => {
    expect(decodeUnicode(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'ISO-8859-1').text).toBe('café');
  });
});

describe('declaredXmlEncoding', () => {
  it('reads the XML declaration', () => {
    expect(declaredXmlEncoding(utf8('<?xml version="1.0" encoding="utf-8" standalone="yes"?><a/>'))).toBe('utf-8');
    expect(declaredXmlEncoding(utf8("<?xml version='1.0' encoding='windows-1252'?>"))).toBe('windows-1252');
    expect(declaredXmlEncoding(utf8('<Project/>'))).toBeUndefined();
  });
});
