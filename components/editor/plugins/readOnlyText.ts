import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';

/**
 * Coders select text but never change it: every transaction that would alter the
 * document is dropped, while selection (mouse and keyboard) keeps working. Transcript
 * corrections go through their own edit mode on the server.
 */
export const ReadOnlyText = Extension.create({
  name: 'readOnlyText',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged || tr.getMeta('allowDocChange') === true,
        props: {
          handleTextInput: () => true,
          handlePaste: () => true,
          handleDrop: () => true,
        },
      }),
    ];
  },
});
