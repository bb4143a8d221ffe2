/**
 * A seeded pseudo-random generator (Tommy Ettinger's mulberry32): 32 bits of state, fast, and
 * good enough for resampling — not for anything secret. The same seed always yields the same
 * sequence, so a bootstrap interval can be reproduced and cited.
 */
export class SeededRandom {
  private state: number;

  /** Any number is a seed; only the low 32 bits of its integer part matter (NaN counts as 0). */
  constructor(seed: number) {
    this.state = (Number.isFinite(seed) ? Math.trunc(seed) : 0) >>> 0;
  }

  /** The next float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * One bootstrap resample's multiplicities: draws n = `counts.length` indices in [0, n)
   * uniformly with replacement, `Math.floor(next() · n)` each, and writes into `counts` how
   * often each index was drawn. The generator is inlined here because this loop is the hot path
   * of every bootstrap (millions of draws); it consumes exactly n values of `next()`.
   */
  drawCounts(counts: Int32Array): void {
    const n = counts.length;
    counts.fill(0);
    let state = this.state;
    for (let d = 0; d < n; d++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      counts[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)]++;
    }
    this.state = state;
  }
}

/** The generator of {@link SeededRandom} as a function yielding floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

/** The default seed of the bootstraps in this module. */
export const DEFAULT_SEED = 20241101;
