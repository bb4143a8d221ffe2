import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../lib/auth/password';
import { countWords, turnsOverlapping } from '../../lib/text/canonical';
import type { Db } from '../client';
import {
  assignments,
  attributeDefinitions,
  codes,
  codings,
  documentAttributeValues,
  documents,
  members,
  memos,
  participantAttributeValues,
  participants,
  projects,
  turns,
  users,
} from '../schema';
import { openTestDatabase } from '../testing';
import { DEMO_PASSWORD, DEMO_PROJECT_NAME, seedDemo } from './demo';
import { CODEBOOK } from './demo/codebook';
import { GUIDE } from './demo/guide';
import { KK_STORIES } from './demo/stories-kk';
import { RU_STORIES } from './demo/stories-ru';
import { KK_TALK } from './demo/talk-kk';
import { RU_TALK } from './demo/talk-ru';
import { MAX_WORDS, MIN_WORDS } from './demo/transcript';
import { SECTIONS, type Utterance } from './demo/utterances';
import { KK_UTTERANCES } from './demo/utterances-kk';
import { RU_UTTERANCES } from './demo/utterances-ru';

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const CITY_NAMES = ['Almaty', 'Aktau', 'Aktobe', 'Kyzylorda', 'Taraz', 'Karaganda', 'Pavlodar', 'Semey'];

let db: Db;
let close: () => void;
let projectId: number;

beforeAll(() => {
  ({ db, close } = openTestDatabase());
  ({ projectId } = seedDemo(db));
});
afterAll(() => close());

function userId(email: string): number {
  return db.select().from(users).where(eq(users.email, email)).get()!.id;
}

/** Each document with its turns in order and its canonical text rebuilt from them. */
function transcripts() {
  const docs = db.select().from(documents).where(eq(documents.projectId, projectId)).orderBy(asc(documents.sortOrder)).all();
  return docs.map((d) => {
    const ts = db.select().from(turns).where(eq(turns.documentId, d.id)).orderBy(asc(turns.seq)).all();
    return { ...d, turns: ts, text: ts.map((t) => t.text).join('\n') };
  });
}

function documentAttribute(name: string): Map<number, string> {
  const rows = db
    .select({ documentId: documentAttributeValues.documentId, value: documentAttributeValues.value })
    .from(documentAttributeValues)
    .innerJoin(attributeDefinitions, eq(attributeDefinitions.id, documentAttributeValues.attributeId))
    .where(eq(attributeDefinitions.name, name))
    .all();
  return new Map(rows.map((r) => [r.documentId, r.value]));
}

function participantAttribute(name: string) {
  return db
    .select({
      participantId: participantAttributeValues.participantId,
      value: participantAttributeValues.value,
      numValue: participantAttributeValues.numValue,
    })
    .from(participantAttributeValues)
    .innerJoin(attributeDefinitions, eq(attributeDefinitions.id, participantAttributeValues.attributeId))
    .where(eq(attributeDefinitions.name, name))
    .all();
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

describe('seedDemo', () => {
  it('creates the five demo users, all with the demo password', () => {
    const all = db.select().from(users).orderBy(asc(users.id)).all();
    expect(all.map((u) => u.email)).toEqual([
      'admin@demo.test',
      'lead@demo.test',
      'coder1@demo.test',
      'coder2@demo.test',
      'coder3@demo.test',
    ]);
    expect(all.filter((u) => u.isAdmin).map((u) => u.email)).toEqual(['admin@demo.test']);
    for (const u of all) expect(u.name.length).toBeGreaterThan(3);
    // bcrypt is slow: verify one hash, and that all users share it.
    expect(verifyPassword(DEMO_PASSWORD, all[0].passwordHash)).toBe(true);
    expect(new Set(all.map((u) => u.passwordHash)).size).toBe(1);
  });

  it('creates the demo project, labelled synthetic, with its members', () => {
    const project = db.select().from(projects).where(eq(projects.id, projectId)).get()!;
    expect(project.name).toBe(DEMO_PROJECT_NAME);
    expect(project.isDemo).toBe(true);
    expect(project.blindMode).toBe(true);
    expect(project.description).toMatch(/synthetic/i);
    expect(project.description).toMatch(/not real research data/);
    const roles = db
      .select({ email: users.email, role: members.role })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(eq(members.projectId, projectId))
      .all();
    expect(Object.fromEntries(roles.map((r) => [r.email, r.role]))).toEqual({
      'lead@demo.test': 'lead',
      'coder1@demo.test': 'coder',
      'coder2@demo.test': 'coder',
      'coder3@demo.test': 'coder',
    });
  });

  it('defines the document and participant attributes', () => {
    const defs = db.select().from(attributeDefinitions).where(eq(attributeDefinitions.projectId, projectId)).all();
    const def = (scope: string, name: string) => defs.find((d) => d.scope === scope && d.name === name)!;
    expect(def('document', 'city')).toMatchObject({ type: 'category', values: CITY_NAMES });
    expect(def('document', 'region')).toMatchObject({
      type: 'category',
      values: ['Almaty (city)', 'Mangystau', 'Aktobe', 'Kyzylorda', 'Zhambyl', 'Karaganda', 'Pavlodar', 'Abai'],
    });
    expect(def('document', 'language')).toMatchObject({ type: 'category', values: ['Russian', 'Kazakh'] });
    expect(def('document', 'date').type).toBe('date');
    expect(def('participant', 'gender')).toMatchObject({ type: 'category', values: ['Female', 'Male'] });
    expect(def('participant', 'age')).toMatchObject({
      type: 'number',
      bins: [
        { label: '18–29', min: 18, max: 29 },
        { label: '30–44', min: 30, max: 44 },
        { label: '45–60', min: 45, max: 60 },
      ],
    });
    expect(def('participant', 'education')).toMatchObject({
      type: 'category',
      values: ['Higher', 'Secondary / specialised secondary'],
    });
    expect(def('participant', 'years in city').type).toBe('number');
    expect(def('participant', 'years in city').bins.length).toBeGreaterThanOrEqual(3);
    expect(defs).toHaveLength(8);
  });

  it('creates 16 focus groups, two per city, dated November 2024', () => {
    const docs = transcripts();
    expect(docs).toHaveLength(16);
    const city = documentAttribute('city');
    const date = documentAttribute('date');
    docs.forEach((d, i) => {
      const c = CITY_NAMES[Math.floor(i / 2)];
      expect(d.title).toBe(`FG${String(i + 1).padStart(2, '0')} ${c} — group ${(i % 2) + 1}`);
      expect(city.get(d.id)).toBe(c);
      expect(date.get(d.id)).toMatch(/^2024-11-(0[1-9]|[12]\d|30)$/);
    });
    expect(new Set(date.values()).size).toBeGreaterThanOrEqual(10);
    expect(Object.values(countBy([...city.values()], (c) => c))).toEqual(Array(8).fill(2));
  });

  it('has at least four Kazakh-language groups written in Kazakh, the rest in Russian', () => {
    const language = documentAttribute('language');
    const docs = transcripts();
    const kazakh = docs.filter((d) => language.get(d.id) === 'Kazakh');
    expect(kazakh.length).toBeGreaterThanOrEqual(4);
    for (const d of kazakh) {
      const participantTurns = d.turns.filter((t) => t.speakerKind === 'participant');
      const inKazakh = participantTurns.filter((t) => KAZAKH_LETTERS.test(t.text));
      expect(inKazakh.length / participantTurns.length).toBeGreaterThan(0.8);
    }
    for (const d of docs.filter((d) => language.get(d.id) === 'Russian')) {
      expect(d.text).toMatch(/[а-яё]/);
      // City Russian slips into Kazakh now and then («Иә», a sentence or two), not more.
      const kazakhTurns = d.turns.filter((t) => KAZAKH_LETTERS.test(t.text));
      expect(kazakhTurns.length).toBeGreaterThan(0);
      expect(kazakhTurns.length / d.turns.length).toBeLessThan(0.08);
    }
    // And the Kazakh groups into Russian: some participant turns hold a Russian sentence.
    const russianSentence = (text: string) =>
      text.split(/(?<=[.!?…])\s/).some((s) => s.split(' ').length >= 6 && !KAZAKH_LETTERS.test(s) && /(^|\s)(и|в|на|не|что|я|мы)\s/.test(s));
    for (const d of kazakh) {
      expect(d.turns.filter((t) => t.speakerKind === 'participant' && russianSentence(t.text)).length).toBeGreaterThan(5);
    }
  });

  it('has 98 participants, 5–7 per group, labelled P1…Pn', () => {
    const all = db.select().from(participants).where(eq(participants.projectId, projectId)).all();
    expect(all).toHaveLength(98);
    for (const d of transcripts()) {
      const labels = all.filter((p) => p.documentId === d.id).map((p) => p.label);
      expect(labels.length).toBeGreaterThanOrEqual(5);
      expect(labels.length).toBeLessThanOrEqual(7);
      expect(labels).toEqual(labels.map((_, i) => `P${i + 1}`));
    }
    expect(all.every((p) => p.realName === null)).toBe(true);
  });

  it('matches the study sample: 51 women and 47 men, 58 with higher education, ages 19–60', () => {
    expect(countBy(participantAttribute('gender'), (r) => r.value)).toEqual({ Female: 51, Male: 47 });
    expect(countBy(participantAttribute('education'), (r) => r.value)).toEqual({
      Higher: 58,
      'Secondary / specialised secondary': 40,
    });
    const ages = participantAttribute('age');
    expect(ages).toHaveLength(98);
    for (const a of ages) {
      expect(Number.isInteger(a.numValue)).toBe(true);
      expect(a.value).toBe(String(a.numValue));
    }
    const numbers = ages.map((a) => a.numValue!);
    expect(Math.min(...numbers)).toBe(19);
    expect(Math.max(...numbers)).toBe(60);
    const ageOf = new Map(ages.map((a) => [a.participantId, a.numValue!]));
    const years = participantAttribute('years in city');
    expect(years).toHaveLength(98);
    for (const y of years) {
      expect(y.value).toBe(String(y.numValue));
      expect(y.numValue!).toBeGreaterThanOrEqual(1);
      expect(y.numValue!).toBeLessThanOrEqual(ageOf.get(y.participantId)!);
    }
  });

  it('gives every transcript the length of a real 90-minute group: 8,000–15,000 words, 150,000 in all', () => {
    const words = transcripts().map((d) => d.turns.reduce((n, t) => n + t.wordCount, 0));
    for (const w of words) {
      expect(w).toBeGreaterThanOrEqual(MIN_WORDS);
      expect(w).toBeLessThanOrEqual(MAX_WORDS);
    }
    expect(MIN_WORDS).toBe(8_000);
    expect(MAX_WORDS).toBe(15_000);
    expect(words.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(150_000);
  });

  it('has the give and take of a focus group: short interjections, long answers, moderator follow-ups', () => {
    for (const d of transcripts()) {
      expect(d.turns.length).toBeGreaterThanOrEqual(300);
      const participantTurns = d.turns.filter((t) => t.speakerKind === 'participant');
      const short = participantTurns.filter((t) => t.wordCount <= 3);
      const long = participantTurns.filter((t) => t.wordCount >= 40);
      expect(short.length / participantTurns.length).toBeGreaterThan(0.15);
      expect(long.length).toBeGreaterThan(30);
      expect(Math.max(...participantTurns.map((t) => t.wordCount))).toBeGreaterThanOrEqual(60);
      const moderator = d.turns.filter((t) => t.speakerKind === 'moderator');
      expect(moderator.length).toBeGreaterThan(60);
      // Cross-talk: someone is cut off mid-sentence.
      expect(participantTurns.some((t) => /(—|…)$/.test(t.text))).toBe(true);
    }
    const all = transcripts().flatMap((d) => d.turns.map((t) => t.text));
    for (const word of ['Да.', 'Согласен.', 'Согласна.', 'Иә.']) expect(all).toContain(word);
  });

  it('lays out turns contiguously with a moderator and the group’s participants', () => {
    const people = db.select().from(participants).where(eq(participants.projectId, projectId)).all();
    for (const d of transcripts()) {
      let offset = 0;
      d.turns.forEach((t, i) => {
        expect(t.seq).toBe(i);
        expect(t.text).not.toContain('\n');
        expect(t.start).toBe(offset);
        expect(t.end).toBe(offset + t.text.length);
        expect(d.text.slice(t.start, t.end)).toBe(t.text);
        expect(t.wordCount).toBe(countWords(t.text));
        offset = t.end + 1;
        if (t.speakerKind === 'moderator') {
          expect(t.speakerLabel).toBe('Модератор');
          expect(t.participantId).toBeNull();
        } else {
          expect(t.speakerKind).toBe('participant');
          const p = people.find((x) => x.id === t.participantId)!;
          expect(p.documentId).toBe(d.id);
          expect(t.speakerLabel).toBe(p.label);
        }
      });
      const groupSize = people.filter((p) => p.documentId === d.id).length;
      const speakers = new Set(d.turns.map((t) => t.participantId).filter((id) => id !== null));
      expect(speakers.size).toBe(groupSize);
    }
  });

  it('follows the moderator guide in each transcript’s language', () => {
    const language = documentAttribute('language');
    for (const d of transcripts()) {
      const guide = GUIDE[language.get(d.id) === 'Kazakh' ? 'kk' : 'ru'];
      const moderatorText = d.turns.filter((t) => t.speakerKind === 'moderator').map((t) => t.text);
      // In order; from the second on, after a word of transition in the same turn.
      const asked = SECTIONS.map((section) => moderatorText.findIndex((m) => guide.questions[section].some((q) => m.endsWith(q))));
      expect(asked.every((i) => i >= 0)).toBe(true);
      expect([...asked].sort((a, b) => a - b)).toEqual(asked);
      expect(guide.questions[SECTIONS[0]]).toContain(moderatorText[asked[0]]);
      expect(guide.closing).toContain(moderatorText.at(-2));
      expect(guide.farewell).toContain(moderatorText.at(-1));
      expect(d.turns[0].speakerKind).toBe('moderator');
    }
    // The study's three core questions, asked in every Russian group.
    const ru = transcripts().filter((d) => language.get(d.id) === 'Russian');
    for (const d of ru) {
      expect(d.text).toMatch(/каналы вы используете/);
      expect(d.text).toMatch(/участвовать в принятии политических решений\? Если да, то в какой форме\?/);
      expect(d.text).toMatch(/что для вас значат выборы\?/i);
    }
  });

  it('never repeats a substantive turn within a transcript (only «Да» and the like recur), and transcripts differ', () => {
    const docs = transcripts();
    for (const d of docs) {
      const texts = d.turns.filter((t) => t.speakerKind === 'participant' && t.wordCount >= 6).map((t) => t.text);
      expect(new Set(texts).size).toBe(texts.length);
      expect(d.text).not.toMatch(/[{}|]/); // placeholders and {m|f} alternations all resolved
    }
    expect(new Set(docs.map((d) => d.text)).size).toBe(docs.length);
  });
});

describe('utterance banks', () => {
  const all: Utterance[] = [RU_UTTERANCES, KK_UTTERANCES].flatMap((bank) => Object.values(bank).flat());

  const stories: Utterance[] = [RU_STORIES, KK_STORIES].flatMap((bank) => Object.values(bank).flat().flatMap((s) => s.steps.flatMap((step) => step.options)));
  const talk: Utterance[] = [RU_TALK, KK_TALK].flatMap((bank) => Object.values(bank).flat());
  /** Placeholders for the city and {masculine|feminine} alternations; no other braces. */
  const wellFormed = (t: string) => t.replace(/\{(city|inCity|inDistrict)\}/g, '').replace(/\{[^{}|]*\|[^{}|]*\}/g, '');

  it('hold at least 300 distinct single-line utterances', () => {
    const texts = all.map((u) => u.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBeGreaterThanOrEqual(300);
    for (const t of [...texts, ...stories.map((u) => u.text), ...talk.map((u) => u.text)]) {
      expect(t).not.toContain('\n');
      expect(wellFormed(t), t).not.toMatch(/[{}|]/);
    }
    expect(stories.length).toBeGreaterThanOrEqual(600);
  });

  it('write Kazakh utterances in Kazakh', () => {
    const kk = Object.values(KK_UTTERANCES).flat();
    expect(kk.length).toBeGreaterThanOrEqual(120);
    expect(kk.filter((u) => KAZAKH_LETTERS.test(u.text)).length / kk.length).toBeGreaterThan(0.95);
    expect(Object.values(RU_UTTERANCES).flat().length).toBeGreaterThanOrEqual(150);
  });

  it('cover every code of the codebook, and include untagged small talk', () => {
    for (const c of CODEBOOK.filter((c) => c.parent)) {
      expect(all.filter((u) => u.codes.includes(c.key)).length, c.key).toBeGreaterThanOrEqual(3);
    }
    expect(all.filter((u) => u.codes.length === 0).length).toBeGreaterThanOrEqual(30);
  });
});

describe('codebook', () => {
  it('has at least 25 codes on two levels with distinct colours', () => {
    const all = db.select().from(codes).where(eq(codes.projectId, projectId)).all();
    expect(all.length).toBeGreaterThanOrEqual(25);
    const byId = new Map(all.map((c) => [c.id, c]));
    const depth = (id: number): number => {
      const parent = byId.get(id)!.parentId;
      return parent === null ? 1 : 1 + depth(parent);
    };
    expect(Math.max(...all.map((c) => depth(c.id)))).toBeGreaterThanOrEqual(2);
    expect(all.filter((c) => c.parentId === null).length).toBeGreaterThanOrEqual(5);
    for (const c of all) {
      expect(c.color).toMatch(/^#[0-9A-F]{6}$/i);
      expect(c.description.length).toBeGreaterThan(10);
    }
    expect(new Set(all.map((c) => c.color.toUpperCase())).size).toBe(all.length);
    const complete = all.filter((c) => c.inclusion && c.exclusion && c.example);
    expect(complete.length / all.length).toBeGreaterThan(0.7);
  });

  it('gives a few children single-key shortcuts and orders siblings', () => {
    const all = db.select().from(codes).where(eq(codes.projectId, projectId)).all();
    const withShortcut = all.filter((c) => c.shortcut !== null);
    expect(withShortcut.length).toBeGreaterThanOrEqual(3);
    for (const c of withShortcut) {
      expect(c.shortcut).toMatch(/^[1-9]$/);
      expect(c.parentId).not.toBeNull();
    }
    expect(new Set(withShortcut.map((c) => c.shortcut)).size).toBe(withShortcut.length);
    const siblings = countBy(all, (c) => `${c.parentId}:${c.sortOrder}`);
    expect(Object.values(siblings).every((n) => n === 1)).toBe(true);
  });
});

describe('codings', () => {
  const lead = () => userId('lead@demo.test');
  const coder = (n: number) => userId(`coder${n}@demo.test`);
  const all = () => db.select().from(codings).where(eq(codings.projectId, projectId)).all();
  const documentsOf = (layer: 'coder' | 'consensus', coderId: number) =>
    [...new Set(all().filter((c) => c.layer === layer && c.coderId === coderId).map((c) => c.documentId))].sort();

  it('quote exactly the canonical text they point at, inside participant turns', () => {
    const docs = new Map(transcripts().map((d) => [d.id, d]));
    const list = all();
    expect(list.length).toBeGreaterThan(5_000);
    let spanning = 0;
    for (const c of list) {
      const d = docs.get(c.documentId)!;
      expect(c.start).toBeLessThan(c.end);
      expect(d.text.slice(c.start, c.end)).toBe(c.quote);
      const overlapped = turnsOverlapping(d.turns, c.start, c.end);
      expect(overlapped.length).toBeGreaterThanOrEqual(1);
      expect(overlapped.length).toBeLessThanOrEqual(2);
      if (overlapped.length === 2) {
        spanning++;
        expect(overlapped[1]).toBe(overlapped[0] + 1);
      }
      for (const i of overlapped) expect(d.turns[i].speakerKind).toBe('participant');
      // Within the turns: a coding starts and ends on turn text, not on the separator.
      expect(c.start).toBeGreaterThanOrEqual(d.turns[overlapped[0]].start);
      expect(c.end).toBeLessThanOrEqual(d.turns[overlapped.at(-1)!].end);
    }
    expect(spanning).toBeGreaterThan(0);
    expect(spanning).toBeLessThan(list.length / 10);
  });

  it('put coder 1 and coder 2 on the same four documents, consensus on two, coder 3 on one', () => {
    const c1 = documentsOf('coder', coder(1));
    expect(c1).toHaveLength(4);
    expect(documentsOf('coder', coder(2))).toEqual(c1);
    const consensus = documentsOf('consensus', lead());
    expect(consensus).toHaveLength(2);
    expect(consensus.every((d) => c1.includes(d))).toBe(true);
    expect(all().filter((c) => c.layer === 'consensus').every((c) => c.coderId === lead())).toBe(true);
    const c3 = documentsOf('coder', coder(3));
    expect(c3).toHaveLength(1);
    expect(c1).toContain(c3[0]);
    expect(documentsOf('coder', lead())).toEqual([]);
    const language = documentAttribute('language');
    expect(new Set(c1.map((d) => language.get(d)))).toEqual(new Set(['Russian', 'Kazakh']));
  });

  it('codes at a realistic density: at least 1,500 codings per coder over the four shared groups, overlapping', () => {
    const docs = new Map(transcripts().map((d) => [d.id, d]));
    for (const n of [1, 2]) {
      const mine = all().filter((c) => c.layer === 'coder' && c.coderId === coder(n));
      expect(mine.length).toBeGreaterThanOrEqual(1_500);
      for (const docId of documentsOf('coder', coder(n))) {
        const inDoc = mine.filter((c) => c.documentId === docId).sort((a, b) => a.start - b.start);
        expect(inDoc.length).toBeGreaterThan(300);
        // Codings of different codes overlap, as passages carry several codes at once.
        let overlaps = 0;
        for (let i = 1; i < inDoc.length; i++) if (inDoc[i].start < inDoc[i - 1].end && inDoc[i].codeId !== inDoc[i - 1].codeId) overlaps++;
        expect(overlaps / inDoc.length).toBeGreaterThan(0.1);
        // Most participant turns with something to say are coded.
        const d = docs.get(docId)!;
        const substantive = d.turns.filter((t) => t.speakerKind === 'participant' && t.wordCount >= 15);
        const coded = substantive.filter((t) => inDoc.some((c) => c.start < t.end && t.start < c.end));
        expect(coded.length / substantive.length).toBeGreaterThan(0.8);
      }
    }
  });

  it('has coder 3 only on roughly the first third of their document', () => {
    const [docId] = documentsOf('coder', coder(3));
    const d = transcripts().find((t) => t.id === docId)!;
    const mine = all().filter((c) => c.coderId === coder(3));
    expect(mine.length).toBeGreaterThan(5);
    const lastEnd = Math.max(...mine.map((c) => c.end));
    expect(lastEnd / d.text.length).toBeLessThan(0.45);
    expect(lastEnd / d.text.length).toBeGreaterThan(0.15);
  });

  it('has coder 1 and coder 2 agree on most, but not all, turn-level units', () => {
    // Unit: (participant turn, code) that at least one of the two coded; agreement: both did.
    // Cohen's κ is also computed over every (participant turn, code) unit of the documents.
    const codeCount = db.select().from(codes).where(eq(codes.projectId, projectId)).all().length;
    let either = 0;
    let both = 0;
    let n = 0;
    let onlyOne = 0;
    let first = 0;
    let second = 0;
    for (const docId of documentsOf('coder', coder(1))) {
      const d = transcripts().find((t) => t.id === docId)!;
      const unitsOf = (coderId: number) => {
        const units = new Set<string>();
        for (const c of all().filter((x) => x.documentId === docId && x.layer === 'coder' && x.coderId === coderId)) {
          for (const t of turnsOverlapping(d.turns, c.start, c.end)) units.add(`${t}:${c.codeId}`);
        }
        return units;
      };
      const a = unitsOf(coder(1));
      const b = unitsOf(coder(2));
      const union = new Set([...a, ...b]);
      const shared = [...a].filter((u) => b.has(u)).length;
      either += union.size;
      both += shared;
      onlyOne += union.size - shared;
      first += a.size;
      second += b.size;
      n += d.turns.filter((t) => t.speakerKind === 'participant').length * codeCount;
    }
    const positive = both / either;
    expect(positive).toBeGreaterThanOrEqual(0.6);
    expect(positive).toBeLessThan(1);
    expect(positive).toBeGreaterThan(0.65);
    expect(positive).toBeLessThan(0.9);
    const observed = (n - onlyOne) / n;
    const expected = (first / n) * (second / n) + (1 - first / n) * (1 - second / n);
    const kappa = (observed - expected) / (1 - expected);
    expect(kappa).toBeGreaterThan(0.6);
    expect(kappa).toBeLessThan(1);
  });

  it('has coder 2 mark many of coder 1’s passages with shifted boundaries, and some with another code or none', () => {
    // Of coder 1's codings that coder 2 also has (same code, overlapping), many differ in range.
    let matched = 0;
    let exact = 0;
    let unmatched = 0;
    for (const docId of documentsOf('coder', coder(1))) {
      const layer = (n: number) => all().filter((c) => c.documentId === docId && c.layer === 'coder' && c.coderId === coder(n));
      const second = layer(2);
      for (const c of layer(1)) {
        const same = second.filter((x) => x.codeId === c.codeId && x.start < c.end && c.start < x.end);
        if (same.length === 0) unmatched++;
        else if (same.some((x) => x.start === c.start && x.end === c.end)) exact++;
        else matched++;
      }
    }
    const total = matched + exact + unmatched;
    expect(exact / total).toBeGreaterThan(0.25); // passages marked alike…
    expect(matched / total).toBeGreaterThan(0.25); // …many with shifted boundaries…
    expect(unmatched / total).toBeGreaterThan(0.08); // …and some with another code or none
    expect(unmatched / total).toBeLessThan(0.3);
  });

  it('has some codings that cover a single sentence of a longer turn', () => {
    const docs = new Map(transcripts().map((d) => [d.id, d]));
    const partial = all().filter((c) => {
      const d = docs.get(c.documentId)!;
      return d.turns.some((t) => t.start <= c.start && c.end <= t.end && c.end - c.start < t.end - t.start);
    });
    expect(partial.length).toBeGreaterThan(10);
  });

  it('carries a few memos', () => {
    const withMemo = all().filter((c) => c.memo !== '');
    expect(withMemo.length).toBeGreaterThanOrEqual(3);
    expect(new Set(withMemo.map((c) => c.layer))).toEqual(new Set(['coder', 'consensus']));
    const other = db.select().from(memos).where(eq(memos.projectId, projectId)).all();
    expect(other.some((m) => m.targetKind === 'project')).toBe(true);
  });
});

describe('assignments', () => {
  it('mark the double-coded documents done, coder 3 in progress, and a few not started', () => {
    const rows = db
      .select({ email: users.email, documentId: assignments.documentId, status: assignments.status })
      .from(assignments)
      .innerJoin(users, eq(users.id, assignments.coderId))
      .where(eq(assignments.projectId, projectId))
      .all();
    const coded = [...new Set(db.select().from(codings).where(eq(codings.layer, 'coder')).all().map((c) => c.documentId))];
    const of = (email: string, status: string) =>
      rows.filter((r) => r.email === email && r.status === status).map((r) => r.documentId).sort();
    expect(of('coder1@demo.test', 'done')).toHaveLength(4);
    expect(of('coder2@demo.test', 'done')).toEqual(of('coder1@demo.test', 'done'));
    expect(of('coder3@demo.test', 'in_progress')).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'not_started').length).toBeGreaterThanOrEqual(2);
    for (const r of rows.filter((r) => r.status !== 'not_started')) expect(coded).toContain(r.documentId);
  });
});

describe('determinism', () => {
  it('seeds identical rows into two fresh databases (password hashes aside)', () => {
    const dump = (target: Db) => {
      const out: Record<string, unknown[]> = {};
      const tables = target.$client
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'turns_fts%' ORDER BY name")
        .all() as Array<{ name: string }>;
      for (const { name } of tables) {
        const rows = target.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Array<Record<string, unknown>>;
        out[name] = rows.map(({ password_hash: _, ...rest }) => rest);
      }
      return out;
    };
    const first = openTestDatabase();
    const second = openTestDatabase();
    try {
      seedDemo(first.db);
      seedDemo(second.db);
      const a = dump(first.db);
      expect(a.turns.length).toBeGreaterThan(600);
      expect(dump(second.db)).toEqual(a);
      expect(dump(db)).toEqual(a);
    } finally {
      first.close();
      second.close();
    }
  });

  it('refuses to seed twice into the same database', () => {
    expect(() => seedDemo(db)).toThrow(/admin@demo\.test.*already exist/);
    expect(db.select().from(projects).all()).toHaveLength(1);
  });

  it('writes nothing when seeding fails part-way', () => {
    const fresh = openTestDatabase();
    try {
      // memos are written last: make that insert fail.
      fresh.db.$client.exec("CREATE TRIGGER fail_memos BEFORE INSERT ON memos BEGIN SELECT RAISE(ABORT, 'boom'); END");
      expect(() => seedDemo(fresh.db)).toThrow(/boom/);
      for (const table of ['users', 'projects', 'documents', 'turns', 'codings']) {
        const row = fresh.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
        expect(row.n, table).toBe(0);
      }
    } finally {
      fresh.close();
    }
  });
});
