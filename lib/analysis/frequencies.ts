/**
 * Code frequencies (DESIGN.md, "What the numbers mean"): rows are codes, columns the values of
 * a document or participant attribute, or the documents, optionally split by a second
 * attribute. In each cell:
 * - segments: codings in the cell;
 * - participants: distinct participants the cell's codings are attributed to;
 * - percent: participants ÷ the participants of the column (its denominator);
 * - groups: documents with at least one coding in the cell;
 * - per1000: segments ÷ words spoken by the column's participants × 1,000.
 *
 * A coding is in the cell of its document's value for a document attribute, and in the cell
 * of each attributed participant's value for a participant attribute — so a coding spanning a
 * woman's and a man's turns counts once under Female and once under Male. A coding
 * attributed to nobody lands in the NO_PARTICIPANT column of a participant attribute. Totals
 * (the total column, the "all codes" row) count distinct codings, participants and documents,
 * so they are not the sums of the cells. With roll-up, a parent's row counts its own and its
 * descendants' codings (each coding once).
 *
 * One pass over the codings, with flat counters per (row, cell): no per-cell work.
 */
import { attributeInto, countInto, people } from './attribution';
import { buildAxis } from './axis';
import { codeRows } from './code-rows';
import type { CompiledFilter } from './filter';
import type { AnalysisModel, CodingSet } from './model';
import type { ColumnSource } from './types';

export interface FrequencyCell {
  segments: number;
  participants: number;
  groups: number;
  /** null when the column has no participants. */
  percent: number | null;
  /** null when the column's participants speak no words. */
  per1000: number | null;
}

export interface FrequencyColumn {
  /** The value key (a document id for the documents). */
  outer: string;
  outerLabel: string;
  /** The split's value key, null without a split. */
  inner: string | null;
  innerLabel: string | null;
  /** The denominator: participants in this column. */
  participants: number;
  /** Words spoken by them. */
  words: number;
}

export interface FrequencyRow {
  codeId: number;
  name: string;
  path: string;
  color: string;
  archived: boolean;
  depth: number;
  /** The parent row's code, null for a top row. */
  parentCodeId: number | null;
  hasChildren: boolean;
  /** The row includes its descendants' codings. */
  rolledUp: boolean;
  cells: FrequencyCell[];
  total: FrequencyCell;
}

export interface FrequencyTable {
  columns: FrequencyColumn[];
  rows: FrequencyRow[];
  /** Every counted coding, whatever its code. */
  allCodes: { cells: FrequencyCell[]; total: FrequencyCell };
  /** Denominators of the total column. */
  total: { participants: number; words: number };
  rollup: boolean;
}

export interface FrequencyOptions {
  columns: ColumnSource;
  split: ColumnSource | null;
  rollup: boolean;
  /** Rows: this code and its descendants; null for the whole codebook. */
  subtree: number | null;
  filter: CompiledFilter;
}

/** The frequency table of the model's codings under the options: every measure in every cell, totals, denominators. */
export function computeFrequencies(model: AnalysisModel, codings: CodingSet, o: FrequencyOptions): FrequencyTable {
  const f = o.filter;
  const { rows, rowOf, ancestors } = codeRows(model.codes, o.subtree, o.filter.rowCodes);
  const outer = buildAxis(model, o.columns);
  const inner = o.split ? buildAxis(model, o.split) : null;
  const nInner = inner ? inner.keys.length : 1;
  const nCells = outer.keys.length * nInner;
  const T = nCells; // the total column
  const W = nCells + 1;
  const ALL = rows.length; // the "all codes" row
  const H = rows.length + 1;
  const nP = model.participants.length;
  const byParticipant = outer.scope === 'participant' || inner?.scope === 'participant';
  // the cell of a coding in document d attributed to participant p (-1: nobody); see axisValue
  const [oDoc, oD, oP, oNobody] = [outer.scope === 'document', outer.ofDocument, outer.ofParticipant, outer.nobody];
  const [iDoc, iD, iP, iNobody] = inner ? [inner.scope === 'document', inner.ofDocument, inner.ofParticipant, inner.nobody] : [true, new Int32Array(model.documents.length), oP, -1];
  const cellOf = (d: number, p: number) => (oDoc ? oD[d] : p < 0 ? oNobody : oP[p]) * nInner + (iDoc ? iD[d] : p < 0 ? iNobody : iP[p]);
  // rows a coding of a row's code counts in: the row, its ancestors under roll-up, and all codes
  const rowLists = rows.map((_, r) => (o.rollup ? [r, ...ancestors[r], ALL] : [r, ALL]));

  const seg = new Int32Array(H * W);
  const grp = new Int32Array(H * W);
  const ppl = new Int32Array(H * W);
  const lastDoc = new Int32Array(H * W).fill(-1);
  // Distinct participants per (row, cell): a participant usually falls in one cell per row,
  // remembered in `seenCell`; a second cell (someone in two documents) goes to `seenElse`.
  const seenCell = new Int32Array(H * nP);
  const seenElse = new Set<number>();
  const seenTotal = new Uint8Array(H * nP);

  const attributed = people();
  const counted = people();
  let cells = new Int32Array(16);
  for (let i = 0; i < codings.size; i++) {
    const d = codings.document[i];
    const row = rowOf[codings.code[i]];
    if (row < 0 || !f.documentPass[d] || !f.codePass[codings.code[i]]) continue;
    attributeInto(model.turns[d], codings.start[i], codings.end[i], attributed);
    if (!countInto(f, attributed, counted)) continue;
    if (cells.length < counted.n + 1) cells = new Int32Array(2 * counted.n + 2);
    let nc = 0;
    if (byParticipant && counted.n) {
      for (let k = 0; k < counted.n; k++) {
        const c = cellOf(d, counted.ids[k]);
        let seen = false;
        for (let j = 0; j < nc; j++) if (cells[j] === c) seen = true;
        if (!seen) cells[nc++] = c;
      }
    } else cells[nc++] = cellOf(d, -1);
    cells[nc++] = T;
    const rowList = rowLists[row];
    for (let ri = 0; ri < rowList.length; ri++) {
      const r = rowList[ri];
      const base = r * W;
      for (let j = 0; j < nc; j++) {
        const k = base + cells[j];
        seg[k]++;
        if (lastDoc[k] !== d) {
          lastDoc[k] = d;
          grp[k]++;
        }
      }
      for (let j = 0; j < counted.n; j++) {
        const p = counted.ids[j];
        const c = cellOf(d, p);
        const k = r * nP + p;
        if (seenCell[k] === 0) {
          seenCell[k] = c + 1;
          ppl[base + c]++;
        } else if (seenCell[k] !== c + 1 && !seenElse.has((base + c) * nP + p)) {
          seenElse.add((base + c) * nP + p);
          ppl[base + c]++;
        }
        if (!seenTotal[k]) {
          seenTotal[k] = 1;
          ppl[base + T]++;
        }
      }
    }
  }

  // Denominators: the participants (and their words) of each column, within the filters.
  const colPeople = new Int32Array(W);
  const colWords = new Float64Array(W);
  const present = new Uint8Array(W);
  const inCell = new Set<number>();
  const inTotal = new Uint8Array(nP);
  const pr = model.presence;
  for (let k = 0; k < pr.participant.length; k++) {
    const p = pr.participant[k];
    const d = pr.document[k];
    if (!f.documentPass[d] || !f.participantPass[p]) continue;
    const c = cellOf(d, p);
    if (!inCell.has(c * nP + p)) {
      inCell.add(c * nP + p);
      colPeople[c]++;
    }
    colWords[c] += pr.words[k];
    if (!inTotal[p]) {
      inTotal[p] = 1;
      colPeople[T]++;
    }
    colWords[T] += pr.words[k];
  }
  if (!byParticipant) model.documents.forEach((_, d) => f.documentPass[d] && (present[cellOf(d, -1)] = 1));
  for (let c = 0; c < nCells; c++) if (colPeople[c] > 0 || seg[ALL * W + c] > 0) present[c] = 1;

  const shown: number[] = [];
  for (let c = 0; c < nCells; c++) if (present[c]) shown.push(c);
  const cell = (r: number, c: number): FrequencyCell => {
    const k = r * W + c;
    return {
      segments: seg[k],
      participants: ppl[k],
      groups: grp[k],
      percent: colPeople[c] > 0 ? (ppl[k] / colPeople[c]) * 100 : null,
      per1000: colWords[c] > 0 ? (seg[k] / colWords[c]) * 1000 : null,
    };
  };
  return {
    columns: shown.map((c) => {
      const o1 = Math.floor(c / nInner);
      const i1 = c % nInner;
      return {
        outer: outer.keys[o1],
        outerLabel: outer.labels[o1],
        inner: inner ? inner.keys[i1] : null,
        innerLabel: inner ? inner.labels[i1] : null,
        participants: colPeople[c],
        words: colWords[c],
      };
    }),
    rows: rows.map((row, r) => ({
      codeId: row.code.id,
      name: row.code.name,
      path: row.path,
      color: row.code.color,
      archived: row.code.archived,
      depth: row.depth,
      parentCodeId: row.parentRow >= 0 ? rows[row.parentRow].code.id : null,
      hasChildren: row.hasChildren,
      rolledUp: o.rollup && row.hasChildren,
      cells: shown.map((c) => cell(r, c)),
      total: cell(r, T),
    })),
    allCodes: { cells: shown.map((c) => cell(ALL, c)), total: cell(ALL, T) },
    total: { participants: colPeople[T], words: colWords[T] },
    rollup: o.rollup,
  };
}
