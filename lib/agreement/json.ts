/**
 * The agreement report as the JSON API returns it: numeric ids, `null` for every undefined
 * statistic (with its flag beside it), and only the level asked for.
 */
import type { BinaryAgreement } from './cluster-table';
import type { AgreementProblem, AgreementReadiness } from './readiness';
import type { LevelAgreement } from './report';
import type { SegmentCounts } from './segment-level';
import type { AgreementLevel } from './selection';
import type { AgreementSummary } from './summary';
import type { UnitizedInterval } from './unitized';
import type { FamilyCoefficient } from './unitized-family';
import type { UnitizedReport } from './unitized-report';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const id = (s: string | undefined): number | string | null => (s === undefined ? null : /^\d+$/.test(s) ? Number(s) : s);

function binary(s: BinaryAgreement | LevelAgreement): { [key: string]: Json } {
  const ci = 'ci' in s && s.ci ? { low: num(s.ci.low), high: num(s.ci.high), defined: s.ci.defined } : null;
  return { units: s.units, percentAgreement: num(s.percentAgreement), alpha: num(s.alpha), ci, band: s.band, flag: s.flag };
}

function segment(s: SegmentCounts): { [key: string]: Json } {
  return {
    segmentsA: s.segmentsA,
    matchedA: s.matchedA,
    segmentsB: s.segmentsB,
    matchedB: s.matchedB,
    share: num(s.share),
    flag: Number.isNaN(s.share) ? 'no-segments' : null,
  };
}

/** What is missing, in words, for the API's `problem.message`. */
export function problemMessage(problem: AgreementProblem, name: (coder: string) => string = (c) => c): string {
  switch (problem.kind) {
    case 'too-few-coders':
      return `Choose at least two coders to compare (${problem.chosen} chosen).`;
    case 'no-documents':
      return 'Choose at least one document.';
    case 'no-shared-documents':
      return (
        'No chosen document has two of the chosen coders assigned, so there is nothing to compare: ' +
        problem.documents.map((d) => `document ${d.id ?? '?'}: ${d.assigned.length ? d.assigned.map(name).join(', ') : 'none'}`).join('; ') +
        '. Assign the documents to a second coder first.'
      );
  }
}

/**
 * The API body for a computed (or not computable) comparison. `summary` is null when
 * `readiness.problem` is set; the levels are then left out.
 */
export function agreementJson(args: {
  summary: AgreementSummary | null;
  readiness: AgreementReadiness;
  level: AgreementLevel | null;
  coders: Array<{ id: number; name: string }>;
  codes: Array<{ id: number; name: string }>;
  documents: Array<{ id: number; title: string; assignedCoders: number[] }>;
  settings: { thresholdPercent: number; samples: number; seed: number; excludeUncoded?: boolean };
}): { [key: string]: Json } {
  const { summary, readiness, level } = args;
  const names = new Map(args.coders.map((c) => [String(c.id), c.name]));
  const body: { [key: string]: Json } = {
    coders: args.coders,
    codes: args.codes,
    documents: args.documents.map((d) => ({ ...d, compared: d.assignedCoders.filter((c) => names.has(String(c))).length >= 2 })),
    settings: { level, threshold: args.settings.thresholdPercent / 100, samples: args.settings.samples, seed: args.settings.seed, excludeUncoded: args.settings.excludeUncoded === true, layers: 'coder' },
    ready: readiness.problem === null,
    problem: readiness.problem ? { kind: readiness.problem.kind, message: problemMessage(readiness.problem, (c) => names.get(c) ?? c) } : null,
    idleCoders: readiness.idle.map((c) => id(c)),
  };
  if (!summary) return body;
  const { report } = summary;
  const want = (l: AgreementLevel) => level === null || level === l;
  const perDocument = (pick: (d: AgreementSummary['byDocument'][number]) => { [key: string]: Json }) =>
    summary.byDocument.map((d) => ({ documentId: id(d.documentId), coders: d.coders, ...pick(d) }));
  if (want('turn')) {
    body.turn = {
      pooled: binary(report.turn.pooled),
      byCode: report.turn.byCode.map((s, i) => ({ codeId: id(s.codeId), codings: summary.codings[i], ...binary(s) })),
      kappa: report.turn.kappa.map((k) => ({
        coderA: id(k.coderA),
        coderB: id(k.coderB),
        units: k.pooled.units,
        kappa: num(k.pooled.kappa),
        byCode: k.byCode.map((c) => ({ codeId: id(c.codeId), units: c.units, kappa: num(c.kappa) })),
      })),
      byDocument: perDocument((d) => binary(d.turn)),
      byPair: summary.byPair.map((p) => ({ coderA: id(p.coderA), coderB: id(p.coderB), documents: p.documents, kappa: num(p.kappa.kappa), ...binary(p.turn) })),
    };
  }
  if (want('character')) {
    body.character = {
      pooled: binary(report.character.pooled),
      byCode: report.character.byCode.map((s, i) => ({ codeId: id(s.codeId), codings: summary.codings[i], ...binary(s) })),
      byDocument: perDocument((d) => binary(d.character)),
      byPair: summary.byPair.map((p) => ({ coderA: id(p.coderA), coderB: id(p.coderB), documents: p.documents, ...binary(p.character) })),
    };
  }
  if (want('segment')) {
    body.segment = {
      threshold: report.segment.threshold,
      byCode: report.codes.map((c, i) => ({ codeId: id(c), codings: summary.codings[i], ...segment(summary.segmentByCode[i]) })),
      pairs: report.segment.pairs.map((p) => ({
        coderA: id(p.coderA),
        coderB: id(p.coderB),
        documents: p.documents,
        ...segment(p.pooled),
        byCode: p.byCode.map((c) => ({ codeId: id(c.codeId), ...segment(c) })),
      })),
      byDocument: perDocument((d) => segment(d.segment)),
    };
  }
  if (want('unitized') && summary.unitized) body.unitized = unitizedJson(summary.unitized, id);
  if (summary.rounds.length > 0) {
    body.rounds = summary.rounds.map((r) => ({
      id: id(r.id),
      name: r.name,
      documents: r.documents,
      compared: r.compared,
      turn: binary(r.turn),
      character: binary(r.character),
      unitized: r.unitized
        ? {
            length: r.unitized.length,
            observed: r.unitized.overall.observed,
            expected: r.unitized.overall.expected,
            alpha: r.unitized.overall.alpha,
            band: r.unitized.overall.band,
            ci: r.unitized.ci ? { low: r.unitized.ci.low, high: r.unitized.ci.high, defined: r.unitized.ci.defined } : null,
          }
        : null,
    }));
  }
  return body;
}

/** The unitizing section: αu per code and overall, the cu-α family, pairs and the bad-input report. */
function unitizedJson(u: UnitizedReport, id: (s: string | undefined) => number | string | null): { [key: string]: Json } {
  const ci = (i: UnitizedInterval | undefined) => (i ? { low: i.low, high: i.high, defined: i.defined } : null);
  const coefficient = (c: FamilyCoefficient, interval?: UnitizedInterval) => ({
    observed: c.observed,
    expected: c.expected,
    alpha: c.alpha,
    band: c.band,
    ci: ci(interval),
  });
  return {
    excludeUncoded: u.excludeUncoded,
    length: u.alphaU.length,
    documents: u.alphaU.documents,
    alphaU: {
      overall: coefficient(u.alphaU.overall, u.alphaUCi?.overall),
      byCode: u.alphaU.byCode.map((c, i) => ({ codeId: id(c.codeId), units: c.units, ...coefficient(c, u.alphaUCi?.byCode[i]) })),
    },
    binaryByCode: u.family.byCode.map((c, i) => ({ codeId: id(c.codeId), domainId: id(c.domainId), ...coefficient(c.binary, u.familyCi?.byCode[i]?.binary) })),
    domains: u.family.byDomain.map((d, i) => ({
      domainId: id(d.domainId),
      codes: d.codes.map((c) => id(c)),
      binary: coefficient(d.binary, u.familyCi?.byDomain[i].binary),
      cu: coefficient(d.cu, u.familyCi?.byDomain[i].cu),
      compoundCharacters: d.compoundCharacters,
    })),
    global: {
      binary: coefficient(u.family.global.binary, u.familyCi?.global.binary),
      Cu: coefficient(u.family.global.Cu, u.familyCi?.global.Cu),
      compoundCharacters: u.family.global.compoundCharacters,
    },
    pairs: u.pairs.map((p) => ({ coderA: id(p.coderA), coderB: id(p.coderB), documents: p.documents, length: p.length, alpha: p.alpha, band: p.band })),
    skippedDocuments: u.skippedDocuments.map((d) => id(d)),
    emptyCoders: u.emptyCoders.map((e) => ({ documentId: id(e.documentId), coderId: id(e.coder) })),
    mergedUnits: u.mergedUnits,
    merges: u.merges.map((m) => ({ documentId: id(m.documentId), coderId: id(m.coder), codeId: id(m.codeId), merged: m.merged })),
  };
}
