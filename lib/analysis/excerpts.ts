/**
 * The excerpts behind a cell: the codings that the cell counts, in reading order. The same
 * filter decides as in the tables, so a cell's excerpts are exactly its segments. In the
 * union of coders' layers, codings of one code on an identical range are one excerpt that
 * names all their coders.
 */
import { attributeInto, countInto, people } from './attribution';
import type { CompiledFilter } from './filter';
import { turnsAt, type AnalysisModel, type CodingSet } from './model';

/** A coding as read from the database, before filtering. */
export interface CandidateCoding {
  id: number;
  documentId: number;
  codeId: number;
  coderId: number;
  start: number;
  end: number;
}

export interface SelectedExcerpt {
  /** The coding the excerpt links to (the smallest id of collapsed identical codings). */
  codingId: number;
  /** Every coding the excerpt stands for (several in the union). */
  codingIds: number[];
  coderIds: number[];
  documentIndex: number;
  codeIndex: number;
  start: number;
  end: number;
  /** Participant indices the excerpt is attributed to (all of them, not only those a filter keeps). */
  participants: number[];
  /** 1-based numbers of the turns the excerpt overlaps. */
  turns: number[];
}

/**
 * The candidates the filter keeps, collapsed (`collapse`: identical code and range count
 * once) and sorted by document (display order), start, end, code (codebook order), id.
 */
export function selectExcerpts(model: AnalysisModel, candidates: readonly CandidateCoding[], f: CompiledFilter, collapse: boolean): SelectedExcerpt[] {
  const byKey = new Map<string, SelectedExcerpt>();
  const out: SelectedExcerpt[] = [];
  const attributed = people();
  const counted = people();
  for (const c of [...candidates].sort((a, b) => a.id - b.id)) {
    const d = model.documentIndex.get(c.documentId);
    const code = model.codeIndex.get(c.codeId);
    if (d === undefined || code === undefined || !f.documentPass[d] || !f.codePass[code]) continue;
    const key = `${d}:${code}:${c.start}:${c.end}`;
    const same = collapse ? byKey.get(key) : undefined;
    if (same) {
      same.codingIds.push(c.id);
      if (!same.coderIds.includes(c.coderId)) same.coderIds.push(c.coderId);
      continue;
    }
    attributeInto(model.turns[d], c.start, c.end, attributed);
    if (!countInto(f, attributed, counted)) continue;
    const excerpt: SelectedExcerpt = {
      codingId: c.id,
      codingIds: [c.id],
      coderIds: [c.coderId],
      documentIndex: d,
      codeIndex: code,
      start: c.start,
      end: c.end,
      participants: Array.from(attributed.ids.subarray(0, attributed.n)),
      turns: turnsAt(model.turns[d], c.start, c.end).map((t) => t + 1),
    };
    if (collapse) byKey.set(key, excerpt);
    out.push(excerpt);
  }
  return out.sort((a, b) => a.documentIndex - b.documentIndex || a.start - b.start || a.end - b.end || a.codeIndex - b.codeIndex || a.codingId - b.codingId);
}

/** An excerpt as pages, the API and exports show it (private attributes and real names never in it). */
export interface Excerpt {
  codingId: number;
  /** All codings it stands for (identical ranges of several coders in the union). */
  codingIds: number[];
  documentId: number;
  documentTitle: string;
  documentAttributes: Record<string, string>;
  codeId: number;
  codeName: string;
  /** "Parent / Child". */
  codePath: string;
  codeColor: string;
  /** UTF-16 offsets into the document's canonical text, [start, end). */
  start: number;
  end: number;
  quote: string;
  memo: string;
  /** Participants whose turns it overlaps (moderator and unknown speakers excluded). */
  participants: Array<{ participantId: number; label: string; attributes: Record<string, string> }>;
  /** 1-based numbers of the turns it overlaps. */
  turns: number[];
  layer: 'consensus' | 'coder';
  /** The coders (a coder layer), or the lead who wrote it (consensus). */
  coders: Array<{ id: number; name: string }>;
  /** The `layers=` value that shows the coding in the transcript. */
  layerKeys: string[];
}

/**
 * The codings of a layer's CodingSet that the filter keeps, as indices into the set, in
 * reading order (document, start, end, code) — the same order as selectExcerpts. For
 * drill-downs over every code, where reading each coding's row would cost more than the
 * counting did.
 */
export function selectFromSet(model: AnalysisModel, set: CodingSet, f: CompiledFilter): Int32Array {
  const out = new Int32Array(set.size);
  let n = 0;
  const attributed = people();
  const counted = people();
  for (let i = 0; i < set.size; i++) {
    const d = set.document[i];
    if (!f.documentPass[d] || !f.codePass[set.code[i]]) continue;
    attributeInto(model.turns[d], set.start[i], set.end[i], attributed);
    if (!countInto(f, attributed, counted)) continue;
    out[n++] = i;
  }
  const kept = out.subarray(0, n);
  // the set is in (document, start) order already; order ties by end, then code
  let x = 0;
  while (x < n) {
    let y = x + 1;
    while (y < n && set.document[kept[y]] === set.document[kept[x]] && set.start[kept[y]] === set.start[kept[x]]) y++;
    if (y - x > 1) kept.subarray(x, y).sort((a, b) => set.end[a] - set.end[b] || set.code[a] - set.code[b]);
    x = y;
  }
  return kept;
}
