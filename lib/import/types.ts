/**
 * One utterance as read from a transcript file: the speaker label exactly as the file writes
 * it (without the colon, markdown emphasis, timestamp or a parenthesised note such as
 * "(Ж, 34)"), or null when the file gives no speaker; the text as a single trimmed line; and
 * the timestamp, when the file has one, as "hh:mm:ss" or "hh:mm:ss.mmm".
 */
export interface ImportedTurn {
  speaker: string | null;
  text: string;
  timestamp?: string;
}

/** A parsed transcript file: the encoding it was read in, and its turns in order. */
export interface ParsedTranscript {
  encoding: string;
  turns: ImportedTurn[];
}

/** Limits and overrides for {@link parseTranscript}; every field is optional. */
export interface ParseTranscriptOptions {
  /** Read a text file in this encoding (any WHATWG label, e.g. "windows-1251") instead of guessing. */
  encoding?: string;
  /** Largest accepted file, in bytes. Default 20 MB. */
  maxBytes?: number;
  /** .docx only: largest total uncompressed size of the archive. Default 50 MB. */
  maxUncompressedBytes?: number;
  /** .docx only: largest compression ratio of a big (≥ 1 MB) archive entry. Default 100. */
  maxCompressionRatio?: number;
}

/** Default for {@link ParseTranscriptOptions.maxBytes}: 20 MB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
