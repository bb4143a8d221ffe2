import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalContinuum, unitizedContinuum, type ContinuumUnit } from './continuum';
import { prepareStudy, type AgreementInput } from './document';
import { KRIPPENDORFF_1995_PAIRS, KRIPPENDORFF_2004_UNITIZING } from './published-examples';
import { bootstrapUnitizedAlpha, unitizedAlpha } from './unitized';

describe('unitizedAlpha — Krippendorff (2004), Content Analysis, 2nd ed., pp. 251–256', () => {
  const result = unitizedAlpha(literalContinuum(KRIPPENDORFF_2004_UNITIZING));
  const [c, k] = result.byCode;

  it('reproduces the published disagreements and αu per category to 4 decimals', () => {
    expect(result.length).toBe(300);
    expect(c.codeId).toBe('c');
    expect(c.observed!.toFixed(4)).toBe('0.0144');
    expect(c.expected!.toFixed(4)).toBe('0.0532');
    expect(c.alpha!.toFixed(4)).toBe('0.7286');
    expect(k.codeId).toBe('k');
    expect(k.observed).toBe(0);
    expect(k.expected!.toFixed(4)).toBe('0.0490');
    expect(k.alpha).toBe(1);
  });

  it('gives D_o of c exactly from the book’s three non-zero differences', () => {
    // c 225–295 vs 220–300: 5² + 5² = 50; c 370–400 vs 355–375: 15² + 25² = 850;
    // j's c 400–420 lies in i's gap 400–450: 20² = 400. Both orders of the pair:
    // D_o = 2·(50 + 850 + 400)/(2·1·300²) = 2600/180000.
    expect(c.observed).toBeCloseTo(2600 / 180000, 15);
  });

  it('gives overall αu = 1 − ΣD_o/ΣD_e: 0.8587, or the book’s 0.8591 from its rounded values', () => {
    expect(result.overall.alpha!.toFixed(4)).toBe('0.8587');
    expect(result.overall.alpha).toBeCloseTo(1 - (c.observed! + k.observed!) / (c.expected! + k.expected!), 14);
    const rounded = (x: number) => Math.round(x * 10000) / 10000;
    expect((1 - rounded(c.observed!) / (rounded(c.expected!) + rounded(k.expected!))).toFixed(4)).toBe('0.8591');
    expect(result.overall.band).toBe('reliable');
    expect(c.band).toBe('tentative');
  });
});

describe('unitizedAlpha — Krippendorff (1995), the four pairs of p. 57', () => {
  const pair = (name: keyof typeof KRIPPENDORFF_1995_PAIRS, scale: number) =>
    unitizedAlpha(
      literalContinuum({
        length: 24 * scale,
        observers: KRIPPENDORFF_1995_PAIRS[name].map((units) =>
          units.map(([s, e]): ContinuumUnit => ({ code: 'x', start: s * scale, end: e * scale })),
        ),
      }),
    ).byCode[0];

  it.each([
    ['A', '0.03125'],
    ['B', '2.26736'],
    ['C', '0.02778'],
    ['D', '0.38715'],
  ] as const)('pair %s: D_o = %s (published to 5 decimals, C as .02777 = 32/1152 truncated)', (name, published) => {
    expect(pair(name, 1).observed!.toFixed(5)).toBe(published);
    // D_o does not depend on the scale: δ² and L² grow alike
    expect(pair(name, 1000).observed).toBeCloseTo(pair(name, 1).observed!, 10);
  });

  // The 1995 paper computes D_e for a continuous continuum: the 2004 formula in the limit of a
  // finer and finer scale (lower-order terms vanish). Refining the 24 units a million-fold
  // (free here: the cost does not depend on L) gives that limit to ~1e-6.
  it.each([
    ['A', '0.06990', '0.553'],
    ['D', '0.41445', '0.066'],
  ] as const)('pair %s in the continuous limit: D_e = %s and αu = %s as published', (name, expected, alpha) => {
    const r = pair(name, 1e6);
    expect(r.expected!.toFixed(5)).toBe(expected);
    expect(r.alpha!.toFixed(3)).toBe(alpha);
  });

  it('pair C: the published D_e .08642 omits −Σl² from the denominator; corrected, αu = .693 (published .679)', () => {
    // Limit: D_e = (2/L)(N − 1)(2/3)Σl³ / ((mL)² − Σl²) with L = 24, N = 9 units of lengths
    // 6, 2, 4, 2 and 2, 4, 4, 2, 2 (Σl³ = 448, Σl² = 104) and no gap longer than a unit it could
    // hold: (1/12)·8·(2/3)·448 / (2304 − 104) = 199.11/2200 = 0.09051. The paper's .08642 is
    // 199.11/2304 — the same without −Σl², which pairs A and D include (DKPro Statistics'
    // tests also note "a small error in the computation of D_E in the original reference").
    const r = pair('C', 1e6);
    expect(r.expected!.toFixed(5)).toBe('0.09051');
    expect(((r.expected! * 2200) / 2304).toFixed(5)).toBe('0.08642');
    expect(r.alpha!.toFixed(3)).toBe('0.693');
  });

  it('pair B: D_e within 0.2 % of the published 1.17731 (αu −.928, published −.926)', () => {
    const r = pair('B', 1e6);
    expect(r.expected!.toFixed(5)).toBe('1.17578');
    expect(Math.abs(r.expected! / 1.17731 - 1)).toBeLessThan(0.002);
    expect(r.alpha!.toFixed(3)).toBe('-0.928');
  });

  it('pair D: touching units stay separate units (Heather’s and Hill’s continua are all units)', () => {
    const r = unitizedAlpha(
      literalContinuum({
        length: 24,
        observers: KRIPPENDORFF_1995_PAIRS.D.map((units) => units.map(([s, e]) => ({ code: 'x', start: s, end: e }))),
      }),
    );
    expect(r.byCode[0].units).toBe(10);
  });
});

describe('unitizedAlpha — hand-computed cases', () => {
  it('excluding uncoded text: a 10-character coded stretch in 100 characters', () => {
    // A codes [10, 20), B codes [12, 20) of a 100-character turn.
    // Whole turn (L = 100): D_o = 2·(2² + 0²)/(2·1·100²) = 0.0004. D_e: N = 2 units of 10 and 8;
    // Σ (N − 1)·l(l − 1)(2l − 1)/3 = 570 + 280 = 850; gaps 10, 80 (A) and 12, 80 (B): the unit
    // of 10 fits 1 + 3 + 71 + 71 = 146 ways (× 10² = 14600), that of 8 fits 3 + 5 + 73 + 73 = 154
    // (× 8² = 9856); D_e = (2/100)(850 + 24456)/(200·199 − (90 + 56)) = 506.12/39654.
    // Coded text only (L = 10: A [0, 10), B [2, 10), one gap of 2 that holds neither unit):
    // D_o = 2·(2²)/(2·1·10²) = 0.04, D_e = (2/10)·850/(20·19 − 146) = 170/234.
    const input: AgreementInput = {
      coders: ['ana', 'bek'],
      documents: [
        {
          turns: [{ start: 0, end: 100, isParticipant: true }],
          assignedCoders: ['ana', 'bek'],
          codings: { ana: [{ codeId: 'x', start: 10, end: 20 }], bek: [{ codeId: 'x', start: 12, end: 20 }] },
        },
      ],
    };
    const study = prepareStudy(input);
    const whole = unitizedAlpha(unitizedContinuum(study)).byCode[0];
    expect(whole.observed).toBeCloseTo(0.0004, 15);
    expect(whole.expected).toBeCloseTo(506.12 / 39654, 15);
    expect(whole.alpha).toBeCloseTo(1 - (0.0004 * 39654) / 506.12, 12);

    const coded = unitizedAlpha(unitizedContinuum(study, { excludeUncoded: true }));
    expect(coded.length).toBe(10);
    expect(coded.excludeUncoded).toBe(true);
    expect(coded.byCode[0].observed).toBeCloseTo(0.04, 15);
    expect(coded.byCode[0].expected).toBeCloseTo(170 / 234, 15);
    expect(coded.byCode[0].alpha).toBeCloseTo(1 - (0.04 * 234) / 170, 12);
  });

  it('is 1 for three observers who agree, and the same with observers in any order', () => {
    const units = [
      { code: 'x', start: 2, end: 5 },
      { code: 'y', start: 5, end: 9 },
    ];
    const r = unitizedAlpha(literalContinuum({ length: 12, observers: [units, units, units] }));
    expect(r.byCode.map((c) => c.alpha)).toEqual([1, 1]);
    expect(r.overall.alpha).toBe(1);
    const a = [{ code: 'x', start: 0, end: 4 }];
    const b = [{ code: 'x', start: 2, end: 7 }];
    const cc = [{ code: 'x', start: 6, end: 9 }];
    const one = unitizedAlpha(literalContinuum({ length: 10, observers: [a, b, cc] })).byCode[0];
    const two = unitizedAlpha(literalContinuum({ length: 10, observers: [cc, a, b] })).byCode[0];
    expect(two.alpha).toBeCloseTo(one.alpha!, 14);
  });
});

describe('unitizedContinuum — the continuum of a study and its bad input', () => {
  const input: AgreementInput = {
    coders: ['ana', 'bek', 'cai'],
    documents: [
      {
        id: 'd1',
        // participant [0, 10), moderator [11, 20), participant [21, 30)
        turns: [
          { start: 0, end: 10, isParticipant: true },
          { start: 11, end: 20, isParticipant: false },
          { start: 21, end: 30, isParticipant: true },
        ],
        assignedCoders: ['ana', 'bek'],
        codings: {
          ana: [
            { codeId: 'x', start: 5, end: 25 }, // spans the moderator's turn: one unit [5, 14)
            { codeId: 'x', start: 8, end: 12 }, // overlaps it: merged
            { codeId: 'y', start: 25, end: 27 },
            { codeId: 'y', start: 27, end: 29 }, // touches the previous: a separate unit
          ],
          bek: [],
        },
      },
      {
        id: 'd2',
        turns: [{ start: 0, end: 6, isParticipant: true }],
        assignedCoders: ['ana', 'bek', 'cai'],
        codings: { ana: [{ codeId: 'x', start: 0, end: 3 }], bek: [{ codeId: 'x', start: 0, end: 3 }] },
      },
    ],
  };

  it('keeps participant text only, maps codings onto it, merges overlaps and reports what it did', () => {
    const c = unitizedContinuum(prepareStudy(input), { coders: ['ana', 'bek'] });
    expect(c.coders).toEqual(['ana', 'bek']);
    expect(c.length).toBe(19 + 6);
    expect([...c.documentEnds]).toEqual([19, 25]);
    expect([...c.clusterEnds]).toEqual([10, 19, 25]);
    expect(c.codes).toEqual(['x', 'y']);
    // d1: [5, 25) → [5, 14); [8, 12) → [8, 10) merged into it; d2 starts at 19
    expect([...c.units[0][0]]).toEqual([5, 14, 19, 22]);
    expect([...c.units[1][0]]).toEqual([14, 16, 16, 18]);
    expect([...c.units[0][1]]).toEqual([19, 22]);
    expect(c.merges).toEqual([{ documentId: 'd1', coder: 'ana', codeId: 'x', merged: 1 }]);
    expect(c.mergedUnits).toBe(1);
    expect(c.emptyCoders).toEqual([{ documentId: 'd1', coder: 'bek' }]);
    expect(c.skippedDocuments).toEqual([]);
  });

  it('leaves out documents not assigned to every compared coder', () => {
    const c = unitizedContinuum(prepareStudy(input));
    expect(c.documentIds).toEqual(['d2']);
    expect(c.skippedDocuments).toEqual(['d1']);
    expect(c.length).toBe(6);
    expect(c.emptyCoders).toEqual([{ documentId: 'd2', coder: 'cai' }]);
  });

  it('counts a coder without units against the others’ units, not as agreement', () => {
    const r = unitizedAlpha(unitizedContinuum(prepareStudy(input), { coders: ['ana', 'bek'] }));
    expect(r.byCode[1].alpha).toBeLessThan(0); // only ana coded y
  });

  it('is undefined (null), never 1, on a continuum of length 0', () => {
    const empty = unitizedAlpha(literalContinuum({ length: 0, observers: [[{ code: 'x', start: 0, end: 3 }], []] }));
    expect(empty.length).toBe(0);
    expect(empty.byCode[0]).toMatchObject({ observed: null, expected: null, alpha: null, band: 'undefined' });
    expect(empty.overall.alpha).toBeNull();
    // only moderator text
    const moderated = unitizedAlpha(
      unitizedContinuum(
        prepareStudy({
          coders: ['ana', 'bek'],
          documents: [
            {
              turns: [{ start: 0, end: 9, isParticipant: false }],
              assignedCoders: ['ana', 'bek'],
              codings: { ana: [{ codeId: 'x', start: 0, end: 9 }], bek: [{ codeId: 'x', start: 0, end: 9 }] },
            },
          ],
        }),
      ),
    );
    expect(moderated.length).toBe(0);
    expect(moderated.overall.alpha).toBeNull();
    // nobody coded anything, uncoded text excluded
    const nothing = unitizedAlpha(
      unitizedContinuum(
        prepareStudy({
          coders: ['ana', 'bek'],
          codes: ['x'],
          documents: [{ turns: [{ start: 0, end: 9, isParticipant: true }], assignedCoders: ['ana', 'bek'], codings: {} }],
        }),
        { excludeUncoded: true },
      ),
    );
    expect(nothing.length).toBe(0);
    expect(nothing.byCode[0].alpha).toBeNull();
  });

  it('is undefined when no observer used the code (no variation) and with fewer than two coders', () => {
    const unused = unitizedAlpha(literalContinuum({ length: 10, observers: [[], []], codes: ['x'] }));
    expect(unused.byCode[0]).toMatchObject({ units: 0, observed: 0, expected: 0, alpha: null });
    const alone = unitizedAlpha(unitizedContinuum(prepareStudy(input), { coders: ['ana'] }));
    expect(alone.length).toBe(0);
    expect(alone.overall.alpha).toBeNull();
  });
});

/** Naive αu: every pair of sections of every ordered pair of observers, every unit × gap. */
function naiveAlphaU(L: number, observers: Array<Array<[number, number]>>): { observed: number; expected: number } {
  type Section = { b: number; l: number; unit: boolean };
  const sections = observers.map((units) => {
    const out: Section[] = [];
    let p = 0;
    for (const [s, e] of units) {
      if (s > p) out.push({ b: p, l: s - p, unit: false });
      out.push({ b: s, l: e - s, unit: true });
      p = e;
    }
    if (L > p) out.push({ b: p, l: L - p, unit: false });
    return out;
  });
  const delta = (g: Section, h: Section) => {
    const d = g.b - h.b;
    if (g.unit && h.unit && -g.l < d && d < h.l) return d * d + (d + g.l - h.l) ** 2;
    if (g.unit && !h.unit && h.l - g.l >= d && d >= 0) return g.l * g.l;
    if (!g.unit && h.unit && g.l - h.l >= -d && -d >= 0) return h.l * h.l;
    return 0;
  };
  const m = observers.length;
  let o = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) for (const g of sections[i]) for (const h of sections[j]) o += delta(g, h);
  const all = sections.flat();
  const units = all.filter((s) => s.unit);
  const gaps = all.filter((s) => !s.unit);
  const N = units.length;
  let num = 0;
  for (const u of units) {
    num += ((N - 1) * (2 * u.l ** 3 - 3 * u.l ** 2 + u.l)) / 3;
    for (const g of gaps) if (g.l >= u.l) num += u.l * u.l * (g.l - u.l + 1);
  }
  const den = m * L * (m * L - 1) - units.reduce((s, u) => s + u.l * (u.l - 1), 0);
  return { observed: o / (m * (m - 1) * L * L), expected: N === 0 ? 0 : ((2 / L) * num) / den };
}

const partition = (L: number) =>
  fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.boolean()), { minLength: 1, maxLength: 12 }).map((parts) => {
    const units: Array<[number, number]> = [];
    let p = 0;
    for (const [len, unit] of parts) {
      if (p >= L) break;
      const e = Math.min(L, p + len);
      if (unit) units.push([p, e]);
      p = e;
    }
    return units;
  });

describe('unitizedAlpha — equals the definition computed section by section (property)', () => {
  it('for 2–4 observers on continua of up to 40 units', () => {
    const data = fc
      .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 2, max: 4 }))
      .chain(([L, m]) => fc.tuple(fc.constant(L), fc.array(partition(L), { minLength: m, maxLength: m })));
    fc.assert(
      fc.property(data, ([L, observers]) => {
        const r = unitizedAlpha(
          literalContinuum({ length: L, codes: ['x'], observers: observers.map((u) => u.map(([s, e]) => ({ code: 'x', start: s, end: e }))) }),
        ).byCode[0];
        const naive = naiveAlphaU(L, observers);
        expect(r.observed).toBeCloseTo(naive.observed, 12);
        expect(r.expected).toBeCloseTo(naive.expected, 12);
      }),
      { numRuns: 400 },
    );
  });
});

describe('bootstrapUnitizedAlpha', () => {
  const input: AgreementInput = {
    coders: ['ana', 'bek'],
    documents: [
      {
        turns: Array.from({ length: 30 }, (_, t) => ({ start: t * 21, end: t * 21 + 20, isParticipant: true })),
        assignedCoders: ['ana', 'bek'],
        codings: {
          ana: Array.from({ length: 30 }, (_, t) => ({ codeId: t % 3 === 0 ? 'x' : 'y', start: t * 21 + 2, end: t * 21 + 12 })),
          bek: Array.from({ length: 30 }, (_, t) => ({ codeId: t % 3 === 0 ? 'x' : 'y', start: t * 21 + 2 + (t % 4), end: t * 21 + 12 + (t % 5) })),
        },
      },
    ],
  };
  const continuum = unitizedContinuum(prepareStudy(input));

  it('returns the point αu with an interval around it, reproducibly for a seed', () => {
    const point = unitizedAlpha(continuum);
    const a = bootstrapUnitizedAlpha(continuum, { samples: 300, seed: 7 });
    expect(a).toEqual(bootstrapUnitizedAlpha(continuum, { samples: 300, seed: 7 }));
    expect(a.samples).toBe(300);
    expect(a.overall.alpha).toBe(point.overall.alpha);
    a.byCode.forEach((ci, code) => {
      expect(ci.alpha).toBe(point.byCode[code].alpha);
      expect(ci.low!).toBeLessThanOrEqual(ci.alpha!);
      expect(ci.high!).toBeGreaterThanOrEqual(ci.alpha! - 0.02);
      expect(ci.high!).toBeLessThanOrEqual(1);
      expect(ci.defined).toBe(300);
    });
    expect(a.overall.high! - a.overall.low!).toBeGreaterThan(0);
    expect(bootstrapUnitizedAlpha(continuum, { samples: 300, seed: 8 })).not.toEqual(a);
  });

  it('is a point interval when the coders agree everywhere, and null where αu is undefined', () => {
    const same: AgreementInput = { ...input, documents: [{ ...input.documents[0], codings: { ana: input.documents[0].codings.ana, bek: input.documents[0].codings.ana } }] };
    const r = bootstrapUnitizedAlpha(unitizedContinuum(prepareStudy(same)), { samples: 100 });
    expect(r.overall).toEqual({ alpha: 1, low: 1, high: 1, defined: 100 });
    const none = bootstrapUnitizedAlpha(literalContinuum({ length: 0, observers: [[], []], codes: ['x'] }), { samples: 50 });
    expect(none.overall).toEqual({ alpha: null, low: null, high: null, defined: 0 });
  });
});
