/**
 * Safety checks on a zip archive (.docx, .xlsx) before a library unpacks it.
 *
 * A zip bomb is a small archive that inflates to gigabytes. The checks, in order of cost:
 * 1. read the central directory (no inflating) and reject on what it declares: too many
 *    entries, a total uncompressed size over the limit (default 50 MB), or a big entry
 *    (≥ 1 MB) whose compression ratio exceeds the limit (default 100:1 — Word's XML
 *    compresses about 10:1, a bomb of zeros about 1000:1);
 * 2. then, because those sizes are only what the archive claims, inflate each entry as a
 *    stream in small chunks, counting bytes, and stop the moment an entry produces more than
 *    it declared. A lying archive is therefore never inflated beyond its declared total,
 *    which step 1 has already bounded.
 * We also reject what the unpacker would fail on less clearly: not a zip at all (or an old
 * binary .doc / an encrypted Office file, both OLE containers), encrypted entries, and
 * compression methods other than stored and deflate.
 */
import { Inflate } from 'fflate';
import { ImportError, formatBytes } from './errors';

/** Limits for {@link assertSafeZip}. */
export interface ZipLimits {
  /** Largest total uncompressed size. Default 50 MB. */
  maxUncompressedBytes?: number;
  /** Largest compression ratio of an entry of 1 MB or more. Default 100. */
  maxCompressionRatio?: number;
  /** Most entries. Default 10,000. */
  maxEntries?: number;
}

/** An entry as the central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
const DEFAULT_MAX_RATIO = 100;
const DEFAULT_MAX_ENTRIES = 10_000;
const RATIO_APPLIES_FROM = 1024 * 1024;
/** Compressed bytes fed to the inflater at a time; deflate expands at most ~1032×, so one chunk inflates to ≤ 17 MB. */
const CHUNK = 16 * 1024;

/** Thrown by the parsing helpers; {@link assertSafeZip} turns it into an ImportError. */
class ZipProblem extends Error {}

/**
 * Checks `bytes` is a zip archive that is safe to unpack (see the module comment), and
 * returns its entries. Throws an {@link ImportError} naming `fileName` and the problem
 * otherwise; `kind` names the expected document in messages (".docx", ".xlsx").
 */
export function assertSafeZip(bytes: Uint8Array, fileName: string, kind: string, limits: ZipLimits = {}): ZipEntry[] {
  const maxTotal = limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const maxRatio = limits.maxCompressionRatio ?? DEFAULT_MAX_RATIO;
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (isOleContainer(bytes)) {
    throw new ImportError(fileName, `is not a ${kind} file: it is an old-format (Word/Excel 97–2003) or password-protected Office file; open it and save it as ${kind} without a password`);
  }
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes, maxEntries);
  } catch (e) {
    // RangeError: a field points outside the file.
    if (e instanceof ZipProblem) throw new ImportError(fileName, `is not a valid ${kind} file (${e.message})`);
    if (e instanceof RangeError) throw new ImportError(fileName, `is not a valid ${kind} file (damaged archive)`);
    throw e;
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > maxTotal) {
      throw new ImportError(fileName, `unpacks to more than ${formatBytes(maxTotal)}, over the limit (possible zip bomb)`);
    }
    if (entry.uncompressedSize >= RATIO_APPLIES_FROM && entry.uncompressedSize > maxRatio * Math.max(entry.compressedSize, 1)) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
      throw new ImportError(fileName, `has a suspicious compression ratio (${ratio}:1 in "${entry.name}"; possible zip bomb)`);
    }
    if (entry.flags & 1) throw new ImportError(fileName, `is password-protected ("${entry.name}" is encrypted)`);
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ImportError(fileName, `uses an unsupported compression method (${entry.method}) in "${entry.name}"`);
    }
  }
  for (const entry of entries) {
    try {
      verifyEntrySize(bytes, entry);
    } catch (e) {
      const problem = e instanceof Error ? e.message : String(e);
      throw new ImportError(fileName, `is not a valid ${kind} file (${problem})`, { cause: e });
    }
  }
  return entries;
}

/** True for the OLE2 compound file signature (D0 CF 11 E0 A1 B1 1A E1): .doc, .xls, encrypted OOXML. */
function isOleContainer(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/**
 * Lists the entries of a zip archive from its central directory, without inflating
 * anything. Supports ZIP64. Throws a ZipProblem for anything that is not a well-formed
 * archive, or has more than `maxEntries` entries.
 */
export function readCentralDirectory(bytes: Uint8Array, maxEntries = DEFAULT_MAX_ENTRIES): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u64 = (at: number): number => Number(view.getBigUint64(at, true));

  if (bytes.length < 22) throw new ZipProblem('not a zip archive');
  // The end record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipProblem('not a zip archive');
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if ((count === 0xffff || cdOffset === MAX32 || cdSize === MAX32) && eocd >= 20 && u32(eocd - 20) === ZIP64_LOCATOR) {
    const z = u64(eocd - 20 + 8);
    if (z + 56 > bytes.length || u32(z) !== ZIP64_EOCD) throw new ZipProblem('damaged ZIP64 directory');
    count = u64(z + 32);
    cdSize = u64(z + 40);
    cdOffset = u64(z + 48);
  }
  if (count === 0) throw new ZipProblem('the archive is empty');
  if (count > maxEntries) throw new ZipProblem(`too many entries (${count})`);
  if (cdOffset + cdSize > bytes.length) throw new ZipProblem('truncated archive');

  const entries: ZipEntry[] = [];
  let at = cdOffset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) throw new ZipProblem('damaged central directory');
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localHeaderOffset = u32(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw new ZipProblem('damaged central directory');
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extra field (id 1): the 64-bit values, in this order, for each field that is 0xFFFFFFFF.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(extra);
      const size = u16(extra + 2);
      if (id === 1) {
        let p = extra + 4;
        const next = (): number => {
          if (p + 8 > extra + 4 + size) throw new ZipProblem('damaged ZIP64 field');
          const v = u64(p);
          p += 8;
          return v;
        };
        if (uncompressedSize === MAX32) uncompressedSize = next();
        if (compressedSize === MAX32) compressedSize = next();
        if (localHeaderOffset === MAX32) localHeaderOffset = next();
      }
      extra += 4 + size;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    at = end;
  }
  return entries;
}

/**
 * Inflates one entry in chunks, counting output, and throws as soon as it exceeds the size
 * the directory declared (or if the data is damaged or shorter than declared). Memory stays
 * bounded: output chunks are counted and dropped.
 */
function verifyEntrySize(bytes: Uint8Array, entry: ZipEntry): void {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || new DataView(bytes.buffer, bytes.byteOffset + at, 30).getUint32(0, true) !== LOCAL) {
    throw new ZipProblem(`damaged entry "${entry.name}"`);
  }
  const local = new DataView(bytes.buffer, bytes.byteOffset + at, 30);
  const dataStart = at + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw new ZipProblem(`truncated entry "${entry.name}"`);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new ZipProblem(`damaged entry "${entry.name}"`);
    return;
  }
  if (entry.compressedSize === 0 && entry.uncompressedSize === 0) return;
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) {
      throw new ZipProblem(`"${entry.name}" inflates to more than the ${formatBytes(entry.uncompressedSize)} it declares (possible zip bomb)`);
    }
  });
  try {
    for (let p = dataStart; p < dataEnd; p += CHUNK) {
      const stop = Math.min(p + CHUNK, dataEnd);
      inflater.push(bytes.subarray(p, stop), stop === dataEnd);
    }
  } catch (e) {
    if (e instanceof ZipProblem) throw e;
    throw new ZipProblem(`damaged compressed data in "${entry.name}"`);
  }
  if (produced !== entry.uncompressedSize) throw new ZipProblem(`damaged entry "${entry.name}" (size mismatch)`);
}
