import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { collapseSelection } from '../commands/collapseSelection';
import type { EditorCode } from '../types';

/** The parts of a key event the editor's keys depend on. */
export type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

export type KeyCommand = { kind: 'undo' } | { kind: 'redo' } | { kind: 'dismiss' } | { kind: 'open' } | { kind: 'apply'; codeId: number };

/** The codes by their shortcut key (lower case); archived codes have none. */
export function shortcutsOf(codes: readonly EditorCode[]): Map<string, number> {
  return new Map(codes.filter((c) => c.shortcut && !c.archived).map((c) => [c.shortcut!.toLowerCase(), c.id]));
}

/**
 * What a key does in the text: Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (⌘ on a Mac),
 * Esc drops the selection and the picked coding, Enter with the caret in a highlight opens
 * its codings (as a click does), and a code's shortcut applies that code to the selection
 * (when there is one the viewer may code). Anything else is not ours.
 */
export function keyCommand(e: KeyLike, ctx: { canApply: boolean; caret: boolean; shortcuts: ReadonlyMap<string, number> }): KeyCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === 'z') return { kind: e.shiftKey ? 'redo' : 'undo' };
  if (mod && key === 'y') return { kind: 'redo' };
  if (mod || e.altKey) return null;
  if (e.key === 'Escape') return { kind: 'dismiss' };
  if (e.key === 'Enter' && !e.shiftKey) return ctx.caret ? { kind: 'open' } : null;
  if (!ctx.canApply) return null;
  const codeId = ctx.shortcuts.get(key);
  return codeId ? { kind: 'apply', codeId } : null;
}

export interface KeyboardHandlers {
  /** Is there a selection the viewer may code? */
  canApply: boolean;
  shortcuts: ReadonlyMap<string, number>;
  undo(): void;
  redo(): void;
  /** After Esc has dropped the selection. */
  dismiss(): void;
  /** Enter with the caret at `pos` (no selection): open the codings there, if any. */
  open(pos: number): void;
  apply(codeId: number): void;
}

export const keyboardKey = new PluginKey('codingKeyboard');

/** The editor's keys, asked of `handlers` at each key press (they change as the page does). */
export function codingKeyboardPlugin(handlers: () => KeyboardHandlers | null): Plugin {
  return new Plugin({
    key: keyboardKey,
    props: {
      handleKeyDown(view, event) {
        const h = handlers();
        const command = h && keyCommand(event, { ...h, caret: view.state.selection.empty });
        if (!h || !command) return false;
        if (command.kind === 'undo') h.undo();
        else if (command.kind === 'redo') h.redo();
        else if (command.kind === 'apply') h.apply(command.codeId);
        else if (command.kind === 'open') h.open(view.state.selection.from);
        else {
          collapseSelection(view.state, view.dispatch);
          h.dismiss();
        }
        return true;
      },
    },
  });
}

/** Before tiptap's own key bindings (whose Enter and Backspace would try to edit the text). */
export const CodingKeyboard = Extension.create<{ handlers: () => KeyboardHandlers | null }>({
  name: 'codingKeyboard',
  priority: 1001,
  addOptions() {
    return { handlers: () => null };
  },
  addProseMirrorPlugins() {
    return [codingKeyboardPlugin(this.options.handlers)];
  },
});
