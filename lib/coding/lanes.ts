/**
 * Lanes for margin stripes: overlapping ranges get different lanes so every stripe stays
 * visible. Greedy interval colouring in start order, which uses the fewest lanes possible
 * (the maximum number of ranges over any point).
 */
export interface Span {
  start: number;
  end: number;
}

/**
 * lane[i] for spans[i]; lanes are numbered from 0. Touching spans ([0,5) and [5,9)) share a
 * lane. With `maxLanes`, a span that finds every lane busy goes to the lane that frees
 * first, so it overlaps as little as it can of what is already there.
 */
export function assignLanes(spans: readonly Span[], maxLanes = Infinity): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || spans[b].end - spans[a].end);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(spans.length);
  for (const i of order) {
    let lane = laneEnds.findIndex((end) => end <= spans[i].start);
    if (lane === -1 && laneEnds.length < maxLanes) lane = laneEnds.push(0) - 1;
    if (lane === -1) lane = laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = Math.max(laneEnds[lane], spans[i].end);
    lanes[i] = lane;
  }
  return lanes;
}

/** How the margin divides its width between the lanes of brackets and the labels beside them. */
export interface LaneGeometry {
  /** Lanes drawn; deeper overlaps share them (see `assignLanes`). */
  lanes: number;
  laneWidth: number;
  /** A bracket's bar, and the coder's edge beside it when layers are compared (the bracket is their sum). */
  barWidth: number;
  edgeWidth: number;
  /** Where the labels start, in px from the margin's left. */
  labelLeft: number;
}

/** The room the labels keep whatever the overlaps: some twelve characters of the label font. */
export const LABEL_ROOM = 96;
const LANE = { max: 8, min: 4 } as const;
const LABEL_GAP = 4;

/**
 * Lanes for `depth` overlapping codings in a margin `width` px wide: 8 px each while they
 * fit beside the labels' room, narrower down to 4 px, and no more lanes than 4 px allow.
 * Seven coders' layers on one transcript overlap some forty deep; at 8 px a lane their
 * brackets pushed every label out of the margin.
 */
export function laneGeometry(depth: number, width: number): LaneGeometry {
  const room = Math.max(LANE.min, width - LABEL_ROOM - LABEL_GAP);
  const wanted = Math.max(1, depth);
  const laneWidth = Math.max(LANE.min, Math.min(LANE.max, Math.floor(room / wanted)));
  const lanes = Math.max(1, Math.min(wanted, Math.floor(room / laneWidth)));
  // A bar of 4 px and a coder's edge of 2 at full width; narrower lanes keep a pixel between neighbours.
  return { lanes, laneWidth, barWidth: Math.min(4, laneWidth - 2), edgeWidth: laneWidth >= 7 ? 2 : 1, labelLeft: (depth === 0 ? 0 : lanes * laneWidth) + LABEL_GAP };
}
