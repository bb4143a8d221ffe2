/**
 * Properties every statistic of this module shares, checked on random well-formed input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapAlpha } from './bootstrap';
import { brennanPrediger } from './brennan-prediger';
import { cohenKappa } from './cohen-kappa';
import { fleissKappa } from './fleiss-kappa';
import { krippendorffAlpha } from './krippendorff';
import { percentAgreement } from './percent-agreement';
import type { MeasurementLevel, RatingValue } from './types';

const LEVELS: MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

const value: fc.Arbitrary<RatingValue> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 4 }) },
);
const mixedValue: fc.Arbitrary<RatingValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('a', 'b', 'c', ''),
  fc.constant(Number.NaN),
  fc.double({ noNaN: false }),
);
const numericData = fc.array(fc.array(value, { maxLength: 5 }), { maxLength: 25 });
const mixedData = fc.array(fc.array(mixedValue, { maxLength: 5 }), { maxLength: 15 });

function inRange(x: number, lo: number, hi: number): boolean {
  return Number.isNaN(x) || (x >= lo - 1e-9 && x <= hi + 1e-9);
}

describe('statistics on random well-formed input', () => {
  it('never throw, whatever the values', () => {
    fc.assert(
      fc.property(mixedData, fc.array(mixedValue), fc.array(mixedValue), (data, a, b) => {
        expect(typeof percentAgreement(data)).toBe('number');
        expect(typeof fleissKappa(data)).toBe('number');
        expect(typeof brennanPrediger(data, ['a', 'z'])).toBe('number');
        expect(typeof cohenKappa(a, b)).toBe('number');
        for (const level of LEVELS) expect(typeof krippendorffAlpha(data, level)).toBe('number');
        expect(typeof bootstrapAlpha(data, { samples: 5 }).alpha).toBe('number');
      }),
      { numRuns: 300 },
    );
  });

  it('stay within [−1, 1] (percent agreement within [0, 1])', () => {
    fc.assert(
      fc.property(numericData, (data) => {
        expect(inRange(percentAgreement(data), 0, 1)).toBe(true);
        expect(inRange(fleissKappa(data), -1, 1)).toBe(true);
        expect(inRange(brennanPrediger(data), -1, 1)).toBe(true);
        const a = data.map((row) => row[0] ?? null);
        const b = data.map((row) => row[1] ?? null);
        expect(inRange(cohenKappa(a, b), -1, 1)).toBe(true);
        for (const level of LEVELS) expect(inRange(krippendorffAlpha(data, level), -1, 1)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('give α = 1 (and κ = 1, pa = 1) when all coders agree and values vary', () => {
    const agreeing = fc
      .record({
        coders: fc.integer({ min: 2, max: 5 }),
        units: fc.array(fc.record({ v: fc.integer({ min: 0, max: 6 }), present: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }) }), {
          minLength: 2,
          maxLength: 20,
        }),
      })
      .map(({ coders, units }) =>
        units.map(({ v, present }) =>
          // every unit keeps its first two coders, so it is pairable
          Array.from({ length: coders }, (_, c) => (c < 2 || present[c] ? v : null)),
        ),
      )
      .filter((data) => new Set(data.map((row) => row[0])).size >= 2);
    fc.assert(
      fc.property(agreeing, (data) => {
        for (const level of LEVELS) expect(krippendorffAlpha(data, level)).toBeCloseTo(1, 12);
        expect(percentAgreement(data)).toBe(1);
        expect(fleissKappa(data)).toBeCloseTo(1, 12);
        expect(brennanPrediger(data)).toBeCloseTo(1, 12);
        expect(cohenKappa(data.map((r) => r[0]), data.map((r) => r[1]))).toBeCloseTo(1, 12);
      }),
    );
  });

  it('are NaN with a single category', () => {
    const oneCategory = fc.array(fc.array(fc.constantFrom<RatingValue>('x', null), { maxLength: 5 }), { maxLength: 20 });
    fc.assert(
      fc.property(oneCategory, (data) => {
        for (const level of LEVELS) expect(krippendorffAlpha(data, level)).toBeNaN();
        expect(fleissKappa(data)).toBeNaN();
        expect(brennanPrediger(data)).toBeNaN();
        expect(cohenKappa(data.map((r) => r[0] ?? null), data.map((r) => r[1] ?? null))).toBeNaN();
      }),
    );
  });

  it('are NaN with fewer than two pairable values', () => {
    const lonely = fc.array(
      fc.tuple(fc.nat({ max: 4 }), fc.integer({ min: 0, max: 9 })).map(([at, v]) =>
        Array.from({ length: 5 }, (_, c): RatingValue => (c === at ? v : null)),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(lonely, (data) => {
        for (const level of LEVELS) expect(krippendorffAlpha(data, level)).toBeNaN();
        expect(percentAgreement(data)).toBeNaN();
        expect(fleissKappa(data)).toBeNaN();
        expect(brennanPrediger(data)).toBeNaN();
        expect(bootstrapAlpha(data, { samples: 10 }).alpha).toBeNaN();
      }),
    );
  });

  it('bootstrap intervals are ordered and reproducible', () => {
    fc.assert(
      fc.property(numericData, fc.integer(), (data, seed) => {
        const r = bootstrapAlpha(data, { samples: 30, seed });
        if (!Number.isNaN(r.low)) expect(r.low).toBeLessThanOrEqual(r.high);
        expect(bootstrapAlpha(data, { samples: 30, seed })).toEqual(r);
      }),
      { numRuns: 100 },
    );
  });
});
