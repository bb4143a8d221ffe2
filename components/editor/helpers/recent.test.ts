import { describe, expect, it } from 'vitest';
import { parseRecent, RECENT_LIMIT, withRecent } from './recent';

describe('withRecent', () => {
  it('puts the codes just used first, each once', () => {
    expect(withRecent([3, 1, 2], [2, 5])).toEqual([2, 5, 3, 1]);
  });
  it(`keeps at most ${RECENT_LIMIT}`, () => {
    const many = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(withRecent(many, [99])).toEqual([99, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe('parseRecent', () => {
  it('reads the stored list of code ids, and nothing from anything else', () => {
    expect(parseRecent('[4,2]')).toEqual([4, 2]);
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('not json')).toEqual([]);
    expect(parseRecent('{"a":1}')).toEqual([]);
    expect(parseRecent('[1,"x",2.5,3]')).toEqual([1, 3]);
  });
});
