import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ZipArchive, crc32, looksLikeZip } from './zip';

const enc = (s: string) => new TextEncoder().encode(s);

describe('ZipArchive', () => {
  it('lists entries without inflating, then reads stored and deflated ones', () => {
    const zip = zipSync({ 'project.qde': [enc('<Project name="x"/>'), { level: 6 }], 'sources/a.txt': [enc('Қазақ 👍'), { level: 0 }], 'sources/.root': [new Uint8Array(0), { level: 0 }] });
    expect(looksLikeZip(zip)).toBe(true);
    const archive = ZipArchive.open(zip);
    expect(archive.entries.map((e) => [e.name, e.method])).toEqual([
      ['project.qde', 8],
      ['sources/a.txt', 0],
      ['sources/.root', 0],
    ]);
    expect(new TextDecoder().decode(archive.read(archive.entries[0]))).toBe('<Project name="x"/>');
    expect(new TextDecoder().decode(archive.read(archive.entries[1]))).toBe('Қазақ 👍');
    expect(archive.read(archive.entries[2])).toEqual(new Uint8Array(0));
  });

  it('reads an empty archive', () => {
    expect(ZipArchive.open(zipSync({})).entries).toEqual([]);
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(enc('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});
