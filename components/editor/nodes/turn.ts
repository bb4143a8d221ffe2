import { Node } from '@tiptap/core';

/**
 * One speaker's turn. Its content is the turn's text; the speaker label is drawn by the
 * node view outside the content, so it is structure, not text, and never shifts offsets.
 */
export const Turn = Node.create({
  name: 'turn',
  group: 'block',
  content: 'text*',
  defining: true,
  selectable: false,
  addAttributes() {
    return {
      seq: { default: 0 },
      speaker: { default: '' },
      kind: { default: 'participant' },
      info: { default: '' },
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-turn]' }];
  },
  renderHTML({ node }) {
    return ['div', { 'data-turn': node.attrs.seq, class: `turn turn-${node.attrs.kind}` }, ['div', { class: 'turn-text' }, 0]];
  },
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('div');
      dom.className = `turn turn-${node.attrs.kind}`;
      dom.dataset.turn = String(node.attrs.seq);
      const label = document.createElement('div');
      label.className = 'speaker';
      label.contentEditable = 'false';
      label.textContent = node.attrs.speaker;
      if (node.attrs.info) label.title = node.attrs.info;
      const content = document.createElement('div');
      content.className = 'turn-text';
      dom.append(label, content);
      return { dom, contentDOM: content, ignoreMutation: (m) => !content.contains(m.target) };
    };
  },
});
