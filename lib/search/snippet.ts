/**
 * Keyword in context: a hit with some text either side, cut at a space where possible and
 * never inside a surrogate pair (an emoji stays whole), with "…" where text was left out.
 */

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The hit `[start, end)` of `text` with about `context` UTF-16 units either side. A long
 * hit is shortened in the middle to `2 * context` units.
 */
export function keywordInContext(text: string, start: number, end: number, context = 60): Snippet {
  let from = Math.max(0, start - context);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  let to = Math.min(text.length, end + context);
  if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to++;
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  let match = text.slice(start, end);
  const longest = 2 * context;
  if (match.length > longest) {
    let head = context;
    if (isHighSurrogate(match.charCodeAt(head - 1))) head++;
    let tail = match.length - context;
    if (isLowSurrogate(match.charCodeAt(tail))) tail--;
    match = `${match.slice(0, head)} … ${match.slice(tail)}`;
  }
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start),
    match,
    after: text.slice(end, to) + (to < text.length ? '…' : ''),
  };
}
