/**
 * Lanes for margin stripes: overlapping ranges get different lanes so every stripe stays
 * visible. Greedy interval colouring in start order, which uses the fewest lanes possible
 * (the maximum number of ranges over any point).
 */
export interface Span {
  start: number;
  end: number;
}

/** lane[i] for spans[i]; lanes are numbered from 0. Touching spans ([0,5) and [5,9)) share a lane. */
export function assignLanes(spans: readonly Span[]): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || spans[b].end - spans[a].end);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(spans.length);
  for (const i of order) {
    let lane = laneEnds.findIndex((end) => end <= spans[i].start);
    if (lane === -1) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = spans[i].end;
    lanes[i] = lane;
  }
  return lanes;
}
