/**
 * Bytes to text for the files inside a REFI-QDA project. Tools write UTF-8, often with a
 * BOM; a UTF-16 file announces itself with its BOM. Invalid bytes are an error, not U+FFFD:
 * a replaced character would shift every position after it.
 */

export interface Decoded {
  text: string;
  /** The encoding used, e.g. "utf-8". */
  encoding: string;
  /** Whether a byte order mark was present (and dropped). */
  bom: boolean;
}

/**
 * Decodes `bytes` as UTF-8 (default), or UTF-16 when a BOM says so, dropping the BOM. When
 * there is no BOM, `fallback` names another encoding to use (an XML declaration's). Throws an
 * Error saying what is wrong when the bytes are not valid in that encoding.
 */
export function decodeUnicode(bytes: Uint8Array, fallback?: string): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeStrict(bytes.subarray(3), 'utf-8'), encoding: 'utf-8', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeStrict(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeStrict(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', bom: true };
  }
  const label = fallback && !/^utf-?16$/i.test(fallback) ? fallback.toLowerCase() : 'utf-8';
  return { text: decodeStrict(bytes, label), encoding: label, bom: false };
}

function decodeStrict(bytes: Uint8Array, label: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch {
    throw new Error(`the encoding "${label}" is not supported`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new Error(`the bytes are not valid ${label.toUpperCase()}`);
  }
}

/** The encoding an XML declaration names, if any (looked for in the first bytes only). */
export function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const m = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? m[1] : undefined;
}
