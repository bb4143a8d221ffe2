import fc from 'fast-check';
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { fixture } from './testing';
import { assertSafeZip, readCentralDirectory } from './zip-guard';

/**
 * Builds a zip with one entry of `megabytes` MB of zeros, streaming 1 MB at a time so the
 * test never holds the uncompressed data: 200 MB of zeros deflate to about 200 KB.
 */
function zerosZip(megabytes: number, name = 'word/document.xml'): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const entry = new ZipDeflate(name, { level: 1 });
  zip.add(entry);
  const mb = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i++) entry.push(mb, i === megabytes - 1);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Offset of the first central-directory record. */
function centralRecord(zip: Uint8Array): number {
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01 && zip[i + 3] === 0x02) {
      // keep going back: we want the first record
      let first = i;
      for (let j = i - 1; j >= 0; j--) if (zip[j] === 0x50 && zip[j + 1] === 0x4b && zip[j + 2] === 0x01 && zip[j + 3] === 0x02) first = j;
      return first;
    }
  }
  throw new Error('no central directory');
}

const small = zipSync({ 'word/document.xml': strToU8('<w:document>Сайлау</w:document>'), 'a/b.txt': strToU8('x'.repeat(5000)) });

describe('readCentralDirectory', () => {
  it('lists entries with their declared sizes, without inflating', () => {
    const entries = readCentralDirectory(small);
    expect(entries.map((e) => e.name)).toEqual(['word/document.xml', 'a/b.txt']);
    expect(entries[1].uncompressedSize).toBe(5000);
    expect(entries[1].compressedSize).toBeLessThan(100);
  });
});

describe('assertSafeZip', () => {
  it('accepts an ordinary archive and the .docx fixture', () => {
    expect(assertSafeZip(small, 'a.docx', '.docx')).toHaveLength(2);
    expect(assertSafeZip(fixture('semey-table.docx'), 'semey-table.docx', '.docx').some((e) => e.name === 'word/document.xml')).toBe(true);
  });

  it('rejects a zip bomb (200 MB of zeros) from its declared size, before inflating', () => {
    const bomb = zerosZip(200);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(() => assertSafeZip(bomb, 'bomb.docx', '.docx')).toThrow('bomb.docx: unpacks to more than 50 MB, over the limit (possible zip bomb)');
  });

  it('honours a lower total limit', () => {
    expect(() => assertSafeZip(small, 'a.docx', '.docx', { maxUncompressedBytes: 1000 })).toThrow(/more than 1000 bytes/);
  });

  it('rejects a big entry with a suspicious compression ratio', () => {
    expect(() => assertSafeZip(zerosZip(10), 'ratio.docx', '.docx')).toThrow(/ratio\.docx: has a suspicious compression ratio \(\d+:1 in "word\/document\.xml"/);
  });

  it('rejects an archive that lies about its sizes, stopping once the lie shows', () => {
    const liar = zerosZip(10);
    const cd = centralRecord(liar);
    new DataView(liar.buffer).setUint32(cd + 24, 1000, true); // claims 1000 bytes instead of 10 MB
    expect(() => assertSafeZip(liar, 'liar.docx', '.docx')).toThrow(/liar\.docx: is not a valid \.docx file \("word\/document\.xml" inflates to more than the 1000 bytes it declares/);
  });

  it('rejects files that are not zip archives', () => {
    expect(() => assertSafeZip(strToU8('P1: это текст, а не docx'), 'x.docx', '.docx')).toThrow('x.docx: is not a valid .docx file (not a zip archive)');
    expect(() => assertSafeZip(new Uint8Array(3), 'x.docx', '.docx')).toThrow(/not a zip archive/);
  });

  it('explains old binary and password-protected Office files', () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => assertSafeZip(ole, 'old.docx', '.docx')).toThrow(/old-format \(Word\/Excel 97–2003\) or password-protected/);
  });

  it('rejects encrypted entries', () => {
    const enc = small.slice();
    new DataView(enc.buffer).setUint16(centralRecord(enc) + 8, 1, true);
    expect(() => assertSafeZip(enc, 'enc.docx', '.docx')).toThrow(/password-protected/);
  });

  it('rejects truncated and damaged archives', () => {
    const cut = small.slice(0, 40);
    expect(() => assertSafeZip(cut, 'cut.docx', '.docx')).toThrow(/cut\.docx: is not a valid \.docx file/);
    const damaged = small.slice();
    damaged.fill(0x55, 30, 60); // inside the first entry's data
    expect(() => assertSafeZip(damaged, 'dmg.docx', '.docx')).toThrow(/dmg\.docx: is not a valid \.docx file/);
  });

  it('rejects an archive with too many entries', () => {
    expect(() => assertSafeZip(small, 'many.docx', '.docx', { maxEntries: 1 })).toThrow(/too many entries \(2\)/);
  });

  it('throws only ImportErrors on arbitrary bytes, and on arbitrary damage to a real archive', () => {
    const check = (bytes: Uint8Array): void => {
      try {
        assertSafeZip(bytes, 'f.docx', '.docx');
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), check));
    fc.assert(
      fc.property(fc.nat(small.length - 1), fc.integer({ min: 0, max: 255 }), (at, value) => {
        const copy = small.slice();
        copy[at] = value;
        check(copy);
      }),
    );
  });
});
