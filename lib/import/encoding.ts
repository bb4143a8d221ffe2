/**
 * Guessing and applying the character encoding of an uploaded text file.
 *
 * Transcripts reach us from Word "Save as text", Notepad, transcription services and old
 * Windows machines, so four encodings cover nearly everything: UTF-8 (with or without a BOM),
 * UTF-16 LE/BE (Notepad's "Unicode", always with a BOM) and Windows-1251 (Russian Windows'
 * ANSI code page). The guess is only a default: the upload form shows a preview decoded with
 * it and lets the user pick another encoding, which is then passed back as an override.
 *
 * Kazakh-specific letters (ә ғ қ ң ө ұ ү һ) do not exist in Windows-1251, so a Kazakh text
 * can only arrive in a Unicode encoding; we do not try to guess KZ-1048.
 */

/** The encodings {@link detectEncoding} can return, by their WHATWG names. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

/**
 * Encodings the upload form offers for overriding a wrong guess. Any other WHATWG label
 * (e.g. "koi8-r", "ibm866") is accepted by {@link decodeText} too.
 */
export const ENCODING_CHOICES: readonly string[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'koi8-r', 'ibm866'];

/**
 * Guesses the encoding of `bytes`:
 * - a byte-order mark decides (EF BB BF → utf-8, FF FE → utf-16le, FE FF → utf-16be), except
 *   that the UTF-16 marks are also "яю" and "юя" in windows-1251: they count only when what
 *   follows reads as UTF-16 text;
 * - without one, an even-length text whose every other byte is mostly 0x00 or 0x04 (the
 *   high bytes of ASCII and Cyrillic in UTF-16) is UTF-16 without a BOM, in that byte order;
 * - bytes that are valid UTF-8 are utf-8 (plain ASCII included);
 * - other bytes that read as plausible Cyrillic in windows-1251 (the only common single-byte
 *   encoding for Russian) are windows-1251;
 * - anything else falls back to utf-8, decoded with replacement characters.
 * A wrong guess shows in the preview and the user overrides it. Never throws; an empty input
 * is utf-8.
 */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  const bom = bomOf(bytes);
  if (bom && (bom.encoding === 'utf-8' || isUtf16Body(bytes, bom.encoding))) return bom.encoding;
  // Before the UTF-8 test: UTF-16 Russian is all bytes below 0x80, so it is "valid UTF-8".
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  if (isValidUtf8(bytes)) return 'utf-8';
  return looksLikeWindows1251(bytes) ? 'windows-1251' : 'utf-8';
}

/**
 * Decodes `bytes` as `encoding` (any WHATWG label; case-insensitive), dropping a byte-order
 * mark that matches the encoding and normalising line endings (\r\n, \r and the Unicode line
 * and paragraph separators) to \n. Undecodable bytes become U+FFFD rather than failing, so a
 * wrong guess still gives the user a preview to judge. Throws an Error for an unknown label.
 */
export function decodeText(bytes: Uint8Array, encoding: string): string {
  let decoder: TextDecoder;
  try {
    // ignoreBOM: we strip a matching BOM ourselves, so that a BOM of another encoding stays
    // visible as garbage in the preview instead of being silently eaten.
    decoder = new TextDecoder(encoding.trim(), { ignoreBOM: true });
  } catch {
    throw new Error(`Unknown text encoding "${encoding}"`);
  }
  const bom = bomOf(bytes);
  const body = bom && bom.encoding === canonicalName(decoder.encoding) ? bytes.subarray(bom.length) : bytes;
  return normaliseLineEndings(decoder.decode(body));
}

/** Replaces \r\n, lone \r, U+2028 and U+2029 with \n. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n');
}

function canonicalName(decoderEncoding: string): string {
  return decoderEncoding.toLowerCase();
}

function bomOf(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * After a UTF-16 mark: whole code units, no unpaired surrogates, and — unless it cannot be
 * windows-1251 Russian anyway — mostly ASCII or Cyrillic code units (high byte 0x00 or 0x04).
 */
function isUtf16Body(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): boolean {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) return false;
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return false;
  }
  let hits = 0;
  for (let i = encoding === 'utf-16le' ? 1 : 0; i < body.length; i += 2) if (body[i] === 0x00 || body[i] === 0x04) hits++;
  return (body.length > 0 && hits * 4 >= body.length) || !looksLikeWindows1251(bytes);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a BOM is rare but Word can write it. In UTF-16 text in Russian or Kazakh
 * nearly every code unit is ASCII (high byte 0x00) or Cyrillic (high byte 0x04), so we look at
 * the high-byte positions of each byte order: at least 90 % must be 0x00 or 0x04, and some
 * must be 0x00 (spaces) — random binary data fails this.
 */
function utf16WithoutBom(bytes: Uint8Array): DetectedEncoding | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const units = bytes.length / 2;
  const score = (offset: number): { hits: number; zeros: number } => {
    let hits = 0;
    let zeros = 0;
    for (let i = offset; i < bytes.length; i += 2) {
      if (bytes[i] === 0x00) zeros++;
      if (bytes[i] === 0x00 || bytes[i] === 0x04) hits++;
    }
    return { hits, zeros };
  };
  const le = score(1);
  if (le.hits >= units * 0.9 && le.zeros > 0) return 'utf-16le';
  const be = score(0);
  if (be.hits >= units * 0.9 && be.zeros > 0) return 'utf-16be';
  return null;
}

/**
 * Bytes in 0x80–0xBF that are common in Russian and Kazakh text in windows-1251: Ё ё І і
 * (0xA8 0xB8 0xB2 0xB3) and the punctuation … ‘ ’ “ ” – — « » № ° and no-break space. The rest
 * of that range (Serbian and Ukrainian letters, rare symbols) counts as implausible: keeping
 * the set small is what separates text from random bytes.
 */
const COMMON_1251_HIGH = new Set([0xa8, 0xb8, 0xb2, 0xb3, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xab, 0xbb, 0xb9, 0xb0, 0xa0]);

/**
 * Plausible windows-1251 Russian: at least 80 % of the high bytes are letters or common
 * punctuation, and at least half are the alphabet А–я (0xC0–0xFF) or Ё/ё. Uniformly random bytes
 * score about 60 % on the first test, real Russian text nearly 100 %.
 */
function looksLikeWindows1251(bytes: Uint8Array): boolean {
  let high = 0;
  let alphabet = 0;
  let plausible = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    high++;
    // Ё and ё (0xA8, 0xB8) are letters of the alphabet too, outside the А–я block.
    if (b >= 0xc0 || b === 0xa8 || b === 0xb8) {
      alphabet++;
      plausible++;
    } else if (COMMON_1251_HIGH.has(b)) {
      plausible++;
    }
  }
  return high > 0 && plausible >= high * 0.8 && alphabet >= high * 0.5;
}
