import { describe, expect, it } from 'vitest';
import { computeCaseMatrix } from './case-matrix';
import { compileFilter } from './filter';
import { buildCodingSet } from './model';
import { FIXTURE_ATTRIBUTES, fixtureCodings, fixtureModel } from './test-fixture';
import { EMPTY_FILTER } from './types';

function matrix(rollup: boolean, filter = EMPTY_FILTER) {
  const model = fixtureModel();
  return computeCaseMatrix(model, buildCodingSet(model, fixtureCodings(['consensus']), false), { subtree: null, rollup, filter: compileFilter(model, filter) });
}

describe('case matrix', () => {
  it('counts each participant’s codings per code, a coding spanning two people for each', () => {
    const m = matrix(false);
    expect(m.codes.map((c) => c.name)).toEqual(['Channels', 'Akimat', 'e-Otinish', 'Elections']);
    expect(m.participants.map((p) => [p.label, p.documentTitle, p.attributes])).toEqual([
      ['P1', 'FG Almaty', { gender: 'Female', age: '25' }],
      ['P2', 'FG Almaty', { gender: 'Male', age: '40' }],
      ['P3', 'FG Almaty', { gender: 'Female' }],
      ['P4', 'FG Taraz', { gender: 'Male', age: '52' }],
      ['P5', 'FG Taraz', { age: '33' }],
    ]);
    expect(m.counts).toEqual([
      [0, 1, 0, 0], // P1: k1
      [0, 1, 0, 1], // P2: k1, k8
      [0, 2, 0, 0], // P3: k2, k3
      [1, 0, 1, 1], // P4: k5, k9, k7
      [0, 0, 1, 0], // P5: k6 (k4 is the moderator's: nobody's case)
    ]);
    expect(m.totals).toEqual([1, 2, 2, 3, 1]);
  });

  it('rolls children up into the parent column', () => {
    const m = matrix(true);
    expect(m.codes[0].rolledUp).toBe(true);
    expect(m.counts.map((r) => r[0])).toEqual([1, 1, 2, 2, 1]); // Channels incl. Akimat and e-Otinish; P4: k5, k9
    expect(m.totals).toEqual([1, 2, 2, 3, 1]); // distinct codings, not the row's sum
  });

  it('keeps only the participants the filter keeps, and leaves private attributes out', () => {
    const model = fixtureModel();
    model.attributes = model.attributes.map((a) => (a.name === 'age' ? { ...a, private: true } : a));
    const m = computeCaseMatrix(model, buildCodingSet(model, fixtureCodings(['consensus']), false), {
      subtree: null,
      rollup: false,
      filter: compileFilter(model, { ...EMPTY_FILTER, attributes: [{ attribute: FIXTURE_ATTRIBUTES[1], values: ['Male'] }] }),
    });
    expect(m.attributes).toEqual(['gender']);
    expect(m.participants.map((p) => [p.label, p.attributes])).toEqual([
      ['P2', { gender: 'Male' }],
      ['P4', { gender: 'Male' }],
    ]);
  });
});
