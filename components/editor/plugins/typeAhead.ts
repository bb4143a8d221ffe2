import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { KeyLike } from './keyboard';

export type TypeAhead = { kind: 'type'; text: string } | { kind: 'open' };

/**
 * What a key pressed in the text does to the popover's code search: a character starts
 * the search with it, Enter moves into the search; keys with Ctrl, ⌘ or Alt are not for it.
 */
export function typeAheadOf(e: KeyLike): TypeAhead | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key.length === 1) return { kind: 'type', text: e.key };
  if (e.key === 'Enter') return { kind: 'open' };
  return null;
}

/** Gives the input this value as typing would: through the native setter, so React sees the change. */
export function typeInto(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export const typeAheadKey = new PluginKey('codingTypeAhead');

/**
 * Typing with a passage selected starts the code search in the popover: `search` gives
 * the popover's input while it is open (null otherwise). Text that arrives without a
 * usable key press (an input method, dictation, a layout the browser reports as
 * "Unidentified") goes there too.
 */
export function codingTypeAheadPlugin(search: () => HTMLInputElement | null): Plugin {
  return new Plugin({
    key: typeAheadKey,
    props: {
      handleKeyDown(_view, event) {
        const input = search();
        const action = input && typeAheadOf(event);
        if (!input || !action) return false;
        input.focus();
        if (action.kind === 'type') typeInto(input, action.text);
        return true;
      },
      handleDOMEvents: {
        beforeinput(_view, event) {
          const input = search();
          if (!event.data || !input) return false;
          event.preventDefault();
          input.focus();
          typeInto(input, input.value + event.data);
          return true;
        },
      },
    },
  });
}

/** After the editor's keys (a code's shortcut applies the code rather than search for it). */
export const CodingTypeAhead = Extension.create<{ search: () => HTMLInputElement | null }>({
  name: 'codingTypeAhead',
  priority: 1000,
  addOptions() {
    return { search: () => null };
  },
  addProseMirrorPlugins() {
    return [codingTypeAheadPlugin(this.options.search)];
  },
});
