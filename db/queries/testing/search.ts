/**
 * The integration-test fixture of search and auto-coding: `seedFixture`'s project (FG01, a
 * Kazakh group assigned to both coders) plus a Russian group FG02 assigned to coder2 only,
 * a document attribute "language", a private document attribute and a binned "age".
 */
import type { Db } from '../../client';
import {
  assignments,
  attributeDefinitions,
  documentAttributeValues,
  documents,
  participantAttributeValues,
  participants,
  turns,
} from '../../schema';
import { seedFixture } from '../../testing/fixture';
import { buildCanonicalText, countWords } from '@/lib/text/canonical';

export const FG02_TURNS = [
  { kind: 'moderator' as const, text: 'Какие каналы вы используете?' },
  { kind: 'participant' as const, label: 'P1', text: 'Я подписала электронную петицию на e-Otinish. Петиция про дороги собрала подписи!' },
  { kind: 'participant' as const, label: 'P2', text: 'ПЕТИЦИЯ — это голос. Әкімдікке тоже писала 🥰.' },
  { kind: 'participant' as const, label: 'P1', text: 'Петициялар туралы ештеңе білмеймін, ҚҰРМЕТТІ әкім.' },
];

/**
 * A second, Russian-language group (assigned to coder2 only) and attributes: language on
 * documents (FG01 Kazakh, FG02 Russian), a binned age on participants.
 */
function addSecondGroup(db: Db, f: ReturnType<typeof seedFixture>) {
  return db.transaction((tx) => {
    const projectId = f.project.id;
    const language = tx
      .insert(attributeDefinitions)
      .values({ projectId, scope: 'document', name: 'language', type: 'category', values: ['Russian', 'Kazakh'] })
      .returning()
      .get();
    const secret = tx.insert(attributeDefinitions).values({ projectId, scope: 'document', name: 'moderator notes', type: 'text', private: true }).returning().get();
    const age = tx
      .insert(attributeDefinitions)
      .values({
        projectId,
        scope: 'participant',
        name: 'age',
        type: 'number',
        bins: [
          { label: '18–29', min: 18, max: 29 },
          { label: '30–44', min: 30, max: 44 },
          { label: '45–60', min: 45, max: 60 },
        ],
      })
      .returning()
      .get();
    const doc = tx.insert(documents).values({ projectId, title: 'FG02', sortOrder: 1 }).returning().get();
    const [q1, q2] = tx
      .insert(participants)
      .values([
        { projectId, documentId: doc.id, label: 'P1' },
        { projectId, documentId: doc.id, label: 'P2' },
      ])
      .returning()
      .all();
    const { ranges } = buildCanonicalText(FG02_TURNS);
    tx.insert(turns)
      .values(
        FG02_TURNS.map((t, i) => ({
          documentId: doc.id,
          seq: i + 1,
          speakerKind: t.kind,
          participantId: t.kind === 'participant' ? (t.label === 'P1' ? q1.id : q2.id) : null,
          speakerLabel: t.kind === 'moderator' ? 'Модератор' : t.label,
          start: ranges[i].start,
          end: ranges[i].end,
          text: t.text,
          wordCount: countWords(t.text),
        })),
      )
      .run();
    tx.insert(documentAttributeValues)
      .values([
        { documentId: f.doc.id, attributeId: language.id, value: 'Kazakh' },
        { documentId: doc.id, attributeId: language.id, value: 'Russian' },
        { documentId: doc.id, attributeId: secret.id, value: 'do not show' },
      ])
      .run();
    tx.insert(participantAttributeValues)
      .values([
        { participantId: f.p1.id, attributeId: age.id, value: '25', numValue: 25 },
        { participantId: f.p2.id, attributeId: age.id, value: '40', numValue: 40 },
        { participantId: q1.id, attributeId: age.id, value: '52', numValue: 52 },
        { participantId: q2.id, attributeId: age.id, value: '22', numValue: 22 },
      ])
      .run();
    tx.insert(assignments).values({ projectId, documentId: doc.id, coderId: f.coder2.id }).run();
    return { doc, q1, q2, language, age };
  });
}

export type SearchFixture = ReturnType<typeof seedSearchFixture>;

export function seedSearchFixture(db: Db) {
  const f = seedFixture(db);
  return { ...f, extra: addSecondGroup(db, f) };
}
