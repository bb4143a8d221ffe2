import { cuesToTurns, readCues } from './cues';
import type { ImportedTurn } from './types';

/**
 * Parses an SRT subtitle file (text, line endings already \n) into turns by the rules of
 * ./cues; formatting tags (<i>, <font …>, {\an8}) are removed and each turn keeps its first
 * subtitle's start time. Throws an {@link ImportError} naming the line for a malformed
 * subtitle block.
 */
export function parseSrt(text: string, fileName: string): ImportedTurn[] {
  return cuesToTurns(readCues(text, fileName));
}
