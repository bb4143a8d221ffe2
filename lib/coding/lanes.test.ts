import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignLanes } from './lanes';

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
