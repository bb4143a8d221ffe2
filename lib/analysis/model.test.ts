import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addToCodingSet, buildCodingSet, buildModel, recodeCodingSet, type CodingSet } from './model';
import { FIXTURE_IDS, fixtureCodings, fixtureModel } from './test-fixture';

describe('buildModel', () => {
  it('records who speaks where, with their words, and everyone who belongs to a group', () => {
    const model = fixtureModel();
    const presence = Array.from(model.presence.participant, (p, k) => [model.participants[p].label, model.documents[model.presence.document[k]].title, model.presence.words[k]]);
    expect(presence.sort()).toEqual([
      ['P1', 'FG Almaty', 10],
      ['P2', 'FG Almaty', 20],
      ['P3', 'FG Almaty', 10],
      ['P4', 'FG Taraz', 20],
      ['P5', 'FG Taraz', 20],
    ]);
    expect(Array.from(model.turns[0].participant)).toEqual([-1, 0, 1, 2]);
  });
});

describe('buildCodingSet', () => {
  it('groups codings by document in text order, and drops unknown documents and codes', () => {
    const model = fixtureModel();
    const c = fixtureCodings(['consensus']);
    const set = buildCodingSet(model, { ...c, documentId: [...c.documentId, 999], codeId: [...c.codeId, FIXTURE_IDS.codes.akimat], start: [...c.start, 0], end: [...c.end, 1] }, false);
    expect(set.size).toBe(9);
    expect(Array.from(set.document)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
    for (let i = 1; i < set.size; i++) if (set.document[i] === set.document[i - 1]) expect(set.start[i]).toBeGreaterThanOrEqual(set.start[i - 1]);
  });

  it('collapses the same code on an identical range in the union, but not a different code on it', () => {
    const model = fixtureModel();
    const c = fixtureCodings(['coder1', 'coder2']);
    expect(buildCodingSet(model, c, true).size).toBe(3); // a1 = b1
    expect(buildCodingSet(model, c, false).size).toBe(4);
    const other = { ...c, codeId: c.codeId.map((id, i) => (c.key[i] === 'b1' ? FIXTURE_IDS.codes.eotinish : id)) };
    expect(buildCodingSet(model, other, true).size).toBe(4);
  });
});

describe('addToCodingSet', () => {
  it('gives the set buildCodingSet makes from all the codings (property)', () => {
    const model = fixtureModel();
    const docs = model.documents.map((d) => d.id);
    const codes = model.codes.map((c) => c.id);
    const coding = fc.record({ d: fc.constantFrom(...docs, 999), c: fc.constantFrom(...codes), start: fc.nat(12), len: fc.nat(4) });
    fc.assert(
      fc.property(fc.array(coding, { maxLength: 25 }), fc.array(coding, { maxLength: 6 }), fc.boolean(), (first, more, collapse) => {
        const cols = (xs: typeof first) => ({ documentId: xs.map((x) => x.d), codeId: xs.map((x) => x.c), start: xs.map((x) => x.start), end: xs.map((x) => x.start + x.len) });
        const plain = (s: CodingSet) => [s.size, Array.from(s.document), Array.from(s.code), Array.from(s.start), Array.from(s.end)];
        const patched = addToCodingSet(model, buildCodingSet(model, cols(first), collapse), cols(more), collapse);
        expect(plain(patched)).toEqual(plain(buildCodingSet(model, cols([...first, ...more]), collapse)));
      }),
    );
  });
});

describe('recodeCodingSet', () => {
  it('renumbers the codes of a set for a reordered codebook, or gives up when a code is gone', () => {
    const model = fixtureModel();
    const c = fixtureCodings(['consensus']);
    const set = buildCodingSet(model, c, false);
    const reversed = { ...model, codes: [...model.codes].reverse().map((x, i) => ({ ...x, parentId: null, sortOrder: i })) };
    const input = { attributes: model.attributes, documents: model.documents, participants: model.participants, turns: { documentId: [], start: [], end: [], participantId: [], words: [] } };
    const to = buildModel({ ...input, codes: reversed.codes });
    const recoded = recodeCodingSet(set, model, to)!;
    expect(Array.from(recoded.code, (k) => to.codes[k].id)).toEqual(Array.from(set.code, (k) => model.codes[k].id));
    expect(Array.from(recoded.code)).not.toEqual(Array.from(set.code));
    const fewer = buildModel({ ...input, codes: to.codes.slice(1) });
    expect(recodeCodingSet(set, model, fewer)).toBeNull();
  });
});
