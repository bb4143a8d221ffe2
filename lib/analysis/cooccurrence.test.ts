import { describe, expect, it } from 'vitest';
import { computeCooccurrence } from './cooccurrence';
import { selectExcerpts } from './excerpts';
import { compileFilter } from './filter';
import { buildCodingSet } from './model';
import { cooccurrencePassages } from './passages';
import { FIXTURE_ATTRIBUTES, FIXTURE_IDS, fixtureCodings, fixtureModel } from './test-fixture';
import { EMPTY_FILTER, type AnalysisFilter, type CooccurrenceMode } from './types';

const gender = FIXTURE_ATTRIBUTES[1];

function matrix(mode: CooccurrenceMode, filter: Partial<Omit<AnalysisFilter, 'layer'>> = {}) {
  const model = fixtureModel();
  const f = { ...EMPTY_FILTER, ...filter };
  return computeCooccurrence(model, buildCodingSet(model, fixtureCodings(['consensus']), false), { mode, subtree: f.codeId, filter: compileFilter(model, f) });
}
const round = (rows: Array<Array<number | null>>) => rows.map((r) => r.map((v) => (v == null ? null : Math.round(v * 1000) / 1000)));

// Codes in order: Channels, Akimat, e-Otinish, Elections.
describe('co-occurrence, overlapping codings', () => {
  const m = matrix('overlap');

  it('counts overlapping pairs of different codes; the diagonal is each code’s segments', () => {
    expect(m.codes.map((c) => c.name)).toEqual(['Channels', 'Akimat', 'e-Otinish', 'Elections']);
    expect(m.counts).toEqual([
      [1, 0, 0, 0], // k5 and k9 share a turn but no character
      [0, 3, 0, 1], // k1 (Akimat) overlaps k8 (Elections); k2–k3 are the same code
      [0, 0, 3, 0],
      [0, 1, 0, 2],
    ]);
  });

  it('gives the Jaccard index over segments', () => {
    // Akimat × Elections: (k1 overlaps Elections + k8 overlaps Akimat) ÷ (3 + 2) = 2/5
    expect(round(m.jaccard)).toEqual([
      [null, 0, 0, 0],
      [0, null, 0, 0.4],
      [0, 0, null, 0],
      [0, 0.4, 0, null],
    ]);
  });
});

describe('co-occurrence, same turn', () => {
  const m = matrix('turn');

  it('counts turns with both codes; the diagonal is turns with the code', () => {
    // turns: Channels {Taraz t1}; Akimat {Almaty t1, t2, t3}; e-Otinish {Almaty t0, Taraz t1, t2}; Elections {Almaty t2, Taraz t3}
    expect(m.counts).toEqual([
      [1, 0, 1, 0], // Channels & e-Otinish: Taraz t1 (k5, k9)
      [0, 3, 0, 1], // Akimat & Elections: Almaty t2 (k1, k8)
      [1, 0, 3, 0],
      [0, 1, 0, 2],
    ]);
    // Jaccard = both ÷ (a + b − both): Channels × e-Otinish 1/(1+3−1); Akimat × Elections 1/(3+2−1)
    expect(round(m.jaccard)).toEqual([
      [null, 0, 0.333, 0],
      [0, null, 0, 0.25],
      [0.333, 0, null, 0],
      [0, 0.25, 0, null],
    ]);
  });

  it('counts only the kept participants’ turns under a participant filter', () => {
    const men = matrix('turn', { attributes: [{ attribute: gender, values: ['Male'] }] });
    // codings of men: k1 (P2), k5, k7, k8, k9 (P4); men's turns: Almaty t2, Taraz t1, t3
    expect(men.counts).toEqual([
      [1, 0, 1, 0],
      [0, 1, 0, 1], // k1 reaches P1's turn too, but only P2's turn t2 counts
      [1, 0, 1, 0],
      [0, 1, 0, 2],
    ]);
  });
});

describe('co-occurrence passages', () => {
  const model = fixtureModel();
  const c = fixtureCodings(['consensus']);
  const f = compileFilter(model, EMPTY_FILTER);
  const candidates = c.id.map((id, i) => ({ id, documentId: c.documentId[i], codeId: c.codeId[i], coderId: c.coderId[i], start: c.start[i], end: c.end[i] }));
  const of = (code: number) => selectExcerpts(model, candidates.filter((x) => x.codeId === code), f, false);
  const key = (id: number) => c.key[c.id.indexOf(id)];

  it('lists the overlapping pairs, as many as the cell counts', () => {
    const p = cooccurrencePassages(model, of(FIXTURE_IDS.codes.akimat), of(FIXTURE_IDS.codes.elections), 'overlap', f);
    expect(p.map((x) => [x.codingIdsA.map(key), x.codingIdsB.map(key)])).toEqual([[['k1'], ['k8']]]);
    expect(p[0].start).toBe(c.start[c.key.indexOf('k1')]);
    expect(p[0].end).toBe(c.end[c.key.indexOf('k8')]);
  });

  it('lists the shared turns in turn mode', () => {
    const p = cooccurrencePassages(model, of(FIXTURE_IDS.codes.channels), of(FIXTURE_IDS.codes.eotinish), 'turn', f);
    expect(p.map((x) => [x.turn, x.codingIdsA.map(key), x.codingIdsB.map(key)])).toEqual([[2, ['k5'], ['k9']]]);
    expect(cooccurrencePassages(model, of(FIXTURE_IDS.codes.channels), of(FIXTURE_IDS.codes.eotinish), 'overlap', f)).toEqual([]);
  });
});
