/**
 * One very long transcript for the editor's benchmark (issue 17): a marathon session of
 * two demo groups (one Russian, one Kazakh) composed again and again from the demo's
 * hand-written banks until the text reaches `minChars`, coded by simulated coders with the
 * demo's profiles (overlapping codings, partial agreement) until the layers hold
 * `minCodings` codings. Its own project, lead and coders; deterministic.
 */
import type { Db } from '../client';
import { buildCanonicalText, countWords } from '../../lib/text/canonical';
import { CODEBOOK, type CodeKey } from './demo/codebook';
import { simulateCoder, type SimulatedCoding } from './demo/codings';
import { MODERATOR_LABEL } from './demo/guide';
import { createRng } from './demo/prng';
import { buildParticipants, GROUPS } from './demo/sample';
import { PROFILES } from './demo/study';
import { composeTranscript, type ComposedTurn } from './demo/transcript';

export interface LongTranscriptOptions {
  minChars: number;
  minCodings: number;
  passwordHash: string;
  /** Tells this project's users apart from others' (emails are unique). */
  tag?: string;
}

export interface LongTranscript {
  projectId: number;
  documentId: number;
  leadId: number;
  leadEmail: string;
  coderIds: number[];
  chars: number;
  words: number;
  turns: number;
  codings: number;
}

/** The demo groups the marathon alternates: FG01 (Russian) and FG07 (Kazakh). */
const SOURCE_GROUPS = [0, 6];

export function composeLongTranscript(minChars: number): { turns: ComposedTurn[]; people: Array<{ label: string; gender: string; age: number }>; text: string } {
  const everyone = buildParticipants();
  const people: Array<{ label: string; gender: string; age: number }> = [];
  const offsets = SOURCE_GROUPS.map((g) => {
    const offset = people.length;
    for (const p of everyone.filter((x) => x.group === g)) people.push({ label: `P${people.length + 1}`, gender: p.gender, age: p.age });
    return offset;
  });
  const turns: ComposedTurn[] = [];
  let chars = 0;
  for (let round = 0; chars < minChars; round++) {
    const which = round % SOURCE_GROUPS.length;
    const g = SOURCE_GROUPS[which];
    const part = composeTranscript(GROUPS[g], everyone.filter((x) => x.group === g), createRng(`long:${g}:${round}`));
    for (const t of part) {
      turns.push({ ...t, speaker: t.speaker === null ? null : t.speaker + offsets[which] });
      chars += t.text.length + 1;
    }
  }
  return { turns, people, text: buildCanonicalText(turns).text };
}

export function seedLongTranscript(db: Db, o: LongTranscriptOptions): LongTranscript {
  const { turns, people } = composeLongTranscript(o.minChars);
  const { text, ranges } = buildCanonicalText(turns);
  const doc = { key: 'long', turns, ranges };
  const profiles = Object.values(PROFILES);
  const layers: SimulatedCoding[][] = [];
  for (let total = 0, k = 0; total < o.minCodings; k++) {
    const base = profiles[k % profiles.length];
    const list = simulateCoder(doc, { ...base, seed: `${base.seed}:${k}` });
    layers.push(list);
    total += list.length;
  }
  const c = db.$client;
  const tag = o.tag ?? Date.now().toString(36);
  return c.transaction((): LongTranscript => {
    const projectId = Number(c.prepare("insert into projects (name, description, blind_mode) values (?, 'A 300,000-character transcript for the editor benchmark', 0)").run(`Long transcript ${tag}`).lastInsertRowid);
    const addUser = c.prepare('insert into users (email, name, password_hash) values (?, ?, ?)');
    const addMember = c.prepare('insert into members (project_id, user_id, role) values (?, ?, ?)');
    const leadEmail = `long-lead-${tag}@bench.test`;
    const leadId = Number(addUser.run(leadEmail, 'Long lead', o.passwordHash).lastInsertRowid);
    addMember.run(projectId, leadId, 'lead');
    const coderIds = layers.map((_, i) => {
      const id = Number(addUser.run(`long-coder${i + 1}-${tag}@bench.test`, `Coder ${i + 1}`, o.passwordHash).lastInsertRowid);
      addMember.run(projectId, id, 'coder');
      return id;
    });
    const codeIds = new Map<CodeKey, number>();
    const addCode = c.prepare('insert into codes (project_id, parent_id, name, color, description, shortcut, sort_order) values (?, ?, ?, ?, ?, ?, ?)');
    for (const level of [CODEBOOK.filter((x) => !x.parent), CODEBOOK.filter((x) => x.parent)]) {
      level.forEach((x, i) => {
        const id = Number(addCode.run(projectId, x.parent ? codeIds.get(x.parent)! : null, x.name, x.color, x.description, x.shortcut ?? null, i).lastInsertRowid);
        codeIds.set(x.key, id);
      });
    }
    const documentId = Number(c.prepare('insert into documents (project_id, title, sort_order) values (?, ?, 0)').run(projectId, 'FG01+FG07 marathon (synthetic)').lastInsertRowid);
    const addPerson = c.prepare('insert into participants (project_id, document_id, label) values (?, ?, ?)');
    const personIds = people.map((p) => Number(addPerson.run(projectId, documentId, p.label).lastInsertRowid));
    const addTurn = c.prepare('insert into turns (document_id, seq, speaker_kind, participant_id, speaker_label, start, "end", text, word_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    let words = 0;
    turns.forEach((t, i) => {
      const n = countWords(t.text);
      words += n;
      const who = t.speaker === null ? null : people[t.speaker];
      addTurn.run(documentId, i, who ? 'participant' : 'moderator', who ? personIds[t.speaker!] : null, who ? who.label : MODERATOR_LABEL, ranges[i].start, ranges[i].end, t.text, n);
    });
    const addAssignment = c.prepare("insert into assignments (project_id, document_id, coder_id, status) values (?, ?, ?, 'in_progress')");
    const addCoding = c.prepare('insert into codings (project_id, document_id, code_id, layer, coder_id, start, "end", quote, memo) values (?, ?, ?, \'coder\', ?, ?, ?, ?, ?)');
    let codings = 0;
    layers.forEach((list, i) => {
      addAssignment.run(projectId, documentId, coderIds[i]);
      for (const x of list) {
        addCoding.run(projectId, documentId, codeIds.get(x.code)!, coderIds[i], x.start, x.end, text.slice(x.start, x.end), x.memo);
        codings++;
      }
    });
    return { projectId, documentId, leadId, leadEmail, coderIds, chars: text.length, words, turns: turns.length, codings };
  })();
}
