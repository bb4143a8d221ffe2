import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../testing';
import { seedFixture } from '../testing/fixture';
import { auditEvents, codings, documentAttributeValues, documents, participants, turns } from '../schema';
import { createAttributeDefinition } from './attribute-definitions';
import { importGroups, importTranscripts, ImportProblems, transcriptForExport } from './imports';
import { checkIntegrity } from './integrity';
import { parseTranscript } from '@/lib/import';
import { prefillSpeakers } from '@/lib/import/mapping';
import { transcriptToDocx, transcriptToTxt } from '@/lib/export/transcript';
import type { ImportedTurn } from '@/lib/import/types';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
});
afterEach(() => ctx.close());

const count = (table: typeof documents | typeof turns | typeof participants | typeof auditEvents) => ctx.db.select().from(table).all().length;

const SEMEY: ImportedTurn[] = [
  { speaker: null, text: 'Расшифровка аудиозаписи.' },
  { speaker: 'Модератор', text: 'Как бы вы хотели участвовать?', timestamp: '00:00:05' },
  { speaker: 'Айгерим', text: 'Через общественные слушания в акимате.', timestamp: '00:00:12' },
  { speaker: 'Р2', text: 'Мен сайлауға барамын 👍', timestamp: '00:00:30.500' },
  { speaker: 'Голос', text: '(неразборчиво)' },
  { speaker: 'Айгерим', text: 'Можно добавить?' },
];

async function importSemey(overrides: Partial<Parameters<typeof importTranscripts>[1]['items'][number]> = {}) {
  return await importTranscripts(ctx.db, {
    projectId: f.project.id,
    actorId: f.lead.id,
    items: [
      {
        source: 'semey.txt',
        title: 'Семей, группа 1',
        encoding: 'utf-8',
        turns: SEMEY,
        speakers: { Модератор: { kind: 'moderator' }, Айгерим: { kind: 'new', label: 'P1' }, Р2: { kind: 'new', label: 'P2' }, Голос: { kind: 'unknown' } },
        ...overrides,
      },
    ],
  });
}

describe('importTranscripts', () => {
  it('stores turns with the mapping, ranges over the canonical text, timestamps and a new group of participants', async () => {
    const [doc] = await importSemey();
    expect(doc).toMatchObject({ title: 'Семей, группа 1', turns: 6, participantsCreated: 2, replaced: false });
    const stored = ctx.db.select().from(turns).where(eq(turns.documentId, doc.id)).orderBy(turns.seq).all();
    const people = ctx.db.select().from(participants).where(eq(participants.documentId, doc.id)).all();
    const labelOf = (id: number | null) => people.find((p) => p.id === id)?.label ?? null;
    expect(stored.map((t) => [t.speakerKind, labelOf(t.participantId), t.speakerLabel, t.timestamp])).toEqual([
      ['unknown', null, '', null],
      ['moderator', null, 'Модератор', '00:00:05'],
      ['participant', 'P1', 'Айгерим', '00:00:12'],
      ['participant', 'P2', 'Р2', '00:00:30.500'],
      ['unknown', null, 'Голос', null],
      ['participant', 'P1', 'Айгерим', null],
    ]);
    const text = SEMEY.map((t) => t.text).join('\n');
    for (const t of stored) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(stored[3].wordCount).toBe(3);
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);

    const audit = ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'document.import')).get();
    expect(audit).toMatchObject({ projectId: f.project.id, userId: f.lead.id, entityType: 'document', entityId: doc.id, before: null });
    expect(audit?.after).toMatchObject({
      source: 'semey.txt',
      encoding: 'utf-8',
      participantsCreated: ['P1', 'P2'],
      speakers: [
        { label: 'Модератор', kind: 'moderator' },
        { label: 'Айгерим', kind: 'participant', participant: 'P1' },
        { label: 'Р2', kind: 'participant', participant: 'P2' },
        { label: 'Голос', kind: 'unknown' },
      ],
      unlabelled: { kind: 'unknown' },
    });
  });

  it('imports a text without speakers as one speaker', async () => {
    const [doc] = await importTranscripts(ctx.db, {
      projectId: f.project.id,
      actorId: f.lead.id,
      items: [{ source: 'pasted text', title: 'Интервью', turns: [{ speaker: null, text: 'Первый абзац.' }, { speaker: null, text: 'Второй.' }], speakers: {}, unlabelled: { kind: 'new', label: 'P1' } }],
    });
    const stored = ctx.db.select().from(turns).where(eq(turns.documentId, doc.id)).all();
    expect(new Set(stored.map((t) => t.participantId)).size).toBe(1);
    expect(stored.every((t) => t.speakerKind === 'participant')).toBe(true);
  });

  it('imports a batch all or nothing: one bad file and nothing of the others is written', async () => {
    const before = [count(documents), count(turns), count(participants), count(auditEvents)];
    const good = { source: 'a.txt', title: 'A', turns: [{ speaker: 'P1', text: 'да' }], speakers: { P1: { kind: 'new' as const, label: 'P1' } } };
    const bad = { source: 'b.vtt', title: 'B', turns: [{ speaker: 'P1', text: 'нет' }, { speaker: 'P9', text: 'нет' }], speakers: { P1: { kind: 'new' as const, label: 'P1' } } };
    await expect(importTranscripts(ctx.db, { projectId: f.project.id, actorId: f.lead.id, items: [good, bad] })).rejects.toThrow(ImportProblems);
    try {
      await importTranscripts(ctx.db, { projectId: f.project.id, actorId: f.lead.id, items: [good, bad] });
    } catch (e) {
      expect((e as ImportProblems).problems).toEqual(['b.vtt: speaker "P9" is not mapped to anyone']);
    }
    expect([count(documents), count(turns), count(participants), count(auditEvents)]).toEqual(before);
  });

  it('refuses a title used twice in the batch or already in the project, naming the files', async () => {
    const item = (source: string, title: string) => ({ source, title, turns: [{ speaker: null, text: 'текст' }], speakers: {} });
    let problems: string[] = [];
    try {
      await importTranscripts(ctx.db, { projectId: f.project.id, actorId: f.lead.id, items: [item('one.docx', 'Алматы 1'), item('two.docx', ' алматы  1 '), item('three.txt', 'fg01'), item('four.txt', '')] });
    } catch (e) {
      problems = (e as ImportProblems).problems;
    }
    expect(problems).toEqual([
      'two.docx: the title "алматы 1" is also given to one.docx in this import',
      'three.txt: a document titled "FG01" already exists in this project',
      'four.txt: the document needs a title',
    ]);
    expect(count(documents)).toBe(1);
  });

  it('checks document attributes set at import by type, and stores them', async () => {
    const city = await createAttributeDefinition(ctx.db, { projectId: f.project.id, userId: f.lead.id }, { scope: 'document', name: 'city', type: 'category', values: ['Семей', 'Алматы'] });
    const date = await createAttributeDefinition(ctx.db, { projectId: f.project.id, userId: f.lead.id }, { scope: 'document', name: 'date', type: 'date' });
    await expect(importSemey({ attributes: { [city.id]: 'Тараз', [date.id]: '21.11.2024' } })).rejects.toThrow(
      'semey.txt: city: "Тараз" is not one of "Семей", "Алматы"\nsemey.txt: date: "21.11.2024" is not a date written yyyy-mm-dd',
    );
    const [doc] = await importSemey({ attributes: { [city.id]: 'семей', [date.id]: '2024-11-21' } });
    expect(ctx.db.select().from(documentAttributeValues).where(eq(documentAttributeValues.documentId, doc.id)).all().map((v) => v.value).sort()).toEqual(['2024-11-21', 'Семей']);
  });

  it('remembers the mapping for the next import into the same group, and replaces its turns', async () => {
    const [doc] = await importSemey();
    const group = (await importGroups(ctx.db, f.project.id)).find((g) => g.id === doc.id)!;
    expect(group.participants.map((p) => p.label)).toEqual(['P1', 'P2']);
    const p1 = group.participants[0].id;
    const prefill = prefillSpeakers(['Модератор', 'Айгерим', 'Р2', 'Голос', 'P3'], group);
    expect(prefill).toEqual({
      Модератор: { kind: 'moderator' },
      Айгерим: { kind: 'participant', participantId: p1 },
      Р2: { kind: 'participant', participantId: group.participants[1].id },
      Голос: { kind: 'unknown' },
      P3: { kind: 'new', label: 'P3' },
    });
    const [again] = await importTranscripts(ctx.db, {
      projectId: f.project.id,
      actorId: f.lead.id,
      items: [{ source: 'semey-v2.txt', title: 'Семей, группа 1', documentId: doc.id, turns: [...SEMEY, { speaker: 'P3', text: 'Новая реплика.' }], speakers: prefill }],
    });
    expect(again).toMatchObject({ id: doc.id, replaced: true, turns: 7, participantsCreated: 1 });
    expect(ctx.db.select().from(participants).where(eq(participants.documentId, doc.id)).all().map((p) => p.label)).toEqual(['P1', 'P2', 'P3']);
    expect(ctx.db.select().from(documents).where(eq(documents.id, doc.id)).get()?.version).toBe(2);
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('will not replace the transcript of a group that has codings', async () => {
    ctx.db.insert(codings).values({ projectId: f.project.id, documentId: f.doc.id, codeId: f.channels.id, layer: 'coder', coderId: f.coder1.id, start: 0, end: 3, quote: f.text.slice(0, 3) }).run();
    await expect(importTranscripts(ctx.db, { projectId: f.project.id, actorId: f.lead.id, items: [{ source: 'x.txt', title: 'FG01', documentId: f.doc.id, turns: [{ speaker: null, text: 'т' }], speakers: {} }] }),
    ).rejects.toThrow('x.txt: "FG01" already has 1 codings, so its transcript cannot be replaced; correct it in correction mode instead');
  });

  it('does not let a mapping reach a participant of another group or project', async () => {
    await expect(importSemey({ speakers: { Модератор: { kind: 'moderator' }, Айгерим: { kind: 'participant', participantId: f.p1.id }, Р2: { kind: 'unknown' }, Голос: { kind: 'unknown' } } })).rejects.toThrow(
      `semey.txt: speaker "Айгерим" is mapped to participant #${f.p1.id}, who is not in this group`,
    );
  });
});

describe('export and import again', () => {
  it('gives the same turns and speakers through .docx and .txt', async () => {
    const [doc] = await importSemey();
    const exported = (await transcriptForExport(ctx.db, f.project.id, doc.id))!;
    // Participants leave under their pseudonym, never the label the file used ("Айгерим").
    expect(exported.turns.map((t) => t.speaker)).toEqual([null, 'Модератор', 'P1', 'P2', 'Голос', 'P1']);
    const files: Array<[string, Uint8Array]> = [
      ['round.docx', await transcriptToDocx(exported.title, exported.turns)],
      ['round.txt', new TextEncoder().encode(transcriptToTxt(exported.turns))],
    ];
    for (const [name, bytes] of files) {
      const parsed = await parseTranscript(bytes, name);
      const speakers = { ...prefillSpeakers([...new Set(parsed.turns.flatMap((t) => (t.speaker ? [t.speaker] : [])))], null), Голос: { kind: 'unknown' as const } };
      const [copy] = await importTranscripts(ctx.db, { projectId: f.project.id, actorId: f.lead.id, items: [{ source: name, title: `Copy ${name}`, turns: parsed.turns, speakers }] });
      const again = (await transcriptForExport(ctx.db, f.project.id, copy.id))!;
      expect(again.turns, name).toEqual(exported.turns);
      const kinds = (id: number) => ctx.db.select({ k: turns.speakerKind }).from(turns).where(eq(turns.documentId, id)).orderBy(turns.seq).all().map((r) => r.k);
      expect(kinds(copy.id), name).toEqual(kinds(doc.id));
    }
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });
});
