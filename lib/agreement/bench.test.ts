import { describe, expect, it } from 'vitest';
import { benchAgreement, benchUnitized } from './bench';

describe('benchAgreement', () => {
  // Only the shape: tests never assert on wall-clock time.
  it('returns a timing in milliseconds for every step', () => {
    const timings = benchAgreement({ documents: 2, turns: 40, codes: 5, samples: 20 });
    expect(Object.keys(timings)).toEqual([
      'report (cold)',
      'report',
      'prepare',
      'turn level',
      'character level',
      'segment level',
      'bootstrap turn level ×20',
      'bootstrap character level ×20',
    ]);
    for (const ms of Object.values(timings)) expect(ms).toBeGreaterThanOrEqual(0);
  });
});

describe('benchUnitized', () => {
  it('returns a timing for every step and the continuum’s size', () => {
    const figures = benchUnitized({ documents: 2, turns: 40, codes: 5, samples: 20 });
    expect(Object.keys(figures)).toContain('αu + bootstrap ×20');
    expect(figures['continuum characters']).toBeGreaterThan(0);
    for (const ms of Object.values(figures)) expect(ms).toBeGreaterThanOrEqual(0);
  });
});
