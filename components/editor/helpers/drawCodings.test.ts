import { describe, expect, it } from 'vitest';
import type { EditorState } from '@tiptap/pm/state';
import type { EditorCoding } from '@/lib/coding/editor-codings';
import { documentOf, drawn, selecting, stateWith } from '../testing/editorState';
import { drawCodings } from './drawCodings';
import type { HighlightContext } from './highlights';

const coding = (id: number, codeId: number, start: number, end: number): EditorCoding => ({
  id,
  codeId,
  layer: 'consensus',
  coderId: 0,
  coderName: '',
  start,
  end,
  memo: '',
  needsReview: false,
  updatedAt: '2024-01-01T00:00:00.000Z',
});

describe('drawCodings', () => {
  it('runs the commands with the highlights of the codings as they are drawn at that moment', () => {
    const { doc, ranges } = documentOf(['Alpha beta gamma']);
    let state: EditorState = selecting(stateWith(doc), ranges, 6, 10);
    let ctx: HighlightContext = { ranges, codes: new Map([[1, { color: '#ff0000' }], [2, { color: '#00ff00' }]]), shown: new Set([1]), activeAt: null };
    const draw = drawCodings((command) => command(state, (tr) => (state = state.apply(tr))), () => ctx);

    // Code 2 is hidden: only the coding of code 1 is drawn, and the selection goes either way.
    draw.applied([coding(-1, 1, 6, 10), coding(-2, 2, 6, 10)]);
    expect(drawn(state).map((d) => d.id)).toEqual([-1]);
    expect(state.selection.empty).toBe(true);

    // The coding picked since is drawn active.
    ctx = { ...ctx, activeAt: 7 };
    draw.updated([-1], [coding(10, 1, 6, 10)]);
    expect(drawn(state).map((d) => [d.id, d.class])).toEqual([[10, 'coding coding-active']]);

    draw.removed([10]);
    expect(drawn(state)).toEqual([]);
  });
});
