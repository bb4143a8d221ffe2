import { describe, expect, it } from 'vitest';
import { planCodingMerge, type MergeCoding } from './merge';

const coding = (id: number, coderId: number, start: number, end: number, extra: Partial<MergeCoding> = {}): MergeCoding => ({
  id,
  documentId: 1,
  layer: 'coder',
  coderId,
  start,
  end,
  memo: '',
  ...extra,
});

describe('planCodingMerge', () => {
  it('moves codings the target lacks and collapses identical ranges, appending the memo', () => {
    const target = [coding(1, 7, 10, 20, { memo: 'target memo' })];
    const source = [
      coding(5, 8, 10, 20), // another coder: moves
      coding(2, 7, 10, 20, { memo: 'source memo' }), // same range, coder, layer: collapses
      coding(3, 7, 10, 20, { layer: 'consensus' }), // another layer: moves
      coding(4, 7, 10, 21), // another range: moves
      coding(6, 7, 10, 20, { documentId: 2 }), // another document: moves
    ];
    const translations = [
      { id: 100, codingId: 2, language: 'en' },
      { id: 101, codingId: 1, language: 'ru' },
      { id: 102, codingId: 2, language: 'ru' },
    ];
    const plan = planCodingMerge(target, source, translations);
    expect(plan.steps).toEqual([
      { kind: 'collapse', codingId: 2, into: 1, memo: 'target memo\n\nsource memo', translations: [100] },
      { kind: 'move', codingId: 3 },
      { kind: 'move', codingId: 4 },
      { kind: 'move', codingId: 5 },
      { kind: 'move', codingId: 6 },
    ]);
    expect(plan.moved).toEqual([3, 4, 5, 6]);
    expect(plan.collapsed).toEqual([{ coding: 2, into: 1, memo: 'source memo' }]);
  });

  it('leaves the memo alone when the source memo is blank or already a paragraph of it', () => {
    const target = [coding(1, 7, 0, 5, { memo: 'a\n\nb' }), coding(2, 7, 5, 9)];
    const source = [coding(3, 7, 0, 5, { memo: 'b' }), coding(4, 7, 5, 9, { memo: '  ' }), coding(5, 7, 0, 5, { memo: 'a\n\nb' })];
    const plan = planCodingMerge(target, source, []);
    expect(plan.steps.map((s) => s.kind === 'collapse' && s.memo)).toEqual([null, null, 'a\n\nb\n\na\n\nb']);
  });

  it('collapses into the first target coding of a range, and counts a moved coding as the target for later ones', () => {
    const target = [coding(2, 7, 0, 5), coding(1, 7, 0, 5, { memo: 'first' })];
    const source = [
      coding(3, 8, 0, 5, { memo: 'moved' }),
      coding(4, 8, 0, 5, { memo: 'again' }),
      coding(5, 7, 0, 5, { memo: 'x' }),
      coding(6, 7, 0, 5, { memo: 'y' }),
    ];
    const translations = [
      { id: 10, codingId: 3, language: 'kk' },
      { id: 11, codingId: 4, language: 'kk' },
      { id: 12, codingId: 4, language: 'en' },
      { id: 13, codingId: 5, language: 'en' },
      { id: 14, codingId: 6, language: 'en' },
    ];
    const plan = planCodingMerge(target, source, translations);
    expect(plan.steps).toEqual([
      { kind: 'move', codingId: 3 },
      // Into the moved coding 3: its memo grows, its kk stays, en moves over.
      { kind: 'collapse', codingId: 4, into: 3, memo: 'moved\n\nagain', translations: [12] },
      // Into target coding 1 (lowest id of the range), memos accumulate;
      // the second en does not move, the first already did.
      { kind: 'collapse', codingId: 5, into: 1, memo: 'first\n\nx', translations: [13] },
      { kind: 'collapse', codingId: 6, into: 1, memo: 'first\n\nx\n\ny', translations: [] },
    ]);
    expect(plan.moved).toEqual([3]);
  });

  it('plans nothing for a source without codings', () => {
    expect(planCodingMerge([coding(1, 7, 0, 5)], [], [])).toEqual({ steps: [], moved: [], collapsed: [] });
  });
});
