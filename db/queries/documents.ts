import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { assignments, codings, documents, participants, turns, users } from '../schema';
import { documentAttributeMap, participantAttributeMap } from './attributes';

export interface CoderProgress {
  coderId: number;
  coderName: string;
  status: 'not_started' | 'in_progress' | 'done' | null;
  codings: number;
}

export interface DocumentSummary {
  id: number;
  title: string;
  attributes: Record<string, string>;
  participantCount: number;
  turnCount: number;
  wordCount: number;
  progress: CoderProgress[];
}

/** The project's documents with attributes, sizes and, per coder, assignment status and codings. */
export async function documentsForProject(db: Db, projectId: number): Promise<DocumentSummary[]> {
  await dbReady(db);
  const docs = db
    .select({
      id: documents.id,
      title: documents.title,
      participantCount: sql<number>`(select count(*) from ${participants} p where p.document_id = "documents"."id")`,
      turnCount: sql<number>`(select count(*) from ${turns} t where t.document_id = "documents"."id")`,
      wordCount: sql<number>`(select coalesce(sum(t.word_count), 0) from ${turns} t where t.document_id = "documents"."id")`,
    })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.sortOrder), asc(documents.title))
    .all();
  const attrs = await documentAttributeMap(db, projectId, docs.map((d) => d.id));

  const assigned = db
    .select({ documentId: assignments.documentId, coderId: assignments.coderId, status: assignments.status, coderName: users.name })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.coderId))
    .where(eq(assignments.projectId, projectId))
    .all();
  const counts = db
    .select({ documentId: codings.documentId, coderId: codings.coderId, coderName: users.name, n: sql<number>`count(*)` })
    .from(codings)
    .innerJoin(users, eq(users.id, codings.coderId))
    .where(and(eq(codings.projectId, projectId), eq(codings.layer, 'coder')))
    .groupBy(codings.documentId, codings.coderId)
    .all();

  const progress = new Map<number, Map<number, CoderProgress>>();
  const entry = (docId: number, coderId: number, coderName: string) => {
    const m = progress.get(docId) ?? new Map<number, CoderProgress>();
    progress.set(docId, m);
    const p = m.get(coderId) ?? { coderId, coderName, status: null, codings: 0 };
    m.set(coderId, p);
    return p;
  };
  for (const a of assigned) entry(a.documentId, a.coderId, a.coderName).status = a.status;
  for (const c of counts) entry(c.documentId, c.coderId, c.coderName).codings = c.n;

  return docs.map((d) => ({
    ...d,
    attributes: attrs.get(d.id) ?? {},
    progress: [...(progress.get(d.id)?.values() ?? [])].sort((a, b) => a.coderName.localeCompare(b.coderName)),
  }));
}

export async function documentInProject(db: Db, projectId: number, documentId: number) {
  await dbReady(db);
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.projectId, projectId), eq(documents.id, documentId)))
    .get();
}

export interface TurnView {
  id: number;
  seq: number;
  speakerKind: 'participant' | 'moderator' | 'unknown';
  speakerLabel: string;
  participantId: number | null;
  timestamp: string | null;
  start: number;
  end: number;
  text: string;
  /** `countWords` of the text, stored with the turn: every count of words adds these. */
  wordCount: number;
}

export async function turnsOfDocument(db: Db, documentId: number): Promise<TurnView[]> {
  await dbReady(db);
  return db
    .select({
      id: turns.id,
      seq: turns.seq,
      speakerKind: turns.speakerKind,
      speakerLabel: turns.speakerLabel,
      participantId: turns.participantId,
      timestamp: turns.timestamp,
      start: turns.start,
      end: turns.end,
      text: turns.text,
      wordCount: turns.wordCount,
    })
    .from(turns)
    .where(eq(turns.documentId, documentId))
    .orderBy(asc(turns.seq))
    .all();
}

/** A document with its turns, attributes and the attributes of its participants. */
export async function documentWithTurns(db: Db, projectId: number, documentId: number) {
  await dbReady(db);
  const doc = await documentInProject(db, projectId, documentId);
  if (!doc) return undefined;
  const docTurns = await turnsOfDocument(db, documentId);
  const people = db
    .select({ id: participants.id, label: participants.label })
    .from(participants)
    .where(eq(participants.documentId, documentId))
    .orderBy(asc(participants.label))
    .all();
  const pattrs = await participantAttributeMap(db, projectId);
  return {
    id: doc.id,
    title: doc.title,
    version: doc.version,
    attributes: (await documentAttributeMap(db, projectId, [doc.id])).get(doc.id) ?? {},
    participants: people.map((p) => ({ ...p, attributes: pattrs.get(p.id) ?? {} })),
    turns: docTurns,
    /** Words in all turns, as the documents list and the API count them. */
    wordCount: docTurns.reduce((n, x) => n + x.wordCount, 0),
    /** Words spoken by participants: the denominator of the frequencies' per-1,000-words. */
    participantWordCount: docTurns.reduce((n, x) => n + (x.participantId != null ? x.wordCount : 0), 0),
  };
}
