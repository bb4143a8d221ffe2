/**
 * What the range-based agreement levels take: documents with their turns, the coders assigned
 * to each, and each coder's codings — and the one-time preparation all three levels share.
 *
 * Offsets follow lib/text/canonical.ts: UTF-16 indices into the canonical text, half-open
 * [start, end). A turn's characters are [start, end); the "\n" between turns belongs to none.
 */

/** A turn of a transcript; only participant turns are units of agreement. */
export interface AgreementTurn {
  start: number;
  end: number;
  /** false for the moderator and for unknown speakers. */
  isParticipant: boolean;
}

/** One coded segment of one coder. */
export interface AgreementCoding {
  codeId: string;
  start: number;
  end: number;
}

/** One transcript as the agreement levels see it. */
export interface AgreementDocument {
  /** Shown in unit labels; optional. */
  id?: string;
  /** Turns in any order; participant turns must not overlap each other. */
  turns: readonly AgreementTurn[];
  /** Coders assigned to this document. A coder compared but not assigned is missing here. */
  assignedCoders: readonly string[];
  /** Each coder's codings in this document, by coder id. Codings of unassigned coders are ignored. */
  codings: Readonly<Record<string, readonly AgreementCoding[] | undefined>>;
}

/** The comparison to make: which coders (columns), which codes, over which documents. */
export interface AgreementInput {
  /** The coders compared, in column order. Duplicates are dropped. */
  coders: readonly string[];
  /**
   * The codes reported, in order. Default: every code that an assigned, compared coder used,
   * sorted by id. Codings of other codes are ignored.
   */
  codes?: readonly string[];
  documents: readonly AgreementDocument[];
}

/** A document after preparation; indices refer to `PreparedStudy.coders` and `.codes`. */
export interface PreparedDocument {
  id: string | undefined;
  /** Non-empty participant turns, sorted by start: their index in the input `turns` … */
  turnIndex: number[];
  /** … and their ranges. */
  starts: Float64Array;
  ends: Float64Array;
  /** `assigned[coder]`: whether that compared coder is assigned to this document. */
  assigned: boolean[];
  /** How many compared coders are assigned: the m of every unit of this document. */
  assignedCount: number;
  /**
   * `coverage[code][coder]`: the coder's codings of the code merged into disjoint, sorted
   * ranges, flat as [start₀, end₀, start₁, end₁, …]; null when the coder is not assigned.
   */
  coverage: Array<Array<Float64Array | null>>;
  /**
   * `segments[code][coder]`: the coder's codings of the code as they were made (not merged),
   * sorted by start then end, flat as [start₀, end₀, …]; null when not assigned.
   */
  segments: Array<Array<Float64Array | null>>;
}

/** The input indexed once for the turn, character and segment levels. */
export interface PreparedStudy {
  coders: string[];
  codes: string[];
  documents: PreparedDocument[];
}

/**
 * Indexes the input: resolves coders and codes to indices, keeps the non-empty participant
 * turns sorted, and sorts and merges every assigned coder's codings per code. Codings whose
 * range is empty, reversed or not finite, and codings of codes not reported, are dropped; so
 * are codings of coders not assigned to the document. Never throws on well-typed input.
 * Cost: O(codings · log codings) per document.
 */
export function prepareStudy(input: AgreementInput): PreparedStudy {
  const coders = [...new Set(input.coders)];
  const codes = input.codes ? [...new Set(input.codes)] : usedCodes(input, coders);
  const codeIndex = new Map<string, number>();
  codes.forEach((c, i) => codeIndex.set(c, i));
  const documents = input.documents.map((doc) => prepareDocument(doc, coders, codeIndex, codes.length));
  return { coders, codes, documents };
}

function usedCodes(input: AgreementInput, coders: string[]): string[] {
  const used = new Set<string>();
  for (const doc of input.documents) {
    const assigned = new Set(doc.assignedCoders);
    for (const coder of coders) {
      if (!assigned.has(coder)) continue;
      for (const coding of doc.codings[coder] ?? []) if (isUsable(coding)) used.add(coding.codeId);
    }
  }
  return [...used].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isUsable(c: AgreementCoding): boolean {
  return Number.isFinite(c.start) && Number.isFinite(c.end) && c.end > c.start;
}

function prepareDocument(
  doc: AgreementDocument,
  coders: string[],
  codeIndex: Map<string, number>,
  codeCount: number,
): PreparedDocument {
  const participant = doc.turns
    .map((t, i) => ({ start: t.start, end: t.end, i, keep: t.isParticipant && t.end > t.start }))
    .filter((t) => t.keep && Number.isFinite(t.start) && Number.isFinite(t.end))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const assignedSet = new Set(doc.assignedCoders);
  const assigned = coders.map((c) => assignedSet.has(c));
  const coverage: Array<Array<Float64Array | null>> = [];
  const segments: Array<Array<Float64Array | null>> = [];
  for (let code = 0; code < codeCount; code++) {
    coverage.push(coders.map(() => null));
    segments.push(coders.map(() => null));
  }
  coders.forEach((coder, j) => {
    if (!assigned[j]) return;
    // One sort per coder by (code, start, end), then split into per-code runs: fewer and
    // larger sorts than one per code, and no intermediate tuples.
    const own: Array<{ code: number; start: number; end: number }> = [];
    for (const coding of doc.codings[coder] ?? []) {
      const code = codeIndex.get(coding.codeId);
      if (code !== undefined && isUsable(coding)) own.push({ code, start: coding.start, end: coding.end });
    }
    own.sort((a, b) => a.code - b.code || a.start - b.start || a.end - b.end);
    let from = 0;
    for (let code = 0; code < codeCount; code++) {
      let to = from;
      while (to < own.length && own[to].code === code) to++;
      const flat = new Float64Array(2 * (to - from));
      const merged: number[] = [];
      for (let i = from; i < to; i++) {
        const { start, end } = own[i];
        flat[2 * (i - from)] = start;
        flat[2 * (i - from) + 1] = end;
        const last = merged.length - 1;
        if (last > 0 && start <= merged[last]) {
          if (end > merged[last]) merged[last] = end;
        } else merged.push(start, end);
      }
      segments[code][j] = flat;
      coverage[code][j] = Float64Array.from(merged);
      from = to;
    }
  });
  return {
    id: doc.id,
    turnIndex: participant.map((t) => t.i),
    starts: Float64Array.from(participant, (t) => t.start),
    ends: Float64Array.from(participant, (t) => t.end),
    assigned,
    assignedCount: assigned.filter(Boolean).length,
    coverage,
    segments,
  };
}

/** Union of ranges sorted by start, as disjoint sorted ranges, flat. Touching ranges merge. */
export function mergeSorted(ranges: ReadonlyArray<readonly [number, number]>): Float64Array {
  const out: number[] = [];
  for (const [s, e] of ranges) {
    const last = out.length - 1;
    if (last > 0 && s <= out[last]) {
      if (e > out[last]) out[last] = e;
    } else out.push(s, e);
  }
  return Float64Array.from(out);
}

/**
 * Index of the first range in sorted, disjoint `ends` whose end is after `position`
 * (`ends.length` when none): where a scan for ranges overlapping [position, …) starts.
 */
export function firstEndingAfter(ends: Float64Array, position: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
