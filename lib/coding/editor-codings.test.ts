import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packCodings, unpackCodings, type EditorCoding } from './editor-codings';

const coding = fc.record({
  id: fc.nat(),
  codeId: fc.nat(),
  layer: fc.constantFrom('coder' as const, 'consensus' as const),
  coderId: fc.integer({ min: 1, max: 5 }),
  start: fc.nat(100_000),
  end: fc.nat(100_000),
  memo: fc.string(),
  needsReview: fc.boolean(),
  updatedAt: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
});

describe('packed editor codings', () => {
  it('give back the codings they were made from (property)', () => {
    fc.assert(
      fc.property(fc.array(coding, { maxLength: 20 }), (raw) => {
        // A coder has one name.
        const codings: EditorCoding[] = raw.map((c) => ({ ...c, coderName: `Coder ${c.coderId} «ә»` }));
        expect(unpackCodings(JSON.parse(JSON.stringify(packCodings(codings))))).toEqual(codings);
      }),
    );
  });

  it('name each coder once', () => {
    const c = { codeId: 1, layer: 'coder' as const, coderId: 7, coderName: 'Aigerim', start: 0, end: 5, memo: '', needsReview: false, updatedAt: '2024-11-05T10:00:00.000Z' };
    const packed = packCodings([{ ...c, id: 1 }, { ...c, id: 2 }]);
    expect(packed.coders).toEqual({ 7: 'Aigerim' });
    expect(packed.rows).toEqual([
      [1, 1, 7, 0, 5, 0, Date.parse(c.updatedAt), ''],
      [2, 1, 7, 0, 5, 0, Date.parse(c.updatedAt), ''],
    ]);
  });
});
