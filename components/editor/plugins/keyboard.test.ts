import { describe, expect, it } from 'vitest';
import type { EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { documentOf, selecting, stateWith } from '../testing/editorState';
import { codingKeyboardPlugin, keyCommand, shortcutsOf, type KeyboardHandlers, type KeyLike } from './keyboard';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
const shortcuts = new Map([
  ['t', 7],
  ['1', 8],
]);

describe('shortcutsOf', () => {
  it('maps lower-cased shortcuts to codes, leaving out archived codes and codes without one', () => {
    const code = (id: number, shortcut: string | null, archived = false) => ({ id, name: `c${id}`, path: `c${id}`, depth: 0, color: '#ff0000', shortcut, archived });
    expect([...shortcutsOf([code(1, 'T'), code(2, null), code(3, 'x', true), code(4, '2')])]).toEqual([
      ['t', 1],
      ['2', 4],
    ]);
  });
});

describe('keyCommand', () => {
  const ctx = { canApply: true, caret: false, shortcuts };
  it('undoes with Ctrl+Z or ⌘Z and redoes with Ctrl+Shift+Z or Ctrl+Y, selection or not', () => {
    expect(keyCommand(key('z', { ctrlKey: true }), ctx)).toEqual({ kind: 'undo' });
    expect(keyCommand(key('z', { metaKey: true }), { canApply: false, caret: false, shortcuts })).toEqual({ kind: 'undo' });
    expect(keyCommand(key('Z', { ctrlKey: true, shiftKey: true }), ctx)).toEqual({ kind: 'redo' });
    expect(keyCommand(key('y', { ctrlKey: true }), ctx)).toEqual({ kind: 'redo' });
  });
  it('applies the code of a shortcut, in either case, only with a passage to code', () => {
    expect(keyCommand(key('t'), ctx)).toEqual({ kind: 'apply', codeId: 7 });
    expect(keyCommand(key('T', { shiftKey: true }), ctx)).toEqual({ kind: 'apply', codeId: 7 });
    expect(keyCommand(key('1'), ctx)).toEqual({ kind: 'apply', codeId: 8 });
    expect(keyCommand(key('t'), { canApply: false, caret: false, shortcuts })).toBeNull();
  });
  it('dismisses with Esc', () => {
    expect(keyCommand(key('Escape'), { canApply: false, caret: false, shortcuts })).toEqual({ kind: 'dismiss' });
  });
  it('opens the codings at the caret with Enter, not with a passage selected', () => {
    expect(keyCommand(key('Enter'), { canApply: false, caret: true, shortcuts })).toEqual({ kind: 'open' });
    expect(keyCommand(key('Enter', { shiftKey: true }), { canApply: false, caret: true, shortcuts })).toBeNull();
    expect(keyCommand(key('Enter'), ctx)).toBeNull();
  });
  it('leaves other keys, and shortcuts pressed with Ctrl, ⌘ or Alt, alone', () => {
    expect(keyCommand(key('q'), ctx)).toBeNull();
    expect(keyCommand(key('Enter'), ctx)).toBeNull();
    expect(keyCommand(key('t', { ctrlKey: true }), ctx)).toBeNull();
    expect(keyCommand(key('t', { altKey: true }), ctx)).toBeNull();
    expect(keyCommand(key('c', { metaKey: true }), ctx)).toBeNull();
  });
});

describe('the keyboard plugin', () => {
  function setup(canApply: boolean) {
    const { doc, ranges } = documentOf(['Alpha beta gamma']);
    const calls: string[] = [];
    const handlers: KeyboardHandlers = {
      canApply,
      shortcuts,
      undo: () => calls.push('undo'),
      redo: () => calls.push('redo'),
      dismiss: () => calls.push('dismiss'),
      apply: (id) => calls.push(`apply ${id}`),
      open: (pos) => calls.push(`open ${pos}`),
    };
    const plugin = codingKeyboardPlugin(() => handlers);
    const view = { state: selecting(stateWith(doc, [], [plugin]), ranges, 0, 5) as EditorState, dispatch: (tr: Parameters<EditorView['dispatch']>[0]) => (view.state = view.state.apply(tr)) };
    const press = (e: KeyLike) => plugin.props.handleKeyDown!.call(plugin, view as unknown as EditorView, e as KeyboardEvent);
    return { calls, view, press };
  }

  it('runs the handler of a key it knows and says it handled it', () => {
    const { calls, press } = setup(true);
    expect(press(key('t'))).toBe(true);
    expect(press(key('z', { ctrlKey: true }))).toBe(true);
    expect(press(key('z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(calls).toEqual(['apply 7', 'undo', 'redo']);
  });

  it('drops the selection on Esc', () => {
    const { calls, view, press } = setup(true);
    expect(view.state.selection.empty).toBe(false);
    expect(press(key('Escape'))).toBe(true);
    expect(view.state.selection.empty).toBe(true);
    expect(view.state.selection.from).toBe(6);
    expect(calls).toEqual(['dismiss']);
    // With only the caret left, Enter opens the codings there.
    expect(press(key('Enter'))).toBe(true);
    expect(calls).toEqual(['dismiss', 'open 6']);
  });

  it('passes on keys it does not know (to the type-ahead and ProseMirror)', () => {
    const { calls, press } = setup(false);
    expect(press(key('t'))).toBe(false);
    expect(press(key('Enter'))).toBe(false);
    expect(calls).toEqual([]);
  });
});
