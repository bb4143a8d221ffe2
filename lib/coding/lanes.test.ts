import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignLanes, laneGeometry, LABEL_ROOM } from './lanes';

describe('assignLanes', () => {
  it('separates overlapping ranges and reuses lanes after them', () => {
    expect(assignLanes([{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 10, end: 20 }, { start: 16, end: 18 }])).toEqual([0, 1, 0, 1]);
  });

  it('never puts two overlapping ranges in one lane, and uses as many lanes as the deepest overlap (property)', () => {
    const span = fc.tuple(fc.nat(50), fc.integer({ min: 1, max: 20 })).map(([s, l]) => ({ start: s, end: s + l }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), (spans) => {
        const lanes = assignLanes(spans);
        for (let i = 0; i < spans.length; i++)
          for (let j = i + 1; j < spans.length; j++)
            if (lanes[i] === lanes[j]) expect(spans[i].end <= spans[j].start || spans[j].end <= spans[i].start).toBe(true);
        let depth = 0;
        for (let x = 0; x < 80; x++) depth = Math.max(depth, spans.filter((s) => s.start <= x && x < s.end).length);
        expect(spans.length ? Math.max(...lanes) + 1 : 0).toBe(depth);
      }),
    );
  });
});

describe('assignLanes with a cap', () => {
  it('puts a span that finds every lane busy into the lane that frees first', () => {
    // Three nested spans, two lanes: the third overlaps the second (which ends first), not the first.
    expect(assignLanes([{ start: 0, end: 30 }, { start: 1, end: 10 }, { start: 2, end: 20 }], 2)).toEqual([0, 1, 1]);
  });

  it('never uses more lanes than allowed, and changes nothing while they suffice (property)', () => {
    const span = fc.tuple(fc.nat(50), fc.integer({ min: 1, max: 20 })).map(([s, l]) => ({ start: s, end: s + l }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), (spans, cap) => {
        const capped = assignLanes(spans, cap);
        expect(capped.every((l) => l >= 0 && l < cap)).toBe(true);
        const free = assignLanes(spans);
        if (free.every((l) => l < cap)) expect(capped).toEqual(free);
      }),
    );
  });
});

describe('laneGeometry', () => {
  it('keeps 8 px lanes while they fit beside the labels', () => {
    // 240 px: 140 px for lanes (240 − 96 − 4), so 17 lanes of 8 px.
    expect(laneGeometry(3, 240)).toEqual({ lanes: 3, laneWidth: 8, barWidth: 4, edgeWidth: 2, labelLeft: 28 });
    expect(laneGeometry(17, 240).laneWidth).toBe(8);
  });

  it('narrows the lanes, then caps them, so the labels keep their room', () => {
    // 40 overlaps in 140 px: 3.5 px a lane is below the 4 px minimum, so 35 lanes of 4 px.
    expect(laneGeometry(40, 240)).toEqual({ lanes: 35, laneWidth: 4, barWidth: 2, edgeWidth: 1, labelLeft: 144 });
    // 20 overlaps: 7 px lanes.
    expect(laneGeometry(20, 240)).toMatchObject({ lanes: 20, laneWidth: 7, labelLeft: 144 });
    for (const depth of [0, 1, 5, 50, 500]) for (const width of [120, 240, 480]) expect(laneGeometry(depth, width).labelLeft).toBeLessThanOrEqual(width - LABEL_ROOM);
  });
});
