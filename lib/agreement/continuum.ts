/**
 * The continuum that the unitizing coefficients (Krippendorff's αu and the cu-α family) are
 * computed on: the participant text of the documents every compared coder was assigned,
 * end to end, with each coder's units of each code on it as sorted ranges.
 *
 * Coordinates. Each included document contributes its participant turns' characters, in
 * order; moderator and unknown-speaker turns and the "\n" between turns are left out, and —
 * with `excludeUncoded` — so is every character that none of the compared coders coded with
 * any of the reported codes. A position x of a document maps to φ(x) = the document's base +
 * the number of kept characters before x; φ is monotone, so a coding [s, e) becomes the range
 * [φ(s), φ(e)) of its kept characters (dropped when that is empty), still in order. A unit never
 * crosses a document's end; gaps are cut there too (each document is its own stretch of
 * continuum), but not at turn boundaries inside a document.
 *
 * Bad input, reported rather than hidden:
 * - overlapping units of the same code by the same coder (αu assumes none) are merged into
 *   one and counted (`merges`); units that merely touch stay separate units;
 * - a compared coder with no unit at all in an included document is listed (`emptyCoders`):
 *   the document stays in, where that coder's silence counts against every unit the others
 *   coded, never as agreement;
 * - documents not assigned to every compared coder are left out and listed (`skippedDocuments`);
 * - a continuum of length 0 makes every coefficient undefined (null), never 1.
 */
import { firstEndingAfter, type PreparedStudy } from './document';

/** Options of {@link unitizedContinuum}. */
export interface ContinuumOptions {
  /**
   * The coders to compare, by id (default: all of the study's coders). Only documents assigned
   * to every one of them are part of the continuum.
   */
  coders?: readonly string[];
  /** Leave out the characters that none of the compared coders coded with any reported code. */
  excludeUncoded?: boolean;
}

/** Coding ranges of one coder and code that overlapped others and were merged. */
export interface UnitMerge {
  documentId: string | undefined;
  coder: string;
  codeId: string;
  /** Codings absorbed into another: units before merging − units after. */
  merged: number;
}

/** An included document where a compared coder has no unit of any reported code. */
export interface EmptyCoder {
  documentId: string | undefined;
  coder: string;
}

/** The continuum with every coder's units; see the module comment. */
export interface UnitizedContinuum {
  coders: string[];
  codes: string[];
  /** L: characters in the continuum. */
  length: number;
  excludeUncoded: boolean;
  /** Included documents, in order, and the continuum offset where each ends (ascending). */
  documentIds: Array<string | undefined>;
  documentEnds: Float64Array;
  /**
   * Bootstrap clusters: the non-empty (after exclusions) participant turns of the included
   * documents, in order, by the continuum offset where each ends (strictly ascending; the
   * last is `length`).
   */
  clusterEnds: Float64Array;
  /**
   * `units[code][coder]`: the coder's units of the code, flat [start₀, end₀, start₁, end₁, …],
   * sorted; units do not overlap (they may touch) and do not cross a document end.
   */
  units: Float64Array[][];
  merges: UnitMerge[];
  /** Σ of `merges[].merged`. */
  mergedUnits: number;
  emptyCoders: EmptyCoder[];
  skippedDocuments: Array<string | undefined>;
}

/**
 * Builds the continuum of a prepared study (see the module comment). Unknown coder ids in
 * `options.coders` are ignored; with fewer than two coders the continuum has no documents.
 */
export function unitizedContinuum(study: PreparedStudy, options: ContinuumOptions = {}): UnitizedContinuum {
  const wanted = options.coders ? new Set(options.coders) : null;
  const coderIdx: number[] = [];
  study.coders.forEach((c, j) => {
    if (!wanted || wanted.has(c)) coderIdx.push(j);
  });
  const m = coderIdx.length;
  const codeCount = study.codes.length;
  const excludeUncoded = options.excludeUncoded === true;
  const builder = new ContinuumBuilder(codeCount, m);
  const skippedDocuments: Array<string | undefined> = [];
  const merges: UnitMerge[] = [];
  const emptyCoders: EmptyCoder[] = [];

  for (const doc of study.documents) {
    if (m < 2 || !coderIdx.every((j) => doc.assigned[j])) {
      skippedDocuments.push(doc.id);
      continue;
    }
    // kept pieces: participant turns, intersected with the coded text when asked
    let coded: Float64Array | null = null;
    if (excludeUncoded) {
      const all: Array<[number, number]> = [];
      for (let code = 0; code < codeCount; code++) {
        for (const j of coderIdx) {
          const r = doc.coverage[code][j];
          if (r) for (let i = 0; i < r.length; i += 2) all.push([r[i], r[i + 1]]);
        }
      }
      all.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      coded = mergeFlat(all);
    }
    const map = new PositionMap(builder.length);
    for (let t = 0; t < doc.starts.length; t++) {
      const kept = coded ? intersect(doc.starts[t], doc.ends[t], coded) : [doc.starts[t], doc.ends[t]];
      const before = map.length;
      for (let i = 0; i < kept.length; i += 2) map.add(kept[i], kept[i + 1]);
      if (map.length > before) builder.addCluster(map.length);
    }
    builder.addDocument(doc.id, map.length);

    coderIdx.forEach((j, k) => {
      let any = false;
      for (let code = 0; code < codeCount; code++) {
        const raw = doc.segments[code][j];
        if (!raw || raw.length === 0) continue;
        const { units, merged } = mapAndMerge(raw, map);
        if (merged > 0) merges.push({ documentId: doc.id, coder: study.coders[j], codeId: study.codes[code], merged });
        if (units.length > 0) any = true;
        builder.addUnits(code, k, units);
      }
      if (!any) emptyCoders.push({ documentId: doc.id, coder: study.coders[j] });
    });
  }

  const built = builder.build();
  return {
    coders: coderIdx.map((j) => study.coders[j]),
    codes: [...study.codes],
    length: built.length,
    excludeUncoded,
    documentIds: built.documentIds,
    documentEnds: built.documentEnds,
    clusterEnds: built.clusterEnds,
    units: built.units,
    merges,
    mergedUnits: merges.reduce((n, x) => n + x.merged, 0),
    emptyCoders,
    skippedDocuments,
  };
}

/** One observer's unit on a literal continuum (for published examples and hand-made cases). */
export interface ContinuumUnit {
  code: string;
  start: number;
  end: number;
}

/**
 * A continuum given directly: [begin, begin + length) with each observer's units in its
 * coordinates, as in the literature's examples — one document, one cluster. Units are clipped
 * to the continuum; overlapping units of one code by one observer are merged and counted, as in
 * {@link unitizedContinuum}. `codes` default: every code used, sorted.
 */
export function literalContinuum(spec: {
  begin?: number;
  length: number;
  observers: ReadonlyArray<ReadonlyArray<ContinuumUnit>>;
  observerIds?: readonly string[];
  codes?: readonly string[];
}): UnitizedContinuum {
  const begin = spec.begin ?? 0;
  const length = Number.isFinite(spec.length) && spec.length > 0 ? spec.length : 0;
  const codes = spec.codes
    ? [...spec.codes]
    : [...new Set(spec.observers.flatMap((o) => o.map((u) => u.code)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const coders = spec.observerIds ? [...spec.observerIds] : spec.observers.map((_, i) => `observer-${i + 1}`);
  const builder = new ContinuumBuilder(codes.length, coders.length);
  const merges: UnitMerge[] = [];
  const emptyCoders: EmptyCoder[] = [];
  if (length > 0) builder.addCluster(length);
  builder.addDocument(undefined, length);
  const map = new PositionMap(0);
  map.add(begin, begin + length);
  spec.observers.forEach((units, k) => {
    let any = false;
    codes.forEach((code, c) => {
      const raw = units
        .filter((u) => u.code === code && Number.isFinite(u.start) && Number.isFinite(u.end) && u.end > u.start)
        .map((u) => [u.start, u.end] as [number, number])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const { units: mapped, merged } = mapAndMerge(Float64Array.from(raw.flat()), map);
      if (merged > 0) merges.push({ documentId: undefined, coder: coders[k], codeId: code, merged });
      if (mapped.length > 0) any = true;
      builder.addUnits(c, k, mapped);
    });
    if (!any) emptyCoders.push({ documentId: undefined, coder: coders[k] });
  });
  const built = builder.build();
  return {
    coders,
    codes,
    length: built.length,
    excludeUncoded: false,
    documentIds: built.documentIds,
    documentEnds: built.documentEnds,
    clusterEnds: built.clusterEnds,
    units: built.units,
    merges,
    mergedUnits: merges.reduce((n, x) => n + x.merged, 0),
    emptyCoders,
    skippedDocuments: [],
  };
}

/**
 * The index of the cluster containing continuum position `p` (the first cluster ending after
 * it), clamped to the last cluster.
 */
export function clusterAt(clusterEnds: Float64Array, p: number): number {
  const c = firstEndingAfter(clusterEnds, p);
  return c < clusterEnds.length ? c : clusterEnds.length - 1;
}

/** Maps document positions to continuum positions through kept pieces added in order. */
class PositionMap {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly bases: number[] = [];
  /** Continuum offset after the last kept piece. */
  length: number;

  constructor(private readonly base: number) {
    this.length = base;
  }

  add(start: number, end: number): void {
    if (!(end > start)) return;
    this.starts.push(start);
    this.ends.push(end);
    this.bases.push(this.length);
    this.length += end - start;
  }

  /** φ(x): the continuum offset of document position x. */
  at(x: number): number {
    // last piece starting at or before x
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    if (i < 0) return this.base;
    return this.bases[i] + Math.min(x, this.ends[i]) - this.starts[i];
  }
}

/** Maps sorted raw ranges (flat) through φ and merges those that overlap (not those that touch). */
function mapAndMerge(raw: Float64Array, map: PositionMap): { units: number[]; merged: number } {
  const units: number[] = [];
  let merged = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const s = map.at(raw[i]);
    const e = map.at(raw[i + 1]);
    if (!(e > s)) continue;
    const last = units.length - 1;
    if (last > 0 && s < units[last]) {
      merged++;
      if (e > units[last]) units[last] = e;
    } else units.push(s, e);
  }
  return { units, merged };
}

/** Union of ranges sorted by start, flat; touching ranges join. */
function mergeFlat(ranges: ReadonlyArray<readonly [number, number]>): Float64Array {
  const out: number[] = [];
  for (const [s, e] of ranges) {
    const last = out.length - 1;
    if (last > 0 && s <= out[last]) {
      if (e > out[last]) out[last] = e;
    } else out.push(s, e);
  }
  return Float64Array.from(out);
}

/** [start, end) ∩ a flat sorted disjoint union, flat. */
function intersect(start: number, end: number, union: Float64Array): number[] {
  const out: number[] = [];
  // first range ending after start
  let lo = 0;
  let hi = union.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (union[2 * mid + 1] <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < union.length / 2 && union[2 * i] < end; i++) {
    const s = Math.max(start, union[2 * i]);
    const e = Math.min(end, union[2 * i + 1]);
    if (e > s) out.push(s, e);
  }
  return out;
}

class ContinuumBuilder {
  length = 0;
  private readonly documentIds: Array<string | undefined> = [];
  private readonly documentEnds: number[] = [];
  private readonly clusterEnds: number[] = [];
  private readonly units: number[][][];

  constructor(codeCount: number, coderCount: number) {
    this.units = Array.from({ length: codeCount }, () => Array.from({ length: coderCount }, () => [] as number[]));
  }

  addCluster(end: number): void {
    this.clusterEnds.push(end);
  }

  addDocument(id: string | undefined, end: number): void {
    this.documentIds.push(id);
    this.documentEnds.push(end);
    this.length = end;
  }

  addUnits(code: number, coder: number, flat: readonly number[]): void {
    const into = this.units[code][coder];
    for (const x of flat) into.push(x);
  }

  build() {
    return {
      length: this.length,
      documentIds: this.documentIds,
      documentEnds: Float64Array.from(this.documentEnds),
      clusterEnds: Float64Array.from(this.clusterEnds),
      units: this.units.map((byCoder) => byCoder.map((u) => Float64Array.from(u))),
    };
  }
}
