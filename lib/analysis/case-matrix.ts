/**
 * The case matrix: participants × codes, each cell the number of codings of the code
 * attributed to the participant (a coding spanning two participants counts for each), with
 * the participants' attributes. Codings attributed to nobody belong to no case and are not
 * in it. With roll-up, a parent's column includes its descendants' codings.
 */
import { attributeInto, countInto, people as peopleBuffer } from './attribution';
import { codeRows } from './code-rows';
import type { CompiledFilter } from './filter';
import type { AnalysisModel, CodingSet } from './model';

export interface CaseMatrix {
  codes: Array<{ codeId: number; name: string; path: string; color: string; depth: number; rolledUp: boolean }>;
  /** Attributes shown per participant (participant attributes that are not private), in order. */
  attributes: string[];
  participants: Array<{ participantId: number; label: string; documentId: number | null; documentTitle: string; attributes: Record<string, string> }>;
  /** participant × code. */
  counts: number[][];
  /** Distinct codings attributed to each participant (not the row's sum under roll-up). */
  totals: number[];
}

export interface CaseMatrixOptions {
  subtree: number | null;
  rollup: boolean;
  filter: CompiledFilter;
}

/** Participants of the filtered documents whom the filters keep, in document order then label. */
export function computeCaseMatrix(model: AnalysisModel, codings: CodingSet, o: CaseMatrixOptions): CaseMatrix {
  const f = o.filter;
  const { rows, rowOf, ancestors } = codeRows(model.codes, o.subtree, o.filter.rowCodes);
  const firstDoc = new Int32Array(model.participants.length).fill(-1);
  const pr = model.presence;
  for (let k = 0; k < pr.participant.length; k++) {
    const p = pr.participant[k];
    const d = pr.document[k];
    if (!f.documentPass[d] || !f.participantPass[p]) continue;
    if (firstDoc[p] < 0 || d < firstDoc[p]) firstDoc[p] = d;
  }
  const people = model.participants
    .map((p, i) => ({ p, i, d: firstDoc[i] }))
    .filter((x) => x.d >= 0)
    .sort((x, y) => x.d - y.d || x.p.label.localeCompare(y.p.label, undefined, { numeric: true }) || x.p.id - y.p.id);
  const line = new Int32Array(model.participants.length).fill(-1);
  people.forEach((x, k) => (line[x.i] = k));

  const counts = people.map(() => new Array<number>(rows.length).fill(0));
  const totals = new Array<number>(people.length).fill(0);
  const attributed = peopleBuffer();
  const counted = peopleBuffer();
  for (let i = 0; i < codings.size; i++) {
    const d = codings.document[i];
    const row = rowOf[codings.code[i]];
    if (row < 0 || !f.documentPass[d] || !f.codePass[codings.code[i]]) continue;
    attributeInto(model.turns[d], codings.start[i], codings.end[i], attributed);
    if (!countInto(f, attributed, counted)) continue;
    for (let j = 0; j < counted.n; j++) {
      const k = line[counted.ids[j]];
      if (k < 0) continue;
      totals[k]++;
      counts[k][row]++;
      if (o.rollup) for (const a of ancestors[row]) counts[k][a]++;
    }
  }

  const attributes = model.attributes.filter((a) => a.scope === 'participant' && !a.private).map((a) => a.name);
  return {
    codes: rows.map((r) => ({ codeId: r.code.id, name: r.code.name, path: r.path, color: r.code.color, depth: r.depth, rolledUp: o.rollup && r.hasChildren })),
    attributes,
    participants: people.map(({ p, d }) => ({
      participantId: p.id,
      label: p.label,
      documentId: model.documents[d].id,
      documentTitle: model.documents[d].title,
      attributes: Object.fromEntries(attributes.filter((a) => p.attributes[a] != null).map((a) => [a, p.attributes[a]])),
    })),
    counts,
    totals,
  };
}
