/**
 * Code co-occurrence: which codes are applied to the same passages.
 *
 * mode 'overlap' — two codings co-occur when they share at least one character (same
 * document). The count for codes a ≠ b is the number of such pairs (each pair is a passage
 * the drill-down lists); the diagonal is the code's segments. The Jaccard index treats each
 * segment of a or b as a unit that "has" the other code when it overlaps a coding of it:
 * (segments of a overlapping b + segments of b overlapping a) ÷ (segments of a + segments
 * of b) — the share of the two codes' segments that co-occur (QDA Miner's definition).
 *
 * mode 'turn' — the unit is the turn: a code is in a turn when one of its codings overlaps
 * it. The count is the number of turns with both codes (the diagonal: turns with the code),
 * Jaccard = turns with both ÷ turns with either. With participant filters only the kept
 * participants' turns are units.
 *
 * Codings of the same code never co-occur with each other. Codings pass the same filters as
 * in the frequency table.
 */
import { attributeInto, countInto, people } from './attribution';
import { codeRows } from './code-rows';
import type { CompiledFilter } from './filter';
import type { AnalysisModel, CodingSet, DocumentTurns } from './model';
import type { CooccurrenceMode } from './types';

export interface CooccurrenceCode {
  codeId: number;
  name: string;
  path: string;
  color: string;
  depth: number;
  /** Segments (overlap) or turns (turn) with the code. */
  n: number;
}

export interface CooccurrenceMatrix {
  mode: CooccurrenceMode;
  codes: CooccurrenceCode[];
  /** Symmetric; the diagonal is each code's n. */
  counts: number[][];
  /** Symmetric; null on the diagonal and where neither code occurs. */
  jaccard: Array<Array<number | null>>;
}

export interface CooccurrenceOptions {
  mode: CooccurrenceMode;
  subtree: number | null;
  filter: CompiledFilter;
}

/** The matrix of the filter's codes (the subtree's rows, in codebook order) in one pass over the codings. */
export function computeCooccurrence(model: AnalysisModel, codings: CodingSet, o: CooccurrenceOptions): CooccurrenceMatrix {
  const { rows, rowOf } = codeRows(model.codes, o.subtree, o.filter.rowCodes);
  const k = rows.length;
  const both = new Int32Array(k * k); // overlap: overlapping pairs; turn: turns with both
  const units = new Int32Array(k * k); // overlap: segments of row a that overlap a coding of row b
  const n = new Int32Array(k);
  const attributed = people();
  const counted = people();
  const doc: DocCodings = { n: 0, row: new Int32Array(64), start: new Int32Array(64), end: new Int32Array(64) };
  const sweep = { active: new Int32Array(64), mark: new Int32Array(k).fill(-1), stamp: 0, keys: new Int32Array(64) };

  let i = 0;
  while (i < codings.size) {
    const d = codings.document[i];
    doc.n = 0;
    for (; i < codings.size && codings.document[i] === d; i++) {
      const row = rowOf[codings.code[i]];
      if (row < 0 || !o.filter.documentPass[d]) continue;
      attributeInto(model.turns[d], codings.start[i], codings.end[i], attributed);
      if (!countInto(o.filter, attributed, counted)) continue;
      pushCoding(doc, row, codings.start[i], codings.end[i]);
    }
    if (o.mode === 'overlap') overlapsInDocument(doc, k, both, units, n, sweep);
    else turnsInDocument(model.turns[d], o.filter, doc, k, both, n, sweep);
  }

  const counts = rows.map((_, a) => Array.from(both.subarray(a * k, a * k + k)));
  const jaccard = counts.map((line, a) =>
    line.map((pairs, b) => {
      if (a === b) return null;
      if (o.mode === 'overlap') return n[a] + n[b] > 0 ? (units[a * k + b] + units[b * k + a]) / (n[a] + n[b]) : null;
      const either = n[a] + n[b] - pairs;
      return either > 0 ? pairs / either : null;
    }),
  );
  counts.forEach((line, a) => (line[a] = n[a]));
  return {
    mode: o.mode,
    codes: rows.map((r, a) => ({ codeId: r.code.id, name: r.code.name, path: r.path, color: r.code.color, depth: r.depth, n: n[a] })),
    counts,
    jaccard,
  };
}

/** One document's passing codings, in text order, in growable typed arrays. */
interface DocCodings {
  n: number;
  row: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

function grow(a: Int32Array, size: number): Int32Array {
  if (a.length >= size) return a;
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

function pushCoding(doc: DocCodings, row: number, start: number, end: number) {
  if (doc.n === doc.row.length) {
    doc.row = grow(doc.row, doc.n + 1);
    doc.start = grow(doc.start, doc.n + 1);
    doc.end = grow(doc.end, doc.n + 1);
  }
  doc.row[doc.n] = row;
  doc.start[doc.n] = start;
  doc.end[doc.n] = end;
  doc.n++;
}

interface Sweep {
  active: Int32Array;
  /** Per row: the stamp of the segment that last counted it. */
  mark: Int32Array;
  stamp: number;
  keys: Int32Array;
}

/**
 * A sweep over codings in text order: each coding meets the earlier ones still open (a pair,
 * counted once) and, for the Jaccard units, sees every other code it overlaps — earlier and
 * later — once.
 */
function overlapsInDocument(doc: DocCodings, k: number, both: Int32Array, units: Int32Array, n: Int32Array, s: Sweep) {
  s.active = grow(s.active, doc.n);
  let na = 0;
  for (let j = 0; j < doc.n; j++) {
    const row = doc.row[j];
    n[row]++;
    const start = doc.start[j];
    const end = doc.end[j];
    if (end <= start) continue; // an empty coding shares no character
    let kept = 0;
    for (let x = 0; x < na; x++) if (doc.end[s.active[x]] > start) s.active[kept++] = s.active[x];
    na = kept;
    const stamp = ++s.stamp;
    for (let x = 0; x < na; x++) {
      const other = doc.row[s.active[x]];
      if (other === row) continue;
      both[other * k + row]++;
      both[row * k + other]++;
      if (s.mark[other] !== stamp) {
        s.mark[other] = stamp;
        units[row * k + other]++;
      }
    }
    for (let y = j + 1; y < doc.n && doc.start[y] < end; y++) {
      const other = doc.row[y];
      if (other === row || doc.end[y] <= doc.start[y] || s.mark[other] === stamp) continue;
      s.mark[other] = stamp;
      units[row * k + other]++;
    }
    s.active[na++] = j;
  }
}

/** Codes per turn as sorted (turn, row) keys, then each turn's codes counted and paired. */
function turnsInDocument(turns: DocumentTurns, f: CompiledFilter, doc: DocCodings, k: number, both: Int32Array, n: Int32Array, s: Sweep) {
  let nk = 0;
  for (let j = 0; j < doc.n; j++) {
    const start = doc.start[j];
    const end = doc.end[j];
    if (end <= start) continue;
    let lo = 0;
    let hi = turns.end.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (turns.end[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let t = lo; t < turns.end.length && turns.start[t] < end; t++) {
      const p = turns.participant[t];
      if (turns.end[t] <= turns.start[t] || (f.participantFiltered && (p < 0 || !f.participantPass[p]))) continue;
      s.keys = grow(s.keys, nk + 1);
      s.keys[nk++] = t * k + doc.row[j];
    }
  }
  const keys = s.keys.subarray(0, nk).sort();
  let x = 0;
  while (x < nk) {
    const turn = Math.floor(keys[x] / k);
    let y = x;
    while (y < nk && Math.floor(keys[y] / k) === turn) y++;
    // keys[x..y) are this turn's codes (sorted; duplicates adjacent)
    for (let a = x; a < y; a++) {
      if (a > x && keys[a] === keys[a - 1]) continue;
      const ra = keys[a] % k;
      n[ra]++;
      for (let b = a + 1; b < y; b++) {
        if (keys[b] === keys[b - 1]) continue;
        const rb = keys[b] % k;
        both[ra * k + rb]++;
        both[rb * k + ra]++;
      }
    }
    x = y;
  }
}
