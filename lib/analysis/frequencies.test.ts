import { describe, expect, it } from 'vitest';
import { compileFilter } from './filter';
import { computeFrequencies, type FrequencyTable } from './frequencies';
import { buildCodingSet } from './model';
import { FIXTURE_ATTRIBUTES, FIXTURE_IDS, fixtureCodings, fixtureModel, type FixtureLayer } from './test-fixture';
import { EMPTY_FILTER, MISSING, NO_PARTICIPANT, type AnalysisFilter, type ColumnSource, type Measure } from './types';

const [city, gender, age] = FIXTURE_ATTRIBUTES;
const attr = (a: (typeof FIXTURE_ATTRIBUTES)[number]): ColumnSource => ({ kind: 'attribute', attribute: a });

function table(
  layers: FixtureLayer[],
  columns: ColumnSource,
  o: { split?: ColumnSource; rollup?: boolean; filter?: Partial<Omit<AnalysisFilter, 'layer'>> } = {},
): FrequencyTable {
  const model = fixtureModel();
  const codings = buildCodingSet(model, fixtureCodings(layers), layers.length > 1);
  const filter = { ...EMPTY_FILTER, ...o.filter };
  return computeFrequencies(model, codings, {
    columns,
    split: o.split ?? null,
    rollup: o.rollup ?? false,
    subtree: filter.codeId,
    filter: compileFilter(model, filter),
  });
}

/** Row name → [cells…, total] in one measure; the "all codes" row is "*". */
function grid(t: FrequencyTable, m: Measure) {
  const round = (v: number | null) => (v == null ? null : Math.round(v * 100) / 100);
  const out: Record<string, Array<number | null>> = {};
  for (const r of t.rows) out[r.name] = [...r.cells, r.total].map((c) => round(c[m]));
  out['*'] = [...t.allCodes.cells, t.allCodes.total].map((c) => round(c[m]));
  return out;
}
const headers = (t: FrequencyTable) => t.columns.map((c) => (c.inner == null ? c.outerLabel : `${c.outerLabel}|${c.innerLabel}`));
const denominators = (t: FrequencyTable) => [...t.columns.map((c) => c.participants), t.total.participants];
const words = (t: FrequencyTable) => [...t.columns.map((c) => c.words), t.total.words];

describe('frequencies: code × city, consensus', () => {
  const t = table(['consensus'], attr(city));

  it('has the cities as columns with their participants and words', () => {
    expect(headers(t)).toEqual(['Almaty', 'Taraz']);
    // Almaty: P1, P2, P3; Taraz: P4, P5. The moderators' words are not counted.
    expect(denominators(t)).toEqual([3, 2, 5]);
    // Almaty 10 + 20 + 10; Taraz 10 + 20 + 10 (P4 speaks twice)
    expect(words(t)).toEqual([40, 40, 80]);
  });

  it('counts segments (codings), the moderator coding included in its document', () => {
    expect(grid(t, 'segments')).toEqual({
      Channels: [0, 1, 1], // k5
      Akimat: [3, 0, 3], // k1, k2, k3 (k2 and k3 overlap: still two segments)
      'e-Otinish': [1, 2, 3], // Almaty k4 (moderator); Taraz k6, k9
      Elections: [1, 1, 2], // Almaty k8; Taraz k7
      '*': [5, 4, 9],
    });
  });

  it('counts distinct participants: a coding spanning two speakers counts both, overlapping codings of one person once', () => {
    expect(grid(t, 'participants')).toEqual({
      Channels: [0, 1, 1], // P4
      Akimat: [3, 0, 3], // k1 → P1, P2; k2 + k3 → P3 once
      'e-Otinish': [0, 2, 2], // k4 → nobody; k6 → P5, k9 → P4
      Elections: [1, 1, 2], // k8 → P2; k7 → P4
      '*': [3, 2, 5],
    });
  });

  it('gives % of participants against each column’s denominator', () => {
    expect(grid(t, 'percent')).toEqual({
      Channels: [0, 50, 20], // 0/3, 1/2, 1/5
      Akimat: [100, 0, 60], // 3/3, 0/2, 3/5
      'e-Otinish': [0, 100, 40], // 0/3, 2/2, 2/5
      Elections: [33.33, 50, 40], // 1/3, 1/2, 2/5
      '*': [100, 100, 100],
    });
  });

  it('counts groups (documents with a coding)', () => {
    expect(grid(t, 'groups')).toEqual({
      Channels: [0, 1, 1],
      Akimat: [1, 0, 1],
      'e-Otinish': [1, 1, 2],
      Elections: [1, 1, 2],
      '*': [1, 1, 2],
    });
  });

  it('gives segments per 1,000 words spoken by the column’s participants', () => {
    expect(grid(t, 'per1000')).toEqual({
      Channels: [0, 25, 12.5], // 1/40·1000, 1/80·1000
      Akimat: [75, 0, 37.5], // 3/40·1000, 3/80·1000
      'e-Otinish': [25, 50, 37.5], // 1/40, 2/40, 3/80 (×1000)
      Elections: [25, 25, 25], // 1/40, 1/40, 2/80
      '*': [125, 100, 112.5], // 5/40, 4/40, 9/80
    });
  });

  it('keeps the tree: depth and parents', () => {
    expect(t.rows.map((r) => [r.name, r.depth, r.parentCodeId, r.hasChildren, r.rolledUp])).toEqual([
      ['Channels', 0, null, true, false],
      ['Akimat', 1, FIXTURE_IDS.codes.channels, false, false],
      ['e-Otinish', 1, FIXTURE_IDS.codes.channels, false, false],
      ['Elections', 0, null, false, false],
    ]);
  });
});

describe('frequencies: code × gender (a participant attribute)', () => {
  const t = table(['consensus'], attr(gender));

  it('has a (missing) column for P5 and a (no participant) column for the moderator coding', () => {
    expect(headers(t)).toEqual(['Female', 'Male', MISSING, NO_PARTICIPANT]);
    // Female P1, P3; Male P2, P4; missing P5; nobody has no participants
    expect(denominators(t)).toEqual([2, 2, 1, 0, 5]);
    // Female 10 + 10; Male 20 + (10 + 10); missing 20
    expect(words(t)).toEqual([20, 40, 20, 0, 80]);
  });

  it('counts a coding spanning a woman and a man in both cells, but once in the total', () => {
    expect(grid(t, 'segments')).toEqual({
      Channels: [0, 1, 0, 0, 1], // k5 (P4)
      Akimat: [3, 1, 0, 0, 3], // Female k1 (P1), k2, k3 (P3); Male k1 (P2); total 3, not 4
      'e-Otinish': [0, 1, 1, 1, 3], // Male k9 (P4); missing k6 (P5); nobody k4
      Elections: [0, 2, 0, 0, 2], // Male k8 (P2), k7 (P4)
      '*': [3, 5, 1, 1, 9], // Male: k1, k5, k7, k8, k9
    });
    expect(grid(t, 'participants')).toEqual({
      Channels: [0, 1, 0, 0, 1],
      Akimat: [2, 1, 0, 0, 3], // P1, P3 | P2
      'e-Otinish': [0, 1, 1, 0, 2], // P4 | P5 | nobody
      Elections: [0, 2, 0, 0, 2], // P2, P4
      '*': [2, 2, 1, 0, 5],
    });
    expect(grid(t, 'percent')).toEqual({
      Channels: [0, 50, 0, null, 20],
      Akimat: [100, 50, 0, null, 60], // 2/2, 1/2, 0/1, no denominator, 3/5
      'e-Otinish': [0, 50, 100, null, 40],
      Elections: [0, 100, 0, null, 40],
      '*': [100, 100, 100, null, 100],
    });
    expect(grid(t, 'groups')).toEqual({
      Channels: [0, 1, 0, 0, 1],
      Akimat: [1, 1, 0, 0, 1],
      'e-Otinish': [0, 1, 1, 1, 2],
      Elections: [0, 2, 0, 0, 2],
      '*': [1, 2, 1, 1, 2],
    });
    expect(grid(t, 'per1000')).toEqual({
      Channels: [0, 25, 0, null, 12.5], // 1/40
      Akimat: [150, 25, 0, null, 37.5], // 3/20, 1/40, 3/80
      'e-Otinish': [0, 25, 50, null, 37.5], // 1/40, 1/20, 3/80
      Elections: [0, 50, 0, null, 25], // 2/40, 2/80
      '*': [150, 125, 50, null, 112.5], // 3/20, 5/40, 1/20, 9/80
    });
  });

  it('puts participants without an age in (missing) and bins the others', () => {
    const byAge = table(['consensus'], attr(age));
    // P1 25 → 18–29; P2 40, P5 33 → 30–44; P4 52 → 45–60; P3 no age
    expect(headers(byAge)).toEqual(['18–29', '30–44', '45–60', MISSING, NO_PARTICIPANT]);
    expect(denominators(byAge)).toEqual([1, 2, 1, 1, 0, 5]);
    expect(grid(byAge, 'segments').Akimat).toEqual([1, 1, 0, 2, 0, 3]); // k1 (P1) | k1 (P2) | — | k2, k3 (P3)
  });
});

describe('frequencies: gender split by city', () => {
  it('crosses a participant and a document attribute, keeping only populated cells', () => {
    const t = table(['consensus'], attr(gender), { split: attr(city) });
    expect(headers(t)).toEqual(['Female|Almaty', 'Male|Almaty', 'Male|Taraz', `${MISSING}|Taraz`, `${NO_PARTICIPANT}|Almaty`]);
    expect(denominators(t)).toEqual([2, 1, 1, 1, 0, 5]); // P1, P3 | P2 | P4 | P5 | —
    expect(grid(t, 'segments')).toEqual({
      Channels: [0, 0, 1, 0, 0, 1], // k5
      Akimat: [3, 1, 0, 0, 0, 3], // k1, k2, k3 | k1
      'e-Otinish': [0, 0, 1, 1, 1, 3], // k9 | k6 | k4
      Elections: [0, 1, 1, 0, 0, 2], // k8 | k7
      '*': [3, 2, 3, 1, 1, 9],
    });
  });
});

describe('frequencies: roll-up', () => {
  it('adds the children’s codings to the parent, each once, and says so', () => {
    const t = table(['consensus'], attr(city), { rollup: true });
    expect(t.rows.map((r) => r.rolledUp)).toEqual([true, false, false, false]);
    expect(grid(t, 'segments')).toEqual({
      Channels: [4, 3, 7], // Almaty k1, k2, k3, k4; Taraz k5, k6, k9
      Akimat: [3, 0, 3],
      'e-Otinish': [1, 2, 3],
      Elections: [1, 1, 2],
      '*': [5, 4, 9], // unchanged: a coding counts once in the all-codes row
    });
    expect(grid(t, 'participants').Channels).toEqual([3, 2, 5]); // P1, P2, P3 | P4, P5
    expect(grid(t, 'groups').Channels).toEqual([1, 1, 2]);
  });

  it('limits the rows to a subtree', () => {
    const t = table(['consensus'], attr(city), { rollup: true, filter: { codeId: FIXTURE_IDS.codes.channels } });
    expect(t.rows.map((r) => r.name)).toEqual(['Channels', 'Akimat', 'e-Otinish']);
    expect(grid(t, 'segments')['*']).toEqual([4, 3, 7]); // Elections' k7, k8 are outside the subtree
  });
});

describe('frequencies: layers', () => {
  it('collapses identical ranges of two coders in the union', () => {
    const t = table(['coder1', 'coder2'], attr(city));
    expect(grid(t, 'segments')).toEqual({
      Channels: [0, 0, 0],
      Akimat: [2, 0, 2], // a1 = b1 counted once, b2
      'e-Otinish': [0, 0, 0],
      Elections: [0, 1, 1], // a2
      '*': [2, 1, 3], // 4 codings, 3 segments
    });
    expect(grid(t, 'participants').Akimat).toEqual([2, 0, 2]); // P1 (a1/b1), P2 (b2)
  });

  it('counts one coder’s layer alone', () => {
    expect(grid(table(['coder2'], attr(city)), 'segments').Akimat).toEqual([2, 0, 2]); // b1, b2
    expect(grid(table(['coder1'], attr(city)), 'segments').Akimat).toEqual([1, 0, 1]); // a1
  });
});

describe('frequencies: filters', () => {
  it('keeps only women: codings attributed to a woman, women as the denominator', () => {
    const t = table(['consensus'], attr(city), { filter: { attributes: [{ attribute: gender, values: ['Female'] }] } });
    expect(headers(t)).toEqual(['Almaty', 'Taraz']); // Taraz's group is in the filter, with no women in it
    expect(denominators(t)).toEqual([2, 0, 2]); // P1, P3
    expect(words(t)).toEqual([20, 0, 20]);
    expect(grid(t, 'segments')).toEqual({
      Channels: [0, 0, 0],
      Akimat: [3, 0, 3], // k1 (through P1), k2, k3; k1 is still one segment
      'e-Otinish': [0, 0, 0], // k4 is nobody's, k6 and k9 are not women's
      Elections: [0, 0, 0], // k8 is P2's
      '*': [3, 0, 3],
    });
    expect(grid(t, 'participants').Akimat).toEqual([2, 0, 2]); // P1, P3 — not P2, though k1 spans P2 too
    expect(grid(t, 'per1000').Akimat).toEqual([150, null, 150]); // 3/20·1000
  });

  it('combines attribute filters (women under 30) and documents', () => {
    const t = table(['consensus'], attr(gender), {
      filter: { attributes: [{ attribute: gender, values: ['Female'] }, { attribute: age, values: ['18–29'] }] },
    });
    expect(headers(t)).toEqual(['Female']);
    expect(grid(t, 'segments').Akimat).toEqual([1, 1]); // k1 through P1 only
    const onlyTaraz = table(['consensus'], attr(city), { filter: { documentIds: [FIXTURE_IDS.documents[1]] } });
    expect(headers(onlyTaraz)).toEqual(['Taraz']);
    expect(grid(onlyTaraz, 'segments')['*']).toEqual([4, 4]);
  });

  it('keeps codings attributed to nobody when the filter asks for them', () => {
    const t = table(['consensus'], attr(city), { filter: { attributes: [{ attribute: gender, values: [NO_PARTICIPANT] }] } });
    expect(grid(t, 'segments')['*']).toEqual([1, 0, 1]); // k4
  });
});

describe('frequencies: documents as columns, and an empty result', () => {
  it('has a column per document', () => {
    const t = table(['consensus'], { kind: 'documents' });
    expect(t.columns.map((c) => [c.outer, c.outerLabel])).toEqual([
      [String(FIXTURE_IDS.documents[0]), 'FG Almaty'],
      [String(FIXTURE_IDS.documents[1]), 'FG Taraz'],
    ]);
    expect(grid(t, 'segments')['*']).toEqual([5, 4, 9]);
  });

  it('returns zeros, not an error, when nothing matches', () => {
    const t = table(['consensus'], attr(city), { filter: { attributes: [{ attribute: city, values: ['Semey'] }] } });
    expect(t.columns).toEqual([]);
    expect(t.allCodes.total.segments).toBe(0);
    expect(t.rows).toHaveLength(4);
  });
});

describe('frequencies: code and document sets (issue #18 item 4)', () => {
  // A code set is filter.codeIds (its members); a document set narrows filter.documentIds.
  const { channels, akimat, elections } = FIXTURE_IDS.codes;

  it('a code set leaves only its codes as rows, with the counts they have without it', () => {
    const all = grid(table(['consensus'], attr(city)), 'segments');
    const t = table(['consensus'], attr(city), { filter: { codeIds: [akimat, elections] } });
    expect(t.rows.map((r) => r.name)).toEqual(['Akimat', 'Elections']);
    // Akimat's parent Channels is not in the set: Akimat becomes a root row
    expect(t.rows.map((r) => [r.depth, r.parentCodeId])).toEqual([
      [0, null],
      [0, null],
    ]);
    const g = grid(t, 'segments');
    expect(g.Akimat).toEqual(all.Akimat); // [3, 0, 3]
    expect(g.Elections).toEqual(all.Elections); // [1, 1, 2]
    // "all codes": only the set's codings, k1 k2 k3 k8 in Almaty, k7 in Taraz
    expect(g['*']).toEqual([4, 1, 5]);
    expect(grid(t, 'participants')).toMatchObject({ Akimat: [3, 0, 3], Elections: [1, 1, 2] });
  });

  it('a code set with a parent and a child keeps the tree between them', () => {
    const t = table(['consensus'], attr(city), { filter: { codeIds: [channels, akimat] } });
    expect(t.rows.map((r) => [r.name, r.depth, r.parentCodeId])).toEqual([
      ['Channels', 0, null],
      ['Akimat', 1, channels],
    ]);
    // rolled up, Channels counts itself and Akimat, not e-Otinish, which is outside the set: k5 + k1 k2 k3
    const rolled = grid(table(['consensus'], attr(city), { rollup: true, filter: { codeIds: [channels, akimat] } }), 'segments');
    expect(rolled.Channels).toEqual([3, 1, 4]);
  });

  it('a document set counts over its documents only', () => {
    // {FG Taraz}: k5 Channels, k6 k9 e-Otinish, k7 Elections; nothing of Almaty
    const t = table(['consensus'], { kind: 'documents' }, { filter: { documentIds: [FIXTURE_IDS.documents[1]] } });
    const g = grid(t, 'segments');
    expect(headers(t)).toEqual(['FG Taraz']); // the columns are the set's documents
    expect(g).toEqual({
      Channels: [1, 1],
      Akimat: [0, 0],
      'e-Otinish': [2, 2],
      Elections: [1, 1],
      '*': [4, 4],
    });
    // the denominators are Taraz's: P4 and P5, 40 words
    expect(t.total).toEqual({ participants: 2, words: 40 });
    expect(grid(t, 'percent')['e-Otinish'][1]).toBe(100); // P4 (k9) and P5 (k6) of 2
  });

  it('an empty code set shows no rows and counts nothing', () => {
    const t = table(['consensus'], attr(city), { filter: { codeIds: [] } });
    expect(t.rows).toEqual([]);
    expect(t.allCodes.total.segments).toBe(0);
  });
});
