import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packedNeedsReview, toColumns, unpackCodings, type PackedCoding } from './editor-codings';

/** What a row says, written out field by field (the database's order: see PackedCoding). */
const meaning = (coders: Record<number, string>, [id, codeId, coderId, start, end, flags, updated, memo]: PackedCoding) => ({
  id,
  codeId,
  layer: flags === 1 || flags === 3 ? 'consensus' : 'coder',
  coderId,
  coderName: coders[coderId] ?? '',
  start,
  end,
  memo,
  needsReview: flags >= 2,
  updatedAt: new Date(updated).toISOString(),
});

const row = fc
  .tuple(fc.nat(10_000_000), fc.nat(5000), fc.integer({ min: 1, max: 5 }), fc.nat(400_000), fc.nat(2000), fc.nat(3), fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2100-01-01') }), fc.oneof(fc.constant(''), fc.string()))
  .map(([id, code, coder, start, length, flags, updated, memo]): PackedCoding => [id, code, coder, start, start + length, flags, updated, memo]);

describe('editor codings as columns', () => {
  it('give back every row as it was, in any order, after a trip through JSON (property)', () => {
    const coders = { 1: 'Aigerim', 2: 'Ерлан «ә»', 3: 'Lead', 4: 'x', 5: '' };
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.boolean(), (rows, sorted) => {
        if (sorted) rows.sort((a, b) => a[3] - b[3]);
        const sent = JSON.parse(JSON.stringify(toColumns({ coders, rows })));
        expect(unpackCodings(sent)).toEqual(rows.map((r) => meaning(coders, r)));
      }),
    );
  });

  it('send starts as steps along the text, ends as lengths, updates from the earliest, and only the memos there are', () => {
    const t = Date.parse('2024-11-05T10:00:00.123Z');
    const rows: PackedCoding[] = [
      [11, 4, 7, 100, 130, 0, t + 500, ''],
      [12, 4, 9, 100, 108, 3, t, 'memo «ә»'],
      [10, 5, 7, 250, 251, 1, t + 61_000, ''],
    ];
    const c = toColumns({ coders: { 7: 'Aigerim', 9: 'Lead' }, rows });
    expect(c).toEqual({ coders: { 7: 'Aigerim', 9: 'Lead' }, id: [11, 12, 10], code: [4, 4, 5], coder: [7, 9, 7], start: [100, 0, 150], length: [30, 8, 1], flags: [0, 3, 1], since: t, updated: [500, 0, 61_000], memos: { 1: 'memo «ә»' } });
    expect(unpackCodings(c)[1]).toEqual({ id: 12, codeId: 4, layer: 'consensus', coderId: 9, coderName: 'Lead', start: 100, end: 108, memo: 'memo «ә»', needsReview: true, updatedAt: '2024-11-05T10:00:00.123Z' });
    expect(rows.map(packedNeedsReview)).toEqual([false, true, false]);
    expect(unpackCodings(toColumns({ coders: {}, rows: [] }))).toEqual([]);
  });
});
