import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../testing';
import { seedFixture } from '../testing/fixture';
import { auditEvents, participantAttributeValues, participants } from '../schema';
import { importRoster, rosterPreview, RosterImportProblems } from './roster-import';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
});
afterEach(() => ctx.close());

const count = (table: typeof participants | typeof auditEvents) => ctx.db.select().from(table).all().length;

describe('importRoster', () => {
  const rows = (age3: string) => [
    { Код: 'P1', Группа: 'FG01', Пол: 'Female', Возраст: '34', Занятость: 'учитель' },
    { Код: 'P3', Группа: 'FG01', Пол: 'Male', Возраст: age3, Занятость: 'врач' },
    { Код: 'P4', Группа: 'Нет такой', Пол: 'Male', Возраст: '50', Занятость: 'учитель' },
  ];
  const plan = {
    gender: { action: 'create' as const, name: 'gender', type: 'category' as const },
    age: { action: 'create' as const, name: 'age', type: 'number' as const },
    Занятость: { action: 'create' as const, name: 'occupation', type: 'category' as const },
  };

  it('lists every bad row and writes nothing, then imports the fixed roster, updating existing participants', async () => {
    const before = [count(participants), count(auditEvents)];
    let problems: unknown[] = [];
    try {
      await importRoster(ctx.db, { projectId: f.project.id, actorId: f.lead.id, fileName: 'roster.csv', rows: rows('сорок'), plan });
    } catch (e) {
      expect(e).toBeInstanceOf(RosterImportProblems);
      problems = (e as RosterImportProblems).problems;
    }
    expect(problems).toEqual([
      { row: 3, column: 'Возраст', message: 'age "сорок" is not a whole number' },
      { row: 4, column: 'Группа', message: 'unknown group "Нет такой" (the project\'s groups are "FG01")' },
    ]);
    expect([count(participants), count(auditEvents)]).toEqual(before);

    const fixed = rows('41').slice(0, 2);
    const result = await importRoster(ctx.db, { projectId: f.project.id, actorId: f.lead.id, fileName: 'roster.csv', rows: fixed, plan });
    expect(result).toEqual({ created: 1, updated: 1, attributesCreated: ['gender', 'age', 'occupation'] });
    const people = ctx.db.select().from(participants).where(eq(participants.documentId, f.doc.id)).all();
    expect(people.map((p) => p.label)).toEqual(['P1', 'P2', 'P3']);
    const values = ctx.db.select().from(participantAttributeValues).where(eq(participantAttributeValues.participantId, f.p1.id)).all();
    expect(values.map((v) => [v.value, v.numValue]).sort()).toEqual([['34', 34], ['Female', null], ['учитель', null]]);
    expect(ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'participant.import')).get()?.after).toEqual({
      fileName: 'roster.csv',
      created: ['FG01: P3'],
      updated: ['FG01: P1'],
      attributesCreated: ['gender', 'age', 'occupation'],
    });
  });

  it('treats "Р1" in Cyrillic as the group\'s P1, and refuses two rows that are one participant', async () => {
    const r = await importRoster(ctx.db, { projectId: f.project.id, actorId: f.lead.id, fileName: 'r.csv', rows: [{ Код: 'Р1', Группа: 'FG01', Возраст: '20' }], plan: { age: plan.age } });
    expect(r).toMatchObject({ created: 0, updated: 1 });
    await expect(importRoster(ctx.db, {
        projectId: f.project.id,
        actorId: f.lead.id,
        fileName: 'r.csv',
        rows: [{ Код: 'Р2', Группа: 'FG01', Возраст: '20' }, { Код: 'P2', Группа: 'FG01', Возраст: '21' }],
        plan: { age: { action: 'skip' } },
      }),
    ).rejects.toThrow('row 3, label: "P2" is the same participant as "Р2" in row 2');
  });
});

describe('rosterPreview', () => {
  it('reports row problems, proposes a plan and counts new and existing participants, writing nothing', async () => {
    const preview = await rosterPreview(ctx.db, f.project.id, [
      { Код: 'P1', Группа: 'FG01', Пол: 'Ж', Стаж: 'пять' },
      { Код: 'P7', Группа: 'FG01', Пол: 'М', Стаж: '3' },
      { Код: 'P8', Группа: 'FG02', Пол: 'М', Стаж: '3' },
    ]);
    expect(preview.problems).toEqual([{ row: 4, column: 'Группа', message: 'unknown group "FG02" (the project\'s groups are "FG01")' }]);
    expect(preview.plan).toEqual({ gender: { action: 'create', name: 'gender', type: 'category' }, Стаж: { action: 'create', name: 'Стаж', type: 'text' } });
    expect([preview.newParticipants, preview.existingParticipants]).toEqual([1, 1]);
    expect(count(participants)).toBe(2);
  });
});
