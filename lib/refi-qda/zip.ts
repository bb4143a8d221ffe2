/**
 * A defensive zip reader: lists entries from the central directory without inflating
 * anything, and inflates only the entries asked for, within limits.
 *
 * A zip bomb is refused on its declared sizes (entry, running total, compression ratio)
 * before any byte is inflated; a zip that lies about its sizes is caught while inflating,
 * in small chunks, as soon as the output passes the declared size. So memory never holds
 * more than the declared (and allowed) sizes plus one chunk's output (a chunk of 8 KiB can
 * inflate to at most ~8 MiB: DEFLATE's ratio is bounded near 1032:1).
 */
import { Inflate } from 'fflate';
import { RefiImportError, fatal } from './problems';

export interface ZipLimits {
  /** Most entries the central directory may list. */
  maxEntries: number;
  /** Largest uncompressed size of one entry read. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all entries read together. */
  maxTotalBytes: number;
  /** Highest compression ratio allowed for an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 150 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  // Plain text and XML deflate 3–20:1; 200:1 over a megabyte is a bomb, not a transcript.
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const CHUNK = 8 * 1024;

/** True when the bytes begin like a zip archive (a local header or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const sig = u32(bytes, 0);
  return sig === SIG_LOCAL || sig === SIG_END;
}

export class ZipArchive {
  readonly entries: readonly ZipEntry[];
  private readonly bytes: Uint8Array;
  private readonly limits: ZipLimits;
  private totalRead = 0;

  private constructor(bytes: Uint8Array, entries: ZipEntry[], limits: ZipLimits) {
    this.bytes = bytes;
    this.entries = entries;
    this.limits = limits;
  }

  /** Reads the central directory. Throws RefiImportError when `bytes` is not a usable zip. */
  static open(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
    if (!looksLikeZip(bytes)) {
      throw new RefiImportError([fatal('not-a-zip', 'The file is not a zip archive (a .qdpx file is a zip holding project.qde and sources/)')]);
    }
    const end = findEndRecord(bytes);
    if (end < 0) throw corrupt('its end-of-central-directory record is missing');
    const count = u16(bytes, end + 10);
    const cdSize = u32(bytes, end + 12);
    const cdOffset = u32(bytes, end + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      throw new RefiImportError([fatal('zip-unsupported', 'ZIP64 archives are not supported')]);
    }
    if (count > limits.maxEntries) {
      throw new RefiImportError([fatal('zip-too-large', `The zip lists ${count} entries; at most ${limits.maxEntries} are accepted`)]);
    }
    if (cdOffset + cdSize > end) throw corrupt('its central directory lies outside the file');
    const decoder = new TextDecoder('utf-8');
    const entries: ZipEntry[] = [];
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > end || u32(bytes, p) !== SIG_CENTRAL) throw corrupt('its central directory is damaged');
      const nameLen = u16(bytes, p + 28);
      const extraLen = u16(bytes, p + 30);
      const commentLen = u16(bytes, p + 32);
      if (p + 46 + nameLen > end) throw corrupt('its central directory is damaged');
      entries.push({
        flags: u16(bytes, p + 8),
        method: u16(bytes, p + 10),
        crc32: u32(bytes, p + 16),
        compressedSize: u32(bytes, p + 20),
        uncompressedSize: u32(bytes, p + 24),
        localHeaderOffset: u32(bytes, p + 42),
        name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return new ZipArchive(bytes, entries, limits);
  }

  /**
   * The uncompressed bytes of `entry`, checked against the limits (declared sizes first, then
   * the actual output), the declared size and the CRC. Throws RefiImportError naming the entry.
   */
  read(entry: ZipEntry): Uint8Array {
    const { name, uncompressedSize: size, compressedSize } = entry;
    const lim = this.limits;
    if (entry.flags & 1) throw new RefiImportError([fatal('zip-unsupported', `Zip entry ${name} is encrypted`)]);
    if (entry.method !== 0 && entry.method !== 8) {
      throw new RefiImportError([fatal('zip-unsupported', `Zip entry ${name} uses compression method ${entry.method}; only stored and deflated entries are supported`)]);
    }
    if (size > lim.maxEntryBytes) throw tooLarge(`Zip entry ${name} declares ${mb(size)} uncompressed; at most ${mb(lim.maxEntryBytes)} per entry is accepted`);
    if (this.totalRead + size > lim.maxTotalBytes) throw tooLarge(`The zip's entries declare more than ${mb(lim.maxTotalBytes)} uncompressed in total`);
    if (size > lim.ratioFloorBytes && size / Math.max(compressedSize, 1) > lim.maxRatio) {
      throw tooLarge(`Zip entry ${name} declares a compression ratio of ${Math.round(size / Math.max(compressedSize, 1))}:1 (a zip bomb?)`);
    }
    const h = entry.localHeaderOffset;
    if (h + 30 > this.bytes.length || u32(this.bytes, h) !== SIG_LOCAL) throw corrupt(`the local header of ${name} is damaged`);
    const dataStart = h + 30 + u16(this.bytes, h + 26) + u16(this.bytes, h + 28);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > this.bytes.length) throw corrupt(`the data of ${name} runs past the end of the file`);
    const data = this.bytes.subarray(dataStart, dataEnd);

    let out: Uint8Array;
    if (entry.method === 0) {
      if (compressedSize !== size) throw corrupt(`the stored entry ${name} has inconsistent sizes`);
      out = data.slice();
    } else {
      out = inflateWithin(data, size, name);
    }
    if (crc32(out) !== entry.crc32) throw corrupt(`the checksum of ${name} does not match its content`);
    this.totalRead += size;
    return out;
  }
}

function inflateWithin(data: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  let overflow = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > size) {
      overflow = true;
      throw new Error('overflow');
    }
    out.set(chunk, written);
    written += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let p = 0; p < data.length; p += CHUNK) {
      const last = p + CHUNK >= data.length;
      inflater.push(data.subarray(p, Math.min(p + CHUNK, data.length)), last);
      if (ended) break;
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (overflow) throw tooLarge(`Zip entry ${name} inflates past its declared size of ${size} bytes (a zip bomb?)`);
    throw corrupt(`${name} cannot be inflated (${e instanceof Error ? e.message : String(e)})`);
  }
  if (written !== size) throw corrupt(`${name} inflates to ${written} bytes, not the ${size} it declares`);
  return out;
}

function findEndRecord(bytes: Uint8Array): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= min; p--) {
    if (u32(bytes, p) === SIG_END) return p;
  }
  return -1;
}

function corrupt(what: string): RefiImportError {
  return new RefiImportError([fatal('zip-corrupt', `The zip archive is damaged: ${what}`)]);
}

function tooLarge(message: string): RefiImportError {
  return new RefiImportError([fatal('zip-too-large', message)]);
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}

function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (IEEE), as zip uses. */
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
