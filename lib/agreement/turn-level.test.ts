import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen-kappa';
import { prepareStudy, type AgreementInput } from './document';
import { fleissKappa } from './fleiss-kappa';
import { krippendorffAlpha } from './krippendorff';
import { percentAgreement } from './percent-agreement';
import { naiveTurnData, pairableUnits, sameNumber, studyArbitrary } from './study.arbitrary';
import { turnLevel, turnPresence, turnUnits } from './turn-level';

const input: AgreementInput = {
  coders: ['ana', 'bek', 'cai'],
  codes: ['x'],
  documents: [
    {
      id: 'semey-2',
      turns: [
        { start: 0, end: 5, isParticipant: false },
        { start: 6, end: 10, isParticipant: true },
        { start: 11, end: 20, isParticipant: true },
      ],
      assignedCoders: ['ana', 'bek'],
      codings: {
        ana: [{ codeId: 'x', start: 9, end: 12 }], // last char of turn 1, first of turn 2
        bek: [{ codeId: 'x', start: 0, end: 6 }], // moderator only: ends where turn 1 starts
      },
    },
  ],
};

describe('turnPresence', () => {
  it('marks turns overlapped by at least one character, half-open', () => {
    const doc = prepareStudy(input).documents[0];
    const [ana, bek, cai] = turnPresence(doc, 1);
    expect([...(ana ?? [])]).toEqual([1, 1]);
    expect([...(bek ?? [])]).toEqual([0, 0]);
    expect(cai).toBeNull();
  });
});

describe('turnUnits', () => {
  it('lays out participant turns × coders per code, missing for unassigned coders', () => {
    const units = turnUnits(prepareStudy(input));
    expect(units.units).toEqual([
      { document: 0, documentId: 'semey-2', turn: 1 },
      { document: 0, documentId: 'semey-2', turn: 2 },
    ]);
    expect(units.byCode[0]).toEqual({
      codeId: 'x',
      data: [
        [1, 0, null],
        [1, 0, null],
      ],
    });
    expect(units.pooled).toEqual(units.byCode[0].data);
    // ready for any statistic: ana always 1, bek always 0
    expect(krippendorffAlpha(units.pooled)).toBeCloseTo(-0.5, 12); // n = 4, o01 = 2: 1 − 3·2/4
    expect(fleissKappa(units.pooled)).toBeCloseTo(-1, 12);
  });
});

describe('turnLevel', () => {
  it('equals the statistics on the naive turn matrices (property)', () => {
    fc.assert(
      fc.property(studyArbitrary, (study) => {
        const prepared = prepareStudy(study);
        const level = turnLevel(prepared);
        const naive = naiveTurnData(study);
        const matrices = turnUnits(prepared);
        level.byCode.forEach((result, code) => {
          const rows = naive[result.codeId];
          // the matrices turnUnits returns are the naive ones, up to row order
          expect(matrices.byCode[code].data.map((r) => r.join()).sort()).toEqual(rows.map((r) => r.join()).sort());
          const units = pairableUnits(rows);
          expect(result.units).toBe(units);
          expect(sameNumber(result.alpha, units < 2 ? NaN : krippendorffAlpha(rows))).toBe(true);
          expect(sameNumber(result.percentAgreement, percentAgreement(rows))).toBe(true);
        });
        const pooled = Object.values(naive).flat();
        expect(sameNumber(level.pooled.alpha, pairableUnits(pooled) < 2 ? NaN : krippendorffAlpha(pooled))).toBe(true);
        for (const pair of level.kappa) {
          const a = study.coders.indexOf(pair.coderA);
          const b = study.coders.indexOf(pair.coderB);
          pair.byCode.forEach((k) => {
            const rows = naive[k.codeId];
            expect(sameNumber(k.kappa, cohenKappa(rows.map((r) => r[a]), rows.map((r) => r[b])))).toBe(true);
          });
          expect(sameNumber(pair.pooled.kappa, cohenKappa(pooled.map((r) => r[a]), pooled.map((r) => r[b])))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
