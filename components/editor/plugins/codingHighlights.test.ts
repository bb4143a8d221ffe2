import { describe, expect, it } from 'vitest';
import { DecorationSet } from '@tiptap/pm/view';
import { EditorState } from '@tiptap/pm/state';
import { documentOf, drawn, memoMarks, stateWith } from '../testing/editorState';
import {
  colorValue,
  highlightDecorations,
  highlightKey,
  highlightsBeforePlugin,
  highlightsOnScreen,
  highlightStyles,
  moveHighlightWindow,
  setHighlightMeta,
  shownDecorations,
  WINDOW_FROM,
  type Highlight,
} from './codingHighlights';

// Two turns: "Alpha beta gamma" is positions 1..17, "Delta epsilon" 19..32. A fresh
// document for each state: the plugin's first set is made once per document.
const fresh = () => documentOf(['Alpha beta gamma', 'Delta epsilon']).doc;
const h = (id: number, from: number, to: number, color = '#ff0000', active = false): Highlight => ({ id, from, to, color, active });
const change = (state: EditorState, meta: Parameters<typeof setHighlightMeta>[1]) => state.apply(setHighlightMeta(state.tr, meta));

describe('colours', () => {
  it('keeps #RRGGBB (lower-cased, without the #) and greys anything else', () => {
    expect(colorValue('#FF8800')).toBe('ff8800');
    expect(colorValue('red')).toBe('888888');
    expect(colorValue('#fff')).toBe('888888');
    expect(colorValue('#ff0000;background:url(x)')).toBe('888888');
  });

  it('writes one rule per colour and nesting level, the fallback grey always among them', () => {
    const css = highlightStyles(['#FF0000', '#ff0000', '#00ff00']).split('\n');
    expect(css).toEqual([
      // Overlaps nest: each level underlines 2.5 px lower than the one outside it, five levels in all.
      '.transcript-editor .coding .coding { text-underline-offset: 4.5px; }',
      '.transcript-editor .coding .coding .coding { text-underline-offset: 7px; }',
      '.transcript-editor .coding .coding .coding .coding { text-underline-offset: 9.5px; }',
      '.transcript-editor .coding .coding .coding .coding .coding { text-underline-offset: 12px; }',
      '.transcript-editor [data-hl="888888"] { background-color: rgba(136, 136, 136, 0.24); text-decoration-color: rgba(136, 136, 136, 0.95); }',
      '.transcript-editor .coding [data-hl="888888"] { background-color: rgba(136, 136, 136, 0.1); }',
      '.transcript-editor [data-hl="ff0000"] { background-color: rgba(255, 0, 0, 0.24); text-decoration-color: rgba(255, 0, 0, 0.95); }',
      '.transcript-editor .coding [data-hl="ff0000"] { background-color: rgba(255, 0, 0, 0.1); }',
      '.transcript-editor [data-hl="00ff00"] { background-color: rgba(0, 255, 0, 0.24); text-decoration-color: rgba(0, 255, 0, 0.95); }',
      '.transcript-editor .coding [data-hl="00ff00"] { background-color: rgba(0, 255, 0, 0.1); }',
    ]);
  });
});

describe('highlightKey', () => {
  it('changes with range, colour and being picked, not with the id', () => {
    expect(highlightKey(h(1, 2, 5))).toBe('2:5:#ff0000:0');
    expect(highlightKey(h(9, 2, 5))).toBe(highlightKey(h(1, 2, 5)));
    expect(highlightKey(h(1, 2, 5, '#ff0000', true))).toBe('2:5:#ff0000:1');
    expect(highlightKey(h(1, 2, 6))).not.toBe(highlightKey(h(1, 2, 5)));
    expect(highlightKey({ ...h(1, 2, 5), memo: true })).toBe('2:5:#ff0000:0:memo');
  });
});

describe('the highlights plugin', () => {
  it('draws its initial highlights as inline decorations with class and colour attribute', () => {
    const state = stateWith(fresh(), [h(1, 1, 6), h(2, 7, 11, '#00FF00', true)]);
    expect(drawn(state)).toEqual([
      { id: 1, from: 1, to: 6, class: 'coding', hl: 'ff0000' },
      { id: 2, from: 7, to: 11, class: 'coding coding-active', hl: '00ff00' },
    ]);
    expect([...highlightsOnScreen(state)]).toEqual([
      [1, '1:6:#ff0000:0'],
      [2, '7:11:#00FF00:1'],
    ]);
  });

  it('remembers a highlight that covers no text without drawing it', () => {
    // A coding of the line break between the turns: offset 16..16 is position 17..17.
    const state = stateWith(fresh(), [h(1, 17, 17)]);
    expect(drawn(state)).toEqual([]);
    expect(highlightsOnScreen(state).get(1)).toBe('17:17:#ff0000:0');
  });

  it('gives each coding its own element, so overlapping codings nest instead of merging', () => {
    const state = stateWith(fresh(), [h(1, 1, 11), h(2, 7, 17, '#0000ff')]);
    const specs = highlightDecorations(state)
      .find(7, 11)
      .map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs);
    expect(specs.map((a) => [a.nodeName, a['data-hl']])).toEqual([
      ['span', 'ff0000'],
      ['span', '0000ff'],
    ]);
  });

  it('marks the end of a coding with a memo, and takes the mark away with the coding', () => {
    let state = stateWith(fresh(), [{ ...h(1, 1, 6), memo: true }, h(2, 7, 11)]);
    expect(memoMarks(state)).toEqual([1]);
    expect(highlightDecorations(state).find().find((d) => d.spec.key === 'memo-1')?.from).toBe(6);
    state = change(state, { add: [h(2, 7, 11), { ...h(3, 19, 24), memo: true }] });
    expect(memoMarks(state)).toEqual([1, 3]);
    state = change(state, { remove: [1] });
    expect(memoMarks(state)).toEqual([3]);
    state = change(state, { add: [h(3, 19, 24)] }); // the memo was cleared
    expect(memoMarks(state)).toEqual([]);
    expect(drawn(state).map((d) => d.id)).toEqual([2, 3]);
  });

  it('adds and removes by coding id, leaving the rest of the set as it was', () => {
    let state = stateWith(fresh(), [h(1, 1, 6), h(2, 7, 11)]);
    const before = highlightDecorations(state).find(7, 11)[0].spec;
    state = change(state, { add: [h(3, 19, 24)] });
    expect(drawn(state).map((d) => d.id)).toEqual([1, 2, 3]);
    state = change(state, { remove: [1] });
    expect(drawn(state).map((d) => d.id)).toEqual([2, 3]);
    expect([...highlightsOnScreen(state).keys()]).toEqual([2, 3]);
    // The untouched decoration is the one made at first (its spec the same object): nothing was rebuilt.
    expect(highlightDecorations(state).find(7, 11)[0].spec).toBe(before);
  });

  it('draws a coding added again in place of its old drawing, never twice', () => {
    let state = stateWith(fresh(), [h(1, 1, 6)]);
    state = change(state, { add: [h(1, 1, 11, '#0000ff')] });
    expect(drawn(state)).toEqual([{ id: 1, from: 1, to: 11, class: 'coding', hl: '0000ff' }]);
    expect(highlightsOnScreen(state).get(1)).toBe('1:11:#0000ff:0');
  });

  it('keeps overlapping highlights apart, one decoration each', () => {
    const state = stateWith(fresh(), [h(1, 1, 11), h(2, 7, 17, '#00ff00'), h(3, 7, 11, '#0000ff')]);
    expect(drawn(state).map((d) => [d.id, d.from, d.to])).toEqual([
      [1, 1, 11],
      [2, 7, 17],
      [3, 7, 11],
    ]);
    expect(highlightDecorations(state).find(8, 9).length).toBe(3);
  });

  it('resets to exactly the given highlights', () => {
    let state = stateWith(fresh(), [h(1, 1, 6), h(2, 7, 11)]);
    state = change(state, { reset: [h(5, 19, 24)] });
    expect(drawn(state).map((d) => d.id)).toEqual([5]);
    expect([...highlightsOnScreen(state).keys()]).toEqual([5]);
  });

  it('maps its decorations through a change of the text (a correction)', () => {
    let state = stateWith(fresh(), [h(1, 7, 11)]);
    // Three characters in front of "beta".
    state = state.apply(state.tr.insertText('XYZ', 1));
    expect(drawn(state).map((d) => [d.from, d.to])).toEqual([[10, 14]]);
  });

  it('leaves its state alone for a transaction that changes nothing of it (a selection)', () => {
    const state = stateWith(fresh(), [h(1, 1, 6)]);
    const after = state.apply(state.tr.setMeta('anything', true));
    expect(highlightDecorations(after)).toBe(highlightDecorations(state));
    expect(highlightsOnScreen(after)).toBe(highlightsOnScreen(state));
  });

  it('keeps highlight changes out of the undo history', () => {
    const state = stateWith(fresh());
    expect(setHighlightMeta(state.tr, { add: [] }).getMeta('addToHistory')).toBe(false);
  });
});

describe('highlightsBeforePlugin', () => {
  it("gives the view the very set the plugin starts with, and nothing once the plugin is there", () => {
    const initial = [h(1, 1, 6)];
    const doc = fresh();
    const bare = EditorState.create({ doc });
    const before = highlightsBeforePlugin(initial)(bare);
    expect(before).toBeInstanceOf(DecorationSet);
    expect(before!.find().map((d) => [d.from, d.to])).toEqual([[1, 6]]);
    const withPlugin = stateWith(doc, initial);
    expect(highlightDecorations(withPlugin)).toBe(before);
    expect(highlightsBeforePlugin(initial)(withPlugin)).toBeUndefined();
  });
});

describe('the window of a long transcript', () => {
  // Many turns of 20 characters ("turn 0000 text here." = positions 1..21, 23..43, …), one highlight on each.
  const many = WINDOW_FROM;
  const texts = Array.from({ length: many }, (_, i) => `turn ${String(i).padStart(4, '0')} text here.`);
  const longDoc = () => documentOf(texts).doc;
  const start = (i: number) => 1 + i * 22;
  const all = Array.from({ length: many }, (_, i) => h(i + 1, start(i), start(i) + 4));
  const ids = (set: DecorationSet) => [...new Set(set.find().map((d) => d.spec.codingId as number))].sort((a, b) => a - b);

  it('draws every highlight of a shorter transcript', () => {
    const state = stateWith(longDoc(), all.slice(0, many - 1));
    expect(shownDecorations(state)).toBe(highlightDecorations(state));
  });

  it('draws only the highlights near the start, keeping all of them in the set', () => {
    const state = stateWith(longDoc(), all);
    expect(highlightDecorations(state).find().length).toBe(many);
    const shown = ids(shownDecorations(state));
    expect(shown[0]).toBe(1);
    expect(shown.length).toBeGreaterThan(100);
    expect(shown.length).toBeLessThan(many / 4);
  });

  it('moves the window, and draws a highlight added inside it', () => {
    let state = stateWith(longDoc(), all);
    state = state.apply(moveHighlightWindow(state.tr, start(3000) - 1, start(3010) - 1));
    expect(ids(shownDecorations(state))).toEqual(Array.from({ length: 10 }, (_, i) => 3001 + i));
    state = change(state, { add: [h(-1, start(3005), start(3005) + 2, '#00ff00')] });
    expect(ids(shownDecorations(state))).toContain(-1);
    state = change(state, { remove: [3002] });
    expect(ids(shownDecorations(state))).not.toContain(3002);
    expect(highlightsOnScreen(state).has(-1)).toBe(true);
  });
});
