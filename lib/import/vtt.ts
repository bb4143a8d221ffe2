import { cuesToTurns, readCues } from './cues';
import { ImportError } from './errors';
import type { ImportedTurn } from './types';

/**
 * Parses a WebVTT file (text, line endings already \n) into turns: the header and NOTE,
 * STYLE and REGION blocks are skipped, cues become turns by the rules of ./cues, and each
 * turn keeps its first cue's start time. Throws an {@link ImportError} naming the line when
 * the "WEBVTT" header is missing or a cue timing is malformed.
 */
export function parseVtt(text: string, fileName: string): ImportedTurn[] {
  const lines = text.split('\n');
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    throw new ImportError(fileName, 'not a WebVTT file: the first line must be "WEBVTT"', { line: 1 });
  }
  let afterHeader = 1;
  while (afterHeader < lines.length && lines[afterHeader].trim() !== '') afterHeader++;
  const cues = readCues(text, fileName, afterHeader, (first) => /^(NOTE|STYLE|REGION)(?:\s|$)/.test(first));
  return cuesToTurns(cues);
}
