import { describe, expect, it } from 'vitest';
import { documentOf, drawn, run, stateWith } from '../testing/editorState';
import { highlightsKey, highlightsOnScreen } from '../plugins/codingHighlights';
import { updateCoding } from './updateCoding';

const h = (id: number, from: number, to: number, color = '#ff0000') => ({ id, from, to, color });

describe('updateCoding', () => {
  it('redraws a coding with a new range and code colour under the same id', () => {
    const { doc } = documentOf(['Alpha beta gamma']);
    const out = run(stateWith(doc, [h(1, 1, 6), h(2, 7, 11)]), updateCoding([1], [h(1, 1, 11, '#00ff00')]));
    expect(out.ok).toBe(true);
    expect(drawn(out.state).map((d) => [d.id, d.from, d.to, d.hl])).toEqual([
      [1, 1, 11, '00ff00'],
      [2, 7, 11, 'ff0000'],
    ]);
  });

  it('puts the saved coding in place of its stand-in', () => {
    const { doc } = documentOf(['Alpha beta gamma']);
    const out = run(stateWith(doc, [h(-1, 1, 6), h(-2, 1, 6, '#00ff00')]), updateCoding([-1, -2], [h(41, 1, 6), h(42, 1, 6, '#00ff00')]));
    expect(drawn(out.state).map((d) => d.id)).toEqual([41, 42]);
    expect([...highlightsOnScreen(out.state).keys()].sort()).toEqual([41, 42]);
  });

  it('draws a coding put back (nothing to take away)', () => {
    const { doc } = documentOf(['Alpha beta gamma']);
    const out = run(stateWith(doc), updateCoding([], [h(5, 7, 11)]));
    expect(drawn(out.state).map((d) => d.id)).toEqual([5]);
  });

  it('does not draw twice a saved coding that codings from the server already brought', () => {
    const { doc } = documentOf(['Alpha beta gamma']);
    const out = run(stateWith(doc, [h(-1, 1, 6), h(41, 1, 6)]), updateCoding([-1], [h(41, 1, 6)]));
    expect(drawn(out.state).map((d) => d.id)).toEqual([41]);
  });

  it('sends only what differs from the screen, and nothing when nothing does', () => {
    const { doc } = documentOf(['Alpha beta gamma']);
    const state = stateWith(doc, [h(1, 1, 6), h(2, 7, 11)]);
    let meta: unknown = null;
    updateCoding([1, 2], [h(1, 1, 6), h(2, 7, 17)])(state, (tr) => (meta = tr.getMeta(highlightsKey)));
    expect(meta).toEqual({ remove: [], add: [h(2, 7, 17)] });
    expect(run(state, updateCoding([1], [h(1, 1, 6)]))).toMatchObject({ ok: false, dispatched: 0 });
  });
});
