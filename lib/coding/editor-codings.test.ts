import { describe, expect, it } from 'vitest';
import { packedNeedsReview, unpackCodings, type PackedCoding } from './editor-codings';

describe('packed editor codings', () => {
  it('unpack each row with its coder’s name, layer and review flag from the row’s flags', () => {
    const updated = Date.parse('2024-11-05T10:00:00.123Z');
    const rows: PackedCoding[] = [
      [1, 4, 7, 0, 5, 0, updated, ''],
      [2, 4, 9, 3, 8, 3, updated, 'memo «ә»'],
    ];
    expect(unpackCodings({ coders: { 7: 'Aigerim', 9: 'Lead' }, rows })).toEqual([
      { id: 1, codeId: 4, layer: 'coder', coderId: 7, coderName: 'Aigerim', start: 0, end: 5, memo: '', needsReview: false, updatedAt: '2024-11-05T10:00:00.123Z' },
      { id: 2, codeId: 4, layer: 'consensus', coderId: 9, coderName: 'Lead', start: 3, end: 8, memo: 'memo «ә»', needsReview: true, updatedAt: '2024-11-05T10:00:00.123Z' },
    ]);
    expect(rows.map(packedNeedsReview)).toEqual([false, true]);
  });
});
