import { describe, expect, it } from 'vitest';
import { characterLevel } from './character-level';
import { summarizeClusters, type BinaryClusterTable } from './cluster-table';
import { clusteredBootstrap } from './clustered-bootstrap';
import { prepareStudy } from './document';
import { percentileInterval } from './percentile';
import { seededRandom } from './random';
import { syntheticStudy } from './synthetic';

/** The bootstrap spelled out: draw counts per cluster, then the weighted summary. */
function naiveBootstrap(table: BinaryClusterTable, samples: number, seed: number) {
  const random = seededRandom(seed);
  const reps: number[][] = Array.from({ length: table.codeCount + 1 }, () => []);
  for (let s = 0; s < samples; s++) {
    const weights = new Float64Array(table.clusterCount);
    for (let d = 0; d < table.clusterCount; d++) weights[Math.floor(random() * table.clusterCount)]++;
    const { byCode, pooled } = summarizeClusters(table, weights);
    byCode.forEach((r, code) => reps[code].push(r.alpha));
    reps[table.codeCount].push(pooled.alpha);
  }
  return reps.map((r) => percentileInterval(r));
}

describe('clusteredBootstrap', () => {
  const study = prepareStudy(syntheticStudy({ documents: 3, turns: 60, codes: 4, coders: 3, seed: 11 }));
  const table = characterLevel(study).table;

  it('equals the spelled-out resampling of turns with the same seed', () => {
    const fast = clusteredBootstrap(table, { samples: 100, seed: 9 });
    const slow = naiveBootstrap(table, 100, 9);
    fast.byCode.forEach((ci, code) => {
      expect(ci.low).toBeCloseTo(slow[code].low, 9);
      expect(ci.high).toBeCloseTo(slow[code].high, 9);
      expect(ci.defined).toBe(slow[code].defined);
    });
    expect(fast.pooled.low).toBeCloseTo(slow[table.codeCount].low, 9);
  });

  it('is reproducible, ordered, and brackets the estimate for well-populated codes', () => {
    const a = clusteredBootstrap(table, { samples: 300, seed: 1 });
    expect(clusteredBootstrap(table, { samples: 300, seed: 1 })).toEqual(a);
    expect(clusteredBootstrap(table, { samples: 300, seed: 2 })).not.toEqual(a);
    for (const ci of [...a.byCode, a.pooled]) {
      expect(ci.low).toBeLessThanOrEqual(ci.high);
      expect(ci.low).toBeLessThanOrEqual(ci.alpha + 0.05);
      expect(ci.high).toBeGreaterThanOrEqual(ci.alpha - 0.05);
    }
    expect(a.pooled.alpha).toBeCloseTo(summarizeClusters(table).pooled.alpha, 12);
  });

  it('gives NaN bounds where α is undefined, and copes with an empty table', () => {
    const empty = clusteredBootstrap(characterLevel(prepareStudy({ coders: ['a'], codes: ['x'], documents: [] })).table);
    expect(empty.byCode[0].alpha).toBeNaN();
    expect(empty.byCode[0].low).toBeNaN();
    expect(empty.pooled.defined).toBe(0);
  });
});
