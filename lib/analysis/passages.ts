/**
 * The passages behind a co-occurrence cell (see ./cooccurrence for the definitions): each
 * overlapping pair of codings (overlap mode), or each turn coded with both codes (turn mode).
 * Their number is the cell's count.
 */
import type { SelectedExcerpt } from './excerpts';
import type { CompiledFilter } from './filter';
import { turnsAt, type AnalysisModel } from './model';
import type { CooccurrenceMode } from './types';

export interface Passage {
  documentIndex: number;
  /** The pair's combined range (overlap), or the turn's range (turn). */
  start: number;
  end: number;
  /** The first code's codings, then the second's. */
  codingIdsA: number[];
  codingIdsB: number[];
  /** 1-based turn number (turn mode), else null. */
  turn: number | null;
}

/** Passages where the excerpts of one code (`a`) and another (`b`) co-occur, in reading order. */
export function cooccurrencePassages(model: AnalysisModel, a: readonly SelectedExcerpt[], b: readonly SelectedExcerpt[], mode: CooccurrenceMode, f: CompiledFilter): Passage[] {
  const out: Passage[] = [];
  if (mode === 'overlap') {
    for (const x of a) {
      if (x.end <= x.start) continue;
      for (const y of b) {
        if (y.documentIndex !== x.documentIndex || y.end <= y.start || y.start >= x.end || x.start >= y.end) continue;
        out.push({ documentIndex: x.documentIndex, start: Math.min(x.start, y.start), end: Math.max(x.end, y.end), codingIdsA: [x.codingId], codingIdsB: [y.codingId], turn: null });
      }
    }
  } else {
    const byTurn = new Map<string, Passage>();
    const add = (e: SelectedExcerpt, side: 'codingIdsA' | 'codingIdsB') => {
      const turns = model.turns[e.documentIndex];
      for (const t of turnsAt(turns, e.start, e.end)) {
        const p = turns.participant[t];
        if (f.participantFiltered && (p < 0 || !f.participantPass[p])) continue;
        const key = `${e.documentIndex}:${t}`;
        let passage = byTurn.get(key);
        if (!passage) {
          passage = { documentIndex: e.documentIndex, start: turns.start[t], end: turns.end[t], codingIdsA: [], codingIdsB: [], turn: t + 1 };
          byTurn.set(key, passage);
        }
        passage[side].push(e.codingId);
      }
    };
    a.forEach((e) => add(e, 'codingIdsA'));
    b.forEach((e) => add(e, 'codingIdsB'));
    for (const p of byTurn.values()) if (p.codingIdsA.length && p.codingIdsB.length) out.push(p);
  }
  return out.sort((x, y) => x.documentIndex - y.documentIndex || x.start - y.start || x.end - y.end);
}
