import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareStudy, type AgreementInput } from './document';
import { segmentAgreement, segmentOverlap } from './segment-level';
import { studyArbitrary } from './study.arbitrary';

describe('segmentOverlap', () => {
  it('is intersection over union', () => {
    expect(segmentOverlap(0, 10, 0, 10)).toBe(1);
    expect(segmentOverlap(0, 10, 0, 9)).toBeCloseTo(0.9, 12);
    expect(segmentOverlap(0, 10, 5, 15)).toBeCloseTo(5 / 15, 12);
    expect(segmentOverlap(0, 10, 2, 4)).toBeCloseTo(0.2, 12); // short inside long
    expect(segmentOverlap(0, 5, 5, 9)).toBe(0); // touching, half-open
    expect(segmentOverlap(3, 3, 0, 9)).toBe(0);
  });

  it('is symmetric', () => {
    expect(segmentOverlap(1, 7, 4, 12)).toBe(segmentOverlap(4, 12, 1, 7));
  });
});

describe('segmentAgreement', () => {
  const input: AgreementInput = {
    coders: ['ana', 'bek'],
    documents: [
      {
        turns: [{ start: 0, end: 100, isParticipant: true }],
        assignedCoders: ['ana', 'bek'],
        codings: {
          // ana marks two short passages, bek one long one containing both, and the same
          // short passage twice
          ana: [
            { codeId: 'x', start: 0, end: 10 },
            { codeId: 'x', start: 50, end: 60 },
            { codeId: 'y', start: 20, end: 30 },
          ],
          bek: [
            { codeId: 'x', start: 0, end: 60 },
            { codeId: 'x', start: 1, end: 10 },
            { codeId: 'x', start: 1, end: 10 },
            { codeId: 'z', start: 20, end: 30 }, // another code: never a match
          ],
        },
      },
    ],
  };

  it('matches segments of the same code at the threshold, not one-to-one', () => {
    const [pair] = segmentAgreement(prepareStudy(input));
    // x: ana [0,10) ↔ bek [1,10): 9/10 ✓; ana [50,60) vs [0,60): 10/60 ✗
    //    bek [0,60): best 10/60 ✗; both [1,10) copies ↔ ana [0,10) ✓ ✓
    expect(pair.byCode.find((c) => c.codeId === 'x')).toMatchObject({ segmentsA: 2, matchedA: 1, segmentsB: 3, matchedB: 2 });
    expect(pair.byCode.find((c) => c.codeId === 'y')).toMatchObject({ segmentsA: 1, matchedA: 0, segmentsB: 0, matchedB: 0 });
    expect(pair.pooled).toEqual({ segmentsA: 3, matchedA: 1, segmentsB: 4, matchedB: 2, share: 3 / 7 });
  });

  it('at threshold 0 accepts any overlap; above 1 accepts none', () => {
    const any = segmentAgreement(prepareStudy(input), { threshold: 0 })[0];
    expect(any.byCode.find((c) => c.codeId === 'x')).toMatchObject({ matchedA: 2, matchedB: 3 });
    const none = segmentAgreement(prepareStudy(input), { threshold: 1.01 })[0];
    expect(none.pooled.matchedA + none.pooled.matchedB).toBe(0);
  });

  it('equals a brute-force comparison of all segment pairs (property)', () => {
    fc.assert(
      fc.property(studyArbitrary, fc.constantFrom(0, 0.3, 0.5, 0.9, 1), (study, threshold) => {
        const pairs = segmentAgreement(prepareStudy(study), { threshold });
        for (const pair of pairs) {
          for (const code of pair.byCode) {
            let segmentsA = 0;
            let matchedA = 0;
            let segmentsB = 0;
            let matchedB = 0;
            for (const doc of study.documents) {
              if (!doc.assignedCoders.includes(pair.coderA) || !doc.assignedCoders.includes(pair.coderB)) continue;
              const own = (coder: string) =>
                (doc.codings[coder] ?? []).filter((c) => c.codeId === code.codeId && c.end > c.start);
              const a = own(pair.coderA);
              const b = own(pair.coderB);
              const agrees = (s: { start: number; end: number }, others: typeof a) =>
                others.some((o) => {
                  const overlap = segmentOverlap(s.start, s.end, o.start, o.end);
                  return overlap > 0 && overlap >= threshold - 1e-12;
                });
              segmentsA += a.length;
              segmentsB += b.length;
              matchedA += a.filter((s) => agrees(s, b)).length;
              matchedB += b.filter((s) => agrees(s, a)).length;
            }
            expect(code).toMatchObject({ segmentsA, matchedA, segmentsB, matchedB });
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
