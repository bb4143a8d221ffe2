/**
 * ProseMirror states of the coding editor's document, for tests without a browser: the
 * schema is the editor's (a doc of turns holding text), the plugins whatever a test adds.
 */
import { Schema, type Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Command, type Plugin } from '@tiptap/pm/state';
import { buildCanonicalText, type TurnRange } from '@/lib/text/canonical';
import { offsetToPos } from '@/lib/text/positions';
import { codingHighlightsPlugin, highlightDecorations, type Highlight } from '../plugins/codingHighlights';

export const schema = new Schema({
  nodes: {
    doc: { content: 'turn+' },
    turn: { content: 'text*', toDOM: () => ['div', 0] },
    text: {},
  },
});

/** The document of these turns' texts, with their canonical-text ranges and text. */
export function documentOf(texts: readonly string[]): { doc: PMNode; ranges: TurnRange[]; text: string } {
  const doc = schema.node(
    'doc',
    null,
    texts.map((t) => schema.node('turn', null, t ? [schema.text(t)] : [])),
  );
  return { doc, ...buildCanonicalText(texts.map((text) => ({ text }))) };
}

/** A state of `doc` with the highlights plugin (drawing `initial`) and any other plugins. */
export function stateWith(doc: PMNode, initial: readonly Highlight[] = [], plugins: Plugin[] = []): EditorState {
  return EditorState.create({ doc, plugins: [codingHighlightsPlugin({ initial }), ...plugins] });
}

/** `state` with the text between two canonical offsets selected. */
export function selecting(state: EditorState, ranges: readonly TurnRange[], start: number, end: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, offsetToPos(ranges, start), offsetToPos(ranges, end))));
}

/** Runs a command; returns what it answered and the state after it (with the transactions it dispatched). */
export function run(state: EditorState, command: Command): { ok: boolean; state: EditorState; dispatched: number } {
  let next = state;
  let dispatched = 0;
  const ok = command(state, (tr) => {
    dispatched++;
    next = next.apply(tr);
  });
  return { ok, state: next, dispatched };
}

/** The highlight decorations drawn, in document order: coding id, range, and attributes. */
export function drawn(state: EditorState): Array<{ id: number; from: number; to: number; class: string; hl: string }> {
  return highlightDecorations(state)
    .find()
    .filter((d) => d.from !== d.to) // the memo marks are widgets; see `memoMarks`
    .map((d) => {
      const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
      return { id: d.spec.codingId as number, from: d.from, to: d.to, class: attrs.class, hl: attrs['data-hl'] };
    })
    .sort((a, b) => a.from - b.from || a.id - b.id);
}

/** The codings whose memo mark is drawn, by id, in document order. */
export function memoMarks(state: EditorState): number[] {
  return highlightDecorations(state)
    .find()
    .filter((d) => d.from === d.to && d.spec.key?.startsWith('memo-'))
    .map((d) => d.spec.codingId as number);
}
