import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalContinuum, type ContinuumUnit } from './continuum';
import { krippendorffAlpha } from './krippendorff';
import { KRIPPENDORFF_2004_UNITIZING } from './published-examples';
import { bootstrapUnitizedFamily, unitizedFamily } from './unitized-family';

const u = (code: string, start: number, end: number): ContinuumUnit => ({ code, start, end });

describe('unitizedFamily — α-binary, hand-computed', () => {
  it('one code, two observers: A codes [0, 4), B codes [2, 4) of 10', () => {
    // Runs: [0,2) x/∅ → ℓ_x∅ = ℓ_∅x = 2; [2,4) x/x → ℓ_xx = 4; [4,10) ∅/∅ → ℓ_∅∅ = 12; n = 20,
    // n_x = 6, n_∅ = 14. Self-pairs: S_x = 4² + 2² = 20, S_∅ = n_∅ = 14, so the normalizer is
    // n − ΣS/n = 20 − 34/20 = 18.3. D_o = 4/20; D_e = 2·6·14/18.3/20;
    // α-binary = 1 − 4·18.3/168 = 94.8/168 = 0.56429.
    const f = unitizedFamily(literalContinuum({ length: 10, observers: [[u('x', 0, 4)], [u('x', 2, 4)]] }));
    const b = f.byCode[0].binary;
    expect(b.observed).toBeCloseTo(4 / 20, 14);
    expect(b.expected).toBeCloseTo(168 / 18.3 / 20, 14);
    expect(b.alpha).toBeCloseTo(94.8 / 168, 14);
    // the domain of a single code and the global variable say the same; cu-α has one value
    expect(f.byDomain[0].binary.alpha).toBeCloseTo(94.8 / 168, 14);
    expect(f.global.binary.alpha).toBeCloseTo(94.8 / 168, 14);
    expect(f.byDomain[0].cu.alpha).toBeNull();
  });
});

describe('unitizedFamily — cu-α and Cu-α, hand-computed', () => {
  // Codes a and b of one domain; A: a [0,4), b [4,8); B: a [0,3), b [3,8); both blank [8,10).
  // Runs: [0,3) a/a → ℓ_aa = 6; [3,4) a/b → ℓ_ab = ℓ_ba = 1; [4,8) b/b → ℓ_bb = 8; ℓ_∅∅ = 4.
  // Non-∅ block: n* = 16, n*_a = 7, n*_b = 9. Every unit is fully coded by the other too, so
  // S*_a = 4² + 3² = 25, S*_b = 4² + 5² = 41; normalizer 16 − 66/16 = 11.875.
  // D_o = 2/16; D_e = (16² − 7² − 9²)/11.875/16 = 126/11.875/16; cu-α = 1 − 2·11.875/126 = 0.81151.
  const observers = [
    [u('a', 0, 4), u('b', 4, 8)],
    [u('a', 0, 3), u('b', 3, 8)],
  ];

  it('cu-α of a domain: which code, where both coded', () => {
    const f = unitizedFamily(literalContinuum({ length: 10, observers }), { domains: { a: 'D', b: 'D' } });
    expect(f.byDomain).toHaveLength(1);
    const d = f.byDomain[0];
    expect(d.domainId).toBe('D');
    expect(d.codes).toEqual(['a', 'b']);
    expect(d.cu.observed).toBeCloseTo(2 / 16, 14);
    expect(d.cu.expected).toBeCloseTo(126 / 11.875 / 16, 14);
    expect(d.cu.alpha).toBeCloseTo(1 - (2 * 11.875) / 126, 14);
    // both coded [0, 8) with the domain and left [8, 10) blank: α-binary of the domain is 1
    expect(d.binary.alpha).toBe(1);
    expect(d.compoundCharacters).toBe(0);
  });

  it('Cu-α: the same with the domains as values', () => {
    const f = unitizedFamily(literalContinuum({ length: 10, observers }), { domains: { a: 'P', b: 'Q' } });
    expect(f.byDomain.map((d) => d.cu.alpha)).toEqual([null, null]);
    expect(f.global.Cu.alpha).toBeCloseTo(1 - (2 * 11.875) / 126, 14);
    expect(f.global.binary.alpha).toBe(1);
  });

  it('a code applied over another of its domain is a compound value, counted', () => {
    // A: a [0,4) and b [2,6): sections a [0,2), a+b [2,4), b [4,6) — 2 compound characters
    const f = unitizedFamily(
      literalContinuum({ length: 10, observers: [[u('a', 0, 4), u('b', 2, 6)], [u('a', 0, 2), u('b', 2, 6)]] }),
      { domains: { a: 'D', b: 'D' } },
    );
    expect(f.byDomain[0].compoundCharacters).toBe(2);
    expect(f.byDomain[0].cu.alpha!).toBeLessThan(1);
    // per code, each is a clean unit of its own
    expect(f.byCode.map((c) => c.binary.alpha! < 1)).toEqual([true, false]);
  });

  it('is undefined on a continuum of length 0 and when nobody coded', () => {
    const empty = unitizedFamily(literalContinuum({ length: 0, observers: [[u('a', 0, 3)], []] }));
    expect(empty.byCode[0].binary).toMatchObject({ alpha: null, band: 'undefined' });
    expect(empty.global.Cu.alpha).toBeNull();
    const blank = unitizedFamily(literalContinuum({ length: 10, observers: [[], []], codes: ['a'] }));
    expect(blank.byCode[0].binary.alpha).toBeNull();
    expect(blank.global.binary.alpha).toBeNull();
  });

  it('runs on the 2004 book example (codes c and k as two domains)', () => {
    const f = unitizedFamily(literalContinuum(KRIPPENDORFF_2004_UNITIZING));
    // k: both observers identical → 1; c: boundaries differ → below 1
    expect(f.byCode.find((c) => c.codeId === 'k')!.binary.alpha).toBe(1);
    const c = f.byCode.find((x) => x.codeId === 'c')!.binary.alpha!;
    expect(c).toBeGreaterThan(0.5);
    expect(c).toBeLessThan(1);
    // the book scores c and k separately and lets them overlap: i's c 225–295 and k 180–240
    // share 15 characters, j's c 220–300 and k 20; as domains these are compound values
    expect(f.global.compoundCharacters).toBe(35);
    expect(f.global.Cu.alpha!).toBeLessThan(1);
  });
});

describe('unitizedFamily — reduces to Krippendorff’s α when every unit is one character (property)', () => {
  const data = fc.tuple(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 2, max: 3 })).chain(([L, m]) =>
    fc.tuple(
      fc.constant(L),
      fc.array(fc.array(fc.constantFrom<'' | 'a' | 'b'>('', '', 'a', 'b'), { minLength: L, maxLength: L }), { minLength: m, maxLength: m }),
    ),
  );
  const continuum = (observers: string[][]) =>
    literalContinuum({
      length: observers[0].length,
      codes: ['a', 'b'],
      observers: observers.map((chars) => chars.flatMap((v, p) => (v ? [u(v, p, p + 1)] : []))),
    });

  it('α-binary per code = character-level α of code-or-not', () => {
    fc.assert(
      fc.property(data, ([L, observers]) => {
        const f = unitizedFamily(continuum(observers));
        for (const [code, result] of [['a', f.byCode[0]], ['b', f.byCode[1]]] as const) {
          const rows = Array.from({ length: L }, (_, p) => observers.map((o) => (o[p] === code ? 1 : 0)));
          const expected = krippendorffAlpha(rows);
          if (Number.isNaN(expected)) expect(result.binary.alpha).toBeNull();
          else expect(result.binary.alpha).toBeCloseTo(expected, 10);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('cu-α of two observers = α over the characters both coded', () => {
    fc.assert(
      fc.property(data, ([L, observers]) => {
        const two = observers.slice(0, 2);
        const f = unitizedFamily(continuum(two), { domains: { a: 'D', b: 'D' } });
        const rows = Array.from({ length: L }, (_, p) => two.map((o) => o[p])).filter((r) => r.every((v) => v !== ''));
        const expected = rows.length === 0 ? NaN : krippendorffAlpha(rows);
        if (Number.isNaN(expected)) expect(f.byDomain[0].cu.alpha).toBeNull();
        else expect(f.byDomain[0].cu.alpha).toBeCloseTo(expected, 10);
      }),
      { numRuns: 300 },
    );
  });
});

describe('bootstrapUnitizedFamily', () => {
  const turns = 40;
  const observers = [0, 1].map((o) =>
    Array.from({ length: turns }, (_, t) => u(t % 2 === 0 ? 'a' : 'b', t * 10 + 1 + (o * t) % 3, t * 10 + 7 + (o * t) % 2)),
  );
  // one cluster per 10 characters: a literal continuum has one, so build it from turns instead
  const continuum = { ...literalContinuum({ length: turns * 10, observers }), clusterEnds: Float64Array.from({ length: turns }, (_, t) => (t + 1) * 10) };

  it('intervals around the point values, reproducible for a seed', () => {
    const point = unitizedFamily(continuum, { domains: { a: 'D', b: 'D' } });
    const r = bootstrapUnitizedFamily(continuum, { domains: { a: 'D', b: 'D' }, samples: 300, seed: 5 });
    expect(r).toEqual(bootstrapUnitizedFamily(continuum, { domains: { a: 'D', b: 'D' }, samples: 300, seed: 5 }));
    expect(r.byCode.map((c) => c.binary.alpha)).toEqual(point.byCode.map((c) => c.binary.alpha));
    expect(r.byDomain[0].cu.alpha).toBe(point.byDomain[0].cu.alpha);
    expect(r.global.binary.alpha).toBe(point.global.binary.alpha);
    for (const ci of [r.byCode[0].binary, r.byDomain[0].binary, r.global.binary]) {
      expect(ci.low!).toBeLessThanOrEqual(ci.alpha!);
      expect(ci.high!).toBeGreaterThanOrEqual(ci.alpha! - 0.02);
      expect(ci.high! - ci.low!).toBeGreaterThan(0);
      expect(ci.defined).toBe(300);
    }
    // a and b never overlap: cu-α is 1 in every resample
    expect(r.byDomain[0].cu).toEqual({ alpha: 1, low: 1, high: 1, defined: 300 });
  });
});
