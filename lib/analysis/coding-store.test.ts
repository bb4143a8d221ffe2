import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CONSENSUS, CodingStore, columnsOf, type StoredCoding } from './coding-store';
import type { AnalysisLayer } from './types';

const row = (id: number, coder: number, start = id, codeId = 1, documentId = 1): StoredCoding => ({ id, documentId, codeId, coder, start, end: start + 5 });

function fromRows(rows: StoredCoding[]): CodingStore {
  const col = (k: keyof StoredCoding) => rows.map((r) => r[k]);
  return new CodingStore({ id: col('id'), documentId: col('documentId'), codeId: col('codeId'), coder: col('coder'), start: col('start'), end: col('end') });
}

/** What columns() must return: the layer's rows in id order. */
function naive(rows: Map<number, StoredCoding>, layer: AnalysisLayer) {
  const kept = [...rows.values()]
    .filter((r) => (layer.kind === 'consensus' ? r.coder === CONSENSUS : layer.kind === 'union' ? r.coder !== CONSENSUS : r.coder === layer.coderId))
    .sort((a, b) => a.id - b.id);
  return { documentId: kept.map((r) => r.documentId), codeId: kept.map((r) => r.codeId), start: kept.map((r) => r.start), end: kept.map((r) => r.end) };
}

const plain = (c: { documentId: ArrayLike<number>; codeId: ArrayLike<number>; start: ArrayLike<number>; end: ArrayLike<number> }) => ({
  documentId: Array.from(c.documentId),
  codeId: Array.from(c.codeId),
  start: Array.from(c.start),
  end: Array.from(c.end),
});

describe('CodingStore', () => {
  it('selects a layer: consensus, one coder, or every coder (the union)', () => {
    const store = fromRows([row(1, 7), row(2, CONSENSUS), row(3, 8), row(4, 7)]);
    expect(plain(store.columns({ kind: 'coder', coderId: 7 })).start).toEqual([1, 4]);
    expect(plain(store.columns({ kind: 'consensus' })).start).toEqual([2]);
    expect(plain(store.columns({ kind: 'union' })).start).toEqual([1, 3, 4]);
    expect(store.coders()).toEqual([7, 8]);
  });

  it('takes in an insert, a move and a delete, and names the layers they touch', () => {
    const store = fromRows([row(1, 7), row(2, CONSENSUS), row(3, 8)]);
    // 1 deleted, 3 moved from coder 8 to coder 9, 5 inserted in the consensus
    const applied = store.apply([1, 3, 5], [row(3, 9, 30), row(5, CONSENSUS, 50)]);
    expect([...applied!.touched].sort()).toEqual(['coder:7', 'coder:8', 'coder:9', 'consensus', 'union']);
    expect([...applied!.rewritten].sort()).toEqual(['coder:7', 'coder:8', 'coder:9', 'union']);
    expect(applied!.added.map((r) => r.id)).toEqual([5]);
    expect(plain(store.columns({ kind: 'union' })).start).toEqual([30]);
    expect(plain(store.columns({ kind: 'consensus' })).start).toEqual([2, 50]);
    expect(store.size).toBe(3);
    expect(store.coders()).toEqual([9]);
  });

  it('asks to be read again when a new id falls below one it holds', () => {
    const store = fromRows([row(4, 7)]);
    expect(store.apply([2], [row(2, 7)])).toBeNull();
  });

  it('orders rows given in any order by id, and refuses an id listed twice', () => {
    const store = fromRows([row(3, 7), row(1, 7), row(2, 7)]);
    expect(plain(store.columns({ kind: 'union' })).start).toEqual([1, 2, 3]);
    expect(() => fromRows([row(2, 7), row(2, 8)])).toThrow(/coding 2 is listed twice/);
  });

  it('matches the rows it was given after any sequence of writes (property)', () => {
    const layers: AnalysisLayer[] = [{ kind: 'consensus' }, { kind: 'union' }, { kind: 'coder', coderId: 1 }, { kind: 'coder', coderId: 2 }];
    const op = fc.record({ kind: fc.constantFrom('insert', 'update', 'delete'), pick: fc.nat(), coder: fc.constantFrom(CONSENSUS, 1, 2), start: fc.nat(1000), code: fc.nat(3) });
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 8 }), { maxLength: 30 }), (batches) => {
        const truth = new Map<number, StoredCoding>();
        let next = 1;
        for (let i = 0; i < 5; i++, next++) truth.set(next, row(next, i % 2 ? 1 : CONSENSUS, i * 3));
        const store = fromRows([...truth.values()].reverse());
        for (const batch of batches) {
          const changed: number[] = [];
          const before = new Map(truth);
          for (const o of batch) {
            const ids = [...truth.keys()];
            if (o.kind === 'insert' || ids.length === 0) {
              truth.set(next, { id: next, documentId: 1 + (o.pick % 2), codeId: o.code, coder: o.coder, start: o.start, end: o.start + 3 });
              changed.push(next++);
            } else {
              const id = ids[o.pick % ids.length];
              if (o.kind === 'delete') truth.delete(id);
              else truth.set(id, { ...truth.get(id)!, coder: o.coder, start: o.start, codeId: o.code });
              changed.push(id);
            }
          }
          const applied = store.apply(changed, changed.filter((id) => truth.has(id)).map((id) => truth.get(id)!));
          expect(applied).not.toBeNull();
          const touched = applied!.touched;
          for (const layer of layers) {
            const now = naive(truth, layer);
            expect(plain(store.columns(layer))).toEqual(now);
            // a layer not named as touched is unchanged
            const key = layer.kind === 'coder' ? `coder:${layer.coderId}` : layer.kind;
            if (!touched.has(key)) expect(naive(before, layer)).toEqual(now);
            // a layer only added to is what it was, then the added rows
            if (!applied!.rewritten.has(key)) {
              const was = naive(before, layer);
              const more = plain(columnsOf(applied!.added, layer));
              expect({ documentId: [...was.documentId, ...more.documentId], codeId: [...was.codeId, ...more.codeId], start: [...was.start, ...more.start], end: [...was.end, ...more.end] }).toEqual(now);
            }
          }
          expect(store.size).toBe(truth.size);
        }
      }),
    );
  });
});
