/**
 * A small project for integration tests: two coders and a lead, one document of three
 * turns (moderator, P1, P2), two codes, and a second project to test isolation.
 */
import type { Db } from '../client';
import { assignments, codes, documents, members, participants, projects, turns, users } from '../schema';
import { buildCanonicalText, countWords } from '@/lib/text/canonical';

export const FIXTURE_TURNS = [
  { kind: 'moderator' as const, text: 'Как вы обращаетесь к власти?' },
  { kind: 'participant' as const, label: 'P1', text: 'Мен әкімдікке e-Otinish арқылы жаздым 👍' },
  { kind: 'participant' as const, label: 'P2', text: 'А я пишу в Instagram акимата.' },
];

export function seedFixture(db: Db) {
  return db.transaction((tx) => {
    const [lead, coder1, coder2, outsider] = tx
      .insert(users)
      .values(['lead', 'coder1', 'coder2', 'outsider'].map((n) => ({ email: `${n}@test.kz`, name: n, passwordHash: 'x' })))
      .returning()
      .all();
    const project = tx.insert(projects).values({ name: 'Fixture' }).returning().get();
    const other = tx.insert(projects).values({ name: 'Other' }).returning().get();
    tx.insert(members)
      .values([
        { projectId: project.id, userId: lead.id, role: 'lead' },
        { projectId: project.id, userId: coder1.id, role: 'coder' },
        { projectId: project.id, userId: coder2.id, role: 'coder' },
        { projectId: other.id, userId: outsider.id, role: 'lead' },
      ])
      .run();
    const doc = tx.insert(documents).values({ projectId: project.id, title: 'FG01' }).returning().get();
    const [p1, p2] = tx
      .insert(participants)
      .values([
        { projectId: project.id, documentId: doc.id, label: 'P1' },
        { projectId: project.id, documentId: doc.id, label: 'P2' },
      ])
      .returning()
      .all();
    const { text, ranges } = buildCanonicalText(FIXTURE_TURNS);
    tx.insert(turns)
      .values(
        FIXTURE_TURNS.map((t, i) => ({
          documentId: doc.id,
          seq: i + 1,
          speakerKind: t.kind,
          participantId: t.kind === 'participant' ? (t.label === 'P1' ? p1.id : p2.id) : null,
          speakerLabel: t.kind === 'moderator' ? 'Модератор' : t.label,
          start: ranges[i].start,
          end: ranges[i].end,
          text: t.text,
          wordCount: countWords(t.text),
        })),
      )
      .run();
    const [channels, eotinish] = [
      tx.insert(codes).values({ projectId: project.id, name: 'Channels', color: '#1f77b4' }).returning().get(),
      tx.insert(codes).values({ projectId: project.id, name: 'e-Otinish', color: '#d62728' }).returning().get(),
    ];
    const foreignCode = tx.insert(codes).values({ projectId: other.id, name: 'Foreign', color: '#000000' }).returning().get();
    tx.insert(assignments)
      .values([
        { projectId: project.id, documentId: doc.id, coderId: coder1.id },
        { projectId: project.id, documentId: doc.id, coderId: coder2.id },
      ])
      .run();
    return { lead, coder1, coder2, outsider, project, other, doc, p1, p2, text, ranges, channels, eotinish, foreignCode };
  });
}
