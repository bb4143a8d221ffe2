import { decodeText, detectEncoding } from './encoding';
import { ImportError, formatBytes } from './errors';
import { DEFAULT_MAX_BYTES } from './types';

/**
 * Checks that an upload is neither empty nor larger than `maxBytes` (default 20 MB).
 * Throws an {@link ImportError} naming the file otherwise.
 */
export function checkFileSize(bytes: Uint8Array, fileName: string, maxBytes: number = DEFAULT_MAX_BYTES): void {
  if (bytes.length === 0) throw new ImportError(fileName, 'the file is empty');
  if (bytes.length > maxBytes) {
    throw new ImportError(fileName, `the file is ${formatBytes(bytes.length)}, larger than the ${formatBytes(maxBytes)} limit`);
  }
}

/**
 * Reads an uploaded text file: checks its size, decodes it with `encoding` or the detected
 * one, normalises line endings to \n, and rejects binary content. Returns the encoding used
 * and the text. Throws an {@link ImportError} naming the file (and the line, for a NUL) when
 * the file is empty, too large, binary, holds only whitespace, or the encoding is unknown.
 */
export function readTextFile(
  bytes: Uint8Array,
  fileName: string,
  options: { encoding?: string; maxBytes?: number } = {},
): { encoding: string; text: string } {
  checkFileSize(bytes, fileName, options.maxBytes);
  const encoding = options.encoding?.trim().toLowerCase() || detectEncoding(bytes);
  let text: string;
  try {
    text = decodeText(bytes, encoding);
  } catch (e) {
    throw new ImportError(fileName, e instanceof Error ? e.message : String(e), { cause: e });
  }
  assertNotBinary(text, fileName);
  if (text.trim() === '') throw new ImportError(fileName, 'the file contains no text');
  return { encoding, text };
}

/**
 * Throws when decoded text looks like a binary file: it contains a NUL character (named by
 * line), or more than 10 % of its characters are control characters other than tab, line
 * feed and form feed. Checking after decoding lets UTF-16 files, full of NUL bytes, pass.
 */
export function assertNotBinary(text: string, fileName: string): void {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = countLinesUpTo(text, nul);
    throw new ImportError(fileName, 'contains NUL bytes: this looks like a binary file, not text (wrong file or wrong encoding?)', { line });
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c) || c === 0x7f) controls++;
  }
  if (controls > text.length * 0.1) {
    throw new ImportError(fileName, 'is mostly control characters: this looks like a binary file, not text');
  }
}

function countLinesUpTo(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
