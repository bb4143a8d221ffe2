import { describe, expect, it } from 'vitest';
import { nextCoding, rangeWithin } from './navigation';

const c = (id: number, codeId: number, start: number, end = start + 3) => ({ id, codeId, start, end });

describe('nextCoding', () => {
  const all = [c(1, 1, 40), c(2, 1, 10), c(3, 2, 20), c(4, 1, 25), c(5, 1, 10, 11)];
  it('goes to the next coding of the code after the offset, in text order', () => {
    expect(nextCoding(all, 1, 0, 1)?.id).toBe(5); // start 10, shorter first
    expect(nextCoding(all, 1, 10, 1)?.id).toBe(4);
    expect(nextCoding(all, 1, 25, 1)?.id).toBe(1);
  });
  it('wraps round to the first after the last', () => {
    expect(nextCoding(all, 1, 40, 1)?.id).toBe(5);
  });
  it('goes back to the previous one, wrapping round to the last', () => {
    expect(nextCoding(all, 1, 40, -1)?.id).toBe(4);
    expect(nextCoding(all, 1, 25, -1)?.id).toBe(2);
    expect(nextCoding(all, 1, 10, -1)?.id).toBe(1);
  });
  it('has nothing for a code without codings', () => {
    expect(nextCoding(all, 9, 0, 1)).toBeUndefined();
  });
});

describe('rangeWithin', () => {
  it('keeps a range inside the text, empty ones too, and drops the rest', () => {
    expect(rangeWithin({ start: 2, end: 5 }, 10)).toEqual({ start: 2, end: 5 });
    expect(rangeWithin({ start: 0, end: 10 }, 10)).toEqual({ start: 0, end: 10 });
    expect(rangeWithin({ start: 4, end: 4 }, 10)).toEqual({ start: 4, end: 4 });
    expect(rangeWithin({ start: -1, end: 5 }, 10)).toBeNull();
    expect(rangeWithin({ start: 2, end: 11 }, 10)).toBeNull();
    expect(rangeWithin({ start: 5, end: 2 }, 10)).toBeNull();
    expect(rangeWithin(null, 10)).toBeNull();
  });
});
