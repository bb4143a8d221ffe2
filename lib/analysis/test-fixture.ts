/**
 * A small study whose tables are computed by hand in the tests (lib/analysis/*.test.ts and
 * db/queries/analysis.test.ts). Two groups, five participants, a moderator, four codes and
 * thirteen codings:
 *
 *   FG Almaty (city Almaty)                      FG Taraz (city Taraz)
 *   t0 Moderator   5 words                       t0 Moderator   4 words
 *   t1 P1 Female 25        10 words              t1 P4 Male 52          10 words
 *   t2 P2 Male 40          20 words              t2 P5 (no gender) 33   20 words
 *   t3 P3 Female (no age)  10 words              t3 P4                  10 words
 *
 * Codebook: Channels > (Akimat, e-Otinish); Elections.
 * Consensus layer:
 *   k1 Akimat     Almaty t1 w5 – t2 w4   spans P1 and P2
 *   k2 Akimat     Almaty t3 w0 – w5      P3
 *   k3 Akimat     Almaty t3 w3 – w8      P3, overlaps k2 (same code, same coder)
 *   k4 e-Otinish  Almaty t0 w0 – w4      the moderator: attributed to nobody
 *   k5 Channels   Taraz  t1 w0 – w3      P4 (a parent code coded directly)
 *   k6 e-Otinish  Taraz  t2 w2 – w9      P5, who has no gender
 *   k7 Elections  Taraz  t3 w1 – w6      P4
 *   k8 Elections  Almaty t2 w3 – w8      P2, overlaps k1 (Akimat) on t2 w3–w4
 *   k9 e-Otinish  Taraz  t1 w6 – w9      P4, same turn as k5 but no overlap
 * Coder 1: a1 Akimat Almaty t1 w2 – w6 (P1); a2 Elections Taraz t1 w1 – w4 (P4).
 * Coder 2: b1 Akimat Almaty t1 w2 – w6 (the same range as a1); b2 Akimat Almaty t2 w10 – w12 (P2).
 * (wN = the N-th word of the turn, from 0; ranges run from a word's first to a word's last letter.)
 */
import { buildCanonicalText, countWords } from '../text/canonical';
import { buildModel, type AnalysisModel, type CodingColumns } from './model';
import type { AttributeInfo, CodeInfo } from './types';

const POOL = 'әкімдік өтініш жол жарық су мектеп сайлау пікір акимат дорога голос решение участие соседи чат группа новости портал ответ власть'.split(' ');
const words = (n: number, from: number) => Array.from({ length: n }, (_, i) => POOL[(from + i) % POOL.length]).join(' ');

export const FIXTURE_DOCUMENTS = [
  {
    title: 'FG Almaty',
    city: 'Almaty',
    turns: [
      { speaker: null, text: 'Как вы обращаетесь к власти?' },
      { speaker: 'P1', text: words(10, 0) },
      { speaker: 'P2', text: words(20, 3) },
      { speaker: 'P3', text: words(10, 7) },
    ],
  },
  {
    title: 'FG Taraz',
    city: 'Taraz',
    turns: [
      { speaker: null, text: 'Кто писал в акимат?' },
      { speaker: 'P4', text: words(10, 11) },
      { speaker: 'P5', text: words(20, 2) },
      { speaker: 'P4', text: words(10, 5) },
    ],
  },
] as const;

export const FIXTURE_PARTICIPANTS = [
  { label: 'P1', document: 0, gender: 'Female', age: '25' },
  { label: 'P2', document: 0, gender: 'Male', age: '40' },
  { label: 'P3', document: 0, gender: 'Female', age: null },
  { label: 'P4', document: 1, gender: 'Male', age: '52' },
  { label: 'P5', document: 1, gender: null, age: '33' },
] as const;

export type FixtureCodeKey = 'channels' | 'akimat' | 'eotinish' | 'elections';
export const FIXTURE_CODES: ReadonlyArray<{ key: FixtureCodeKey; name: string; parent: FixtureCodeKey | null; sortOrder: number }> = [
  { key: 'channels', name: 'Channels', parent: null, sortOrder: 0 },
  { key: 'akimat', name: 'Akimat', parent: 'channels', sortOrder: 0 },
  { key: 'eotinish', name: 'e-Otinish', parent: 'channels', sortOrder: 1 },
  { key: 'elections', name: 'Elections', parent: null, sortOrder: 1 },
];

export type FixtureLayer = 'consensus' | 'coder1' | 'coder2';
type At = readonly [turn: number, word: number];
export const FIXTURE_CODINGS: ReadonlyArray<{ key: string; layer: FixtureLayer; code: FixtureCodeKey; document: 0 | 1; from: At; to: At }> = [
  { key: 'k1', layer: 'consensus', code: 'akimat', document: 0, from: [1, 5], to: [2, 4] },
  { key: 'k2', layer: 'consensus', code: 'akimat', document: 0, from: [3, 0], to: [3, 5] },
  { key: 'k3', layer: 'consensus', code: 'akimat', document: 0, from: [3, 3], to: [3, 8] },
  { key: 'k4', layer: 'consensus', code: 'eotinish', document: 0, from: [0, 0], to: [0, 4] },
  { key: 'k5', layer: 'consensus', code: 'channels', document: 1, from: [1, 0], to: [1, 3] },
  { key: 'k6', layer: 'consensus', code: 'eotinish', document: 1, from: [2, 2], to: [2, 9] },
  { key: 'k7', layer: 'consensus', code: 'elections', document: 1, from: [3, 1], to: [3, 6] },
  { key: 'k8', layer: 'consensus', code: 'elections', document: 0, from: [2, 3], to: [2, 8] },
  { key: 'k9', layer: 'consensus', code: 'eotinish', document: 1, from: [1, 6], to: [1, 9] },
  { key: 'a1', layer: 'coder1', code: 'akimat', document: 0, from: [1, 2], to: [1, 6] },
  { key: 'a2', layer: 'coder1', code: 'elections', document: 1, from: [1, 1], to: [1, 4] },
  { key: 'b1', layer: 'coder2', code: 'akimat', document: 0, from: [1, 2], to: [1, 6] },
  { key: 'b2', layer: 'coder2', code: 'akimat', document: 0, from: [2, 10], to: [2, 12] },
];

/** The canonical text and turn ranges of each fixture document. */
export function fixtureTexts() {
  return FIXTURE_DOCUMENTS.map((d) => buildCanonicalText(d.turns));
}

/** [start, end) of a fixture coding in its document's canonical text. */
export function fixtureRange(c: (typeof FIXTURE_CODINGS)[number]): { start: number; end: number } {
  const { ranges } = fixtureTexts()[c.document];
  const turns = FIXTURE_DOCUMENTS[c.document].turns;
  const wordSpan = ([turn, word]: At) => {
    const matches = [...turns[turn].text.matchAll(/\S+/g)];
    const m = matches[word];
    // trailing punctuation is not part of the word's letters
    const letters = m[0].replace(/[?.!,]+$/, '');
    return { start: ranges[turn].start + m.index!, end: ranges[turn].start + m.index! + letters.length };
  };
  return { start: wordSpan(c.from).start, end: wordSpan(c.to).end };
}

/** Ids the in-memory fixture uses (the database assigns its own). */
export const FIXTURE_IDS = {
  documents: [1, 2],
  participants: [11, 12, 13, 14, 15],
  codes: { channels: 101, akimat: 102, eotinish: 103, elections: 104 } as Record<FixtureCodeKey, number>,
  coders: { consensus: 1, coder1: 2, coder2: 3 } as Record<FixtureLayer, number>,
};

export const FIXTURE_ATTRIBUTES: AttributeInfo[] = [
  { id: 1, name: 'city', scope: 'document', type: 'category', values: ['Almaty', 'Taraz'], bins: [], private: false },
  { id: 2, name: 'gender', scope: 'participant', type: 'category', values: ['Female', 'Male'], bins: [], private: false },
  {
    id: 3,
    name: 'age',
    scope: 'participant',
    type: 'number',
    values: [],
    bins: [
      { label: '18–29', min: 18, max: 29 },
      { label: '30–44', min: 30, max: 44 },
      { label: '45–60', min: 45, max: 60 },
    ],
    private: false,
  },
];

/** The fixture as an analysis model, with the fixture's ids. */
export function fixtureModel(): AnalysisModel {
  const texts = fixtureTexts();
  const codes: CodeInfo[] = FIXTURE_CODES.map((c) => ({
    id: FIXTURE_IDS.codes[c.key],
    parentId: c.parent ? FIXTURE_IDS.codes[c.parent] : null,
    name: c.name,
    color: '#336699',
    sortOrder: c.sortOrder,
    archived: false,
  }));
  const turnRows = FIXTURE_DOCUMENTS.flatMap((d, di) =>
    d.turns.map((t, ti) => {
      const p = FIXTURE_PARTICIPANTS.findIndex((x) => x.document === di && x.label === t.speaker);
      return { documentId: FIXTURE_IDS.documents[di], ...texts[di].ranges[ti], participantId: p >= 0 ? FIXTURE_IDS.participants[p] : null, words: countWords(t.text) };
    }),
  );
  return buildModel({
    attributes: FIXTURE_ATTRIBUTES,
    codes,
    documents: FIXTURE_DOCUMENTS.map((d, i) => ({ id: FIXTURE_IDS.documents[i], title: d.title, attributes: { city: d.city } })),
    participants: FIXTURE_PARTICIPANTS.map((p, i) => ({
      id: FIXTURE_IDS.participants[i],
      label: p.label,
      documentId: FIXTURE_IDS.documents[p.document],
      attributes: Object.fromEntries(
        [
          ['gender', p.gender],
          ['age', p.age],
        ].filter((e): e is [string, string] => e[1] != null),
      ),
    })),
    turns: {
      documentId: turnRows.map((t) => t.documentId),
      start: turnRows.map((t) => t.start),
      end: turnRows.map((t) => t.end),
      participantId: turnRows.map((t) => t.participantId),
      words: turnRows.map((t) => t.words),
    },
  });
}

/** The codings of the given layers as columns (ids 1001…, in FIXTURE_CODINGS order), with their coders. */
export function fixtureCodings(layers: readonly FixtureLayer[]): { [K in keyof CodingColumns | 'id' | 'coderId']: number[] } & { key: string[] } {
  const rows = FIXTURE_CODINGS.map((c, i) => ({ c, i })).filter(({ c }) => layers.includes(c.layer));
  return {
    id: rows.map(({ i }) => 1001 + i),
    key: rows.map(({ c }) => c.key),
    coderId: rows.map(({ c }) => FIXTURE_IDS.coders[c.layer]),
    documentId: rows.map(({ c }) => FIXTURE_IDS.documents[c.document]),
    codeId: rows.map(({ c }) => FIXTURE_IDS.codes[c.code]),
    start: rows.map(({ c }) => fixtureRange(c).start),
    end: rows.map(({ c }) => fixtureRange(c).end),
  };
}
