import type { PreparedStudy } from './document';

/** Default share of overlap for two segments to agree: 90 %. */
export const DEFAULT_SEGMENT_THRESHOLD = 0.9;

/**
 * How much two ranges overlap: |A ∩ B| / |A ∪ B| (intersection over union, the Jaccard index
 * of their character sets), in [0, 1]; 0 when either range is empty or they are disjoint.
 *
 * Why relative to the union: it is symmetric and penalises both a short segment inside a long
 * one and two offset segments, so "90 %" means the two coders marked nearly the same passage.
 * MAXQDA's segment-level intercoder agreement ("minimum code overlap rate") relates the
 * common part of two segments to the whole area both cover, i.e. the same measure, as far as
 * its manual describes it; we have not checked it against MAXQDA's output. Relative to A alone
 * (coverage of A by B) would let a coder who marks whole turns match every short segment.
 */
export function segmentOverlap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const intersection = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
  if (intersection <= 0) return 0;
  const union = Math.max(aEnd, bEnd) - Math.min(aStart, bStart);
  return intersection / union;
}

/** Segment counts of one pair of coders (for one code, or pooled). */
export interface SegmentCounts {
  /** Segments of coder A, and how many of them B matched. */
  segmentsA: number;
  matchedA: number;
  /** Segments of coder B, and how many of them A matched. */
  segmentsB: number;
  matchedB: number;
  /** (matchedA + matchedB) / (segmentsA + segmentsB); NaN when neither coder has a segment. */
  share: number;
}

/** Segment-level agreement of one pair of coders. */
export interface SegmentPairAgreement {
  coderA: string;
  coderB: string;
  /** Documents both coders were assigned to: the only ones compared. */
  documents: number;
  byCode: Array<SegmentCounts & { codeId: string }>;
  pooled: SegmentCounts;
}

/** Options of {@link segmentAgreement}. */
export interface SegmentOptions {
  /**
   * Minimum `segmentOverlap` for two segments of the same code to agree, default 0.9. At 0 or
   * below, any overlap of at least one character agrees; above 1 nothing does.
   */
  threshold?: number;
}

/**
 * Segment-level agreement for every pair of compared coders, over the documents both were
 * assigned to: a segment (coding) of coder A agrees when coder B has a segment of the same code
 * whose `segmentOverlap` with it is at least the threshold; likewise for B's segments.
 * Matching is not one-to-one: one segment may match several of the other coder's. Every
 * segment counts, including ones in moderator turns — it is the coders' segmentation that is
 * compared here, not units of text.
 *
 * Cost: per document, code and pair, O((a + b) log b) plus the overlapping candidates visited.
 */
export function segmentAgreement(study: PreparedStudy, options: SegmentOptions = {}): SegmentPairAgreement[] {
  const threshold = options.threshold ?? DEFAULT_SEGMENT_THRESHOLD;
  const codeCount = study.codes.length;
  const results: SegmentPairAgreement[] = [];
  for (let a = 0; a < study.coders.length; a++) {
    for (let b = a + 1; b < study.coders.length; b++) {
      const counts = new Float64Array(codeCount * 4); // segmentsA, matchedA, segmentsB, matchedB
      let documents = 0;
      for (const doc of study.documents) {
        if (!doc.assigned[a] || !doc.assigned[b]) continue;
        documents++;
        for (let code = 0; code < codeCount; code++) {
          const sa = doc.segments[code][a] ?? EMPTY;
          const sb = doc.segments[code][b] ?? EMPTY;
          counts[code * 4] += sa.length / 2;
          counts[code * 4 + 2] += sb.length / 2;
          if (sa.length === 0 || sb.length === 0) continue;
          counts[code * 4 + 1] += countMatched(sa, sb, threshold);
          counts[code * 4 + 3] += countMatched(sb, sa, threshold);
        }
      }
      const byCode = study.codes.map((codeId, code) => ({
        codeId,
        ...segmentCounts(counts[code * 4], counts[code * 4 + 1], counts[code * 4 + 2], counts[code * 4 + 3]),
      }));
      const total = [0, 1, 2, 3].map((i) => byCode.reduce((s, _, code) => s + counts[code * 4 + i], 0));
      results.push({
        coderA: study.coders[a],
        coderB: study.coders[b],
        documents,
        byCode,
        pooled: segmentCounts(total[0], total[1], total[2], total[3]),
      });
    }
  }
  return results;
}

const EMPTY = new Float64Array(0);

function segmentCounts(segmentsA: number, matchedA: number, segmentsB: number, matchedB: number): SegmentCounts {
  const all = segmentsA + segmentsB;
  return { segmentsA, matchedA, segmentsB, matchedB, share: all > 0 ? (matchedA + matchedB) / all : NaN };
}

/**
 * How many of `own`'s segments have a partner in `other` overlapping them by at least the
 * threshold. Both are flat [start, end, …] sorted by start. For each segment, the candidates
 * are the other's segments starting before it ends, scanned backwards and abandoned once no
 * earlier segment reaches its start (a running maximum of ends makes that test exact).
 */
function countMatched(own: Float64Array, other: Float64Array, threshold: number): number {
  const n = other.length / 2;
  const reach = new Float64Array(n); // max end among other's segments 0..j
  for (let j = 0, max = -Infinity; j < n; j++) {
    max = Math.max(max, other[2 * j + 1]);
    reach[j] = max;
  }
  let matched = 0;
  for (let i = 0; i < own.length; i += 2) {
    const start = own[i];
    const end = own[i + 1];
    // last of other's segments starting before `end`
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (other[2 * mid] < end) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0 && reach[j] > start; j--) {
      const overlap = segmentOverlap(start, end, other[2 * j], other[2 * j + 1]);
      if (overlap > 0 && overlap >= threshold - 1e-12) {
        matched++;
        break;
      }
    }
  }
  return matched;
}
