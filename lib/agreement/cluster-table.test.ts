import { describe, expect, it } from 'vitest';
import { binaryUnitCoincidences, ClusterTableBuilder, summarizeClusters } from './cluster-table';
import { krippendorffAlpha } from './krippendorff';
import { percentAgreement } from './percent-agreement';

describe('binaryUnitCoincidences', () => {
  it('splits a unit’s m(m − 1)/(m − 1) = m pairable values', () => {
    // 3 coders, 1 applied the code: pairs 1–0 twice (ordered: 2), 0–0 twice, so
    // o01 = 1·2/2 = 1, o11 = 0, o00 = 2·1/2 = 1; total o00 + 2·o01 + o11 = 3 = m
    expect(binaryUnitCoincidences(1, 3, 1)).toEqual({ o01: 1, o11: 0 });
    expect(binaryUnitCoincidences(3, 3, 1)).toEqual({ o01: 0, o11: 3 });
    expect(binaryUnitCoincidences(1, 2, 5)).toEqual({ o01: 5, o11: 0 });
  });
});

describe('summarizeClusters', () => {
  // Two codes. Cluster 0: 2 coders, 1 unit; code 0 applied by both, code 1 by one.
  // Cluster 1: 3 coders, 1 unit; code 0 applied by nobody, code 1 by two.
  function table() {
    const b = new ClusterTableBuilder(2);
    const c0 = b.addCluster(1, 2);
    const c1 = b.addCluster(1, 3);
    const put = (cluster: number, code: number, k: number, m: number) => {
      const { o01, o11 } = binaryUnitCoincidences(k, m, 1);
      b.addEntry(cluster, code, o01, o11);
    };
    put(c1, 1, 2, 3); // entries out of cluster order on purpose
    put(c0, 0, 2, 2);
    put(c0, 1, 1, 2);
    return b.build();
  }
  // The same data as units × coders:
  const code0 = [[1, 1, null], [0, 0, 0]];
  const code1 = [[1, 0, null], [1, 1, 0]];

  it('gives the same α and percent agreement as the expanded data', () => {
    const { byCode, pooled } = summarizeClusters(table());
    expect(byCode[0].alpha).toBeCloseTo(krippendorffAlpha(code0), 12);
    expect(byCode[1].alpha).toBeCloseTo(krippendorffAlpha(code1), 12);
    expect(pooled.alpha).toBeCloseTo(krippendorffAlpha([...code0, ...code1]), 12);
    expect(byCode[1].percentAgreement).toBeCloseTo(percentAgreement(code1), 12);
    expect(pooled.percentAgreement).toBeCloseTo(percentAgreement([...code0, ...code1]), 12);
    expect(byCode[0]).toMatchObject({ units: 2, values: 5 });
    expect(pooled).toMatchObject({ units: 4, values: 10 });
  });

  it('weights clusters as a bootstrap draw would', () => {
    const { byCode } = summarizeClusters(table(), [2, 1]);
    expect(byCode[1].alpha).toBeCloseTo(krippendorffAlpha([code1[0], code1[0], code1[1]]), 12);
  });

  it('flags too few units and no variation', () => {
    const b = new ClusterTableBuilder(1);
    b.addCluster(1, 2);
    const single = summarizeClusters(b.build()).byCode[0];
    expect(single.flag).toBe('too-few-units');
    expect(single.alpha).toBeNaN();
    expect(single.band).toBe('undefined');
    b.addCluster(1, 2);
    const none = summarizeClusters(b.build()).byCode[0];
    expect(none.flag).toBe('no-variation');
    expect(none.percentAgreement).toBe(1);
  });
});
