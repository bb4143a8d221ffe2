/**
 * The agreement report as data files: one tidy table for CSV (a row per statistic, ready for R
 * or a spreadsheet's pivot table) and readable sheets for XLSX. Undefined statistics are empty
 * cells with the reason in `flag`, never a number. Column names are English and stable: they
 * are a file format, not interface text.
 */
import type { BinaryAgreement } from './cluster-table';
import type { LevelAgreement } from './report';
import type { SegmentCounts } from './segment-level';
import type { AgreementSummary } from './summary';
import type { FamilyCoefficient } from './unitized-family';
import type { UnitizedInterval } from './unitized';
import type { CellValue, Sheet } from '../tables/sheet';

/** Display names for the ids in a summary. */
export interface ExportNames {
  coder: (id: string) => string;
  code: (id: string) => string;
  document: (id: string | undefined) => string;
}

export interface ExportSettings {
  thresholdPercent: number;
  samples: number;
  seed: number;
}

export const TIDY_COLUMNS = ['level', 'scope', 'code', 'coder_a', 'coder_b', 'document', 'statistic', 'value', 'ci_low', 'ci_high', 'units', 'flag', 'round'] as const;

/** Rounds to six decimals; NaN becomes an empty cell. */
export function cellNumber(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null;
}

const segmentFlag = (s: SegmentCounts) => (Number.isNaN(s.share) ? 'no-segments' : '');

/** Every statistic of the summary as tidy rows, in the order of TIDY_COLUMNS. */
export function agreementRows(summary: AgreementSummary, names: ExportNames, settings: ExportSettings): CellValue[][] {
  const { report } = summary;
  const rows: CellValue[][] = [];
  type Who = { code?: string; a?: string; b?: string; doc?: string; round?: string };
  const row = (level: string, scope: string, who: Who, statistic: string, value: number, extra: { low?: number; high?: number; units?: number; flag?: string } = {}) =>
    rows.push([
      level,
      scope,
      who.code ?? '',
      who.a ?? '',
      who.b ?? '',
      who.doc ?? '',
      statistic,
      cellNumber(value),
      extra.low === undefined ? null : cellNumber(extra.low),
      extra.high === undefined ? null : cellNumber(extra.high),
      extra.units ?? null,
      extra.flag ?? '',
      who.round ?? '',
    ]);
  const binary = (level: string, scope: string, who: Who, s: BinaryAgreement | LevelAgreement) => {
    const ci = 'ci' in s ? s.ci : null;
    row(level, scope, who, 'percent_agreement', s.percentAgreement, { units: s.units, flag: Number.isNaN(s.percentAgreement) ? 'too-few-units' : '' });
    row(level, scope, who, 'alpha', s.alpha, { low: ci?.low, high: ci?.high, units: s.units, flag: s.flag ?? '' });
  };

  row('meta', 'settings', {}, 'segment_threshold_percent', settings.thresholdPercent);
  row('meta', 'settings', {}, 'bootstrap_samples', settings.samples);
  row('meta', 'settings', {}, 'bootstrap_seed', settings.seed);
  row('meta', 'settings', {}, 'documents_compared', summary.byDocument.filter((d) => d.coders >= 2).length);
  report.codes.forEach((code, i) => row('meta', 'code', { code: names.code(code) }, 'codings', summary.codings[i]));

  binary('turn', 'pooled', {}, report.turn.pooled);
  report.turn.byCode.forEach((s) => binary('turn', 'code', { code: names.code(s.codeId) }, s));
  for (const k of report.turn.kappa) {
    const pair = { a: names.coder(k.coderA), b: names.coder(k.coderB) };
    row('turn', 'pair', pair, 'cohen_kappa', k.pooled.kappa, { units: k.pooled.units, flag: Number.isNaN(k.pooled.kappa) ? 'undefined' : '' });
    for (const c of k.byCode) {
      row('turn', 'pair_code', { ...pair, code: names.code(c.codeId) }, 'cohen_kappa', c.kappa, { units: c.units, flag: Number.isNaN(c.kappa) ? 'undefined' : '' });
    }
  }
  binary('character', 'pooled', {}, report.character.pooled);
  report.character.byCode.forEach((s) => binary('character', 'code', { code: names.code(s.codeId) }, s));
  for (const p of report.segment.pairs) {
    const pair = { a: names.coder(p.coderA), b: names.coder(p.coderB) };
    row('segment', 'pair', pair, 'matched_share', p.pooled.share, { units: p.pooled.segmentsA + p.pooled.segmentsB, flag: segmentFlag(p.pooled) });
    for (const c of p.byCode) {
      row('segment', 'pair_code', { ...pair, code: names.code(c.codeId) }, 'matched_share', c.share, { units: c.segmentsA + c.segmentsB, flag: segmentFlag(c) });
    }
  }
  for (const d of summary.byDocument) {
    const doc = { doc: names.document(d.documentId) };
    binary('turn', 'document', doc, d.turn);
    binary('character', 'document', doc, d.character);
    row('segment', 'document', doc, 'matched_share', d.segment.share, { units: d.segment.segmentsA + d.segment.segmentsB, flag: segmentFlag(d.segment) });
  }
  for (const p of summary.byPair) {
    const pair = { a: names.coder(p.coderA), b: names.coder(p.coderB) };
    binary('turn', 'pair', pair, p.turn);
    binary('character', 'pair', pair, p.character);
  }

  // The unitizing coefficients (αu, the cu-α family), when they were computed. Null (undefined)
  // values are empty cells flagged 'undefined'; units are characters of the continuum or units N.
  const u = summary.unitized;
  const nan = (x: number | null | undefined) => (x === null || x === undefined ? NaN : x);
  const coefficient = (scope: string, who: Who, statistic: string, c: FamilyCoefficient, ci: UnitizedInterval | undefined | null, units?: number) => {
    row('unitized', scope, who, statistic, nan(c.alpha), { low: ci ? nan(ci.low) : undefined, high: ci ? nan(ci.high) : undefined, units, flag: c.alpha === null ? 'undefined' : '' });
    row('unitized', scope, who, `${statistic}_observed_disagreement`, nan(c.observed), { units });
    row('unitized', scope, who, `${statistic}_expected_disagreement`, nan(c.expected), { units });
  };
  if (u) {
    row('meta', 'settings', {}, 'exclude_uncoded', u.excludeUncoded ? 1 : 0);
    row('meta', 'settings', {}, 'unitized_continuum_characters', u.alphaU.length);
    row('meta', 'settings', {}, 'unitized_merged_units', u.mergedUnits);
    row('meta', 'settings', {}, 'unitized_skipped_documents', u.skippedDocuments.length);
    coefficient('pooled', {}, 'alpha_u', u.alphaU.overall, u.alphaUCi?.overall, u.alphaU.length);
    u.alphaU.byCode.forEach((c, i) => coefficient('code', { code: names.code(c.codeId) }, 'alpha_u', c, u.alphaUCi?.byCode[i], c.units));
    u.family.byCode.forEach((c, i) => coefficient('code', { code: names.code(c.codeId) }, 'alpha_binary', c.binary, u.familyCi?.byCode[i]?.binary, u.family.length));
    u.family.byDomain.forEach((d, i) => {
      coefficient('domain', { code: names.code(d.domainId) }, 'alpha_binary', d.binary, u.familyCi?.byDomain[i]?.binary, u.family.length);
      coefficient('domain', { code: names.code(d.domainId) }, 'cu_alpha', d.cu, u.familyCi?.byDomain[i]?.cu, u.family.length);
    });
    coefficient('global', {}, 'alpha_binary', u.family.global.binary, u.familyCi?.global.binary, u.family.length);
    coefficient('global', {}, 'Cu_alpha', u.family.global.Cu, u.familyCi?.global.Cu, u.family.length);
    for (const p of u.pairs) {
      row('unitized', 'pair', { a: names.coder(p.coderA), b: names.coder(p.coderB) }, 'alpha_u', nan(p.alpha), { units: p.length, flag: p.alpha === null ? 'undefined' : '' });
    }
  }

  for (const r of summary.rounds) {
    const who = { round: r.name };
    row('meta', 'round', who, 'documents_compared', r.compared, { units: r.documents });
    binary('turn', 'round', who, r.turn);
    binary('character', 'round', who, r.character);
    if (r.unitized) {
      const ci = r.unitized.ci;
      row('unitized', 'round', who, 'alpha_u', nan(r.unitized.overall.alpha), {
        low: ci ? nan(ci.low) : undefined,
        high: ci ? nan(ci.high) : undefined,
        units: r.unitized.length,
        flag: r.unitized.overall.alpha === null ? 'undefined' : '',
      });
    }
  }
  return rows;
}

/** Readable sheets of the summary for a workbook. */
export function agreementSheets(summary: AgreementSummary, names: ExportNames, settings: ExportSettings): Sheet[] {
  const { report } = summary;
  const n = cellNumber;
  const ci = (s: LevelAgreement) => [s.ci ? n(s.ci.low) : null, s.ci ? n(s.ci.high) : null];
  const overview: Sheet = {
    name: 'Summary',
    header: ['Level', 'Units', '% agreement', 'α', 'α 95% CI low', 'α 95% CI high', 'Band', 'Not enough data'],
    rows: [
      ['Turn', report.turn.pooled.units, n(report.turn.pooled.percentAgreement), n(report.turn.pooled.alpha), ...ci(report.turn.pooled), report.turn.pooled.band, report.turn.pooled.flag ?? ''],
      ['Character', report.character.pooled.units, n(report.character.pooled.percentAgreement), n(report.character.pooled.alpha), ...ci(report.character.pooled), report.character.pooled.band, report.character.pooled.flag ?? ''],
      [],
      ['Segment overlap threshold (%)', settings.thresholdPercent],
      ['Bootstrap resamples', settings.samples],
      ['Bootstrap seed', settings.seed],
      ['Coders', report.coders.map(names.coder).join(', ')],
      ['Layers', 'each coder’s own layer (the consensus layer is not compared)'],
      ['Bands', 'α ≥ 0.800 reliable; α ≥ 0.667 tentative (Krippendorff)'],
    ],
  };
  const byCode: Sheet = {
    name: 'By code',
    header: ['Code', 'Codings', 'Turn units', 'Turn % agreement', 'Turn α', 'Turn α CI low', 'Turn α CI high', 'Turn band', 'Character units', 'Character α', 'Character α CI low', 'Character α CI high', 'Character band', 'Segments', 'Segments matched share'],
    rows: report.codes.map((code, i) => {
      const t = report.turn.byCode[i];
      const c = report.character.byCode[i];
      const s = summary.segmentByCode[i];
      return [names.code(code), summary.codings[i], t.units, n(t.percentAgreement), n(t.alpha), ...ci(t), t.band, c.units, n(c.alpha), ...ci(c), c.band, s.segmentsA + s.segmentsB, n(s.share)];
    }),
  };
  const kappa: Sheet = {
    name: 'Cohen kappa',
    header: ['Coder A', 'Coder B', 'Code', 'Units', 'κ'],
    rows: report.turn.kappa.flatMap((k) => [
      [names.coder(k.coderA), names.coder(k.coderB), '(all codes)', k.pooled.units, n(k.pooled.kappa)],
      ...k.byCode.map((c): CellValue[] => [names.coder(k.coderA), names.coder(k.coderB), names.code(c.codeId), c.units, n(c.kappa)]),
    ]),
  };
  const byDocument: Sheet = {
    name: 'By document',
    header: ['Document', 'Coders compared', 'Turn units', 'Turn % agreement', 'Turn α', 'Character α', 'Segments', 'Segments matched share'],
    rows: summary.byDocument.map((d) => [names.document(d.documentId), d.coders, d.turn.units, n(d.turn.percentAgreement), n(d.turn.alpha), n(d.character.alpha), d.segment.segmentsA + d.segment.segmentsB, n(d.segment.share)]),
  };
  const byPair: Sheet = {
    name: 'By coder pair',
    header: ['Coder A', 'Coder B', 'Documents', 'Turn units', 'Turn % agreement', 'Cohen κ', 'Turn α', 'Character α', 'Segments', 'Segments matched share'],
    rows: summary.byPair.map((p) => [names.coder(p.coderA), names.coder(p.coderB), p.documents, p.turn.units, n(p.turn.percentAgreement), n(p.kappa.kappa), n(p.turn.alpha), n(p.character.alpha), p.segment.segmentsA + p.segment.segmentsB, n(p.segment.share)]),
  };
  const segments: Sheet = {
    name: 'Segments',
    header: ['Coder A', 'Coder B', 'Code', 'Segments A', 'Matched A', 'Segments B', 'Matched B', 'Matched share'],
    rows: report.segment.pairs.flatMap((p) =>
      [{ ...p.pooled, codeId: null as string | null }, ...p.byCode].map((c): CellValue[] => [
        names.coder(p.coderA),
        names.coder(p.coderB),
        c.codeId === null ? '(all codes)' : names.code(c.codeId),
        c.segmentsA,
        c.matchedA,
        c.segmentsB,
        c.matchedB,
        n(c.share),
      ]),
    ),
  };
  const sheets = [overview, byCode, kappa, byDocument, byPair, segments];
  const u = summary.unitized;
  const un = (x: number | null | undefined) => (x === null || x === undefined ? null : n(x));
  if (u) {
    const line = (what: string, scope: string, c: FamilyCoefficient, ci: UnitizedInterval | undefined | null, units: number | null): CellValue[] => [
      what,
      scope,
      units,
      un(c.observed),
      un(c.expected),
      un(c.alpha),
      ci ? un(ci.low) : null,
      ci ? un(ci.high) : null,
      c.band,
    ];
    sheets.push({
      name: 'Unitized',
      header: ['Coefficient', 'Scope', 'Units', 'Observed disagreement', 'Expected disagreement', 'α', 'α 95% CI low', 'α 95% CI high', 'Band'],
      rows: [
        line('αu', '(all codes)', u.alphaU.overall, u.alphaUCi?.overall, u.alphaU.length),
        ...u.alphaU.byCode.map((c, i) => line('αu', names.code(c.codeId), c, u.alphaUCi?.byCode[i], c.units)),
        ...u.family.byCode.map((c, i) => line('α-binary', names.code(c.codeId), c.binary, u.familyCi?.byCode[i]?.binary, u.family.length)),
        ...u.family.byDomain.flatMap((d, i) => [
          line('α-binary (domain)', names.code(d.domainId), d.binary, u.familyCi?.byDomain[i]?.binary, u.family.length),
          line('cu-α', names.code(d.domainId), d.cu, u.familyCi?.byDomain[i]?.cu, u.family.length),
        ]),
        line('α-binary (global)', '(all codes)', u.family.global.binary, u.familyCi?.global.binary, u.family.length),
        line('Cu-α', '(all domains)', u.family.global.Cu, u.familyCi?.global.Cu, u.family.length),
        ...u.pairs.map((p): CellValue[] => ['αu', `${names.coder(p.coderA)} — ${names.coder(p.coderB)}`, p.length, null, null, un(p.alpha), null, null, p.band]),
        [],
        ['Text without codes', u.excludeUncoded ? 'excluded' : 'included'],
        ['Overlapping units merged', u.mergedUnits],
        ['Documents not assigned to every coder (left out)', u.skippedDocuments.length],
      ],
    });
  }
  if (summary.rounds.length > 0) {
    sheets.push({
      name: 'By round',
      header: ['Round', 'Documents', 'Documents compared', 'Turn units', 'Turn α', 'Turn α CI low', 'Turn α CI high', 'Character α', 'Character α CI low', 'Character α CI high', 'αu', 'αu CI low', 'αu CI high'],
      rows: summary.rounds.map((r): CellValue[] => [
        r.name,
        r.documents,
        r.compared,
        r.turn.units,
        n(r.turn.alpha),
        ...ci(r.turn),
        n(r.character.alpha),
        ...ci(r.character),
        un(r.unitized?.overall.alpha),
        un(r.unitized?.ci?.low),
        un(r.unitized?.ci?.high),
      ]),
    });
  }
  return sheets;
}
