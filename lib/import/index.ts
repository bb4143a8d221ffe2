/**
 * Transcript and roster import: pure parsing of uploaded files into turns and participants.
 * Nothing here touches the database; the upload handler validates, calls these, shows the
 * user a preview (encoding, speaker labels to map) and then stores the result.
 */
import { parseDocx } from './docx';
import { ImportError } from './errors';
import { parseMarkdown } from './markdown';
import { parsePlainText } from './plain-text';
import { parseSrt } from './srt';
import { checkFileSize, readTextFile } from './text-file';
import { DEFAULT_MAX_BYTES, type ImportedTurn, type ParseTranscriptOptions, type ParsedTranscript } from './types';
import { parseVtt } from './vtt';
import { cleanLine } from './clean-text';
import { normaliseLineEndings } from './encoding';

export type { ImportedTurn, ParsedTranscript, ParseTranscriptOptions } from './types';
export { DEFAULT_MAX_BYTES } from './types';
export { ImportError } from './errors';
export { detectEncoding, decodeText, normaliseLineEndings, ENCODING_CHOICES, type DetectedEncoding } from './encoding';
export { listSpeakerLabels, readLabelLine, classifyLabel, type SpeakerLabelCount, type LabelLine, type LabelStrength } from './speakers';
export { parseRoster, validateRoster } from './roster';
export type { ParsedRoster, RosterValidation, RosterParticipant, RosterProblem, RosterField, ValidateRosterOptions } from './roster';

/** File extensions {@link parseTranscript} reads, with the dot. */
export const TRANSCRIPT_EXTENSIONS: readonly string[] = ['.docx', '.txt', '.md', '.vtt', '.srt'];

const HINTS: Record<string, string> = {
  '.doc': 'old Word 97–2003 files are not supported; open it in Word and save it as .docx',
  '.rtf': 'open it in Word and save it as .docx',
  '.odt': 'save it as .docx',
  '.pdf': 'PDF is not supported; export the transcript as .docx or .txt',
};

/**
 * Parses an uploaded transcript into turns, choosing the reader by the file's extension:
 * .docx (paragraphs, headings and "Speaker | text" tables), .txt and .md (speaker labels,
 * see ./speakers), .vtt and .srt (cues, with timestamps). Text files are decoded with
 * `options.encoding` or a detected encoding (see ./encoding), which is returned; a .docx
 * reports "utf-8". Rejects with an {@link ImportError} naming the file (and the line, where
 * there is one) for an unsupported extension, an empty, too large (`options.maxBytes`,
 * default 20 MB), binary or corrupt file, a zip bomb, or a file with no text.
 */
export async function parseTranscript(bytes: Uint8Array, fileName: string, options: ParseTranscriptOptions = {}): Promise<ParsedTranscript> {
  const name = fileName.trim() || 'file';
  const ext = extensionOf(name);
  if (!TRANSCRIPT_EXTENSIONS.includes(ext)) {
    const what = ext === '' ? 'a file without an extension' : `"${ext}" files`;
    throw new ImportError(name, `cannot import ${what}: ${HINTS[ext] ?? `use ${TRANSCRIPT_EXTENSIONS.join(', ')}`}`);
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    checkFileSize(bytes, name, maxBytes);
    if (ext === '.docx') {
      const turns = await parseDocx(bytes, name, {
        maxUncompressedBytes: options.maxUncompressedBytes,
        maxCompressionRatio: options.maxCompressionRatio,
      });
      return { encoding: 'utf-8', turns };
    }
    const { encoding, text } = readTextFile(bytes, name, { encoding: options.encoding, maxBytes });
    const turns = ext === '.vtt' ? parseVtt(text, name) : ext === '.srt' ? parseSrt(text, name) : ext === '.md' ? parseMarkdown(text) : parsePlainText(text);
    if (turns.length === 0) throw new ImportError(name, 'contains no transcript text');
    return { encoding, turns };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    // A library failing in an unforeseen way: still a clear, named error, never a raw one.
    throw new ImportError(name, `could not be read (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
}

/**
 * Parses a transcript pasted into the import form. Text that starts like a WebVTT or SRT
 * file is read as one; anything else as plain text with speaker labels. Throws an
 * {@link ImportError} (for "pasted text") when there is nothing to import, the text is longer
 * than `maxChars` (default 20 million characters) or a subtitle cue is malformed.
 */
export function parsePastedTranscript(text: string, options: { maxChars?: number } = {}): { turns: ImportedTurn[] } {
  const source = 'pasted text';
  const maxChars = options.maxChars ?? DEFAULT_MAX_BYTES;
  if (text.length > maxChars) throw new ImportError(source, `is ${text.length} characters long, over the limit of ${maxChars}`);
  const normal = normaliseLineEndings(text.replace(/^\ufeff/, ''));
  if (normal.includes('\u0000')) throw new ImportError(source, 'contains NUL characters');
  if (cleanLine(normal) === '') throw new ImportError(source, 'is empty');
  const firstLine = normal.trimStart().split('\n', 1)[0];
  const turns = /^WEBVTT(?:\s|$)/.test(firstLine)
    ? parseVtt(normal.trimStart(), source)
    : looksLikeSrt(normal)
      ? parseSrt(normal, source)
      : parsePlainText(normal);
  if (turns.length === 0) throw new ImportError(source, 'contains no transcript text');
  return { turns };
}

function looksLikeSrt(text: string): boolean {
  const lines = text.trimStart().split('\n', 2);
  return /^\d+\s*$/.test(lines[0] ?? '') && /-->/.test(lines[1] ?? '');
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}
