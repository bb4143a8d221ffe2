import { describe, expect, it } from 'vitest';
import { bootstrapAlpha } from './bootstrap';
import { krippendorffAlpha } from './krippendorff';
import { KRIPPENDORFF_2011 } from './published-examples';

describe('bootstrapAlpha', () => {
  it('returns α with an interval around it, reproducibly for a seed', () => {
    const a = bootstrapAlpha(KRIPPENDORFF_2011, { samples: 500, seed: 3 });
    const b = bootstrapAlpha(KRIPPENDORFF_2011, { samples: 500, seed: 3 });
    expect(a).toEqual(b);
    expect(a.alpha).toBeCloseTo(krippendorffAlpha(KRIPPENDORFF_2011), 12);
    expect(a.low).toBeLessThanOrEqual(a.alpha);
    expect(a.high).toBeGreaterThanOrEqual(a.alpha - 0.05);
    expect(a.high).toBeLessThanOrEqual(1);
    expect(bootstrapAlpha(KRIPPENDORFF_2011, { samples: 500, seed: 4 })).not.toEqual(a);
  });

  it('uses the level of measurement', () => {
    const r = bootstrapAlpha(KRIPPENDORFF_2011, { level: 'interval', samples: 200 });
    expect(r.alpha.toFixed(3)).toBe('0.849');
  });

  it('is a point interval when every coder agrees on every unit', () => {
    const data = Array.from({ length: 30 }, (_, i) => [i % 3, i % 3, null]);
    expect(bootstrapAlpha(data, { samples: 200 })).toEqual({ alpha: 1, low: 1, high: 1 });
  });

  it('is NaN throughout when α is undefined', () => {
    const r = bootstrapAlpha([['a', 'a'], ['a', 'a']]);
    expect(r.alpha).toBeNaN();
    expect(r.low).toBeNaN();
    expect(r.high).toBeNaN();
  });

  it('narrows as the sample grows', () => {
    const unit = (i: number) => (i % 10 === 0 ? [0, 1] : [i % 2, i % 2]);
    const small = bootstrapAlpha(Array.from({ length: 40 }, (_, i) => unit(i)), { samples: 400 });
    const large = bootstrapAlpha(Array.from({ length: 4000 }, (_, i) => unit(i)), { samples: 400 });
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });
});
