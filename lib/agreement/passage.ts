/**
 * A passage of a transcript as the disagreement review shows it: a window of text around the
 * passage, cut into pieces that one coder's ranges cover or not.
 */

export interface PassagePiece {
  start: number;
  end: number;
  text: string;
  /** Covered by one of the ranges. */
  marked: boolean;
}

/**
 * The window shown around [start, end): `context` characters either side, clipped to the text
 * and widened to the nearest whitespace so that no word is cut. Never wider than the text.
 */
export function passageWindow(text: string, start: number, end: number, context = 80): { start: number; end: number } {
  let from = Math.max(0, Math.min(start, text.length) - context);
  let to = Math.min(text.length, Math.max(end, 0) + context);
  while (from > 0 && from < start && !/\s/.test(text[from - 1])) from--;
  while (to < text.length && to > end && !/\s/.test(text[to])) to++;
  return { start: from, end: to };
}

/**
 * Cuts text[from, to) at the boundaries of `ranges` (any order, overlapping allowed, clipped to
 * the window): marked pieces are covered by at least one range. Adjacent pieces never have the
 * same mark; an empty window gives no pieces.
 */
export function passagePieces(text: string, from: number, to: number, ranges: ReadonlyArray<{ start: number; end: number }>): PassagePiece[] {
  const cuts = new Set<number>([from, to]);
  for (const r of ranges) {
    if (r.start > from && r.start < to) cuts.add(r.start);
    if (r.end > from && r.end < to) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: PassagePiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    const marked = ranges.some((r) => r.start <= start && r.end >= end);
    const last = pieces[pieces.length - 1];
    if (last && last.marked === marked) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else pieces.push({ start, end, text: text.slice(start, end), marked });
  }
  return pieces;
}
