import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ACTIVE_RANGE, canPaintRanges, overlapPieces, RangePainter, rangeName, turnAt, type Piece } from './highlightRanges';

export interface Highlight {
  id: number;
  from: number;
  to: number;
  color: string;
  /** Marks the coding picked in the info panel. */
  active?: boolean;
  /** The coding carries a memo: a mark is drawn at its end. */
  memo?: boolean;
}

/**
 * What a transaction changes of the highlights (the commands in `../commands` set it):
 * `reset` draws exactly these; otherwise `remove` takes highlights away by coding id and
 * `add` draws highlights, each replacing whatever its coding was drawn as before.
 */
export interface HighlightMeta {
  reset?: readonly Highlight[];
  add?: readonly Highlight[];
  remove?: readonly number[];
}

/**
 * The highlights: on a transcript with fewer than `RANGES_FROM` of them, every one a
 * decoration in `set` (spans in the text); on a longer one (where the browser can), the
 * highlights themselves in `ranges`, drawn as CSS highlights by the plugin's view, with
 * only their memo marks as decorations. `drawn` is what each coding was last drawn as (see
 * `highlightsOnScreen`), `shown` what the view draws as decorations.
 */
interface HighlightsState {
  set: DecorationSet | null;
  ranges: readonly Highlight[] | null;
  /** The highlights held as ranges cut where their nesting changes: what the view draws. */
  pieces: readonly Piece[];
  drawn: ReadonlyMap<number, string>;
  shown: DecorationSet;
  /** What `shown` was made from, to change only what changed: the names on each turn, and */
  turnNames: readonly string[];
  /** the memo marks (other changes of `shown` leave the text nodes as they were). */
  memoKey: string;
}

type RangeDecorations = Pick<HighlightsState, 'shown' | 'turnNames' | 'memoKey'>;

export const highlightsKey = new PluginKey<HighlightsState>('codingHighlights');

/**
 * From this many highlights on, they are drawn as CSS highlights rather than spans: a
 * 300,000-character transcript with 20,000 codings otherwise splits its text into some
 * 85,000 nested spans, which took the browser tens of seconds to lay out and style, and
 * drawing only those near the viewport made each scroll past a few screens a long task of
 * restyling and layout. Below it (the demo's transcripts, the tests) the spans stay: they
 * carry the pointer cursor and the classes that the end-to-end tests read.
 */
export const RANGES_FROM = 6000;

/** #RRGGBB at the given opacity. */
function tint(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

const HEX = /^#[0-9a-f]{6}$/i;
const FALLBACK = '#888888';

/** The colour of a highlight, as its spans carry it (codebook colours are #RRGGBB; anything else is grey). */
export function colorValue(color: string): string {
  return (HEX.test(color) ? color : FALLBACK).slice(1).toLowerCase();
}

/** How far below the text each level of overlapping codings draws its underline, in px. */
const UNDERLINE_STEP = 2.5;
/** Overlaps drawn as separate underlines; deeper ones share the last line (the margin shows them all). */
export const MAX_UNDERLINES = 5;

/**
 * The style sheet for highlights in the given colours: one rule per colour rather than a
 * style attribute on every highlight span, which ProseMirror parses as it draws each of
 * the thousands of spans of a long transcript. Overlapping codings nest (see
 * `toDecoration`), so each level of nesting draws its own underline in its code's colour
 * a step lower than the one outside it (stacked underlines, up to five), and only the
 * outermost paints a full tint: the text stays readable however many codes overlap, and
 * the number of lines says how many there are without relying on colour.
 */
export function highlightStyles(colors: Iterable<string>): string {
  const levels = Array.from({ length: MAX_UNDERLINES - 1 }, (_, i) => {
    const selector = Array.from({ length: i + 2 }, () => '.coding').join(' ');
    return `.transcript-editor ${selector} { text-underline-offset: ${2 + (i + 1) * UNDERLINE_STEP}px; }`;
  });
  const perColor = [...new Set([FALLBACK, ...colors].map(colorValue))].flatMap((v) => [
    `.transcript-editor [data-hl="${v}"] { background-color: ${tint(`#${v}`, 0.24)}; text-decoration-color: ${tint(`#${v}`, 0.95)}; }`,
    `.transcript-editor .coding [data-hl="${v}"] { background-color: ${tint(`#${v}`, 0.1)}; }`,
  ]);
  return [...levels, ...perColor].join('\n');
}

/** The look of a CSS highlight, for the text of the turns that name it (see `rangeDecorations`). */
const rangeRule = (name: string, look: string) => `.transcript-editor [data-ranges~="${name}"] > .turn-text::highlight(${name}) { ${look}; }`;

/**
 * The same looks for highlights drawn as ranges (see `RANGES_FROM`): one CSS highlight
 * per colour and nesting level (`rangeName`), its underline at that level's depth, and
 * the picked coding's wash (as `.coding-active`).
 */
export function rangeStyles(colors: Iterable<string>): string {
  return [...new Set([FALLBACK, ...colors].map(colorValue))]
    .flatMap((v) =>
      Array.from({ length: MAX_UNDERLINES }, (_, level) => {
        const look = [
          `background-color: ${tint(`#${v}`, level === 0 ? 0.24 : 0.1)}`,
          'text-decoration-line: underline',
          'text-decoration-thickness: 1.5px',
          `text-decoration-color: ${tint(`#${v}`, 0.95)}`,
          `text-underline-offset: ${2 + level * UNDERLINE_STEP}px`,
        ];
        return rangeRule(rangeName(v, level), look.join('; '));
      }),
    )
    .concat(rangeRule(ACTIVE_RANGE, 'background-color: rgba(255, 200, 0, 0.38)'))
    .join('\n');
}

/** What a highlight looks like on screen: a highlight whose key changed is redrawn. */
export function highlightKey(h: Highlight): string {
  return `${h.from}:${h.to}:${h.color}:${h.active ? 1 : 0}${h.memo ? ":memo" : ""}`;
}

/** The mark at the end of a coding with a memo (a widget: it is not part of the text). */
function memoMark(): HTMLElement {
  const mark = document.createElement('span');
  // The pencil is drawn by the style sheet (::after), so it is not text: not in the
  // transcript's text content, not read out, not copied.
  mark.className = 'memo-mark';
  mark.setAttribute('aria-hidden', 'true');
  return mark;
}

function memoWidget(h: Highlight): Decoration {
  return Decoration.widget(h.to, memoMark, { side: -1, ignoreSelection: true, codingId: h.id, key: `memo-${h.id}` });
}

function toDecorations(h: Highlight): Decoration[] {
  // Each coding its own element (nodeName): where codings overlap ProseMirror nests them
  // rather than merging them into one span that shows only the last one's colour. The
  // colour is an attribute, not a class, so one style rule serves every coding of a code.
  const attrs = { nodeName: 'span', class: h.active ? 'coding coding-active' : 'coding', 'data-hl': colorValue(h.color) };
  const inline = Decoration.inline(h.from, h.to, attrs, { codingId: h.id });
  return h.memo ? [inline, memoWidget(h)] : [inline];
}

function build(doc: PMNode, highlights: readonly Highlight[]): DecorationSet {
  return DecorationSet.create(doc, highlights.filter((h) => h.to > h.from).flatMap(toDecorations));
}

/** The highlights as pieces at their nesting levels. */
function piecesOf(highlights: readonly Highlight[]): Piece[] {
  return overlapPieces(highlights.map((h) => ({ id: h.id, from: h.from, to: h.to, color: colorValue(h.color) })), MAX_UNDERLINES - 1);
}

/**
 * The decorations of highlights drawn as ranges: their memo marks, and on each turn the
 * names of the CSS highlights in it (`data-ranges`). The style sheet's `::highlight()`
 * rules apply only to a turn that names them: the browser works out every highlight rule
 * for every element it applies to, which with some 200 of them (40 colours, five levels)
 * made each restyle of the page take seconds.
 */
function rangeDecorations(doc: PMNode, highlights: readonly Highlight[], pieces: readonly Piece[], prev: RangeDecorations | null): RangeDecorations {
  const starts = startsOf(doc);
  const names: (Set<string> | undefined)[] = new Array(starts.length);
  // The turns whose text [from, to) covers some of.
  const mark = (from: number, to: number, n: string) => {
    for (let i = turnAt(starts, from); i < starts.length && starts[i] < to; i++) {
      if (Math.min(to, starts[i] + 1 + doc.child(i).content.size) > Math.max(from, starts[i] + 1)) (names[i] ??= new Set()).add(n);
    }
  };
  for (const p of pieces) mark(p.from, p.to, rangeName(p.color, p.level));
  for (const h of highlights) if (h.active && h.to > h.from) mark(h.from, h.to, ACTIVE_RANGE);
  const turnNames = Array.from(names, (set) => (set ? [...set].sort().join(' ') : ''));
  const memos = highlights.filter((h) => h.memo && h.to > h.from);
  const memoKey = memos.map((h) => `${h.id}@${h.to}`).join(',');
  const turnDecoration = (i: number) => Decoration.node(starts[i], starts[i] + doc.child(i).nodeSize, { 'data-ranges': turnNames[i] }, { turn: i });
  if (prev && prev.memoKey === memoKey) {
    // Only the turns whose names changed: making the set anew scans every decoration for each turn.
    const changed = turnNames.flatMap((n, i) => (n === prev.turnNames[i] ? [] : [i]));
    if (!changed.length) return prev;
    const old = changed.flatMap((i) => prev.shown.find(starts[i], starts[i] + doc.child(i).nodeSize, (spec) => spec.turn === i));
    const shown = prev.shown.remove(old).add(doc, changed.filter((i) => turnNames[i]).map(turnDecoration));
    return { shown, turnNames, memoKey };
  }
  const turns = turnNames.flatMap((n, i) => (n ? [turnDecoration(i)] : []));
  return { shown: DecorationSet.create(doc, [...memos.map(memoWidget), ...turns]), turnNames, memoKey };
}

/** The state a document starts with, made once per document: see `highlightsBeforePlugin`. */
const firstStates = new WeakMap<PMNode, HighlightsState>();
function firstState(doc: PMNode, highlights: readonly Highlight[], ranges: boolean): HighlightsState {
  let state = firstStates.get(doc);
  if (!state) {
    const drawn = keysOf(highlights);
    if (ranges && highlights.length >= RANGES_FROM) {
      const pieces = piecesOf(highlights);
      state = { set: null, ranges: highlights, pieces, drawn, ...rangeDecorations(doc, highlights, pieces, null) };
    } else {
      const set = build(doc, highlights);
      state = { set, ranges: null, pieces: [], drawn, shown: set, turnNames: [], memoKey: '' };
    }
    firstStates.set(doc, state);
  }
  return state;
}

/**
 * The editor view's own `decorations` prop, for its first drawing. tiptap makes the view
 * before it adds the plugins to the state, so the plugin's highlights would come in a
 * second pass over every turn. Until the plugin is there this gives the very set the
 * plugin starts with (the same object), so adding the plugin changes nothing on screen.
 */
export function highlightsBeforePlugin(initial: readonly Highlight[], ranges = canPaintRanges()) {
  return (state: EditorState): DecorationSet | undefined => (highlightsKey.getState(state) ? undefined : firstState(state.doc, initial, ranges).shown);
}

/**
 * What each coding was last drawn as (its `highlightKey`), by coding id: the highlights
 * asked for, kept apart from the decorations, which cannot show a highlight that covers no
 * text (a coding of the line break between two turns).
 */
export function highlightsOnScreen(state: EditorState): ReadonlyMap<number, string> {
  return highlightsKey.getState(state)?.drawn ?? new Map();
}

/** The sets made for reading back highlights drawn as ranges, once each. */
const builtSets = new WeakMap<readonly Highlight[], DecorationSet>();

/** Every highlight as a decoration, for reading back what is on screen (tests). */
export function highlightDecorations(state: EditorState): DecorationSet {
  const value = highlightsKey.getState(state);
  if (!value) return DecorationSet.empty;
  if (value.set) return value.set;
  const ranges = value.ranges ?? [];
  let set = builtSets.get(ranges);
  if (!set) builtSets.set(ranges, (set = build(state.doc, ranges)));
  return set;
}

/** The highlights drawn as CSS highlights, or null where they are spans. */
export function rangeHighlights(state: EditorState): readonly Highlight[] | null {
  return highlightsKey.getState(state)?.ranges ?? null;
}

const keysOf = (highlights: readonly Highlight[]) => new Map(highlights.map((h) => [h.id, highlightKey(h)]));

/** The plugin's state after a transaction. */
function next(tr: Transaction, value: HighlightsState): HighlightsState {
  return value.ranges ? nextRanges(tr, value, value.ranges) : nextSpans(tr, value, value.set!);
}

/** The codings `meta` takes away: those it removes, and those it draws again (their old drawing goes). */
function goneOf(meta: HighlightMeta, drawn: ReadonlyMap<number, string>): Set<number> {
  const gone = new Set(meta.remove ?? []);
  for (const h of meta.add ?? []) gone.add(h.id);
  for (const id of [...gone]) if (!drawn.has(id)) gone.delete(id);
  return gone;
}

function nextSpans(tr: Transaction, value: HighlightsState, before: DecorationSet): HighlightsState {
  const meta = tr.getMeta(highlightsKey) as HighlightMeta | undefined;
  let set = before.map(tr.mapping, tr.doc);
  if (!meta) return set === before ? value : { ...value, set, shown: set };
  if (meta.reset) {
    set = build(tr.doc, meta.reset);
    return { ...value, set, shown: set, drawn: keysOf(meta.reset) };
  }
  const drawn = new Map(value.drawn);
  // Finding decorations by coding id walks the whole set, so it is done only when something drawn goes.
  const gone = goneOf(meta, drawn);
  if (gone.size) {
    set = set.remove(set.find(undefined, undefined, (spec) => gone.has(spec.codingId as number)));
    for (const id of gone) drawn.delete(id);
  }
  if (meta.add?.length) {
    set = set.add(tr.doc, meta.add.filter((h) => h.to > h.from).flatMap(toDecorations));
    for (const h of meta.add) drawn.set(h.id, highlightKey(h));
  }
  return { ...value, set, shown: set, drawn };
}

function nextRanges(tr: Transaction, value: HighlightsState, before: readonly Highlight[]): HighlightsState {
  const meta = tr.getMeta(highlightsKey) as HighlightMeta | undefined;
  if (!meta && !tr.docChanged) return value;
  // Mapped as ProseMirror maps an inline decoration: text typed at either end stays outside.
  let ranges = tr.docChanged ? before.map((h) => ({ ...h, from: tr.mapping.map(h.from, 1), to: Math.max(tr.mapping.map(h.from, 1), tr.mapping.map(h.to, -1)) })) : before;
  let drawn = value.drawn;
  if (meta?.reset) {
    ranges = meta.reset;
    drawn = keysOf(meta.reset);
  } else if (meta) {
    const changed = new Map(drawn);
    const gone = goneOf(meta, changed);
    if (gone.size) ranges = ranges.filter((h) => !gone.has(h.id));
    for (const id of gone) changed.delete(id);
    if (meta.add?.length) ranges = [...ranges, ...meta.add];
    for (const h of meta.add ?? []) changed.set(h.id, highlightKey(h));
    drawn = changed;
  }
  const pieces = piecesOf(ranges);
  const made = rangeDecorations(tr.doc, ranges, pieces, tr.docChanged ? null : value);
  return { ...value, ranges, pieces, drawn, shown: made.shown, turnNames: made.turnNames, memoKey: made.memoKey };
}

/** What the view draws as decorations: every highlight, or the memo marks of those drawn as ranges. */
export function shownDecorations(state: EditorState): DecorationSet {
  return highlightsKey.getState(state)?.shown ?? DecorationSet.empty;
}

/** Start positions of the document's turns (its top-level nodes), made once per document. */
const turnStarts = new WeakMap<PMNode, number[]>();
function startsOf(doc: PMNode): number[] {
  let starts = turnStarts.get(doc);
  if (!starts) {
    starts = [];
    doc.forEach((_, offset) => starts!.push(offset));
    turnStarts.set(doc, starts);
  }
  return starts;
}

/**
 * The positions of the turns from `above` px above the viewport to `below` px under it:
 * a binary search over the turns' boxes (a dozen layout reads, not thousands).
 */
function turnsAround(view: EditorView, above: number, below: number): [number, number] | null {
  const turns = view.dom.children;
  const n = Math.min(turns.length, view.state.doc.childCount);
  if (n === 0) return null;
  const top = -above;
  const bottom = innerHeight + below;
  // The first turn whose bottom is below `top`, and the last whose top is above `bottom`.
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid].getBoundingClientRect().bottom < top) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  lo = first;
  hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (turns[mid].getBoundingClientRect().top > bottom) hi = mid - 1;
    else lo = mid;
  }
  const starts = startsOf(view.state.doc);
  const last = lo;
  return [starts[first], last + 1 < starts.length ? starts[last + 1] : view.state.doc.content.size];
}

/** The window a long transcript opens with, in positions from its start (a few screens of text). */
const FIRST_WINDOW = 12_000;

/**
 * Draws the highlights held as ranges in the browser's highlight registry, those round
 * the viewport only: Chromium works out every registered range again whenever the
 * registry changes, which for the 40,000 pieces of a long transcript's highlights took
 * seconds. When the window no longer holds the text from half a screen above the
 * viewport to half a screen below it, it becomes the text from one and a half screens
 * above to one and a half below; a move changes the registry only, never an element.
 * The highlights are drawn again when they change, with their text found anew when
 * ProseMirror may have redrawn it (the text changed, or a memo mark came or went and split
 * or joined a text node).
 */
function rangesView(view: EditorView) {
  if (!highlightsKey.getState(view.state)?.ranges || !canPaintRanges()) return {};
  const painter = new RangePainter(view, startsOf);
  let window: readonly [number, number] = [0, Math.min(view.state.doc.content.size, FIRST_WINDOW)];
  let frame = 0;
  const inWindow = <T extends { from: number; to: number }>(xs: readonly T[]) => xs.filter((x) => x.from < window[1] && x.to > window[0]);
  const paint = () => {
    const { pieces, ranges } = highlightsKey.getState(view.state)!;
    painter.paint(inWindow(pieces), inWindow(ranges!.filter((h) => h.active && h.to > h.from)));
  };
  const onScroll = () => {
    if (!view.dom.isConnected) return;
    const h = innerHeight;
    const need = turnsAround(view, h, h);
    if (!need || (window[0] <= need[0] && need[1] <= window[1])) return;
    window = turnsAround(view, 4 * h, 4 * h) ?? need;
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      paint();
    });
  };
  paint();
  addEventListener('scroll', onScroll, { capture: true, passive: true });
  addEventListener('resize', onScroll, { passive: true });
  return {
    update(view: EditorView, prev: EditorState) {
      const now = highlightsKey.getState(view.state)!;
      const was = highlightsKey.getState(prev)!;
      if (view.state.doc !== prev.doc || now.memoKey !== was.memoKey) painter.invalidate();
      else if (now.pieces === was.pieces && now.ranges === was.ranges && !painter.lostText()) return;
      paint();
    },
    destroy() {
      removeEventListener('scroll', onScroll, { capture: true });
      removeEventListener('resize', onScroll);
      if (frame) cancelAnimationFrame(frame);
      painter.destroy();
    },
  };
}

/**
 * Where a click on the text lands for the highlights: on a highlight (the position under
 * the pointer), off every highlight (null), or nowhere to speak of (undefined: a click
 * that ends a selection).
 */
function clickedAt(view: EditorView, event: MouseEvent): number | null | undefined {
  if (!view.state.selection.empty) return undefined;
  const ranges = rangeHighlights(view.state);
  if (!ranges) {
    if (!(event.target as HTMLElement).closest('.coding')) return null;
    return view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
  }
  const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
  return pos != null && ranges.some((h) => h.from <= pos && pos < h.to) ? pos : null;
}

export interface HighlightsOptions {
  /** Drawn with the document itself. */
  initial: readonly Highlight[];
  /** Told where a click landed: a position on a highlight, or null off them. */
  onClick?: (pos: number | null) => void;
  /** Whether a long transcript's highlights are held as ranges (by default where the browser draws CSS highlights). */
  ranges?: boolean;
}

/**
 * Codings as decorations or CSS highlights, never as marks: the highlights are kept once,
 * mapped through each transaction, and changed by the meta of the commands in
 * `../commands`, so adding one highlight does not rebuild thousands of others as
 * decorations. `initial` is drawn with the document itself: the editor's first render
 * already has every highlight, rather than rendering the text and then again split into
 * highlight spans.
 */
export function codingHighlightsPlugin({ initial, onClick, ranges = canPaintRanges() }: HighlightsOptions): Plugin<HighlightsState> {
  return new Plugin<HighlightsState>({
    key: highlightsKey,
    state: {
      init: (_, state) => firstState(state.doc, initial, ranges),
      apply: next,
    },
    view: rangesView,
    props: {
      decorations: (state: EditorState) => highlightsKey.getState(state)?.shown,
      handleDOMEvents: {
        // Not handled: ProseMirror goes on with the click as usual.
        click(view, event) {
          const at = clickedAt(view, event);
          if (at !== undefined) onClick?.(at);
          return false;
        },
      },
    },
  });
}

export const CodingHighlights = Extension.create<HighlightsOptions>({
  name: 'codingHighlights',
  addOptions() {
    return { initial: [] };
  },
  addProseMirrorPlugins() {
    return [codingHighlightsPlugin(this.options)];
  },
});

/** Sets what `tr` changes of the highlights; highlights are not the text, so undo history never sees them. */
export function setHighlightMeta(tr: Transaction, meta: HighlightMeta): Transaction {
  return tr.setMeta(highlightsKey, meta).setMeta('addToHistory', false);
}
