import { describe, expect, it } from 'vitest';
import { documentOf, drawn, run, stateWith } from '../testing/editorState';
import { highlightKey, highlightsOnScreen, type Highlight } from '../plugins/codingHighlights';
import { highlightDiff, syncHighlights } from './syncHighlights';

const h = (id: number, from: number, to: number, active = false): Highlight => ({ id, from, to, color: '#ff0000', active });
const byId = (...hs: Highlight[]) => new Map(hs.map((x) => [x.id, x]));

describe('highlightDiff', () => {
  it('removes what is gone or changed and adds what is new or changed', () => {
    const onScreen = new Map([
      [1, highlightKey(h(1, 1, 6))],
      [2, highlightKey(h(2, 7, 11))],
      [3, highlightKey(h(3, 1, 11))],
    ]);
    const diff = highlightDiff(onScreen, byId(h(1, 1, 6), h(2, 7, 11, true), h(4, 2, 3)));
    expect(diff.remove).toEqual([2, 3]);
    expect(diff.add).toEqual([h(2, 7, 11, true), h(4, 2, 3)]);
  });

  it('is empty when the screen shows what is wanted', () => {
    expect(highlightDiff(new Map([[1, highlightKey(h(1, 1, 6))]]), byId(h(1, 1, 6)))).toEqual({ add: [], remove: [] });
  });
});

describe('syncHighlights', () => {
  it('brings the screen to the wanted highlights in one transaction', () => {
    const { doc } = documentOf(['Alpha beta gamma', 'Delta epsilon']);
    const out = run(stateWith(doc, [h(1, 1, 6), h(2, 7, 11)]), syncHighlights(byId(h(2, 7, 11, true), h(3, 19, 24))));
    expect(out).toMatchObject({ ok: true, dispatched: 1 });
    expect(drawn(out.state).map((d) => [d.id, d.class])).toEqual([
      [2, 'coding coding-active'],
      [3, 'coding'],
    ]);
    expect([...highlightsOnScreen(out.state).keys()].sort()).toEqual([2, 3]);
  });

  it('answers false, dispatching nothing, when there is nothing to change', () => {
    const { doc } = documentOf(['Alpha beta gamma']);
    expect(run(stateWith(doc, [h(1, 1, 6)]), syncHighlights(byId(h(1, 1, 6))))).toMatchObject({ ok: false, dispatched: 0 });
  });
});
