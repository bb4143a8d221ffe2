import { describe, expect, it } from 'vitest';
import { StampedCache } from './cache';

describe('StampedCache', () => {
  it('recomputes when the stamp changes and forgets the least recently used', () => {
    const cache = new StampedCache<number>(2);
    let calls = 0;
    const compute = (v: number) => () => (calls++, v);
    expect(cache.get('a', 's1', compute(1))).toBe(1);
    expect(cache.get('a', 's1', compute(2))).toBe(1);
    expect(cache.get('a', 's2', compute(3))).toBe(3);
    cache.get('b', 's2', compute(4));
    cache.get('a', 's2', compute(5)); // a is now the most recent
    cache.get('c', 's2', compute(6)); // evicts b
    expect(cache.get('a', 's2', compute(7))).toBe(3);
    expect(cache.get('b', 's2', compute(8))).toBe(8);
    expect(calls).toBe(5);
  });
});
