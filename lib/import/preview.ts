/**
 * What the import form shows of a transcript before anything is stored: how it was decoded
 * (with the start of the decoded text, so a wrong encoding shows at a glance), the turns
 * found, and every distinct speaker label with how much it says, for the lead to map.
 */
import { countWords } from '../text/canonical';
import { decodeText, detectEncoding } from './encoding';
import { listSpeakerLabels, type SpeakerLabelCount } from './speakers';
import type { ImportedTurn } from './types';
import { parsePastedTranscript, parseTranscript } from '.';

/** Turns a preview carries; the counts cover all of them. */
export const PREVIEW_TURNS = 200;
/** Characters of decoded text a preview carries. */
export const PREVIEW_SAMPLE_CHARS = 3000;

export interface TranscriptPreview {
  /** The file's name, or "pasted text". */
  source: string;
  kind: 'docx' | 'text' | 'pasted';
  /** The encoding the text was read in ("utf-8" for .docx and pasted text). */
  encoding: string;
  /** What detection guessed, for a text file; null otherwise. */
  detectedEncoding: string | null;
  /** The start of the decoded text, for a text file; "" otherwise. */
  sample: string;
  /** A title to start from: the file name without its extension. */
  suggestedTitle: string;
  turnCount: number;
  wordCount: number;
  /** The first {@link PREVIEW_TURNS} turns. */
  turns: ImportedTurn[];
  /** Every distinct label, in order of first appearance. */
  labels: SpeakerLabelCount[];
  /** Turns and words the file gives no speaker for. */
  unlabelledTurns: number;
  unlabelledWords: number;
}

/**
 * Parses an uploaded transcript (see parseTranscript) and shapes its preview. Throws the
 * parser's ImportError, naming the file, for a file that cannot be imported.
 */
export async function previewTranscriptFile(
  bytes: Uint8Array,
  fileName: string,
  options: { encoding?: string; maxBytes?: number } = {},
): Promise<TranscriptPreview> {
  const parsed = await parseTranscript(bytes, fileName, options);
  const isDocx = /\.docx$/i.test(fileName.trim());
  return shape(parsed.turns, {
    source: fileName.trim() || 'file',
    kind: isDocx ? 'docx' : 'text',
    encoding: parsed.encoding,
    detectedEncoding: isDocx ? null : detectEncoding(bytes),
    sample: isDocx ? '' : decodeText(bytes.subarray(0, PREVIEW_SAMPLE_CHARS * 4), parsed.encoding).slice(0, PREVIEW_SAMPLE_CHARS),
    suggestedTitle: titleFromFileName(fileName),
  });
}

/** Parses pasted text (see parsePastedTranscript) and shapes its preview; throws its ImportError. */
export function previewPastedText(text: string, options: { maxChars?: number } = {}): TranscriptPreview {
  const { turns } = parsePastedTranscript(text, options);
  return shape(turns, { source: 'pasted text', kind: 'pasted', encoding: 'utf-8', detectedEncoding: null, sample: '', suggestedTitle: '' });
}

/** "FG-12 Семей.final.docx" → "FG-12 Семей.final": the name without its folder and extension. */
export function titleFromFileName(fileName: string): string {
  const base = (fileName.split(/[/\\]/).pop() ?? '').trim();
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).replace(/\s+/g, ' ').trim();
}

function shape(turns: ImportedTurn[], head: Omit<TranscriptPreview, 'turnCount' | 'wordCount' | 'turns' | 'labels' | 'unlabelledTurns' | 'unlabelledWords'>): TranscriptPreview {
  let wordCount = 0;
  let unlabelledTurns = 0;
  let unlabelledWords = 0;
  for (const t of turns) {
    const words = countWords(t.text);
    wordCount += words;
    if (t.speaker === null) {
      unlabelledTurns++;
      unlabelledWords += words;
    }
  }
  return {
    ...head,
    turnCount: turns.length,
    wordCount,
    turns: turns.slice(0, PREVIEW_TURNS),
    labels: listSpeakerLabels(turns),
    unlabelledTurns,
    unlabelledWords,
  };
}
