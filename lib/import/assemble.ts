/**
 * Turns a transcript's lines into turns. Every format ends here: plain text and markdown as
 * lines, .docx as lines plus table rows whose speaker the layout already gives.
 *
 * - A line opening with an accepted speaker label (see ./speakers) starts a turn.
 * - A line opening with a bracketed timestamp but no label ("[00:13:10] …") starts a new turn
 *   of the same speaker, keeping the timestamp.
 * - Other lines continue the current turn, joined with a space, across blank lines too: a
 *   speaker's long answer often spans paragraphs.
 * - Text before the first label, or after a heading, has no speaker: it becomes one turn per
 *   paragraph (paragraphs are separated by blank lines; in a text with no blank lines at all
 *   each line is a paragraph).
 * - Headings end the current turn and are not turns themselves: they are the document's
 *   structure (title, section of the guide), not anybody's utterance.
 * - Turns left with no text (a label with nothing after it) are dropped.
 */
import { cleanLine } from './clean-text';
import { acceptLabelLines, readLabelLine, type LabelLine } from './speakers';
import { TIMESTAMP_SOURCE, normaliseTimestamp } from './timestamp';
import type { ImportedTurn } from './types';

/** One unit of a transcript's layout, in reading order. */
export type SourceItem =
  | { kind: 'line'; text: string }
  | { kind: 'blank' }
  | { kind: 'heading' }
  /** A turn whose speaker the layout gives (a table row "Speaker | text"). */
  | { kind: 'turn'; speaker: string | null; text: string; timestamp?: string };

const BRACKETED_TIMESTAMP = new RegExp(`^[\\[(](${TIMESTAMP_SOURCE})[\\])]\\s*`);

interface OpenTurn {
  speaker: string | null;
  timestamp?: string;
  parts: string[];
}

/**
 * Builds turns from `items` by the rules in the module comment. Each turn's text is one
 * trimmed line; its speaker is the label as written or null.
 */
export function assembleTurns(items: readonly SourceItem[]): ImportedTurn[] {
  // One pass to clean lines and read labels, kept in arrays parallel to `items`: transcripts
  // run to hundreds of thousands of lines, so no per-line objects beyond the label reads.
  const texts: string[] = new Array<string>(items.length).fill('');
  const lineAt: number[] = [];
  const candidates: Array<LabelLine | null> = [];
  let structural = 0;
  let firstLine = -1;
  let lastLine = -1;
  items.forEach((it, i) => {
    if (it.kind === 'line') {
      const text = cleanLine(it.text);
      if (text === '') return;
      texts[i] = text;
      lineAt.push(i);
      candidates.push(readLabelLine(text));
      if (firstLine < 0) firstLine = i;
      lastLine = i;
    } else if (it.kind === 'turn' && it.speaker !== null) {
      structural++;
    }
  });
  const accepted = acceptLabelLines(candidates, structural);
  const labelAt: Array<LabelLine | undefined> = new Array<LabelLine | undefined>(items.length);
  lineAt.forEach((itemIndex, k) => {
    const c = candidates[k];
    if (c && accepted[k]) labelAt[itemIndex] = c;
  });
  // Paragraph breaks count only between lines: a trailing newline does not make paragraphs.
  let linesAreParagraphs = true;
  for (let i = firstLine + 1; i < lastLine && linesAreParagraphs; i++) {
    const it = items[i];
    if (it.kind === 'blank' || (it.kind === 'line' && texts[i] === '')) linesAreParagraphs = false;
  }

  const turns: ImportedTurn[] = [];
  // The turn being built; a holder object so the helpers below can replace it.
  const state: { current: OpenTurn | null } = { current: null };
  const flush = (): void => {
    const cur = state.current;
    if (cur) {
      const text = cur.parts.length === 1 ? cur.parts[0] : cur.parts.filter((p) => p !== '').join(' ');
      if (text !== '') {
        const turn: ImportedTurn = { speaker: cur.speaker, text };
        if (cur.timestamp !== undefined) turn.timestamp = cur.timestamp;
        turns.push(turn);
      }
    }
    state.current = null;
  };
  /** Starts a turn; `text` must already be clean. */
  const open = (speaker: string | null, text: string, timestamp?: string): void => {
    flush();
    state.current = timestamp === undefined ? { speaker, parts: [text] } : { speaker, parts: [text], timestamp };
  };

  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const cur = state.current;
    if (it.kind === 'heading') {
      flush();
    } else if (it.kind === 'turn') {
      open(it.speaker, cleanLine(it.text), it.timestamp);
    } else if (it.kind === 'blank' || texts[i] === '') {
      if (cur?.speaker === null) flush();
    } else {
      const text = texts[i];
      const label = labelAt[i];
      if (label) {
        open(label.label, label.rest, label.timestamp);
        continue;
      }
      const ts = text.charCodeAt(0) === 0x5b || text.charCodeAt(0) === 0x28 ? BRACKETED_TIMESTAMP.exec(text) : null;
      const normal = ts ? normaliseTimestamp(ts[1]) : null;
      if (ts && normal !== null) open(cur?.speaker ?? null, text.slice(ts[0].length).trim(), normal);
      else if (cur === null || (cur.speaker === null && linesAreParagraphs)) open(null, text);
      else cur.parts.push(text);
    }
  }
  flush();
  return turns;
}
