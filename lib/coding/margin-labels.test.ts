import { describe, expect, it } from 'vitest';
import { placeLabels } from './margin-labels';

const H = 16;

describe('placeLabels', () => {
  it('puts each label at its bracket top when there is room', () => {
    expect(placeLabels([{ top: 0, bottom: 50 }, { top: 40, bottom: 90 }], H)).toEqual([
      { kind: 'shown', y: 0, joined: [] },
      { kind: 'shown', y: 40, joined: [] },
    ]);
  });

  it('pushes a label below the one above it, never overlapping', () => {
    // Both brackets start at 10; the second label goes to 10 + 16 + 2 = 28, and 28 + 16 still ends inside its 10..50 bracket.
    const places = placeLabels([{ top: 10, bottom: 60 }, { top: 10, bottom: 50 }], H);
    expect(places).toEqual([
      { kind: 'shown', y: 10, joined: [] },
      { kind: 'shown', y: 28, joined: [] },
    ]);
  });

  it('joins a label into the one above when pushing it would leave its bracket', () => {
    // Three one-line codings (10..34) on the same line: the second would go to 28, and 28 + 16 > 34, so it joins, as does the third.
    const places = placeLabels([{ top: 10, bottom: 34 }, { top: 10, bottom: 34 }, { top: 12, bottom: 34 }, { top: 100, bottom: 124 }], H);
    expect(places[0]).toEqual({ kind: 'shown', y: 10, joined: [1, 2] });
    expect(places[1]).toEqual({ kind: 'joined', into: 0 });
    expect(places[2]).toEqual({ kind: 'joined', into: 0 });
    expect(places[3]).toEqual({ kind: 'shown', y: 100, joined: [] });
  });

  it('orders by top, longer brackets first, whatever the input order', () => {
    const places = placeLabels([{ top: 50, bottom: 200 }, { top: 0, bottom: 20 }, { top: 50, bottom: 300 }], H);
    expect(places[1]).toEqual({ kind: 'shown', y: 0, joined: [] });
    expect(places[2]).toEqual({ kind: 'shown', y: 50, joined: [] });
    expect(places[0]).toEqual({ kind: 'shown', y: 68, joined: [] });
  });

  it('handles nothing', () => {
    expect(placeLabels([], H)).toEqual([]);
  });
});
