import type { EditorView } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';

/** What `overlapPieces` needs of a highlight. */
export interface RangeHighlight {
  id: number;
  from: number;
  to: number;
  /** The colour as the style sheet names it (`colorValue`). */
  color: string;
}

/** A stretch of one highlight at one nesting level (0 is the outermost). */
export interface Piece {
  id: number;
  from: number;
  to: number;
  color: string;
  level: number;
}

/**
 * The highlights cut where their nesting changes, as ProseMirror nests overlapping inline
 * decorations: at each point of the text the codings covering it are ordered by start
 * (the longer first where two start together), the first is level 0, the next level 1 …
 * Levels from `maxLevel` on share it. A highlight keeps one piece while its level stays.
 */
export function overlapPieces(highlights: readonly RangeHighlight[], maxLevel: number): Piece[] {
  const sorted = highlights.filter((h) => h.to > h.from).sort((a, b) => a.from - b.from || b.to - a.to || a.id - b.id);
  const ends = Float64Array.from(sorted, (h) => h.to).sort();
  const pieces: Piece[] = [];
  const active: { h: RangeHighlight; piece: Piece | null }[] = [];
  let next = 0;
  let end = 0;
  // Every start and end, in order (the starts come sorted, the ends are sorted apart).
  while (next < sorted.length || end < ends.length) {
    const p = next < sorted.length ? Math.min(sorted[next].from, ends[end]) : ends[end];
    if (end < ends.length && ends[end] === p) {
      let kept = 0;
      for (const a of active) {
        if (a.h.to > p) active[kept++] = a;
        else if (a.piece) a.piece.to = p;
      }
      active.length = kept;
      while (end < ends.length && ends[end] === p) end++;
    }
    while (next < sorted.length && sorted[next].from === p) active.push({ h: sorted[next++], piece: null });
    for (let i = 0; i < active.length; i++) {
      const a = active[i];
      const level = Math.min(i, maxLevel);
      if (a.piece?.level === level) continue;
      if (a.piece) a.piece.to = p;
      a.piece = { id: a.h.id, from: p, to: a.h.to, color: a.h.color, level };
      pieces.push(a.piece);
    }
  }
  return pieces;
}

/** The name of the CSS highlight (`::highlight(name)`) for a colour at a nesting level. */
export const rangeName = (color: string, level: number) => `hl-${color}-${level}`;
/** The picked coding's wash. */
export const ACTIVE_RANGE = 'coding-active';

/** The turn holding position `pos` (of the turns starting at `starts`): the last that starts before it. */
export function turnAt(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] < pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether this browser draws CSS highlights (the Custom Highlight API). */
export function canPaintRanges(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined' && typeof StaticRange !== 'undefined';
}

/** A turn's text nodes and where each starts in the turn's content. */
interface TurnText {
  nodes: Text[];
  starts: number[];
}

/**
 * Draws highlights as ranges of the editor's text in the document's highlight registry
 * (`CSS.highlights`) instead of as spans: drawing, moving or taking away thousands of them
 * changes no element, so the browser neither restyles nor lays out the transcript again.
 * Static ranges, because the browser updates every live range on each change of the page;
 * they are made again whenever ProseMirror redraws the text (`invalidate`).
 */
export class RangePainter {
  private texts: (TurnText | undefined)[] = [];
  /** Each highlight registered, with what its ranges were made from. */
  private drawn = new Map<string, string>();
  /** The text was redrawn: every range is made again. */
  private stale = false;

  constructor(
    private readonly view: EditorView,
    private readonly starts: (doc: PMNode) => number[],
  ) {}

  /** ProseMirror redrew the text: the nodes found so far may be gone. */
  invalidate(): void {
    this.texts = [];
    this.stale = true;
  }

  /**
   * Registers exactly these pieces and picked stretches. A highlight whose pieces are the
   * same as before is left alone: the browser works out again each highlight that is set.
   */
  paint(pieces: readonly Piece[], active: readonly { from: number; to: number }[]): void {
    if (this.lostText()) this.invalidate();
    const byName = new Map<string, { from: number; to: number }[]>();
    const add = (name: string, x: { from: number; to: number }) => {
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      list.push(x);
    };
    for (const p of pieces) add(rangeName(p.color, p.level), p);
    for (const a of active) add(ACTIVE_RANGE, a);
    for (const name of this.drawn.keys()) {
      if (byName.has(name)) continue;
      CSS.highlights.delete(name);
      this.drawn.delete(name);
    }
    for (const [name, list] of byName) {
      const key = list.map((x) => `${x.from}-${x.to}`).join(',');
      if (!this.stale && this.drawn.get(name) === key) continue;
      const h = new Highlight();
      for (const x of list) for (const r of this.rangesOf(x.from, x.to)) h.add(r);
      // Inner levels draw over outer ones, the picked coding's wash over all.
      h.priority = name === ACTIVE_RANGE ? 100 : Number(name.slice(name.lastIndexOf('-') + 1));
      CSS.highlights.set(name, h);
      this.drawn.set(name, key);
    }
    this.stale = false;
  }

  /** Whether ProseMirror replaced a text node that ranges were made in (it redraws a turn as it sees fit). */
  lostText(): boolean {
    return this.texts.some((t) => t?.nodes.some((n) => !n.isConnected));
  }

  destroy(): void {
    for (const name of this.drawn.keys()) CSS.highlights.delete(name);
    this.drawn.clear();
  }

  /** [from, to) as ranges of text, one per turn it touches (so no speaker label is painted). */
  private rangesOf(from: number, to: number): StaticRange[] {
    const doc = this.view.state.doc;
    const starts = this.starts(doc);
    const out: StaticRange[] = [];
    for (let i = turnAt(starts, from); i < starts.length && starts[i] < to; i++) {
      const contentStart = starts[i] + 1;
      const contentEnd = contentStart + doc.child(i).content.size;
      const a = Math.max(from, contentStart) - contentStart;
      const b = Math.min(to, contentEnd) - contentStart;
      if (b <= a) continue;
      const start = this.locate(i, a, false);
      const end = this.locate(i, b, true);
      if (start && end) out.push(new StaticRange({ startContainer: start[0], startOffset: start[1], endContainer: end[0], endOffset: end[1] }));
    }
    return out;
  }

  /** The text node and offset of a turn's `offset`th character (at a node's end rather than the next one's start if `atEnd`). */
  private locate(turn: number, offset: number, atEnd: boolean): [Text, number] | null {
    const text = (this.texts[turn] ??= this.textOf(turn));
    if (!text.nodes.length) return null;
    let lo = 0;
    let hi = text.nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (atEnd ? text.starts[mid] < offset : text.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [text.nodes[lo], Math.min(offset - text.starts[lo], text.nodes[lo].length)];
  }

  private textOf(turn: number): TurnText {
    const el = this.view.dom.children[turn];
    const content = el?.querySelector('.turn-text') ?? el;
    const nodes: Text[] = [];
    const starts: number[] = [];
    if (content) {
      const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
      let at = 0;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        nodes.push(n);
        starts.push(at);
        at += n.length;
      }
    }
    return { nodes, starts };
  }
}
