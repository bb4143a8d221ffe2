import { describe, expect, it } from 'vitest';
import { firstEndingAfter, mergeSorted, prepareStudy, type AgreementInput } from './document';

describe('prepareStudy', () => {
  const input: AgreementInput = {
    coders: ['ana', 'bek', 'ana', 'cai'],
    documents: [
      {
        id: 'almaty-1',
        turns: [
          { start: 12, end: 20, isParticipant: true },
          { start: 0, end: 11, isParticipant: false }, // moderator
          { start: 21, end: 21, isParticipant: true }, // empty turn
          { start: 22, end: 30, isParticipant: true },
        ],
        assignedCoders: ['ana', 'bek'],
        codings: {
          ana: [
            { codeId: 'tiktok', start: 14, end: 18 },
            { codeId: 'akimat', start: 23, end: 26 },
            { codeId: 'akimat', start: 22, end: 24 },
            { codeId: 'akimat', start: 26, end: 28 }, // touches the previous: merges
            { codeId: 'akimat', start: 29, end: 29 }, // empty: dropped
          ],
          bek: [{ codeId: 'akimat', start: 5, end: 25 }],
          cai: [{ codeId: 'egov', start: 0, end: 30 }], // not assigned: ignored
        },
      },
    ],
  };

  it('indexes coders (deduplicated) and the codes assigned coders used, sorted', () => {
    const s = prepareStudy(input);
    expect(s.coders).toEqual(['ana', 'bek', 'cai']);
    expect(s.codes).toEqual(['akimat', 'tiktok']);
  });

  it('keeps the non-empty participant turns, sorted, with their input index', () => {
    const d = prepareStudy(input).documents[0];
    expect(d.turnIndex).toEqual([0, 3]);
    expect([...d.starts]).toEqual([12, 22]);
    expect([...d.ends]).toEqual([20, 30]);
    expect(d.assigned).toEqual([true, true, false]);
    expect(d.assignedCount).toBe(2);
  });

  it('merges each coder’s codings per code and keeps the raw segments sorted', () => {
    const d = prepareStudy(input).documents[0];
    expect([...(d.coverage[0][0] ?? [])]).toEqual([22, 28]);
    expect([...(d.segments[0][0] ?? [])]).toEqual([22, 24, 23, 26, 26, 28]);
    expect([...(d.coverage[0][1] ?? [])]).toEqual([5, 25]);
    expect([...(d.coverage[1][1] ?? [])]).toEqual([]); // assigned, did not use the code
    expect(d.coverage[0][2]).toBeNull(); // not assigned
  });

  it('honours an explicit code list', () => {
    const s = prepareStudy({ ...input, codes: ['egov', 'tiktok', 'egov'] });
    expect(s.codes).toEqual(['egov', 'tiktok']);
    expect([...(s.documents[0].coverage[1][0] ?? [])]).toEqual([14, 18]);
  });
});

describe('range helpers', () => {
  it('merges overlapping and touching ranges', () => {
    expect([...mergeSorted([[0, 2], [1, 3], [3, 4], [6, 7]])]).toEqual([0, 4, 6, 7]);
    expect([...mergeSorted([])]).toEqual([]);
  });

  it('finds the first range ending after a position', () => {
    const ends = Float64Array.of(3, 6, 11);
    expect(firstEndingAfter(ends, 0)).toBe(0);
    expect(firstEndingAfter(ends, 3)).toBe(1);
    expect(firstEndingAfter(ends, 10)).toBe(2);
    expect(firstEndingAfter(ends, 11)).toBe(3);
  });
});
