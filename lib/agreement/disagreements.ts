/**
 * The disagreements of one document between two or more coders, as a lead reviews them: every
 * (turn, code) on which the coders differ and every segment another coder did not match, grouped
 * into passages. A passage is a code's run of transitively overlapping codings (of any of the
 * compared coders), so one passage answers "what did each coder do here with this code?".
 *
 * The same rules as the agreement report (see turn-level.ts and segment-level.ts): a (turn, code)
 * differs when some but not all compared coders have a coding of the code overlapping the
 * participant turn; a segment is unmatched when some other compared coder has no segment of the
 * same code overlapping it by at least the threshold (`segmentOverlap`, intersection over union).
 */
import type { AgreementCoding, AgreementTurn } from './document';
import { DEFAULT_SEGMENT_THRESHOLD, segmentOverlap } from './segment-level';

/** A coding with its id, so a disagreement can point at it (focus it, copy it). */
export interface ReviewCoding extends AgreementCoding {
  id: number;
}

/** One document and the coders to compare in it. */
export interface DisagreementInput {
  /** The document's turns, in any order; only participant turns are units of the turn level. */
  turns: readonly AgreementTurn[];
  /** The coders compared; those not assigned to the document are left out. */
  coders: readonly string[];
  assignedCoders: readonly string[];
  /** Each coder's codings in the document, by coder id. */
  codings: Readonly<Record<string, readonly ReviewCoding[] | undefined>>;
  /** Only these codes; default every code a compared coder used. */
  codes?: readonly string[];
  /** Segment overlap needed for two segments to match, default 0.9 (as the report). */
  threshold?: number;
}

/** Why a passage is a disagreement: a differing (turn, code), an unmatched segment, or both. */
export type DisagreementReason = 'turn' | 'segment';

/** One passage of one code on which the compared coders disagree. */
export interface Disagreement {
  /**
   * Identifies the passage by its code and the ids of the codings in it: stable while those
   * codings are unchanged, so a resolution stored under it survives reloads, and a coder who
   * recodes the passage makes it a new disagreement.
   */
  key: string;
  codeId: string;
  /** The extent of all codings in the passage. */
  start: number;
  end: number;
  /** Indices (into the input `turns`) of the participant turns whose (turn, code) differs. */
  turns: number[];
  /** Ids of codings that some other compared coder did not match. */
  unmatched: number[];
  reasons: DisagreementReason[];
  /** Every compared coder, in order, with their codings of the code in the passage (maybe none). */
  coders: Array<{ coder: string; codings: Array<{ id: number; start: number; end: number }> }>;
}

/** The disagreements of a document, in text order. */
export interface DisagreementListing {
  /** The compared coders assigned to the document; fewer than two means nothing to compare. */
  compared: string[];
  items: Disagreement[];
}

interface Segment {
  coder: number;
  id: number;
  start: number;
  end: number;
}

/**
 * Lists the document's disagreements, sorted by start, end and code. Codings with an empty,
 * reversed or non-finite range are ignored, as are coders not assigned to the document. With
 * fewer than two compared coders assigned, the listing is empty (`compared` says who is there).
 * Cost: O(s log s) per code for s segments, plus the pairs within each passage.
 */
export function listDisagreements(input: DisagreementInput): DisagreementListing {
  const assigned = new Set(input.assignedCoders);
  const compared = [...new Set(input.coders)].filter((c) => assigned.has(c));
  if (compared.length < 2) return { compared, items: [] };
  const threshold = input.threshold ?? DEFAULT_SEGMENT_THRESHOLD;
  const wanted = input.codes ? new Set(input.codes) : null;

  const byCode = new Map<string, Segment[]>();
  compared.forEach((coder, j) => {
    for (const c of input.codings[coder] ?? []) {
      if (!(Number.isFinite(c.start) && Number.isFinite(c.end) && c.end > c.start)) continue;
      if (wanted && !wanted.has(c.codeId)) continue;
      const list = byCode.get(c.codeId) ?? [];
      list.push({ coder: j, id: c.id, start: c.start, end: c.end });
      byCode.set(c.codeId, list);
    }
  });

  const turns = input.turns
    .map((t, index) => ({ index, start: t.start, end: t.end, keep: t.isParticipant && t.end > t.start }))
    .filter((t) => t.keep)
    .sort((a, b) => a.start - b.start);

  const items: Disagreement[] = [];
  for (const [codeId, segments] of byCode) {
    segments.sort((a, b) => a.start - b.start || a.end - b.end || a.coder - b.coder || a.id - b.id);
    // Which coders have the code in each participant turn, over all their segments.
    const present = new Map<number, Set<number>>();
    for (const s of segments) {
      for (const t of overlappedTurns(turns, s.start, s.end)) {
        const set = present.get(t) ?? new Set<number>();
        set.add(s.coder);
        present.set(t, set);
      }
    }
    for (const passage of passages(segments)) {
      const item = judge(codeId, passage, compared, turns, present, threshold);
      if (item) items.push(item);
    }
  }
  items.sort((a, b) => a.start - b.start || a.end - b.end || compareIds(a.codeId, b.codeId));
  return { compared, items };
}

/** Splits segments sorted by start into runs of transitively overlapping ones (touching is not overlapping). */
function passages(sorted: Segment[]): Segment[][] {
  const out: Segment[][] = [];
  let current: Segment[] = [];
  let reach = -Infinity;
  for (const s of sorted) {
    if (current.length > 0 && s.start < reach) {
      current.push(s);
      reach = Math.max(reach, s.end);
    } else {
      if (current.length > 0) out.push(current);
      current = [s];
      reach = s.end;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Positions (in the sorted participant turns) of the turns [start, end) overlaps. */
function overlappedTurns(turns: Array<{ start: number; end: number }>, start: number, end: number): number[] {
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let t = lo; t < turns.length && turns[t].start < end; t++) out.push(t);
  return out;
}

function judge(
  codeId: string,
  passage: Segment[],
  compared: string[],
  turns: Array<{ index: number; start: number; end: number }>,
  present: Map<number, Set<number>>,
  threshold: number,
): Disagreement | null {
  const differing = new Set<number>();
  for (const s of passage) {
    for (const t of overlappedTurns(turns, s.start, s.end)) {
      if ((present.get(t)?.size ?? 0) < compared.length) differing.add(t);
    }
  }
  const unmatched: number[] = [];
  for (const s of passage) {
    const lonely = compared.some(
      (_, other) =>
        other !== s.coder &&
        !passage.some((p) => {
          if (p.coder !== other) return false;
          const overlap = segmentOverlap(s.start, s.end, p.start, p.end);
          return overlap > 0 && overlap >= threshold - 1e-12; // as segment-level.ts
        }),
    );
    if (lonely) unmatched.push(s.id);
  }
  if (differing.size === 0 && unmatched.length === 0) return null;
  const ids = passage.map((s) => s.id).sort((a, b) => a - b);
  const reasons: DisagreementReason[] = [];
  if (differing.size > 0) reasons.push('turn');
  if (unmatched.length > 0) reasons.push('segment');
  return {
    key: `${codeId}:${ids.join('.')}`,
    codeId,
    start: Math.min(...passage.map((s) => s.start)),
    end: Math.max(...passage.map((s) => s.end)),
    turns: [...differing].sort((a, b) => a - b).map((t) => turns[t].index),
    unmatched: unmatched.sort((a, b) => a - b),
    reasons,
    coders: compared.map((coder, j) => ({
      coder,
      codings: passage.filter((s) => s.coder === j).map((s) => ({ id: s.id, start: s.start, end: s.end })),
    })),
  };
}

/** Numeric ids compare as numbers, anything else as strings. */
function compareIds(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
