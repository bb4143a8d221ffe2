import { describe, expect, it } from 'vitest';
import { documentOf, drawn, run, selecting, stateWith } from '../testing/editorState';
import { highlightsKey, highlightsOnScreen } from '../plugins/codingHighlights';
import { applyCoding } from './applyCoding';

describe('applyCoding', () => {
  it('draws the codings and collapses the selection to its end, in one transaction', () => {
    const { doc, ranges } = documentOf(['Alpha beta gamma', 'Delta epsilon']);
    // "beta" is offsets 6..10, positions 7..11.
    const state = selecting(stateWith(doc), ranges, 6, 10);
    const h = { id: -1, from: 7, to: 11, color: '#ff0000' };
    const out = run(state, applyCoding([h, { ...h, id: -2, color: '#00ff00' }]));
    expect(out.ok).toBe(true);
    expect(out.dispatched).toBe(1);
    expect(drawn(out.state).map((d) => [d.id, d.from, d.to, d.hl])).toEqual([
      [-2, 7, 11, '00ff00'],
      [-1, 7, 11, 'ff0000'],
    ]);
    expect(out.state.selection.empty).toBe(true);
    expect(out.state.selection.from).toBe(11);
  });

  it('collapses the selection when the codes are hidden (nothing to draw)', () => {
    const { doc, ranges } = documentOf(['Alpha beta gamma']);
    const out = run(selecting(stateWith(doc), ranges, 0, 5), applyCoding([]));
    expect(out.state.selection.empty).toBe(true);
    expect(out.state.selection.from).toBe(6);
    expect(highlightsOnScreen(out.state).size).toBe(0);
  });

  it('only answers, without dispatch', () => {
    const { doc } = documentOf(['Alpha']);
    const state = stateWith(doc);
    expect(applyCoding([{ id: 1, from: 1, to: 3, color: '#ff0000' }])(state)).toBe(true);
  });

  it('sets the highlight meta on the transaction that moves the selection, outside the undo history', () => {
    const { doc, ranges } = documentOf(['Alpha beta']);
    const state = selecting(stateWith(doc), ranges, 0, 5);
    let seen: { meta: unknown; history: unknown; selectionSet: boolean } | null = null;
    applyCoding([{ id: 1, from: 1, to: 6, color: '#ff0000' }])(state, (tr) => {
      seen = { meta: tr.getMeta(highlightsKey), history: tr.getMeta('addToHistory'), selectionSet: tr.selectionSet };
    });
    expect(seen).toEqual({ meta: { add: [{ id: 1, from: 1, to: 6, color: '#ff0000' }] }, history: false, selectionSet: true });
  });
});
