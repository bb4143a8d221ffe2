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

describe('characterLevel — excluding uncoded text', () => {
  it('drops only the characters nobody coded', () => {
    // One turn [0, 10); ana codes [2, 4), bek [2, 5). All text: 10 units, o11 = 4 (chars 2, 3),
    // o01 = 1 (char 4), o00 = 14; α = 1 − 19·1/(15·5) = 0.74667. Coded text only (chars 2–4):
    // n = 6, n0 = 1, n1 = 5, α = 1 − 5·1/(1·5) = 0.
    const input: AgreementInput = {
      coders: ['ana', 'bek'],
      documents: [
        {
          turns: [{ start: 0, end: 10, isParticipant: true }],
          assignedCoders: ['ana', 'bek'],
          codings: { ana: [{ codeId: 'x', start: 2, end: 4 }], bek: [{ codeId: 'x', start: 2, end: 5 }] },
        },
      ],
    };
    const study = prepareStudy(input);
    const all = characterLevel(study).byCode[0];
    expect(all.units).toBe(10);
    expect(all.alpha).toBeCloseTo(1 - 19 / 75, 12);
    const coded = characterLevel(study, { excludeUncoded: true }).byCode[0];
    expect(coded.units).toBe(3);
    expect(coded.coincidences).toEqual({ o00: 0, o01: 1, o11: 4 });
    expect(coded.alpha).toBeCloseTo(0, 12);
  });

  it('equals α over the naive character units someone coded (property)', () => {
    fc.assert(
      fc.property(studyArbitrary, (input) => {
        const level = characterLevel(prepareStudy(input), { excludeUncoded: true });
        const naive = naiveCharacterData(input);
        const codes = Object.keys(naive);
        // a character row is kept when some coder has a 1 for some code
        const rowsCount = codes.length ? naive[codes[0]].length : 0;
        const kept = Array.from({ length: rowsCount }, (_, r) => codes.some((c) => naive[c][r].some((v) => v === 1)));
        level.byCode.forEach((result) => {
          const rows = naive[result.codeId].filter((_, r) => kept[r]);
          const units = pairableUnits(rows);
          expect(result.units).toBe(units);
          expect(sameNumber(result.alpha, units < 2 ? NaN : krippendorffAlpha(rows))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
