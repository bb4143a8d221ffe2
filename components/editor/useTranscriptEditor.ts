'use client';
import { useEditor, type Editor } from '@tiptap/react';
import Document from '@tiptap/extension-document';
import Text from '@tiptap/extension-text';
import { TextSelection } from '@tiptap/pm/state';
import { useEffect, useMemo, type RefObject } from 'react';
import type { TurnRange } from '@/lib/text/canonical';
import { offsetToPos } from '@/lib/text/positions';
import type { EditorTurn } from '@/lib/text/editor-turns';
import { syncHighlights } from './commands/syncHighlights';
import { Turn } from './nodes/turn';
import { CodingHighlights, highlightsBeforePlugin, type Highlight } from './plugins/codingHighlights';
import { CodingKeyboard, type KeyboardHandlers } from './plugins/keyboard';
import { ReadOnlyText } from './plugins/readOnlyText';
import { CodingTypeAhead } from './plugins/typeAhead';
import type { TextRange } from './types';

const DocumentOfTurns = Document.extend({ content: 'turn+' });

/** What the editor's plugins ask the page, at the moment a key is pressed, a click lands or the selection moves. */
export interface TranscriptEditorHandlers {
  keys: KeyboardHandlers;
  /** The popover's code search while it is open. */
  search(): HTMLInputElement | null;
  /** A click landed on a highlight (its position), or off them (null). */
  clicked(pos: number | null): void;
  selected(from: number, to: number): void;
}

/**
 * The tiptap editor of a transcript: its turns as the document (read only), the codings'
 * highlights drawn with it from the start, the editor's keys and the type-ahead. `wanted`
 * is what the highlights should be: changes no command drew (codings from the server,
 * codes shown or hidden, the coding picked) patch the decoration set with the difference
 * from what it draws.
 */
export function useTranscriptEditor({
  turns,
  label,
  wanted,
  handlers,
}: {
  turns: readonly EditorTurn[];
  label: string;
  wanted: ReadonlyMap<number, Highlight>;
  handlers: RefObject<TranscriptEditorHandlers>;
}): { editor: Editor | null } {
  const content = useMemo(
    () => ({
      type: 'doc',
      content: turns.map((x) => ({
        type: 'turn',
        attrs: { seq: x.seq, speaker: x.speaker, kind: x.kind, info: x.info },
        content: x.text ? [{ type: 'text', text: x.text }] : [],
      })),
    }),
    [turns],
  );
  // Read once, when the editor is made (the options of later renders are not applied).
  const initial = useMemo(() => [...wanted.values()], [wanted]);
  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions: [
        DocumentOfTurns,
        Text,
        Turn,
        ReadOnlyText,
        CodingHighlights.configure({ initial, onClick: (pos) => handlers.current.clicked(pos) }),
        CodingKeyboard.configure({ handlers: () => handlers.current.keys }),
        CodingTypeAhead.configure({ search: () => handlers.current.search() }),
      ],
      content,
      editorProps: {
        attributes: { class: 'transcript-editor', id: 'transcript', spellcheck: 'false', 'data-testid': 'transcript', 'aria-label': label },
        decorations: highlightsBeforePlugin(initial),
      },
    },
    [content],
  );

  useEffect(() => {
    if (!editor) return;
    const onSelection = () => handlers.current.selected(editor.state.selection.from, editor.state.selection.to);
    editor.on('selectionUpdate', onSelection);
    return () => {
      editor.off('selectionUpdate', onSelection);
    };
  }, [editor, handlers]);

  useEffect(() => {
    if (editor) syncHighlights(wanted)(editor.state, editor.view.dispatch);
  }, [editor, wanted]);

  return { editor };
}

/** Selects a passage and scrolls it to the middle of the window. */
export function showPassage(editor: Editor, ranges: readonly TurnRange[], passage: TextRange): void {
  const from = offsetToPos(ranges, passage.start);
  const to = offsetToPos(ranges, passage.end);
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)).scrollIntoView());
  editor.view.focus();
  const el = editor.view.domAtPos(from).node as HTMLElement;
  (el.nodeType === 1 ? el : el.parentElement)?.scrollIntoView({ block: 'center' });
}
