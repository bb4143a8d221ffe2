import { describe, expect, it } from 'vitest';
import type { Disagreement } from './disagreements';
import { consensusRanges, replacedConsensus } from './resolution';

const item: Disagreement = {
  key: 'akimat:1.2.3',
  codeId: 'akimat',
  start: 10,
  end: 60,
  turns: [2],
  unmatched: [1, 2, 3],
  reasons: ['turn', 'segment'],
  coders: [
    { coder: 'ana', codings: [{ id: 1, start: 10, end: 40 }, { id: 3, start: 45, end: 60 }] },
    { coder: 'bek', codings: [{ id: 2, start: 12, end: 40 }] },
    { coder: 'cai', codings: [] },
  ],
};

describe('consensusRanges', () => {
  it('accepts one coder’s version', () => {
    expect(consensusRanges(item, { kind: 'accept', coder: 'bek' })).toEqual([{ start: 12, end: 40 }]);
    expect(consensusRanges(item, { kind: 'accept', coder: 'ana' })).toEqual([
      { start: 10, end: 40 },
      { start: 45, end: 60 },
    ]);
  });

  it('accepting a coder who did not code the passage means the code does not apply', () => {
    expect(consensusRanges(item, { kind: 'accept', coder: 'cai' })).toEqual([]);
  });

  it('keeps both versions as distinct ranges, rejects, or takes an edited range', () => {
    expect(consensusRanges(item, { kind: 'both' })).toEqual([
      { start: 10, end: 40 },
      { start: 12, end: 40 },
      { start: 45, end: 60 },
    ]);
    expect(consensusRanges(item, { kind: 'reject' })).toEqual([]);
    expect(consensusRanges(item, { kind: 'edit', start: 11, end: 41 })).toEqual([{ start: 11, end: 41 }]);
  });

  it('refuses a coder who is not compared', () => {
    expect(() => consensusRanges(item, { kind: 'accept', coder: 'dan' })).toThrow(/dan/);
  });
});

describe('replacedConsensus', () => {
  it('takes consensus codings of the same code that overlap the passage', () => {
    const consensus = [
      { id: 1, codeId: 'akimat', start: 0, end: 11 },
      { id: 2, codeId: 'akimat', start: 60, end: 70 }, // touches, does not overlap
      { id: 3, codeId: 'egov', start: 20, end: 30 },
      { id: 4, codeId: 'akimat', start: 20, end: 30 },
    ];
    expect(replacedConsensus(item, consensus).map((c) => c.id)).toEqual([1, 4]);
  });
});
