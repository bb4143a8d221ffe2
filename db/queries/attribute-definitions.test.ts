import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../testing';
import { seedFixture } from '../testing/fixture';
import { attributeDefinitions, auditEvents, documentAttributeValues, participantAttributeValues } from '../schema';
import {
  AttributeError,
  attributeDefinitionsWithCounts,
  createAttributeDefinition,
  deleteAttributeDefinition,
  documentAttributeTable,
  saveDocumentAttributes,
  updateAttributeDefinition,
} from './attribute-definitions';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
let actor: { projectId: number; userId: number };
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
  actor = { projectId: f.project.id, userId: f.lead.id };
});
afterEach(() => ctx.close());

const problemsOf = async (fn: () => unknown): Promise<string[]> => {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AttributeError) return e.problems;
    throw e;
  }
  return [];
};
const actions = () => ctx.db.select().from(auditEvents).all().map((a) => a.action);

describe('attribute definitions', () => {
  it('creates definitions in order, refusing a name its scope has and a bad definition', async () => {
    const city = await createAttributeDefinition(ctx.db, actor, { scope: 'document', name: 'City', type: 'category', values: ['Семей', 'Алматы'] });
    const age = await createAttributeDefinition(ctx.db, actor, { scope: 'participant', name: 'age', type: 'number', bins: [{ label: '18–29', min: 18, max: 29 }] });
    // the same name in the other scope is fine
    await createAttributeDefinition(ctx.db, actor, { scope: 'participant', name: 'city', type: 'text' });
    expect(city.sortOrder).toBe(0);
    expect(age.bins).toEqual([{ label: '18–29', min: 18, max: 29 }]);
    expect(await problemsOf(() => createAttributeDefinition(ctx.db, actor, { scope: 'document', name: ' city ', type: 'text' }))).toEqual(['a document attribute named "City" already exists']);
    expect(await problemsOf(() => createAttributeDefinition(ctx.db, actor, { scope: 'document', name: '', type: 'number', bins: [{ label: 'x', min: 5, max: 1 }] }))).toEqual([
      'the attribute needs a name',
      'the bin "x" starts (5) after it ends (1)',
    ]);
    expect(actions()).toEqual(['attribute.create', 'attribute.create', 'attribute.create']);
  });

  it('renames, reorders and renames values, rewriting the stored values; refuses dropping a used value', async () => {
    const city = await createAttributeDefinition(ctx.db, actor, { scope: 'document', name: 'city', type: 'category', values: ['Семей', 'Алматы'] });
    await saveDocumentAttributes(ctx.db, actor, [{ documentId: f.doc.id, attributeId: city.id, value: 'Семей' }]);
    expect(await problemsOf(() => updateAttributeDefinition(ctx.db, actor, city.id, { values: ['Алматы'] }))).toEqual([
      'the value "Семей" (used 1 time) no longer fits: "Семей" is not one of "Алматы"',
    ]);
    const renamed = await updateAttributeDefinition(ctx.db, actor, city.id, { name: 'город', values: ['Алматы', 'Семей (Абай)'], renames: { Семей: 'Семей (Абай)' } });
    expect(renamed).toMatchObject({ name: 'город', values: ['Алматы', 'Семей (Абай)'] });
    expect(ctx.db.select().from(documentAttributeValues).get()?.value).toBe('Семей (Абай)');
    const audit = ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'attribute.update')).get();
    expect(audit?.after).toMatchObject({ name: 'город', renamedValues: [{ from: 'Семей', to: 'Семей (Абай)' }] });
  });

  it('changes a type only when every stored value fits the new type', async () => {
    const code = await createAttributeDefinition(ctx.db, actor, { scope: 'participant', name: 'years', type: 'text' });
    ctx.db.insert(participantAttributeValues).values([
      { participantId: f.p1.id, attributeId: code.id, value: '12' },
      { participantId: f.p2.id, attributeId: code.id, value: 'много' },
    ]).run();
    expect(await problemsOf(() => updateAttributeDefinition(ctx.db, actor, code.id, { type: 'number' }))).toEqual([
      'the value "много" (used 1 time) no longer fits: "много" is not a number',
    ]);
    ctx.db.update(participantAttributeValues).set({ value: '3,5' }).where(eq(participantAttributeValues.participantId, f.p2.id)).run();
    await updateAttributeDefinition(ctx.db, actor, code.id, { type: 'number', bins: [{ label: 'under 5', min: 0, max: 4.99 }] });
    expect(ctx.db.select().from(participantAttributeValues).all().map((v) => [v.value, v.numValue]).sort()).toEqual([['12', 12], ['3.5', 3.5]]);
  });

  it('deletes a definition with its values only when the lead confirmed their number', async () => {
    const age = await createAttributeDefinition(ctx.db, actor, { scope: 'participant', name: 'age', type: 'number' });
    ctx.db.insert(participantAttributeValues).values([
      { participantId: f.p1.id, attributeId: age.id, value: '30', numValue: 30 },
      { participantId: f.p2.id, attributeId: age.id, value: '40', numValue: 40 },
    ]).run();
    expect((await attributeDefinitionsWithCounts(ctx.db, f.project.id)).map((d) => [d.name, d.valueCount])).toEqual([['age', 2]]);
    expect(await problemsOf(() => deleteAttributeDefinition(ctx.db, actor, age.id, 1))).toEqual(['"age" now has 2 values, not 1; check the number and confirm again']);
    expect(await deleteAttributeDefinition(ctx.db, actor, age.id, 2)).toEqual({ removedValues: 2 });
    expect(ctx.db.select().from(attributeDefinitions).all()).toEqual([]);
    expect(ctx.db.select().from(participantAttributeValues).all()).toEqual([]);
    expect(ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'attribute.delete')).get()?.before).toMatchObject({ name: 'age', valueCount: 2 });
  });

  it('never touches another project\'s definition', async () => {
    const other = await createAttributeDefinition(ctx.db, { projectId: f.other.id, userId: f.outsider.id }, { scope: 'document', name: 'city', type: 'text' });
    expect(await problemsOf(() => updateAttributeDefinition(ctx.db, actor, other.id, { name: 'x' }))).toEqual([`attribute #${other.id} is not in this project`]);
    expect(await problemsOf(() => deleteAttributeDefinition(ctx.db, actor, other.id, 0))).toEqual([`attribute #${other.id} is not in this project`]);
  });
});

describe('saveDocumentAttributes', () => {
  it('saves a table of cells all or nothing, validated by type, with one audit event per document', async () => {
    const city = await createAttributeDefinition(ctx.db, actor, { scope: 'document', name: 'city', type: 'category', values: ['Семей', 'Алматы'] });
    const date = await createAttributeDefinition(ctx.db, actor, { scope: 'document', name: 'date', type: 'date' });
    const groups = await createAttributeDefinition(ctx.db, actor, { scope: 'document', name: 'size', type: 'number' });
    const bad = [
      { documentId: f.doc.id, attributeId: city.id, value: 'Семей' },
      { documentId: f.doc.id, attributeId: date.id, value: '2024-13-01' },
      { documentId: f.doc.id, attributeId: groups.id, value: 'seven' },
    ];
    expect(await problemsOf(() => saveDocumentAttributes(ctx.db, actor, bad))).toEqual([
      '"FG01", date: "2024-13-01" is not a date written yyyy-mm-dd',
      '"FG01", size: "seven" is not a number',
    ]);
    expect(ctx.db.select().from(documentAttributeValues).all()).toEqual([]);

    expect(await saveDocumentAttributes(ctx.db, actor, [
      { documentId: f.doc.id, attributeId: city.id, value: 'семей' },
      { documentId: f.doc.id, attributeId: date.id, value: '2024-11-21' },
      { documentId: f.doc.id, attributeId: groups.id, value: '7' },
    ])).toEqual({ changed: 3 });
    expect((await documentAttributeTable(ctx.db, f.project.id)).documents).toEqual([
      { id: f.doc.id, title: 'FG01', values: { [city.id]: 'Семей', [date.id]: '2024-11-21', [groups.id]: '7' } },
    ]);
    // clearing one and saving the same value again changes one value
    expect(await saveDocumentAttributes(ctx.db, actor, [
      { documentId: f.doc.id, attributeId: city.id, value: 'Семей' },
      { documentId: f.doc.id, attributeId: groups.id, value: '' },
    ])).toEqual({ changed: 1 });
    const events = ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'document.attributes')).all();
    expect(events.map((e) => [e.entityId, e.before, e.after])).toEqual([
      [f.doc.id, { city: null, date: null, size: null }, { city: 'Семей', date: '2024-11-21', size: '7' }],
      [f.doc.id, { size: '7' }, { size: null }],
    ]);
  });

  it('refuses documents and attributes of another project', async () => {
    const foreign = await createAttributeDefinition(ctx.db, { projectId: f.other.id, userId: f.outsider.id }, { scope: 'document', name: 'city', type: 'text' });
    expect(await problemsOf(() => saveDocumentAttributes(ctx.db, actor, [{ documentId: f.doc.id, attributeId: foreign.id, value: 'x' }, { documentId: 999, attributeId: foreign.id, value: 'x' }]))).toEqual([
      `"FG01": attribute #${foreign.id} is not a document attribute of this project`,
      'document #999 is not in this project',
    ]);
  });
});
