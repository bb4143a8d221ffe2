/**
 * The analysis tables as sheets (header, rows, notes) for CSV and XLSX. Headers are English,
 * so files read the same whoever downloads them; the notes say which layer and filters the
 * numbers count.
 */
import type { CaseMatrix } from './case-matrix';
import type { CooccurrenceMatrix } from './cooccurrence';
import type { CellValue, Sheet } from '../tables/sheet';
import { typedCell } from '../tables/typed-text';
import type { Excerpt } from './excerpts';
import type { FrequencyTable } from './frequencies';
import { roundMeasure } from './format';
import type { AttributeInfo, Measure } from './types';

export const MEASURE_TITLES: Record<Measure, string> = {
  segments: 'Segments (codings)',
  participants: 'Participants (distinct)',
  percent: '% of participants in the column',
  groups: 'Groups (documents with a coding)',
  per1000: 'Segments per 1,000 words spoken',
};

/** An attribute's stored text as a cell: see typedAttributeValue. */
export type AttributeValue = (name: string, raw: string | undefined) => CellValue;
const textValue: AttributeValue = (_, raw) => raw ?? '';

/**
 * Attribute values as cells of their type: a number attribute's value ("34", "2,5") as a
 * number, a date attribute's (YYYY-MM-DD) as a date, so that spreadsheets and R sort and sum
 * them; anything that does not parse, and category and text values, stay text.
 */
export function typedAttributeValue(attributes: readonly AttributeInfo[], scope: AttributeInfo['scope']): AttributeValue {
  const types = new Map(attributes.filter((a) => a.scope === scope).map((a) => [a.name, a.type]));
  return (name, raw) => typedCell(types.get(name), raw);
}

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

/**
 * The frequency table long (tidy): one row per code × column (group), with the column's outer
 * and inner label and one Value column; the all-codes row is kept as code "All codes", the
 * denominators go in the notes' place as their own columns (Participants, Words).
 */
export function frequencyLongSheet(t: FrequencyTable, measure: Measure, notes: Notes): Sheet {
  const v = (c: { [k in Measure]: number | null }) => roundMeasure(c[measure], measure);
  const split = t.columns.some((c) => c.innerLabel != null);
  const group = (c: FrequencyTable['columns'][number]) => (split ? [c.outerLabel, c.innerLabel ?? ''] : [c.outerLabel]);
  const rows: CellValue[][] = [];
  const all = [...t.rows.map((r) => ({ name: rowName(r.name, r.rolledUp), path: r.path, cells: r.cells })), { name: 'All codes', path: '', cells: t.allCodes.cells }];
  for (const r of all) t.columns.forEach((c, j) => rows.push([r.name, r.path, ...group(c), v(r.cells[j]), c.participants, c.words]));
  return {
    name: 'Frequencies',
    header: ['Code', 'Code path', ...(split ? ['Group', 'Subgroup'] : ['Group']), 'Value', 'Participants in group', 'Words in group'],
    rows,
    notes: [['Measure', MEASURE_TITLES[measure]], ['Shape', 'long: one row per code × group'], ...notes],
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

/** How a case-matrix file is laid out: wide (a column per code) or long (a row per participant × code), counts or 0/1 presence. */
export interface CaseMatrixLayout {
  shape?: 'wide' | 'long';
  values?: 'count' | 'presence';
}

/**
 * A row per participant: label, group, attributes, then a count (or 0/1) per code and the
 * total (wide); or a row per participant × code with one Value column (long). Attribute
 * values go through `attributeValue` so numeric and date attributes can be numbers and dates.
 */
export function caseMatrixSheet(m: CaseMatrix, notes: Notes, layout: CaseMatrixLayout = {}, attributeValue: AttributeValue = textValue): Sheet {
  const presence = layout.values === 'presence';
  const cellValue = (n: number) => (presence ? (n > 0 ? 1 : 0) : n);
  const cellsNote: [string, string] = presence ? ['Cells', '1 when the participant has at least one coding of the code, else 0'] : ['Cells', 'codings of the code attributed to the participant'];
  const attrs = (p: CaseMatrix['participants'][number]) => m.attributes.map((a) => attributeValue(a, p.attributes[a]));
  if (layout.shape === 'long') {
    const rows: CellValue[][] = [];
    m.participants.forEach((p, i) => m.codes.forEach((c, j) => rows.push([p.label, p.documentTitle, ...attrs(p), rowName(c.path, c.rolledUp), cellValue(m.counts[i][j])])));
    return { name: 'Case matrix', header: ['Participant', 'Document', ...m.attributes, 'Code', presence ? 'Present' : 'Codings'], rows, notes: [cellsNote, ['Shape', 'long: one row per participant × code'], ...notes] };
  }
  return {
    name: 'Case matrix',
    header: ['Participant', 'Document', ...m.attributes, ...m.codes.map((c) => rowName(c.path, c.rolledUp)), presence ? 'Codes present' : 'Total'],
    rows: m.participants.map((p, i) => [p.label, p.documentTitle, ...attrs(p), ...m.counts[i].map(cellValue), presence ? m.counts[i].filter((n) => n > 0).length : m.totals[i]]),
    notes: [cellsNote, ...notes],
  };
}

/** A row per excerpt: document and its attributes, code path, speakers and theirs, quote, turns, offsets, coding id, coders. */
export function excerptSheet(list: readonly Excerpt[], documentAttributes: readonly string[], notes: Notes, attributeValue: AttributeValue = textValue): Sheet {
  return {
    name: 'Excerpts',
    header: ['Document', ...documentAttributes, 'Code', 'Speakers', 'Speaker attributes', 'Quote', 'Turns', 'Start', 'End', 'Coding id', 'Coders'],
    rows: list.map((e) => [
      e.documentTitle,
      ...documentAttributes.map((a) => attributeValue(a, e.documentAttributes[a])),
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
