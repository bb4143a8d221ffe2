import { describe, expect, it } from 'vitest';
import { selectExcerpts, type CandidateCoding } from './excerpts';
import { compileFilter } from './filter';
import { FIXTURE_ATTRIBUTES, FIXTURE_IDS, fixtureCodings, fixtureModel, type FixtureLayer } from './test-fixture';
import { EMPTY_FILTER, MISSING, NO_PARTICIPANT, type AnalysisFilter } from './types';

const [city, gender] = FIXTURE_ATTRIBUTES;

function excerpts(layers: FixtureLayer[], filter: Partial<Omit<AnalysisFilter, 'layer'>>) {
  const model = fixtureModel();
  const c = fixtureCodings(layers);
  const candidates: CandidateCoding[] = c.id.map((id, i) => ({ id, documentId: c.documentId[i], codeId: c.codeId[i], coderId: c.coderId[i], start: c.start[i], end: c.end[i] }));
  const list = selectExcerpts(model, candidates, compileFilter(model, { ...EMPTY_FILTER, ...filter }), layers.length > 1);
  const key = (id: number) => c.key[c.id.indexOf(id)];
  return list.map((e) => ({ keys: e.codingIds.map(key), people: e.participants.map((p) => model.participants[p].label), turns: e.turns }));
}

describe('excerpts behind a cell', () => {
  it('gives Akimat in Almaty: k1 (spanning P1 and P2), k2, k3 in reading order', () => {
    expect(excerpts(['consensus'], { codeId: FIXTURE_IDS.codes.akimat, descendants: false, attributes: [{ attribute: city, values: ['Almaty'] }] })).toEqual([
      { keys: ['k1'], people: ['P1', 'P2'], turns: [2, 3] },
      { keys: ['k2'], people: ['P3'], turns: [4] },
      { keys: ['k3'], people: ['P3'], turns: [4] },
    ]);
  });

  it('gives the men’s Akimat excerpt: k1 through P2, with both speakers shown', () => {
    expect(excerpts(['consensus'], { codeId: FIXTURE_IDS.codes.akimat, descendants: false, attributes: [{ attribute: gender, values: ['Male'] }] })).toEqual([
      { keys: ['k1'], people: ['P1', 'P2'], turns: [2, 3] },
    ]);
  });

  it('gives the (missing) and (no participant) cells of e-Otinish by gender', () => {
    const code = { codeId: FIXTURE_IDS.codes.eotinish, descendants: false };
    expect(excerpts(['consensus'], { ...code, attributes: [{ attribute: gender, values: [MISSING] }] }).map((e) => e.keys)).toEqual([['k6']]);
    expect(excerpts(['consensus'], { ...code, attributes: [{ attribute: gender, values: [NO_PARTICIPANT] }] })).toEqual([{ keys: ['k4'], people: [], turns: [1] }]);
  });

  it('includes descendants for a rolled-up row', () => {
    expect(excerpts(['consensus'], { codeId: FIXTURE_IDS.codes.channels, attributes: [{ attribute: city, values: ['Taraz'] }] }).map((e) => e.keys)).toEqual([['k5'], ['k9'], ['k6']]);
  });

  it('merges identical ranges of two coders in the union into one excerpt', () => {
    expect(excerpts(['coder1', 'coder2'], { codeId: FIXTURE_IDS.codes.akimat, descendants: false })).toEqual([
      { keys: ['a1', 'b1'], people: ['P1'], turns: [2] },
      { keys: ['b2'], people: ['P2'], turns: [3] },
    ]);
  });

  it('keeps one participant’s codings (a case-matrix cell)', () => {
    expect(excerpts(['consensus'], { participantId: FIXTURE_IDS.participants[3] }).map((e) => e.keys)).toEqual([['k5'], ['k9'], ['k7']]);
  });
});
