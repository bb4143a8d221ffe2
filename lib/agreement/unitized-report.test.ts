import { describe, expect, it } from 'vitest';
import { unitizedContinuum } from './continuum';
import { prepareStudy, type AgreementInput } from './document';
import { agreementJson } from './json';
import { agreementReadiness } from './readiness';
import { agreementSummary } from './summary';
import { unitizedAlpha } from './unitized';
import { unitizedReport } from './unitized-report';

const input: AgreementInput = {
  coders: ['ana', 'bek', 'cai'],
  documents: [
    {
      id: '1',
      turns: [
        { start: 0, end: 40, isParticipant: true },
        { start: 41, end: 60, isParticipant: false },
        { start: 61, end: 100, isParticipant: true },
      ],
      assignedCoders: ['ana', 'bek', 'cai'],
      codings: {
        ana: [{ codeId: 'x', start: 2, end: 20 }, { codeId: 'y', start: 62, end: 90 }, { codeId: 'y', start: 70, end: 95 }],
        bek: [{ codeId: 'x', start: 4, end: 20 }, { codeId: 'y', start: 64, end: 92 }],
        cai: [],
      },
    },
    {
      id: '2',
      turns: [{ start: 0, end: 50, isParticipant: true }],
      assignedCoders: ['ana', 'bek'],
      codings: { ana: [{ codeId: 'x', start: 0, end: 10 }], bek: [{ codeId: 'x', start: 0, end: 12 }] },
    },
  ],
};

describe('unitizedReport', () => {
  const study = prepareStudy(input);
  const report = unitizedReport(study, { domains: { x: 'x', y: 'x' }, bootstrap: { samples: 50, seed: 1 } });

  it('computes αu over the documents every coder was assigned, and says what it left out', () => {
    expect(report.alphaU.documents).toBe(1);
    expect(report.skippedDocuments).toEqual(['2']);
    expect(report.emptyCoders).toEqual([{ documentId: '1', coder: 'cai' }]);
    expect(report.mergedUnits).toBe(1);
    expect(report.alphaU).toEqual(unitizedAlpha(unitizedContinuum(study)));
    expect(report.alphaUCi?.overall.alpha).toBe(report.alphaU.overall.alpha);
    expect(report.familyCi?.byDomain).toHaveLength(1);
  });

  it('has one entry per pair, each over the documents both were assigned', () => {
    expect(report.pairs.map((p) => [p.coderA, p.coderB, p.documents])).toEqual([
      ['ana', 'bek', 2],
      ['ana', 'cai', 1],
      ['bek', 'cai', 1],
    ]);
    const anaBek = unitizedAlpha(unitizedContinuum(study, { coders: ['ana', 'bek'] }));
    expect(report.pairs[0].alpha).toBe(anaBek.overall.alpha);
    expect(report.pairs[1].alpha!).toBeLessThan(0); // cai coded nothing
  });

  it('is in the summary, and in the JSON with null for every undefined value', () => {
    expect(agreementSummary(input).unitized).toBeNull();
    const summary = agreementSummary(input, { excludeUncoded: true, unitized: true });
    expect(summary.unitized!.excludeUncoded).toBe(true);
    expect(summary.report.character.excludeUncoded).toBe(true);
    const body = agreementJson({
      summary,
      readiness: agreementReadiness(input),
      level: 'unitized',
      coders: [],
      codes: [],
      documents: [],
      settings: { thresholdPercent: 90, samples: 0, seed: 1, excludeUncoded: true },
    });
    expect(body.turn).toBeUndefined();
    const text = JSON.stringify(body.unitized);
    expect(text).not.toContain('NaN');
    expect(body.unitized).toMatchObject({ excludeUncoded: true, documents: 1, mergedUnits: 1, skippedDocuments: [2] });
  });
});
