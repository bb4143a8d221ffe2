import { describe, expect, it } from 'vitest';
import { SeededRandom, seededRandom } from './random';

describe('seededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
  });

  it('yields floats in [0, 1), roughly uniform', () => {
    const r = seededRandom(7);
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r();
      if (!(x >= 0 && x < 1)) outside++;
      else bins[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('accepts odd seeds without failing', () => {
    expect(Number.isFinite(seededRandom(NaN)())).toBe(true);
    expect(Number.isFinite(seededRandom(-1.5)())).toBe(true);
  });
});

describe('SeededRandom.drawCounts', () => {
  it('counts the same draws as Math.floor(next() · n), and continues the sequence', () => {
    const counts = new Int32Array(50);
    const fast = new SeededRandom(99);
    fast.drawCounts(counts);
    const slow = seededRandom(99);
    const expected = new Int32Array(50);
    for (let i = 0; i < 50; i++) expected[Math.floor(slow() * 50)]++;
    expect([...counts]).toEqual([...expected]);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(50);
    expect(fast.next()).toBe(slow());
  });
});
