import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';

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
 * The decorations, what each coding was last drawn as (see `highlightsOnScreen`), and what
 * the view draws of them: all of `set`, or on a long transcript only those in `window`
 * (positions round the viewport, see `viewportWindow`).
 */
interface HighlightsState {
  /**
   * Every highlight as a decoration; on a long transcript null until something needs it
   * (see `setOf`), with `source` holding the highlights instead: ProseMirror builds a set
   * by scanning every decoration for each of the document's turns, some 200 ms for 20,000
   * highlights over 3,000 turns, before the page could show the text.
   */
  set: DecorationSet | null;
  source: readonly Highlight[] | null;
  drawn: ReadonlyMap<number, string>;
  window: readonly [number, number] | null;
  shown: DecorationSet;
}

export const highlightsKey = new PluginKey<HighlightsState>('codingHighlights');
/** The meta of a transaction that moves the window of drawn highlights (not a change of the highlights: no stripes redrawn). */
const windowKey = new PluginKey('codingHighlightsWindow');

/**
 * From this many highlights on, only those near the viewport are in the DOM: a 300,000-
 * character transcript with 20,000 codings otherwise splits its text into some 85,000
 * nested spans, and laying them out and styling them took the browser tens of seconds.
 * Below it (the demo's transcripts, the tests) every highlight is drawn as before.
 */
export const WINDOW_FROM = 6000;
/** The window a long transcript opens with, in positions from its start (a few screens of text). */
const FIRST_WINDOW = 12_000;

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

function toDecorations(h: Highlight): Decoration[] {
  // Each coding its own element (nodeName): where codings overlap ProseMirror nests them
  // rather than merging them into one span that shows only the last one's colour. The
  // colour is an attribute, not a class, so one style rule serves every coding of a code.
  const attrs = { nodeName: 'span', class: h.active ? 'coding coding-active' : 'coding', 'data-hl': colorValue(h.color) };
  const inline = Decoration.inline(h.from, h.to, attrs, { codingId: h.id });
  return h.memo ? [inline, Decoration.widget(h.to, memoMark, { side: -1, ignoreSelection: true, codingId: h.id, key: `memo-${h.id}` })] : [inline];
}

function build(doc: PMNode, highlights: readonly Highlight[]): DecorationSet {
  return DecorationSet.create(doc, highlights.filter((h) => h.to > h.from).flatMap(toDecorations));
}

/** The decorations of the highlights in the window (from `source`, as `DecorationSet.find` would give them from the set). */
function inWindow(highlights: readonly Highlight[], window: readonly [number, number]): Decoration[] {
  return highlights.filter((h) => h.to > h.from && h.from <= window[1] && h.to >= window[0]).flatMap(toDecorations);
}

/** The sets built from a long transcript's highlights, once each (the document never changes under them). */
const builtSets = new WeakMap<readonly Highlight[], DecorationSet>();

/** Every highlight of `value` as a decoration set: its own, or the one its `source` makes. */
function setOf(doc: PMNode, value: Pick<HighlightsState, 'set' | 'source'>): DecorationSet {
  if (value.set) return value.set;
  const source = value.source ?? [];
  let set = builtSets.get(source);
  if (!set) {
    set = build(doc, source);
    builtSets.set(source, set);
  }
  return set;
}

/** What the view draws: all of the highlights, or those in `window`. */
function shownOf(doc: PMNode, value: Pick<HighlightsState, 'set' | 'source'>, window: readonly [number, number] | null): DecorationSet {
  if (!window) return setOf(doc, value);
  return DecorationSet.create(doc, value.set ? value.set.find(window[0], window[1]) : inWindow(value.source ?? [], window));
}

/** The state a document starts with, made once per document: see `highlightsBeforePlugin`. */
const firstStates = new WeakMap<PMNode, HighlightsState>();
function firstState(doc: PMNode, highlights: readonly Highlight[]): HighlightsState {
  let state = firstStates.get(doc);
  if (!state) {
    const window = highlights.length >= WINDOW_FROM ? ([0, Math.min(doc.content.size, FIRST_WINDOW)] as const) : null;
    const held = window ? { set: null, source: highlights } : { set: build(doc, highlights), source: null };
    state = { ...held, drawn: keysOf(highlights), window, shown: shownOf(doc, held, window) };
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
export function highlightsBeforePlugin(initial: readonly Highlight[]) {
  return (state: EditorState): DecorationSet | undefined => (highlightsKey.getState(state) ? undefined : firstState(state.doc, initial).shown);
}

/**
 * What each coding was last drawn as (its `highlightKey`), by coding id: the highlights
 * asked for, kept apart from the decorations, which cannot show a highlight that covers no
 * text (a coding of the line break between two turns).
 */
export function highlightsOnScreen(state: EditorState): ReadonlyMap<number, string> {
  return highlightsKey.getState(state)?.drawn ?? new Map();
}

/** The decorations drawn, for reading back what is on screen (tests, the benchmark). */
export function highlightDecorations(state: EditorState): DecorationSet {
  const value = highlightsKey.getState(state);
  return value ? setOf(state.doc, value) : DecorationSet.empty;
}

const keysOf = (highlights: readonly Highlight[]) => new Map(highlights.map((h) => [h.id, highlightKey(h)]));

/** The plugin's state after a transaction. */
function next(tr: Transaction, value: HighlightsState): HighlightsState {
  const state = change(tr, value);
  const moved = tr.getMeta(windowKey) as [number, number] | undefined;
  const window = value.window && moved ? moved : value.window;
  if (state === value && window === value.window) return value;
  const same = state.set === value.set && state.source === value.source && window === value.window;
  return { ...state, window, shown: same ? value.shown : shownOf(tr.doc, state, window) };
}

/** The highlights after a transaction (`shown` left to `next`). */
function change(tr: Transaction, value: HighlightsState): HighlightsState {
  const meta = tr.getMeta(highlightsKey) as HighlightMeta | undefined;
  let set = value.set?.map(tr.mapping, tr.doc) ?? null;
  let source = value.source;
  // The text changed under highlights not made into a set yet: they are mapped as a set from here on.
  if (!set && tr.docChanged) {
    set = setOf(tr.before, value).map(tr.mapping, tr.doc);
    source = null;
  }
  if (!meta) return set === value.set && source === value.source ? value : { ...value, set, source };
  if (meta.reset) {
    if (value.window && !set) return { ...value, set: null, source: meta.reset, drawn: keysOf(meta.reset) };
    return { ...value, set: build(tr.doc, meta.reset), source: null, drawn: keysOf(meta.reset) };
  }
  const drawn = new Map(value.drawn);
  // A coding drawn again replaces its old drawing. Finding decorations by coding id walks
  // the whole set, so it is done only when something drawn goes.
  const gone = new Set(meta.remove ?? []);
  for (const h of meta.add ?? []) if (drawn.has(h.id)) gone.add(h.id);
  for (const id of [...gone]) if (!drawn.has(id)) gone.delete(id);
  if (gone.size) {
    if (set) set = set.remove(set.find(undefined, undefined, (spec) => gone.has(spec.codingId as number)));
    else source = (source ?? []).filter((h) => !gone.has(h.id));
    for (const id of gone) drawn.delete(id);
  }
  if (meta.add?.length) {
    if (set) set = set.add(tr.doc, meta.add.filter((h) => h.to > h.from).flatMap(toDecorations));
    else source = [...(source ?? []), ...meta.add];
    for (const h of meta.add) drawn.set(h.id, highlightKey(h));
  }
  return { ...value, set, source, drawn };
}

/** Moves the window of drawn highlights of a long transcript to [from, to) (a transcript drawn whole ignores it). */
export function moveHighlightWindow(tr: Transaction, from: number, to: number): Transaction {
  return tr.setMeta(windowKey, [from, to]).setMeta('addToHistory', false);
}

/** What the view draws: the highlights in the window on a long transcript, all of them otherwise. */
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

/**
 * Keeps the window of drawn highlights round the viewport of a long transcript: when the
 * window no longer holds the text from half a screen above the viewport to half a screen
 * below it, the window becomes the text from one and a half screens above to one and a
 * half below, so a steady scroll moves it about once a screen, a few dozen turns'
 * highlights at a time (a window three screens each way made each move a long task).
 * The turns are measured in the scroll event, before anything of this frame has changed
 * the page, and the window moves in the frame's animation callback: measured there, after
 * the margin's bands changed, they cost a second layout of the page in the frame.
 */
function viewportWindow(view: EditorView) {
  let frame = 0;
  let want: [number, number] | null = null;
  const update = () => {
    frame = 0;
    const state = highlightsKey.getState(view.state);
    if (!want || !state?.window || !view.dom.isConnected) return;
    view.dispatch(moveHighlightWindow(view.state.tr, want[0], want[1]));
    want = null;
  };
  const onScroll = () => {
    const state = highlightsKey.getState(view.state);
    if (!state?.window || !view.dom.isConnected) return;
    const h = innerHeight;
    const need = turnsAround(view, h / 2, h / 2);
    if (!need || (state.window[0] <= need[0] && need[1] <= state.window[1])) return;
    want = turnsAround(view, 1.5 * h, 1.5 * h);
    if (!frame) frame = requestAnimationFrame(update);
  };
  addEventListener('scroll', onScroll, { capture: true, passive: true });
  addEventListener('resize', onScroll, { passive: true });
  onScroll();
  return {
    destroy() {
      removeEventListener('scroll', onScroll, { capture: true });
      removeEventListener('resize', onScroll);
      if (frame) cancelAnimationFrame(frame);
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
  if (!(event.target as HTMLElement).closest('.coding')) return null;
  return view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
}

export interface HighlightsOptions {
  /** Drawn with the document itself. */
  initial: readonly Highlight[];
  /** Told where a click landed: a position on a highlight, or null off them. */
  onClick?: (pos: number | null) => void;
}

/**
 * Codings as decorations, never as marks: the set is built once, mapped through each
 * transaction, and changed by the meta of the commands in `../commands`, so adding one
 * highlight does not rebuild thousands of others. `initial` is drawn with the document
 * itself: the editor's first render already has every highlight, rather than rendering
 * the text and then again split into highlight spans.
 */
export function codingHighlightsPlugin({ initial, onClick }: HighlightsOptions): Plugin<HighlightsState> {
  return new Plugin<HighlightsState>({
    key: highlightsKey,
    state: {
      init: (_, state) => firstState(state.doc, initial),
      apply: next,
    },
    view: viewportWindow,
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
