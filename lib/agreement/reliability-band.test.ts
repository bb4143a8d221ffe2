import { describe, expect, it } from 'vitest';
import { reliabilityBand } from './reliability-band';

describe('reliabilityBand', () => {
  it('marks Krippendorff’s thresholds', () => {
    expect(reliabilityBand(1)).toBe('reliable');
    expect(reliabilityBand(0.8)).toBe('reliable');
    expect(reliabilityBand(0.7996)).toBe('reliable'); // shown as 0.800
    expect(reliabilityBand(0.7994)).toBe('tentative');
    expect(reliabilityBand(0.667)).toBe('tentative');
    expect(reliabilityBand(0.6664)).toBe('unreliable');
    expect(reliabilityBand(-0.2)).toBe('unreliable');
    expect(reliabilityBand(NaN)).toBe('undefined');
  });
});
