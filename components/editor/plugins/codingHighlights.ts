import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';

export interface Highlight {
  id: number;
  from: number;
  to: number;
  color: string;
  /** Marks the coding picked in the info panel. */
  active?: boolean;
}

interface HighlightMeta {
  reset?: Highlight[];
  add?: Highlight[];
  remove?: number[];
}

export const highlightsKey = new PluginKey<DecorationSet>('codingHighlights');

/** #RRGGBB at the given opacity: translucent tints compound where codings overlap. */
function tint(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function toDecoration(h: Highlight): Decoration {
  return Decoration.inline(
    h.from,
    h.to,
    {
      class: h.active ? 'coding coding-active' : 'coding',
      style: `background-color: ${tint(h.color, 0.28)}; border-bottom: 2px solid ${tint(h.color, 0.9)}`,
      'data-coding': String(h.id),
    },
    { codingId: h.id },
  );
}

function build(doc: PMNode, highlights: Highlight[]): DecorationSet {
  return DecorationSet.create(doc, highlights.filter((h) => h.to > h.from).map(toDecoration));
}

/**
 * Codings as decorations, never as marks: the set is built once, mapped through each
 * transaction, and changed by `add`/`remove` so adding one highlight does not rebuild
 * thousands of others.
 */
export const CodingHighlights = Extension.create({
  name: 'codingHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: highlightsKey,
        state: {
          init: (_, state) => build(state.doc, []),
          apply(tr, set) {
            const meta = tr.getMeta(highlightsKey) as HighlightMeta | undefined;
            let next = set.map(tr.mapping, tr.doc);
            if (!meta) return next;
            if (meta.reset) return build(tr.doc, meta.reset);
            if (meta.remove?.length) {
              const gone = new Set(meta.remove);
              next = next.remove(next.find(undefined, undefined, (spec) => gone.has(spec.codingId as number)));
            }
            if (meta.add?.length) next = next.add(tr.doc, meta.add.filter((h) => h.to > h.from).map(toDecoration));
            return next;
          },
        },
        props: {
          decorations: (state: EditorState) => highlightsKey.getState(state),
        },
      }),
    ];
  },
});

/** A transaction that changes the highlight set (nothing else). */
export function highlightTransaction(tr: Transaction, meta: HighlightMeta): Transaction {
  return tr.setMeta(highlightsKey, meta).setMeta('addToHistory', false);
}
