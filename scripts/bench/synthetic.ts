/**
 * Synthetic projects for benchmarks, inserted with prepared statements in one
 * transaction. Deterministic (seeded), so figures are comparable between runs.
 */
import type { Db } from '../../db/client';
import { buildCanonicalText, countWords } from '../../lib/text/canonical';

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'әкімдік әкімдікке өтініш e-Otinish eGov петиция жол жарық су жылу мектеп аурухана автобус тариф ' +
  'сайлау депутат мәслихат Instagram Telegram TikTok YouTube блогер жаңалық пікір репост комментарий ' +
  'акимат обращение приём жалоба дорога отопление выборы голос решение участие соседи чат группа ' +
  'новости портал суд петиция подписи блогер ответ власть город район село'
).split(' ');

export interface SyntheticOptions {
  documents: number;
  participantsPerDocument: number;
  turnsPerDocument: number;
  wordsPerTurn: number;
  codes: number;
  codingsPerLayerPerDocument: number;
  coders: number;
  seed?: number;
}

export interface SyntheticProject {
  projectId: number;
  documentIds: number[];
  coderIds: number[];
  leadId: number;
  codeIds: number[];
}

/**
 * Adds a project with `coders` coders (their codings make the layers), a lead, documents
 * with participants and turns, a flat-and-nested codebook and random codings inside
 * participant turns. Users get the given password hash.
 */
export function createSyntheticProject(db: Db, o: SyntheticOptions, passwordHash: string, name = 'Synthetic benchmark project'): SyntheticProject {
  const rnd = prng(o.seed ?? 42);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
  const c = db.$client;
  const tx = c.transaction(() => {
    const tag = `${Date.now().toString(36)}${Math.floor(rnd() * 1e6)}`;
    const projectId = Number(c.prepare('insert into projects (name, description, blind_mode) values (?, ?, 0)').run(name, 'Synthetic data for benchmarks').lastInsertRowid);
    const addUser = c.prepare('insert into users (email, name, password_hash) values (?, ?, ?)');
    const addMember = c.prepare('insert into members (project_id, user_id, role) values (?, ?, ?)');
    const leadId = Number(addUser.run(`bench-lead-${tag}@bench.test`, 'Bench lead', passwordHash).lastInsertRowid);
    addMember.run(projectId, leadId, 'lead');
    const coderIds: number[] = [];
    for (let i = 0; i < o.coders; i++) {
      const id = Number(addUser.run(`bench-coder${i + 1}-${tag}@bench.test`, `Bench coder ${i + 1}`, passwordHash).lastInsertRowid);
      addMember.run(projectId, id, 'coder');
      coderIds.push(id);
    }
    const addAttr = c.prepare('insert into attribute_definitions (project_id, scope, name, type, "values", bins) values (?, ?, ?, ?, ?, ?)');
    const cities = ['Almaty', 'Aktau', 'Aktobe', 'Kyzylorda', 'Taraz', 'Karaganda', 'Pavlodar', 'Semey'];
    const cityAttr = Number(addAttr.run(projectId, 'document', 'city', 'category', JSON.stringify(cities), '[]').lastInsertRowid);
    const genderAttr = Number(addAttr.run(projectId, 'participant', 'gender', 'category', JSON.stringify(['Female', 'Male']), '[]').lastInsertRowid);
    const ageAttr = Number(
      addAttr.run(projectId, 'participant', 'age', 'number', '[]', JSON.stringify([{ label: '18–29', min: 18, max: 29 }, { label: '30–44', min: 30, max: 44 }, { label: '45–60', min: 45, max: 60 }])).lastInsertRowid,
    );
    const addCode = c.prepare('insert into codes (project_id, parent_id, name, color, sort_order) values (?, ?, ?, ?, ?)');
    const codeIds: number[] = [];
    const parents: number[] = [];
    for (let i = 0; i < o.codes; i++) {
      const parent = i % 8 === 0 || parents.length === 0 ? null : pick(parents);
      const color = '#' + Math.floor(rnd() * 0xffffff).toString(16).padStart(6, '0');
      const id = Number(addCode.run(projectId, parent, `Code ${i + 1}`, color, i).lastInsertRowid);
      if (parent === null) parents.push(id);
      codeIds.push(id);
    }
    const addDoc = c.prepare('insert into documents (project_id, title, sort_order) values (?, ?, ?)');
    const addDocAttr = c.prepare('insert into document_attribute_values (document_id, attribute_id, value) values (?, ?, ?)');
    const addPerson = c.prepare('insert into participants (project_id, document_id, label) values (?, ?, ?)');
    const addPersonAttr = c.prepare('insert into participant_attribute_values (participant_id, attribute_id, value, num_value) values (?, ?, ?, ?)');
    const addTurn = c.prepare('insert into turns (document_id, seq, speaker_kind, participant_id, speaker_label, start, "end", text, word_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const addAssignment = c.prepare("insert into assignments (project_id, document_id, coder_id, status) values (?, ?, ?, 'in_progress')");
    const addCoding = c.prepare('insert into codings (project_id, document_id, code_id, layer, coder_id, start, "end", quote) values (?, ?, ?, ?, ?, ?, ?, ?)');
    const documentIds: number[] = [];
    for (let d = 0; d < o.documents; d++) {
      const docId = Number(addDoc.run(projectId, `Synthetic FG${String(d + 1).padStart(4, '0')}`, d).lastInsertRowid);
      documentIds.push(docId);
      addDocAttr.run(docId, cityAttr, cities[d % cities.length]);
      const people: Array<{ id: number; label: string }> = [];
      for (let p = 0; p < o.participantsPerDocument; p++) {
        const id = Number(addPerson.run(projectId, docId, `P${p + 1}`).lastInsertRowid);
        addPersonAttr.run(id, genderAttr, rnd() < 0.52 ? 'Female' : 'Male', null);
        const age = 19 + Math.floor(rnd() * 42);
        addPersonAttr.run(id, ageAttr, String(age), age);
        people.push({ id, label: `P${p + 1}` });
      }
      const turnTexts: Array<{ text: string; person: { id: number; label: string } | null }> = [];
      for (let t = 0; t < o.turnsPerDocument; t++) {
        const n = Math.max(3, Math.round(o.wordsPerTurn * (0.5 + rnd())));
        const words = Array.from({ length: n }, () => pick(WORDS));
        turnTexts.push({ text: words.join(' ') + '.', person: t % 7 === 0 ? null : pick(people) });
      }
      const { text, ranges } = buildCanonicalText(turnTexts);
      turnTexts.forEach((t, i) =>
        addTurn.run(docId, i + 1, t.person ? 'participant' : 'moderator', t.person?.id ?? null, t.person?.label ?? 'Модератор', ranges[i].start, ranges[i].end, t.text, countWords(t.text)),
      );
      const participantTurns = ranges.filter((_, i) => turnTexts[i].person);
      for (const coderId of coderIds) addAssignment.run(projectId, docId, coderId);
      const layers: Array<{ layer: 'coder' | 'consensus'; coderId: number }> = [
        ...coderIds.map((id) => ({ layer: 'coder' as const, coderId: id })),
      ];
      for (const l of layers) {
        for (let k = 0; k < o.codingsPerLayerPerDocument; k++) {
          const r = pick(participantTurns);
          const len = r.end - r.start;
          const s = r.start + Math.floor(rnd() * Math.max(1, len / 2));
          const e = Math.min(r.end, s + 5 + Math.floor(rnd() * len));
          if (e <= s) continue;
          addCoding.run(projectId, docId, pick(codeIds), l.layer, l.coderId, s, e, text.slice(s, e));
        }
      }
    }
    return { projectId, documentIds, coderIds, leadId, codeIds };
  });
  return tx();
}
