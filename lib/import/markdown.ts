import { assembleTurns, type SourceItem } from './assemble';
import type { ImportedTurn } from './types';

const ATX_HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE_MARKER = /^\s{0,3}(?:>\s?)+/;
const LIST_MARKER = /^\s{0,3}(?:[-+*]|\d{1,3}[.)])\s+/;

/**
 * Reads markdown's block structure into line items: "# …" and underlined (setext) headings
 * become headings, thematic breaks ("---", "***") and a leading YAML front matter become
 * blank, and blockquote (">") and list markers ("- ", "1. ") are removed so that
 * "- **P2:** …" still opens with its label. Inline markup inside the text is kept as written;
 * "**P2:**" emphasis around a label is handled by the label reader.
 */
export function markdownToItems(text: string): SourceItem[] {
  const lines = text.split('\n');
  const items: SourceItem[] = [];
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      for (let k = 0; k <= end; k++) items.push({ kind: 'blank' });
      i = end + 1;
    }
  }
  for (; i < lines.length; i++) {
    const line = lines[i];
    const previous = items[items.length - 1];
    if (ATX_HEADING.test(line)) {
      items.push({ kind: 'heading' });
    } else if (SETEXT_UNDERLINE.test(line) && previous?.kind === 'line' && previous.text.trim() !== '') {
      items[items.length - 1] = { kind: 'heading' };
      items.push({ kind: 'blank' });
    } else if (THEMATIC_BREAK.test(line)) {
      items.push({ kind: 'blank' });
    } else {
      const unquoted = line.replace(QUOTE_MARKER, '');
      items.push({ kind: 'line', text: unquoted.replace(LIST_MARKER, '') });
    }
  }
  return items;
}

/** Parses a markdown transcript into turns; see {@link markdownToItems}. */
export function parseMarkdown(text: string): ImportedTurn[] {
  return assembleTurns(markdownToItems(text));
}
