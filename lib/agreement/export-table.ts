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

export const TIDY_COLUMNS = ['level', 'scope', 'code', 'coder_a', 'coder_b', 'document', 'statistic', 'value', 'ci_low', 'ci_high', 'units', 'flag'] as const;

/** Rounds to six decimals; NaN becomes an empty cell. */
export function cellNumber(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null;
}

const segmentFlag = (s: SegmentCounts) => (Number.isNaN(s.share) ? 'no-segments' : '');

/** Every statistic of the summary as tidy rows, in the order of TIDY_COLUMNS. */
export function agreementRows(summary: AgreementSummary, names: ExportNames, settings: ExportSettings): CellValue[][] {
  const { report } = summary;
  const rows: CellValue[][] = [];
  const row = (level: string, scope: string, who: { code?: string; a?: string; b?: string; doc?: string }, statistic: string, value: number, extra: { low?: number; high?: number; units?: number; flag?: string } = {}) =>
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
    ]);
  const binary = (level: string, scope: string, who: { code?: string; a?: string; b?: string; doc?: string }, s: BinaryAgreement | LevelAgreement) => {
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
  return [overview, byCode, kappa, byDocument, byPair, segments];
}
