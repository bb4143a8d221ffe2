import { describe, expect, it } from 'vitest';
import { percentAgreement } from './percent-agreement';

describe('percentAgreement', () => {
  it('averages the share of agreeing pairs over units with two or more values', () => {
    // Hand computation, 3 coders:
    //   unit 1: a a a      → 3 pairs, 3 agree → 1
    //   unit 2: a a b      → 3 pairs, 1 agrees (a–a) → 1/3
    //   unit 3: a b –      → 1 pair, 0 agree → 0
    //   unit 4: b – –      → one value: not counted
    //   mean over units 1–3 = (1 + 1/3 + 0) / 3 = 4/9 ≈ 0.4444
    const data = [
      ['a', 'a', 'a'],
      ['a', 'a', 'b'],
      ['a', 'b', null],
      ['b', null, null],
    ];
    expect(percentAgreement(data)).toBeCloseTo(4 / 9, 12);
  });

  it('is 1 when every coder agrees on every unit', () => {
    expect(percentAgreement([[1, 1], [2, 2], [1, 1, null]])).toBe(1);
  });

  it('is NaN when no unit has two values', () => {
    expect(percentAgreement([])).toBeNaN();
    expect(percentAgreement([[1, null], [null, 2]])).toBeNaN();
  });
});
