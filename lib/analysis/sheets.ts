/**
 * The analysis tables as sheets (header, rows, notes) for CSV and XLSX. Headers are English,
 * so files read the same whoever downloads them; the notes say which layer and filters the
 * numbers count.
 */
import type { CaseMatrix } from './case-matrix';
import type { CooccurrenceMatrix } from './cooccurrence';
import type { CellValue, Sheet } from '../tables/sheet';
import type { Excerpt } from './excerpts';
import type { FrequencyTable } from './frequencies';
import { roundMeasure } from './format';
import type { Measure } from './types';

export const MEASURE_TITLES: Record<Measure, string> = {
  segments: 'Segments (codings)',
  participants: 'Participants (distinct)',
  percent: '% of participants in the column',
  groups: 'Groups (documents with a coding)',
  per1000: 'Segments per 1,000 words spoken',
};

/** Label–value lines after a table (see ./describe). */
export type Notes = Array<[string, string]>;

const rowName = (name: string, rolledUp: boolean) => (rolledUp ? `${name} (incl. subcodes)` : name);

/** The frequency table in one measure: a row per code (path beside it), the all-codes row, the denominators and words. */
export function frequencySheet(t: FrequencyTable, measure: Measure, notes: Notes): Sheet {
  const v = (c: { [k in Measure]: number | null }) => roundMeasure(c[measure], measure);
  const colName = (c: FrequencyTable['columns'][number]) => (c.innerLabel == null ? c.outerLabel : `${c.outerLabel} / ${c.innerLabel}`);
  return {
    name: 'Frequencies',
    header: ['Code', 'Code path', ...t.columns.map(colName), 'Total'],
    rows: [
      ...t.rows.map((r) => [rowName(r.name, r.rolledUp), r.path, ...r.cells.map(v), v(r.total)]),
      ['All codes', '', ...t.allCodes.cells.map(v), v(t.allCodes.total)],
      ['Participants (denominator)', '', ...t.columns.map((c) => c.participants), t.total.participants],
      ['Words spoken', '', ...t.columns.map((c) => c.words), t.total.words],
    ],
    notes: [['Measure', MEASURE_TITLES[measure]], ...notes, ['Totals', 'distinct codings, participants and documents (not the sum of the cells)']],
  };
}

const round3 = (x: number | null) => (x == null ? null : Math.round(x * 1000) / 1000);

/** Co-occurrence as a list of code pairs (CSV) — the diagonal pairs carry each code's n. */
export function cooccurrencePairsSheet(m: CooccurrenceMatrix, notes: Notes): Sheet {
  const rows: CellValue[][] = [];
  m.codes.forEach((a, i) => m.codes.forEach((b, j) => j >= i && rows.push([a.path, b.path, m.counts[i][j], round3(m.jaccard[i][j])])));
  return { name: 'Co-occurrence', header: ['Code A', 'Code B', 'Count', 'Jaccard'], rows, notes: [['Co-occurrence', m.mode === 'overlap' ? 'codings overlap' : 'codings in the same turn'], ...notes] };
}

/** Co-occurrence as two matrices, counts and Jaccard (XLSX). */
export function cooccurrenceMatrixSheets(m: CooccurrenceMatrix, notes: Notes): Sheet[] {
  const header = ['Code', ...m.codes.map((c) => c.path)];
  const mode: Notes = [['Co-occurrence', m.mode === 'overlap' ? 'codings overlap' : 'codings in the same turn'], ...notes];
  return [
    { name: 'Counts', header, rows: m.codes.map((c, i) => [c.path, ...m.counts[i]]), notes: mode },
    { name: 'Jaccard', header, rows: m.codes.map((c, i) => [c.path, ...m.jaccard[i].map(round3)]), notes: mode },
  ];
}

/** A row per participant: label, group, attributes, then a count per code and the total. */
export function caseMatrixSheet(m: CaseMatrix, notes: Notes): Sheet {
  return {
    name: 'Case matrix',
    header: ['Participant', 'Document', ...m.attributes, ...m.codes.map((c) => rowName(c.path, c.rolledUp)), 'Total'],
    rows: m.participants.map((p, i) => [p.label, p.documentTitle, ...m.attributes.map((a) => p.attributes[a] ?? ''), ...m.counts[i], m.totals[i]]),
    notes: [['Cells', 'codings of the code attributed to the participant'], ...notes],
  };
}

/** A row per excerpt: document and its attributes, code path, speakers and theirs, quote, turns, offsets, coding id, coders. */
export function excerptSheet(list: readonly Excerpt[], documentAttributes: readonly string[], notes: Notes): Sheet {
  return {
    name: 'Excerpts',
    header: ['Document', ...documentAttributes, 'Code', 'Speakers', 'Speaker attributes', 'Quote', 'Turns', 'Start', 'End', 'Coding id', 'Coders'],
    rows: list.map((e) => [
      e.documentTitle,
      ...documentAttributes.map((a) => e.documentAttributes[a] ?? ''),
      e.codePath,
      e.participants.map((p) => p.label).join('; '),
      e.participants.map((p) => `${p.label}: ${Object.entries(p.attributes).map(([k, v]) => `${k} ${v}`).join(', ')}`).join('; '),
      e.quote,
      e.turns.join(', '),
      e.start,
      e.end,
      e.codingId,
      e.coders.map((c) => c.name).join('; '),
    ]),
    notes,
  };
}
