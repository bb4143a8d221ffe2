import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterLevel } from './character-level';
import { prepareStudy, type AgreementInput } from './document';
import { krippendorffAlpha } from './krippendorff';
import { percentAgreement } from './percent-agreement';
import { naiveCharacterData, pairableUnits, sameNumber, studyArbitrary } from './study.arbitrary';

describe('characterLevel', () => {
  it('splits runs over turns and skips the separators between them', () => {
    // turns [0,4) [5,9); both coders; ana codes [2,7) (spans the "\n" at 4), bek [0,9)
    // characters 0–8 without 4: ana 2,3,5,6 → (1,1) ×4, (0,1) ×4 ; o01 = 4, o11 = 8
    const input: AgreementInput = {
      coders: ['ana', 'bek'],
      documents: [
        {
          turns: [
            { start: 0, end: 4, isParticipant: true },
            { start: 5, end: 9, isParticipant: true },
          ],
          assignedCoders: ['ana', 'bek'],
          codings: { ana: [{ codeId: 'x', start: 2, end: 7 }], bek: [{ codeId: 'x', start: 0, end: 9 }] },
        },
      ],
    };
    const level = characterLevel(prepareStudy(input));
    expect(level.byCode[0].coincidences).toEqual({ o00: 0, o01: 4, o11: 8 });
    expect(level.table.clusterCount).toBe(2);
    // per turn: turn 0 has (0,1)(0,1)(1,1)(1,1): o01 = 2, o11 = 4; turn 1 likewise
    expect([...level.table.entryO01]).toEqual([2, 2]);
    expect([...level.table.entryO11]).toEqual([4, 4]);
  });

  it('counts a coder’s overlapping codings of one code once', () => {
    const input: AgreementInput = {
      coders: ['ana', 'bek'],
      documents: [
        {
          turns: [{ start: 0, end: 10, isParticipant: true }],
          assignedCoders: ['ana', 'bek'],
          codings: {
            ana: [
              { codeId: 'x', start: 0, end: 6 },
              { codeId: 'x', start: 3, end: 8 },
            ],
            bek: [{ codeId: 'x', start: 0, end: 8 }],
          },
        },
      ],
    };
    expect(characterLevel(prepareStudy(input)).byCode[0].alpha).toBe(1);
  });

  it('equals α and percent agreement computed character by character (property)', () => {
    fc.assert(
      fc.property(studyArbitrary, (input) => {
        const level = characterLevel(prepareStudy(input));
        const naive = naiveCharacterData(input);
        const pooled = Object.values(naive).flat();
        level.byCode.forEach((result) => {
          const rows = naive[result.codeId];
          const units = pairableUnits(rows);
          expect(result.units).toBe(units);
          const expected = units < 2 ? NaN : krippendorffAlpha(rows);
          expect(sameNumber(result.alpha, expected)).toBe(true);
          expect(sameNumber(result.percentAgreement, percentAgreement(rows))).toBe(true);
        });
        const units = pairableUnits(pooled);
        expect(level.pooled.units).toBe(units);
        expect(sameNumber(level.pooled.alpha, units < 2 ? NaN : krippendorffAlpha(pooled))).toBe(true);
        expect(sameNumber(level.pooled.percentAgreement, percentAgreement(pooled))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
