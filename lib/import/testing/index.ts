/**
 * Helpers for the import tests: encoders the platform lacks (TextEncoder only writes UTF-8)
 * and the fixture directory. Not used by application code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const to1251 = new Map<string, number>();
{
  const decoder = new TextDecoder('windows-1251');
  for (let b = 0; b < 256; b++) to1251.set(decoder.decode(new Uint8Array([b])), b);
}

/** Encodes `text` in Windows-1251; throws for a character the code page lacks (e.g. Kazakh ә). */
export function encodeWindows1251(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const b = to1251.get(ch);
    if (b === undefined) throw new Error(`"${ch}" is not in windows-1251`);
    return b;
  });
}

/** Encodes `text` as UTF-16 (little- or big-endian), with a byte-order mark unless `bom` is false. */
export function encodeUtf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const units = bom ? `\ufeff${text}` : text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[endian === 'le' ? 2 * i : 2 * i + 1] = u & 0xff;
    out[endian === 'le' ? 2 * i + 1 : 2 * i] = u >> 8;
  }
  return out;
}

/** UTF-8 bytes of `text`, with a BOM when asked. */
export function encodeUtf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** The bytes of a file in ./fixtures. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(__dirname, '..', 'fixtures', name)));
}
