import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgreementInput } from './document';
import { agreementReport } from './report';
import { studyArbitrary } from './study.arbitrary';
import { agreementSummary } from './summary';
import { syntheticStudy } from './synthetic';

/** NaN-tolerant deep equality with a tolerance for summation order. */
function close(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    if (Number.isNaN(expected)) expect(actual, path).toBeNaN();
    else expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (expected && typeof expected === 'object') {
    for (const [k, v] of Object.entries(expected)) close((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else expect(actual, path).toEqual(expected);
}

const small = syntheticStudy({ documents: 3, turns: 60, codes: 5, coders: 3, seed: 7 });

describe('agreementSummary', () => {
  it('has the same report as agreementReport, with and without a bootstrap', () => {
    expect(agreementSummary(small).report).toEqual(agreementReport(small));
    const options = { segmentThreshold: 0.6, bootstrap: { samples: 50, seed: 3 } };
    expect(agreementSummary(small, options).report).toEqual(agreementReport(small, options));
  });

  it('gives each document the figures of a report on that document alone', () => {
    fc.assert(
      fc.property(studyArbitrary, (study) => {
        const summary = agreementSummary(study);
        study.documents.forEach((doc, d) => {
          const alone = agreementReport({ ...study, documents: [doc] });
          const row = summary.byDocument[d];
          close(row.turn, { units: alone.turn.pooled.units, alpha: alone.turn.pooled.alpha, percentAgreement: alone.turn.pooled.percentAgreement });
          close(row.character, { units: alone.character.pooled.units, alpha: alone.character.pooled.alpha, percentAgreement: alone.character.pooled.percentAgreement });
          const segments = alone.segment.pairs.reduce((n, p) => n + p.pooled.segmentsA + p.pooled.segmentsB, 0);
          expect(row.segment.segmentsA + row.segment.segmentsB).toBe(segments);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('gives each pair the figures of a report on those two coders', () => {
    fc.assert(
      fc.property(studyArbitrary, (study) => {
        const summary = agreementSummary(study);
        expect(summary.byPair).toHaveLength(3);
        for (const pair of summary.byPair) {
          const two = agreementReport({ ...study, coders: [pair.coderA, pair.coderB] });
          close(pair.turn, { units: two.turn.pooled.units, alpha: two.turn.pooled.alpha, percentAgreement: two.turn.pooled.percentAgreement });
          close(pair.character, { alpha: two.character.pooled.alpha, percentAgreement: two.character.pooled.percentAgreement });
          close(pair.kappa, two.turn.kappa[0].pooled);
          expect(pair.segment).toEqual(two.segment.pairs[0].pooled);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('counts codings per code on compared documents only, and pools segments per code over pairs', () => {
    const input: AgreementInput = {
      coders: ['ana', 'bek'],
      codes: ['a', 'b', 'unused'],
      documents: [
        {
          turns: [
            { start: 0, end: 50, isParticipant: true },
            { start: 51, end: 80, isParticipant: true },
          ],
          assignedCoders: ['ana', 'bek'],
          codings: { ana: [{ codeId: 'a', start: 0, end: 10 }, { codeId: 'b', start: 20, end: 30 }], bek: [{ codeId: 'a', start: 0, end: 10 }] },
        },
        // ana alone: not compared, her codings do not count
        { turns: [{ start: 0, end: 9, isParticipant: true }], assignedCoders: ['ana'], codings: { ana: [{ codeId: 'a', start: 0, end: 5 }] } },
      ],
    };
    const summary = agreementSummary(input);
    expect(summary.codings).toEqual([2, 1, 0]);
    expect(summary.segmentByCode[0]).toEqual({ segmentsA: 1, matchedA: 1, segmentsB: 1, matchedB: 1, share: 1 });
    expect(summary.segmentByCode[2].share).toBeNaN();
    expect(summary.report.turn.byCode[2].flag).toBe('no-variation');
    expect(summary.byDocument[1].coders).toBe(1);
    expect(summary.byDocument[1].turn.flag).toBe('too-few-units');
    expect(summary.byPair).toHaveLength(1);
    expect(summary.report.turn.pooled).toMatchObject(summary.byPair[0].turn);
  });
});
