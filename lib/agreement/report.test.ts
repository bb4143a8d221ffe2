/**
 * A tiny study worked by hand at every level.
 *
 *   canonical text  "Қалай жаз?\nӘкімдікке.\nИнстаграм."
 *   T0 moderator    [0, 10)   — not a unit
 *   T1 participant  [11, 21)  — 10 characters
 *   T2 participant  [22, 32)  — 10 characters
 *
 * Coders ana and bek are assigned; cai is compared but not assigned (missing everywhere; the
 * codings cai has in the document are ignored). A second document is assigned to ana alone
 * and contributes no pairable units.
 *
 *   code        ana                      bek
 *   akimat      [11,17)  and [2,8) (T0)  [13,19)
 *   social      [24,30)                  [19,32)  (T1 chars 19–20, the "\n", T2 22–31)
 *   instagram   [22,32)                  [22,31)
 */
import { describe, expect, it } from 'vitest';
import { buildCanonicalText } from '../text/canonical';
import type { AgreementInput } from './document';
import { agreementReport } from './report';

const { text, ranges } = buildCanonicalText([{ text: 'Қалай жаз?' }, { text: 'Әкімдікке.' }, { text: 'Инстаграм.' }]);

const input: AgreementInput = {
  coders: ['ana', 'bek', 'cai'],
  codes: ['akimat', 'social', 'instagram'],
  documents: [
    {
      id: 'aktau-1',
      turns: ranges.map((r, i) => ({ ...r, isParticipant: i > 0 })),
      assignedCoders: ['ana', 'bek'],
      codings: {
        ana: [
          { codeId: 'akimat', start: 11, end: 17 },
          { codeId: 'akimat', start: 2, end: 8 },
          { codeId: 'social', start: 24, end: 30 },
          { codeId: 'instagram', start: 22, end: 32 },
        ],
        bek: [
          { codeId: 'akimat', start: 13, end: 19 },
          { codeId: 'social', start: 19, end: 32 },
          { codeId: 'instagram', start: 22, end: 31 },
        ],
        cai: [{ codeId: 'akimat', start: 11, end: 21 }],
      },
    },
    {
      id: 'aktau-2',
      turns: [{ start: 0, end: 5, isParticipant: true }],
      assignedCoders: ['ana'],
      codings: { ana: [{ codeId: 'akimat', start: 0, end: 5 }] },
    },
  ],
};

describe('the fixture', () => {
  it('has the ranges the comments assume', () => {
    expect(ranges).toEqual([
      { start: 0, end: 10 },
      { start: 11, end: 21 },
      { start: 22, end: 32 },
    ]);
    expect(text.slice(22, 32)).toBe('Инстаграм.');
  });
});

describe('agreementReport on the hand-worked fixture', () => {
  const report = agreementReport(input);

  it('turn level', () => {
    // Units (turn, code), values (ana, bek); cai is null throughout.
    //   akimat:    T1 (1,1)  T2 (0,0)   → o11 = 2, o00 = 2, o01 = 0: α = 1, pa = 1
    //   social:    T1 (0,1)  T2 (1,1)   → o01 = 1, o11 = 2; n0 = 1, n1 = 3, n = 4:
    //              α = 1 − 3·1/(1·3) = 0; pa = (0 + 1)/2 = 0.5
    //   instagram: T1 (0,0)  T2 (1,1)   → α = 1, pa = 1
    //   pooled (6 units): o00 = 4, o01 = 1, o11 = 6; n0 = 5, n1 = 7, n = 12:
    //              α = 1 − 11·1/35 = 24/35 ≈ 0.6857; pa = 5/6
    const [akimat, social, instagram] = report.turn.byCode;
    expect(akimat).toMatchObject({ codeId: 'akimat', units: 2, values: 4, alpha: 1, percentAgreement: 1, flag: null });
    expect(social.alpha).toBeCloseTo(0, 12);
    expect(social.percentAgreement).toBeCloseTo(0.5, 12);
    expect(social.band).toBe('unreliable');
    expect(instagram.alpha).toBe(1);
    expect(report.turn.pooled.units).toBe(6);
    expect(report.turn.pooled.alpha).toBeCloseTo(24 / 35, 12);
    expect(report.turn.pooled.band).toBe('tentative');
    expect(report.turn.pooled.percentAgreement).toBeCloseTo(5 / 6, 12);
    expect(report.turn.pooled.ci).toBeNull();
  });

  it('turn level Cohen’s κ per pair', () => {
    // ana–bek. akimat: identical → κ = 1. social: ana (0,1), bek (1,1): po = 1/2,
    // pe = ½·1 + ½·0 = ½ → κ = 0. pooled over 6 units: ana 1 0 0 1 0 1, bek 1 0 1 1 0 1:
    // po = 5/6, pe = ½·⅔ + ½·⅓ = ½ → κ = (5/6 − ½)/½ = 2/3.
    const [anaBek, anaCai, bekCai] = report.turn.kappa;
    expect([anaBek.coderA, anaBek.coderB]).toEqual(['ana', 'bek']);
    expect(anaBek.byCode[0].kappa).toBeCloseTo(1, 12);
    expect(anaBek.byCode[1].kappa).toBeCloseTo(0, 12);
    expect(anaBek.pooled).toEqual({ units: 6, kappa: expect.closeTo(2 / 3, 12) });
    // cai shares no document with anyone
    expect(anaCai.pooled.units).toBe(0);
    expect(anaCai.pooled.kappa).toBeNaN();
    expect(bekCai.byCode[0].kappa).toBeNaN();
  });

  it('character level', () => {
    // 20 character units per code (T1 11–20, T2 22–31), two coders each.
    //   akimat:    ana 11–16, bek 13–18 → (1,0) ×2, (1,1) ×4, (0,1) ×2, (0,0) ×12
    //              o01 = 4, o11 = 8, o00 = 24; n0 = 28, n1 = 12, n = 40
    //              α = 1 − 39·4/(28·12) = 1 − 156/336 = 15/28 ≈ 0.5357; pa = 16/20
    //   social:    ana 24–29, bek 19–20 and 22–31 → (0,1) ×6, (1,1) ×6, (0,0) ×8
    //              o01 = 6, o11 = 12, o00 = 16; n0 = 22, n1 = 18
    //              α = 1 − 39·6/(22·18) = 1 − 234/396 = 9/22 ≈ 0.4091; pa = 14/20
    //   instagram: ana 22–31, bek 22–30 → (1,1) ×9, (1,0) ×1, (0,0) ×10
    //              o01 = 1, o11 = 18, o00 = 20; n0 = 21, n1 = 19
    //              α = 1 − 39/399 = 360/399 ≈ 0.9023; pa = 19/20
    //   pooled:    o01 = 11, o11 = 38, o00 = 60; n0 = 71, n1 = 49, n = 120
    //              α = 1 − 119·11/(71·49) = 2170/3479 ≈ 0.6237; pa = 49/60
    // The moderator coding [2,8) and the "\n" at 21 are no units.
    const [akimat, social, instagram] = report.character.byCode;
    expect(akimat.units).toBe(20);
    expect(akimat.coincidences).toEqual({ o00: 24, o01: 4, o11: 8 });
    expect(akimat.alpha).toBeCloseTo(15 / 28, 12);
    expect(akimat.percentAgreement).toBeCloseTo(0.8, 12);
    expect(social.alpha).toBeCloseTo(9 / 22, 12);
    expect(social.percentAgreement).toBeCloseTo(0.7, 12);
    expect(instagram.alpha).toBeCloseTo(360 / 399, 12);
    expect(instagram.band).toBe('reliable');
    expect(report.character.pooled.units).toBe(60);
    expect(report.character.pooled.alpha).toBeCloseTo(2170 / 3479, 12);
    expect(report.character.pooled.percentAgreement).toBeCloseTo(49 / 60, 12);
  });

  it('segment level at the default 90 %', () => {
    // overlap = intersection / union
    //   akimat:    [11,17) vs [13,19): 4/8 = 0.50 → no; [2,8) has no partner
    //   social:    [24,30) vs [19,32): 6/13 ≈ 0.46 → no
    //   instagram: [22,32) vs [22,31): 9/10 = 0.90 → agrees (≥ threshold)
    //   pooled: ana 1 of 4 matched, bek 1 of 3 → share 2/7
    const [anaBek, anaCai] = report.segment.pairs;
    expect(report.segment.threshold).toBe(0.9);
    expect(anaBek.documents).toBe(1);
    expect(anaBek.byCode.map((c) => [c.segmentsA, c.matchedA, c.segmentsB, c.matchedB])).toEqual([
      [2, 0, 1, 0],
      [1, 0, 1, 0],
      [1, 1, 1, 1],
    ]);
    expect(anaBek.pooled).toEqual({ segmentsA: 4, matchedA: 1, segmentsB: 3, matchedB: 1, share: 2 / 7 });
    expect(anaCai.documents).toBe(0);
    expect(anaCai.pooled.share).toBeNaN();
  });

  it('segment level at 50 %', () => {
    // akimat [11,17)–[13,19) now agrees (0.5 ≥ 0.5); social (0.46) still does not.
    // pooled: ana 2 of 4, bek 2 of 3 → 4/7
    const pooled = agreementReport(input, { segmentThreshold: 0.5 }).segment.pairs[0].pooled;
    expect(pooled).toEqual({ segmentsA: 4, matchedA: 2, segmentsB: 3, matchedB: 2, share: 4 / 7 });
  });

  it('adds reproducible bootstrap intervals when asked', () => {
    const a = agreementReport(input, { bootstrap: { samples: 200, seed: 5 } });
    const b = agreementReport(input, { bootstrap: { samples: 200, seed: 5 } });
    expect(a.character.pooled.ci).toEqual(b.character.pooled.ci);
    const ci = a.character.pooled.ci;
    expect(ci).not.toBeNull();
    if (ci) {
      expect(ci.low).toBeLessThanOrEqual(ci.high);
      expect(ci.defined).toBeGreaterThan(0);
    }
  });
});

describe('not enough data', () => {
  it('flags a code nobody used and a comparison without pairable units', () => {
    const r = agreementReport({ ...input, codes: ['akimat', 'elections'] });
    expect(r.turn.byCode[1]).toMatchObject({ codeId: 'elections', flag: 'no-variation', band: 'undefined' });
    expect(r.turn.byCode[1].alpha).toBeNaN();
    expect(r.turn.byCode[1].percentAgreement).toBe(1);
    const lonely = agreementReport({ ...input, documents: [input.documents[1]] });
    expect(lonely.turn.pooled.flag).toBe('too-few-units');
    expect(lonely.character.pooled.alpha).toBeNaN();
    expect(lonely.character.pooled.percentAgreement).toBeNaN();
  });

  it('handles an empty study', () => {
    const r = agreementReport({ coders: [], documents: [] });
    expect(r.codes).toEqual([]);
    expect(r.turn.pooled.alpha).toBeNaN();
    expect(r.segment.pairs).toEqual([]);
  });
});
