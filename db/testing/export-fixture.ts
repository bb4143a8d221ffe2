/**
 * The test fixture (db/testing/fixture.ts) with what the export tests need on top: attributes
 * (one private per scope), real names, a speaker label that is a real name, codings in three
 * layers, a translation and a memo. SECRETS lists every string that must never leave the app.
 */
import type { Db } from '../client';
import { attributeDefinitions, documentAttributeValues, memos, participantAttributeValues, participants, turns } from '../schema';
import { seedFixture } from './fixture';
import { createCodings } from '../queries/codings';
import { saveTranslation } from '../queries/translations';
import { and, eq } from 'drizzle-orm';

export const SECRETS = ['Айгерим Сериккызы', 'Болат Ахметов', 'Болатжан', '+7 701 555 1234', '+7 702 000 0000', 'Ms Secret Interviewer'];

export async function seedExportFixture(db: Db) {
  const f = seedFixture(db);
  const def = (scope: 'participant' | 'document', name: string, type: 'category' | 'number' | 'text', extra: { values?: string[]; bins?: { label: string; min: number; max: number }[]; private?: boolean } = {}) =>
    db.insert(attributeDefinitions).values({ projectId: f.project.id, scope, name, type, values: extra.values ?? [], bins: extra.bins ?? [], private: extra.private ?? false }).returning().get();
  const gender = def('participant', 'gender', 'category', { values: ['Female', 'Male'] });
  const age = def('participant', 'age', 'number', { bins: [{ label: '30–39', min: 30, max: 39 }, { label: '50–59', min: 50, max: 59 }] });
  const phone = def('participant', 'phone', 'text', { private: true });
  const city = def('document', 'city', 'category', { values: ['Aktobe'] });
  const interviewer = def('document', 'interviewer', 'text', { private: true });
  db.insert(participantAttributeValues)
    .values([
      { participantId: f.p1.id, attributeId: gender.id, value: 'Female' },
      { participantId: f.p1.id, attributeId: age.id, value: '34', numValue: 34 },
      { participantId: f.p1.id, attributeId: phone.id, value: '+7 701 555 1234' },
      { participantId: f.p2.id, attributeId: gender.id, value: 'Male' },
      { participantId: f.p2.id, attributeId: age.id, value: '52', numValue: 52 },
      { participantId: f.p2.id, attributeId: phone.id, value: '+7 702 000 0000' },
    ])
    .run();
  db.insert(documentAttributeValues)
    .values([
      { documentId: f.doc.id, attributeId: city.id, value: 'Aktobe' },
      { documentId: f.doc.id, attributeId: interviewer.id, value: 'Ms Secret Interviewer' },
    ])
    .run();
  db.update(participants).set({ realName: 'Айгерим Сериккызы' }).where(eq(participants.id, f.p1.id)).run();
  db.update(participants).set({ realName: 'Болат Ахметов' }).where(eq(participants.id, f.p2.id)).run();
  // A transcript may label a turn by a name: the label is display only and must not be exported.
  db.update(turns).set({ speakerLabel: 'Болатжан' }).where(and(eq(turns.documentId, f.doc.id), eq(turns.participantId, f.p2.id))).run();

  const code = (codeIds: number[], start: number, end: number, layer: { kind: 'consensus' } | { kind: 'coder'; coderId: number }, actorId: number, memo?: string) =>
    createCodings(db, { projectId: f.project.id, documentId: f.doc.id, codeIds, start, end, layer, actorId, memo });
  const p1Start = f.text.indexOf('әкімдікке');
  const p1End = f.ranges[1].end;
  const [consensus] = await code([f.eotinish.id], p1Start, p1End, { kind: 'consensus' }, f.lead.id, 'Clear example');
  const [coder1] = await code([f.channels.id], f.ranges[2].start, f.ranges[2].end, { kind: 'coder', coderId: f.coder1.id }, f.coder1.id);
  const both = await code([f.channels.id, f.eotinish.id], f.ranges[1].start, f.ranges[2].end, { kind: 'coder', coderId: f.coder2.id }, f.coder2.id, 'Spans two speakers');
  await saveTranslation(db, { projectId: f.project.id, codingId: consensus.id, language: 'en', text: 'I wrote to the akimat via e-Otinish 👍', actorId: f.lead.id });
  await saveTranslation(db, { projectId: f.project.id, codingId: consensus.id, language: 'ru', text: 'Я написала в акимат через e-Otinish 👍', actorId: f.coder1.id });
  db.insert(memos).values({ projectId: f.project.id, targetKind: 'code', targetId: f.eotinish.id, authorId: f.lead.id, text: 'Online appeals only' }).run();
  return { ...f, attributes: { gender, age, phone, city, interviewer }, codings: { consensus, coder1, both } };
}
