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

/** The decorations, and what each coding was last drawn as (see `highlightsOnScreen`). */
interface HighlightsState {
  set: DecorationSet;
  drawn: ReadonlyMap<number, string>;
}

export const highlightsKey = new PluginKey<HighlightsState>('codingHighlights');

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

/**
 * The style sheet for highlights in the given colours: one rule per colour rather than a
 * style attribute on every highlight span, which ProseMirror parses as it draws each of
 * the thousands of spans of a long transcript.
 */
export function highlightStyles(colors: Iterable<string>): string {
  return [...new Set([FALLBACK, ...colors].map(colorValue))]
    .map((v) => `.transcript-editor [data-hl="${v}"] { background-color: ${tint(`#${v}`, 0.28)}; border-bottom: 2px solid ${tint(`#${v}`, 0.9)}; }`)
    .join('\n');
}

/** What a highlight looks like on screen: a highlight whose key changed is redrawn. */
export function highlightKey(h: Highlight): string {
  return `${h.from}:${h.to}:${h.color}:${h.active ? 1 : 0}`;
}

function toDecoration(h: Highlight): Decoration {
  // The colour is an attribute, not a class: where codings overlap ProseMirror draws one
  // span for all of them, joining their classes but keeping the last one's other
  // attributes, so the coding that starts last shows its colour there.
  return Decoration.inline(h.from, h.to, { class: h.active ? 'coding coding-active' : 'coding', 'data-hl': colorValue(h.color) }, { codingId: h.id });
}

function build(doc: PMNode, highlights: readonly Highlight[]): DecorationSet {
  return DecorationSet.create(doc, highlights.filter((h) => h.to > h.from).map(toDecoration));
}

/** The set a document starts with, made once per document: see `highlightsBeforePlugin`. */
const firstSets = new WeakMap<PMNode, DecorationSet>();
function firstSet(doc: PMNode, highlights: readonly Highlight[]): DecorationSet {
  let set = firstSets.get(doc);
  if (!set) firstSets.set(doc, (set = build(doc, highlights)));
  return set;
}

/**
 * The editor view's own `decorations` prop, for its first drawing. tiptap makes the view
 * before it adds the plugins to the state, so the plugin's highlights would come in a
 * second pass over every turn. Until the plugin is there this gives the very set the
 * plugin starts with (the same object), so adding the plugin changes nothing on screen.
 */
export function highlightsBeforePlugin(initial: readonly Highlight[]) {
  return (state: EditorState): DecorationSet | undefined => (highlightsKey.getState(state) ? undefined : firstSet(state.doc, initial));
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
  return highlightsKey.getState(state)?.set ?? DecorationSet.empty;
}

const keysOf = (highlights: readonly Highlight[]) => new Map(highlights.map((h) => [h.id, highlightKey(h)]));

/** The plugin's state after a transaction. */
function next(tr: Transaction, value: HighlightsState): HighlightsState {
  const meta = tr.getMeta(highlightsKey) as HighlightMeta | undefined;
  let set = value.set.map(tr.mapping, tr.doc);
  if (!meta) return set === value.set ? value : { set, drawn: value.drawn };
  if (meta.reset) return { set: build(tr.doc, meta.reset), drawn: keysOf(meta.reset) };
  const drawn = new Map(value.drawn);
  // A coding drawn again replaces its old drawing. Finding decorations by coding id walks
  // the whole set, so it is done only when something drawn goes.
  const gone = new Set(meta.remove ?? []);
  for (const h of meta.add ?? []) if (drawn.has(h.id)) gone.add(h.id);
  for (const id of [...gone]) if (!drawn.has(id)) gone.delete(id);
  if (gone.size) {
    set = set.remove(set.find(undefined, undefined, (spec) => gone.has(spec.codingId as number)));
    for (const id of gone) drawn.delete(id);
  }
  if (meta.add?.length) {
    set = set.add(tr.doc, meta.add.filter((h) => h.to > h.from).map(toDecoration));
    for (const h of meta.add) drawn.set(h.id, highlightKey(h));
  }
  return { set, drawn };
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
      init: (_, state) => ({ set: firstSet(state.doc, initial), drawn: keysOf(initial) }),
      apply: next,
    },
    props: {
      decorations: (state: EditorState) => highlightsKey.getState(state)?.set,
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
