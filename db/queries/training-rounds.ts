/**
 * Training rounds of a project (issue #19): named, ordered sets of documents a lead marks as
 * one round of coder training. A document belongs to at most one round: assigning it to a round
 * takes it out of the round it was in. Callers check that the user is a lead.
 */
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Queryable as Db } from '../client';
import { dbReady, transaction } from '../transaction';
import { documents, trainingRoundDocuments, trainingRounds } from '../schema';
import { DomainError } from '@/lib/errors';

export class TrainingRoundError extends DomainError {}

export interface TrainingRound {
  id: number;
  name: string;
  position: number;
  /** In the project's document order. */
  documentIds: number[];
}

/** The project's rounds in order (position, then id), each with its documents. */
export async function roundsOfProject(db: Db, projectId: number): Promise<TrainingRound[]> {
  await dbReady(db);
  const rounds = db
    .select({ id: trainingRounds.id, name: trainingRounds.name, position: trainingRounds.position })
    .from(trainingRounds)
    .where(eq(trainingRounds.projectId, projectId))
    .orderBy(asc(trainingRounds.position), asc(trainingRounds.id))
    .all();
  if (rounds.length === 0) return [];
  const members = db
    .select({ roundId: trainingRoundDocuments.roundId, documentId: trainingRoundDocuments.documentId })
    .from(trainingRoundDocuments)
    .innerJoin(documents, eq(documents.id, trainingRoundDocuments.documentId))
    .where(inArray(trainingRoundDocuments.roundId, rounds.map((r) => r.id)))
    .orderBy(asc(documents.sortOrder), asc(documents.title))
    .all();
  return rounds.map((r) => ({ ...r, documentIds: members.filter((m) => m.roundId === r.id).map((m) => m.documentId) }));
}

function cleanName(name: string): string {
  const n = name.trim();
  if (!n) throw new TrainingRoundError('round.name_empty');
  return n;
}

function nameTaken(db: Db, projectId: number, name: string, except?: number): boolean {
  const row = db
    .select({ id: trainingRounds.id })
    .from(trainingRounds)
    .where(and(eq(trainingRounds.projectId, projectId), eq(trainingRounds.name, name)))
    .get();
  return row !== undefined && row.id !== except;
}

function requireRound(db: Db, projectId: number, roundId: number) {
  const row = db
    .select()
    .from(trainingRounds)
    .where(and(eq(trainingRounds.projectId, projectId), eq(trainingRounds.id, roundId)))
    .get();
  if (!row) throw new TrainingRoundError('round.not_found', { id: roundId });
  return row;
}

/** Adds a round after the last one. */
export async function createRound(db: Db, projectId: number, name: string): Promise<TrainingRound> {
  await dbReady(db);
  const n = cleanName(name);
  return await transaction(db, async (tx) => {
    if (nameTaken(tx, projectId, n)) throw new TrainingRoundError('round.name_taken', { name: n });
    const last = tx.select({ p: max(trainingRounds.position) }).from(trainingRounds).where(eq(trainingRounds.projectId, projectId)).get()?.p;
    const position = last == null ? 1 : last + 1;
    const id = tx.insert(trainingRounds).values({ projectId, name: n, position }).returning({ id: trainingRounds.id }).get().id;
    return { id, name: n, position, documentIds: [] };
  });
}

export async function renameRound(db: Db, projectId: number, roundId: number, name: string): Promise<void> {
  await dbReady(db);
  const n = cleanName(name);
  await transaction(db, async (tx) => {
    requireRound(tx, projectId, roundId);
    if (nameTaken(tx, projectId, n, roundId)) throw new TrainingRoundError('round.name_taken', { name: n });
    tx.update(trainingRounds).set({ name: n }).where(eq(trainingRounds.id, roundId)).run();
  });
}

/** Deletes a round; its documents stay, in no round. */
export async function deleteRound(db: Db, projectId: number, roundId: number): Promise<void> {
  await transaction(db, async (tx) => {
    requireRound(tx, projectId, roundId);
    tx.delete(trainingRounds).where(eq(trainingRounds.id, roundId)).run();
  });
}

/** Puts the rounds in the given order (ids of the project's rounds; others keep their place after them). */
export async function reorderRounds(db: Db, projectId: number, roundIds: readonly number[]): Promise<void> {
  await transaction(db, async (tx) => {
    for (const id of roundIds) requireRound(tx, projectId, id);
    const rest = (await roundsOfProject(tx, projectId)).filter((r) => !roundIds.includes(r.id)).map((r) => r.id);
    [...new Set(roundIds), ...rest].forEach((id, i) => tx.update(trainingRounds).set({ position: i + 1 }).where(eq(trainingRounds.id, id)).run());
  });
}

/**
 * Makes `documentIds` the documents of the round: the ones listed join it (leaving any other
 * round they were in), the round's others leave it.
 */
export async function setRoundDocuments(db: Db, projectId: number, roundId: number, documentIds: readonly number[]): Promise<void> {
  await dbReady(db);
  const wanted = [...new Set(documentIds)];
  await transaction(db, async (tx) => {
    requireRound(tx, projectId, roundId);
    if (wanted.length) {
      const known = new Set(
        tx.select({ id: documents.id }).from(documents).where(and(eq(documents.projectId, projectId), inArray(documents.id, wanted))).all().map((d) => d.id),
      );
      const unknown = wanted.find((id) => !known.has(id));
      if (unknown !== undefined) throw new TrainingRoundError('round.unknown_document', { id: unknown });
    }
    tx.delete(trainingRoundDocuments).where(eq(trainingRoundDocuments.roundId, roundId)).run();
    if (wanted.length) {
      tx.delete(trainingRoundDocuments).where(inArray(trainingRoundDocuments.documentId, wanted)).run();
      tx.insert(trainingRoundDocuments).values(wanted.map((documentId) => ({ documentId, roundId }))).run();
    }
  });
}
