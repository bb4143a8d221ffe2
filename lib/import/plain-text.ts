import { assembleTurns, type SourceItem } from './assemble';
import type { ImportedTurn } from './types';

/** Splits text (line endings already \n) into one line item per line; blank lines are kept. */
export function plainTextToItems(text: string): SourceItem[] {
  return text.split('\n').map((line) => ({ kind: 'line', text: line }));
}

/**
 * Parses a plain-text transcript (a .txt file, or text pasted into the form) into turns, by
 * the speaker and paragraph rules of ./speakers and ./assemble.
 */
export function parsePlainText(text: string): ImportedTurn[] {
  return assembleTurns(plainTextToItems(text));
}
