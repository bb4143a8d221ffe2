import { describe, expect, it } from 'vitest';
import type { EditorCoding } from '@/lib/coding/editor-codings';
import { buildCanonicalText } from '@/lib/text/canonical';
import { codingsAt, highlightList, highlightOf, highlightsOf, visibleCodings, type HighlightContext } from './highlights';

// "Alpha beta" is offsets 0..10 (positions 1..11); "gamma" 11..16 (positions 13..18).
const { ranges } = buildCanonicalText([{ text: 'Alpha beta' }, { text: 'gamma' }]);
const coding = (id: number, codeId: number, start: number, end: number): EditorCoding => ({
  id,
  codeId,
  layer: 'coder',
  coderId: 1,
  coderName: 'Coder 1',
  start,
  end,
  memo: '',
  needsReview: false,
  updatedAt: '2024-01-01T00:00:00.000Z',
});
const ctx = (over: Partial<HighlightContext> = {}): HighlightContext => ({
  ranges,
  codes: new Map([
    [1, { color: '#ff0000' }],
    [2, { color: '#00ff00' }],
  ]),
  shown: null,
  activeAt: null,
  ...over,
});

describe('highlightOf', () => {
  it('turns text offsets into editor positions, with the code colour', () => {
    expect(highlightOf(coding(7, 1, 6, 10), ctx())).toEqual({ id: 7, from: 7, to: 11, color: '#ff0000', active: false });
    // Across the turn break: offset 11 is the start of "gamma", position 13.
    expect(highlightOf(coding(8, 2, 6, 13), ctx())).toMatchObject({ from: 7, to: 15, color: '#00ff00' });
  });

  it('greys a coding whose code is unknown', () => {
    expect(highlightOf(coding(7, 99, 0, 5), ctx())?.color).toBe('#888888');
  });

  it('marks the codings over the picked offset active (start inclusive, end exclusive)', () => {
    expect(highlightOf(coding(1, 1, 6, 10), ctx({ activeAt: 6 }))?.active).toBe(true);
    expect(highlightOf(coding(1, 1, 6, 10), ctx({ activeAt: 9 }))?.active).toBe(true);
    expect(highlightOf(coding(1, 1, 6, 10), ctx({ activeAt: 10 }))?.active).toBe(false);
  });

  it('draws nothing for a hidden code, an empty coding, or one outside the text', () => {
    expect(highlightOf(coding(1, 1, 0, 5), ctx({ shown: new Set([2]) }))).toBeNull();
    expect(highlightOf(coding(1, 1, 5, 5), ctx())).toBeNull();
    expect(highlightOf(coding(1, 1, 5, 3), ctx())).toBeNull();
    expect(highlightOf(coding(1, 1, 10, 40), ctx())).toBeNull();
  });
});

describe('highlightsOf', () => {
  it('keys the drawn highlights by coding id and leaves the others out', () => {
    const all = [coding(1, 1, 0, 5), coding(2, 2, 6, 10), coding(3, 1, 3, 3)];
    expect([...highlightsOf(all, ctx()).keys()]).toEqual([1, 2]);
    expect([...highlightsOf(all, ctx({ shown: new Set([2]) })).keys()]).toEqual([2]);
    expect(highlightList(all, ctx()).map((h) => h.id)).toEqual([1, 2]);
  });
});

describe('visibleCodings and codingsAt', () => {
  const all = [coding(1, 1, 0, 5), coding(2, 2, 3, 10), coding(3, 1, 6, 10)];
  it('keeps the codings of the shown codes (all of them when none is chosen)', () => {
    expect(visibleCodings(all, null).map((c) => c.id)).toEqual([1, 2, 3]);
    expect(visibleCodings(all, new Set([1])).map((c) => c.id)).toEqual([1, 3]);
    expect(visibleCodings(all, new Set())).toEqual([]);
  });
  it('finds the codings over an offset', () => {
    expect(codingsAt(all, 4).map((c) => c.id)).toEqual([1, 2]);
    expect(codingsAt(all, 5).map((c) => c.id)).toEqual([2]);
    expect(codingsAt(all, 10)).toEqual([]);
    expect(codingsAt(all, null)).toEqual([]);
  });
});
