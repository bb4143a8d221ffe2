/**
 * The whole demo study as plain data, before it meets the database: users, groups,
 * participants, transcripts with canonical offsets, and every coder's codings. Pure and
 * deterministic, so seeding twice gives identical rows.
 */
import { buildCanonicalText, countWords, type TurnRange } from '../../../lib/text/canonical';
import type { CodeKey } from './codebook';
import { consensusLayer, simulateCoder, type CoderProfile, type SimulatedCoding } from './codings';
import { createRng } from './prng';
import { buildParticipants, GROUPS, type GroupSpec, type ParticipantSpec } from './sample';
import { composeTranscript, type ComposedTurn } from './transcript';

export type UserKey = 'admin' | 'lead' | 'coder1' | 'coder2' | 'coder3';

export interface DemoUser {
  key: UserKey;
  email: string;
  name: string;
  isAdmin: boolean;
  /** Project role; null for the instance admin, who is not a member. */
  role: 'lead' | 'coder' | null;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'admin', email: 'admin@demo.test', name: 'Demo Admin', isAdmin: true, role: null },
  { key: 'lead', email: 'lead@demo.test', name: 'Demo Lead (Gulnara)', isAdmin: false, role: 'lead' },
  { key: 'coder1', email: 'coder1@demo.test', name: 'Coder 1 (Aigerim)', isAdmin: false, role: 'coder' },
  { key: 'coder2', email: 'coder2@demo.test', name: 'Coder 2 (Daniyar)', isAdmin: false, role: 'coder' },
  { key: 'coder3', email: 'coder3@demo.test', name: 'Coder 3 (Svetlana)', isAdmin: false, role: 'coder' },
];

export interface DemoTranscript {
  group: GroupSpec;
  participants: ParticipantSpec[];
  turns: Array<ComposedTurn & TurnRange & { wordCount: number }>;
  text: string;
}

export interface DemoCoding extends SimulatedCoding {
  /** Index into the transcripts. */
  document: number;
  coder: UserKey;
  layer: 'coder' | 'consensus';
  quote: string;
}

export interface DemoAssignment {
  document: number;
  coder: UserKey;
  status: 'not_started' | 'in_progress' | 'done';
}

export interface DemoMemo {
  target: 'project' | 'document' | 'code';
  /** Transcript index or code key; null for the project. */
  document?: number;
  code?: CodeKey;
  author: UserKey;
  text: string;
}

export interface DemoStudy {
  transcripts: DemoTranscript[];
  codings: DemoCoding[];
  assignments: DemoAssignment[];
  memos: DemoMemo[];
}

/** Transcripts (by index) that coder 1 and coder 2 both coded: two Russian, two Kazakh. */
export const DOUBLE_CODED = [0, 6, 8, 12];
/** Of those, the ones the lead has adjudicated into the consensus layer. */
export const CONSENSUS_CODED = [0, 6];
/** The one coder 3 has started on; coder 3 has coded about its first third. */
export const PARTLY_CODED = 12;
/** Assigned but not started. */
const NOT_STARTED: Array<[number, UserKey]> = [
  [1, 'coder1'],
  [3, 'coder2'],
  [7, 'coder3'],
  [13, 'coder3'],
];

export const PROFILES: Record<'coder1' | 'coder2' | 'coder3', CoderProfile> = {
  // Coder 1 codes generously: often the whole turn, sometimes one code more.
  coder1: {
    seed: 'coder1',
    miss: 0.05,
    sibling: 0.05,
    sentence: 0.12,
    widen: 0.14,
    split: 0.04,
    shift: 0.12,
    extra: 0.05,
    overreach: 0.02,
    span: 0.1,
    doubtMemo: 'Not sure — could also be “{expected}”. To discuss with the lead.',
    doubts: 4,
    quoteMemo: 'Strong quote — candidate for the article.',
  },
  // Coder 2 codes tightly: single sentences, boundaries trimmed to the words.
  coder2: {
    seed: 'coder2',
    miss: 0.06,
    sibling: 0.04,
    sentence: 0.2,
    widen: 0.04,
    split: 0.08,
    shift: 0.25,
    extra: 0.04,
    overreach: 0.02,
    span: 0.05,
    doubtMemo: 'Borderline with “{expected}”; went by the exclusion criterion.',
    doubts: 3,
    quoteMemo: 'Quote for the paper? Needs a translation.',
  },
  coder3: {
    seed: 'coder3',
    miss: 0.12,
    sibling: 0.09,
    sentence: 0.25,
    widen: 0.15,
    split: 0.05,
    shift: 0.2,
    extra: 0.06,
    overreach: 0.05,
    span: 0.08,
    doubtMemo: 'First pass; check against “{expected}”.',
    doubts: 3,
    quoteMemo: 'Good example for the training session.',
  },
};

export function buildDemoStudy(): DemoStudy {
  const people = buildParticipants();
  const transcripts: DemoTranscript[] = GROUPS.map((group, gi) => {
    const participants = people.filter((p) => p.group === gi);
    const composed = composeTranscript(group, participants, createRng(`demo:transcript:${group.number}`));
    const { text, ranges } = buildCanonicalText(composed);
    return {
      group,
      participants,
      text,
      turns: composed.map((t, i) => ({ ...t, ...ranges[i], wordCount: countWords(t.text) })),
    };
  });

  const codings: DemoCoding[] = [];
  const add = (document: number, coder: UserKey, layer: DemoCoding['layer'], list: SimulatedCoding[]) => {
    for (const c of list) {
      codings.push({ ...c, document, coder, layer, quote: transcripts[document].text.slice(c.start, c.end) });
    }
  };
  for (const d of DOUBLE_CODED) {
    const t = transcripts[d];
    const doc = { key: t.group.title, turns: t.turns, ranges: t.turns };
    const first = simulateCoder(doc, PROFILES.coder1);
    const second = simulateCoder(doc, PROFILES.coder2);
    add(d, 'coder1', 'coder', first);
    add(d, 'coder2', 'coder', second);
    if (CONSENSUS_CODED.includes(d)) {
      add(d, 'lead', 'consensus', consensusLayer(doc, first, second, ['Coder 1', 'Coder 2']));
    }
    if (d === PARTLY_CODED) {
      const third = Math.ceil(t.turns.length / 3);
      const limit = t.turns[third - 1].end;
      add(d, 'coder3', 'coder', simulateCoder(doc, PROFILES.coder3).filter((c) => c.end <= limit));
    }
  }

  const assignments: DemoAssignment[] = [
    ...DOUBLE_CODED.flatMap((document) => [
      { document, coder: 'coder1' as const, status: 'done' as const },
      { document, coder: 'coder2' as const, status: 'done' as const },
    ]),
    { document: PARTLY_CODED, coder: 'coder3', status: 'in_progress' },
    ...NOT_STARTED.map(([document, coder]) => ({ document, coder, status: 'not_started' as const })),
  ];

  const titles = (indices: number[]) => indices.map((d) => transcripts[d].group.title.split(' ')[0]).join(', ');
  const memos: DemoMemo[] = [
    {
      target: 'project',
      author: 'lead',
      text:
        'Demo study. Every transcript, participant and coding here is synthetic, written to show how the ' +
        `workbench is used; none of it is research data. Coders 1 and 2 double-coded ${titles(DOUBLE_CODED)}; ` +
        `${titles(CONSENSUS_CODED)} are adjudicated into the consensus layer; coder 3 has started ${titles([PARTLY_CODED])}.`,
    },
    {
      target: 'document',
      document: CONSENSUS_CODED[1],
      author: 'lead',
      text: 'Kazakh-language group. Check that quotes chosen for the article have Russian and English translations.',
    },
    {
      target: 'code',
      code: 'resonance',
      author: 'lead',
      text: 'Overlaps with Posts and Comments by design: code both when a post is meant to reach officials.',
    },
    {
      target: 'code',
      code: 'local_solvable',
      author: 'coder1',
      text: 'Often co-occurs with Social-media resonance and e-Otinish / eGov. Worth a co-occurrence table.',
    },
  ];

  return { transcripts, codings, assignments, memos };
}
