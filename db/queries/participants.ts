import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { documents, participants, turns } from '../schema';
import { participantAttributeMap } from './attributes';
import type { ParticipantSummary } from '@/lib/attributes/participants';

/** Every participant of the project with attributes and how much they spoke. Real names are never selected. */
export async function participantsForProject(db: Db, projectId: number): Promise<ParticipantSummary[]> {
  await dbReady(db);
  const rows = db
    .select({
      id: participants.id,
      label: participants.label,
      documentId: participants.documentId,
      documentTitle: documents.title,
      turnCount: sql<number>`(select count(*) from ${turns} t where t.participant_id = "participants"."id")`,
      wordCount: sql<number>`(select coalesce(sum(t.word_count), 0) from ${turns} t where t.participant_id = "participants"."id")`,
    })
    .from(participants)
    .leftJoin(documents, eq(documents.id, participants.documentId))
    .where(eq(participants.projectId, projectId))
    .orderBy(asc(documents.sortOrder), asc(documents.title), asc(participants.id))
    .all();
  const attrs = await participantAttributeMap(db, projectId);
  return rows.map((r) => ({ ...r, attributes: attrs.get(r.id) ?? {} }));
}
