import { describe, expect, it } from 'vitest';
import type { EditorView } from '@tiptap/pm/view';
import { codingTypeAheadPlugin, typeAheadOf } from './typeAhead';
import type { KeyLike } from './keyboard';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('typeAheadOf', () => {
  it('starts the search with a typed character, Kazakh and Cyrillic letters and space too', () => {
    expect(typeAheadOf(key('T'))).toEqual({ kind: 'type', text: 'T' });
    expect(typeAheadOf(key('ә'))).toEqual({ kind: 'type', text: 'ә' });
    expect(typeAheadOf(key(' '))).toEqual({ kind: 'type', text: ' ' });
  });
  it('moves into the search on Enter', () => {
    expect(typeAheadOf(key('Enter'))).toEqual({ kind: 'open' });
  });
  it('leaves keys with modifiers and named keys alone', () => {
    expect(typeAheadOf(key('c', { ctrlKey: true }))).toBeNull();
    expect(typeAheadOf(key('c', { metaKey: true }))).toBeNull();
    expect(typeAheadOf(key('c', { altKey: true }))).toBeNull();
    expect(typeAheadOf(key('ArrowLeft'))).toBeNull();
    expect(typeAheadOf(key('Unidentified'))).toBeNull();
  });
});

describe('the type-ahead plugin', () => {
  it('does nothing while the popover is closed', () => {
    const plugin = codingTypeAheadPlugin(() => null);
    const view = {} as EditorView;
    expect(plugin.props.handleKeyDown!.call(plugin, view, key('a') as KeyboardEvent)).toBe(false);
    let prevented = false;
    const input = { data: 'a', preventDefault: () => (prevented = true) } as unknown as InputEvent;
    expect(plugin.props.handleDOMEvents!.beforeinput!.call(plugin, view, input)).toBe(false);
    expect(prevented).toBe(false);
  });
});
