import { describe, expect, it } from 'vitest';
import { documentOf, drawn, run, stateWith } from '../testing/editorState';
import { highlightsOnScreen } from '../plugins/codingHighlights';
import { removeCoding } from './removeCoding';

const h = (id: number, from: number, to: number) => ({ id, from, to, color: '#ff0000' });

describe('removeCoding', () => {
  it('takes the highlights of the given codings away and leaves the others', () => {
    const { doc } = documentOf(['Alpha beta gamma']);
    const out = run(stateWith(doc, [h(1, 1, 6), h(2, 1, 11), h(3, 7, 11)]), removeCoding([1, 3]));
    expect(out.ok).toBe(true);
    expect(drawn(out.state).map((d) => d.id)).toEqual([2]);
    expect([...highlightsOnScreen(out.state).keys()]).toEqual([2]);
  });

  it('takes away a highlight that covers no text', () => {
    const { doc } = documentOf(['Alpha', 'beta']);
    const out = run(stateWith(doc, [h(1, 7, 7)]), removeCoding([1]));
    expect(out.ok).toBe(true);
    expect(highlightsOnScreen(out.state).size).toBe(0);
  });

  it('answers false, dispatching nothing, for codings not drawn (hidden, or never drawn)', () => {
    const { doc } = documentOf(['Alpha beta gamma']);
    const out = run(stateWith(doc, [h(1, 1, 6)]), removeCoding([7, 8]));
    expect(out).toMatchObject({ ok: false, dispatched: 0 });
    expect(run(stateWith(doc), removeCoding([])).ok).toBe(false);
  });
});
