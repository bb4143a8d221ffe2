import { Node } from '@tiptap/core';
import { DOMSerializer, type DOMOutputSpec, type Node as PMNode } from '@tiptap/pm/model';
import { Plugin } from '@tiptap/pm/state';

/** The turn without its speaker label: what the clipboard gets. */
function bareTurn(node: PMNode): DOMOutputSpec {
  return ['div', { 'data-turn': node.attrs.seq, class: `turn turn-${node.attrs.kind}` }, ['div', { class: 'turn-text' }, 0]];
}

/**
 * One speaker's turn. Its content is the turn's text; the speaker label is drawn outside
 * the content (not editable), so it is structure, not text, and never shifts offsets.
 *
 * The label is part of the node's DOM spec rather than a node view: tiptap hands
 * ProseMirror new node-view functions when the editor is mounted in the page, and
 * ProseMirror redraws the whole document (and forces a layout of it) whenever they
 * change, which on a long transcript cost a second drawing of every turn.
 */
export const Turn = Node.create({
  name: 'turn',
  group: 'block',
  content: 'text*',
  defining: true,
  selectable: false,
  addAttributes() {
    // Not rendered as HTML attributes: renderHTML draws from them itself, and tiptap would
    // otherwise compute (and discard) an attribute set for each of a transcript's turns.
    return {
      seq: { default: 0, rendered: false },
      speaker: { default: '', rendered: false },
      kind: { default: 'participant', rendered: false },
      info: { default: '', rendered: false },
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-turn]', contentElement: '.turn-text' }];
  },
  renderHTML({ node }) {
    // Elements, not a spec array for ProseMirror to interpret: a transcript has a thousand turns or more.
    const dom = document.createElement('div');
    dom.className = `turn turn-${node.attrs.kind}`;
    dom.dataset.turn = String(node.attrs.seq);
    const label = dom.appendChild(document.createElement('div'));
    label.className = 'speaker';
    label.contentEditable = 'false';
    label.textContent = node.attrs.speaker;
    if (node.attrs.info) label.title = node.attrs.info;
    const contentDOM = dom.appendChild(document.createElement('div'));
    contentDOM.className = 'turn-text';
    return { dom, contentDOM };
  },
  addProseMirrorPlugins() {
    // Copied passages carry their text only, as before the label was in the DOM spec.
    const base = DOMSerializer.fromSchema(this.editor.schema);
    return [new Plugin({ props: { clipboardSerializer: new DOMSerializer({ ...base.nodes, turn: bareTurn }, base.marks) } })];
  },
});
