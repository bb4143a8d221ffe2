/**
 * Named sets of codes, documents or participants (issue #18 item 4): listed, created with
 * their members, renamed, deleted, and resolved to member ids for the analysis and export
 * filters. Members must be of the set's kind and of its project.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../client';
import { dbReady, transaction } from '../transaction';
import { codes, documents, itemSetMembers, itemSets, participants, SET_KINDS } from '../schema';
import { DomainError } from '@/lib/errors';
import type { AnalysisFilter } from '@/lib/analysis/types';

export class ItemSetError extends DomainError {}
export type SetKind = (typeof SET_KINDS)[number];

export interface ItemSet {
  id: number;
  kind: SetKind;
  name: string;
  description: string;
  memberIds: number[];
}

const memberTable = { code: codes, document: documents, participant: participants } as const;

/** The project's sets (of one kind, or all), by kind then name, with their member ids. */
export async function setsOfProject(db: Queryable, projectId: number, kind?: SetKind): Promise<ItemSet[]> {
  await dbReady(db);
  const rows = db
    .select()
    .from(itemSets)
    .where(kind ? and(eq(itemSets.projectId, projectId), eq(itemSets.kind, kind)) : eq(itemSets.projectId, projectId))
    .orderBy(asc(itemSets.kind), asc(itemSets.name))
    .all();
  if (rows.length === 0) return [];
  const members = db.select().from(itemSetMembers).where(inArray(itemSetMembers.setId, rows.map((r) => r.id))).all();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    description: r.description,
    memberIds: members
      .filter((m) => m.setId === r.id)
      .map((m) => (r.kind === 'code' ? m.codeId : r.kind === 'document' ? m.documentId : m.participantId))
      .filter((id): id is number => id != null)
      .sort((a, b) => a - b),
  }));
}

/** Creates a set with its members; names are unique per project and kind. */
export async function createSet(db: Queryable, input: { projectId: number; kind: SetKind; name: string; description?: string; memberIds: readonly number[] }): Promise<ItemSet> {
  await dbReady(db);
  const name = input.name.trim();
  if (!name) throw new ItemSetError('set.name_empty');
  return await transaction(db, async (tx) => {
    const taken = tx
      .select({ id: itemSets.id })
      .from(itemSets)
      .where(and(eq(itemSets.projectId, input.projectId), eq(itemSets.kind, input.kind), eq(itemSets.name, name)))
      .get();
    if (taken) throw new ItemSetError('set.name_taken', { name });
    const id = tx
      .insert(itemSets)
      .values({ projectId: input.projectId, kind: input.kind, name, description: input.description ?? '' })
      .returning({ id: itemSets.id })
      .get().id;
    await setMembers(tx, input.projectId, id, input.memberIds);
    return (await setsOfProject(tx, input.projectId, input.kind)).find((s) => s.id === id)!;
  });
}

function requireSet(db: Queryable, projectId: number, setId: number) {
  const row = db.select().from(itemSets).where(and(eq(itemSets.projectId, projectId), eq(itemSets.id, setId))).get();
  if (!row) throw new ItemSetError('set.not_found', { id: setId });
  return row;
}

/** Replaces the members of a set; ids not of the project (or not of the set's kind) are refused. */
export async function setMembers(db: Queryable, projectId: number, setId: number, memberIds: readonly number[]): Promise<void> {
  await dbReady(db);
  const ids = [...new Set(memberIds)];
  await transaction(db, async (tx) => {
    const set = requireSet(tx, projectId, setId);
    const table = memberTable[set.kind];
    if (ids.length) {
      const known = new Set(
        tx.select({ id: table.id }).from(table).where(and(eq(table.projectId, projectId), inArray(table.id, ids))).all().map((r) => r.id),
      );
      const unknown = ids.find((id) => !known.has(id));
      if (unknown !== undefined) throw new ItemSetError('set.unknown_member', { id: `${set.kind} ${unknown}` });
    }
    tx.delete(itemSetMembers).where(eq(itemSetMembers.setId, setId)).run();
    if (ids.length) tx.insert(itemSetMembers).values(ids.map((id) => ({ setId, [set.kind === 'code' ? 'codeId' : set.kind === 'document' ? 'documentId' : 'participantId']: id }))).run();
  });
}

export async function renameSet(db: Queryable, projectId: number, setId: number, name: string): Promise<void> {
  await dbReady(db);
  const n = name.trim();
  if (!n) throw new ItemSetError('set.name_empty');
  await transaction(db, async (tx) => {
    const set = requireSet(tx, projectId, setId);
    const taken = tx.select({ id: itemSets.id }).from(itemSets).where(and(eq(itemSets.projectId, projectId), eq(itemSets.kind, set.kind), eq(itemSets.name, n))).get();
    if (taken && taken.id !== setId) throw new ItemSetError('set.name_taken', { name: n });
    tx.update(itemSets).set({ name: n }).where(eq(itemSets.id, setId)).run();
  });
}

export async function deleteSet(db: Queryable, projectId: number, setId: number): Promise<void> {
  await dbReady(db);
  requireSet(db, projectId, setId);
  db.delete(itemSets).where(eq(itemSets.id, setId)).run();
}

/**
 * The members of the given sets of one kind, as a filter: the union of their member ids, or
 * null when no set is given (no filter). Sets of another kind or project are refused.
 */
export async function setFilterIds(db: Queryable, projectId: number, kind: SetKind, setIds: readonly number[] | null | undefined): Promise<number[] | null> {
  await dbReady(db);
  if (!setIds?.length) return null;
  const sets = await setsOfProject(db, projectId, kind);
  const out = new Set<number>();
  for (const id of setIds) {
    const set = sets.find((s) => s.id === id);
    if (!set) throw new ItemSetError('set.not_found', { id });
    for (const m of set.memberIds) out.add(m);
  }
  return [...out].sort((a, b) => a - b);
}


/** Chosen sets of each kind, by id (what the analysis and export screens pass). */
export interface SetChoice {
  codeSets?: readonly number[] | null;
  documentSets?: readonly number[] | null;
  participantSets?: readonly number[] | null;
}

/**
 * The filter narrowed to the members of the chosen sets: codes of the code sets, documents
 * of the document sets (within the filter's own documents), codings attributed to
 * participants of the participant sets. Several sets of a kind are their union.
 */
export async function filterWithSets(db: Queryable, projectId: number, filter: AnalysisFilter, sets: SetChoice): Promise<AnalysisFilter> {
  await dbReady(db);
  const codeIds = await setFilterIds(db, projectId, 'code', sets.codeSets);
  const docIds = await setFilterIds(db, projectId, 'document', sets.documentSets);
  const participantIds = await setFilterIds(db, projectId, 'participant', sets.participantSets);
  const documentIds = docIds === null ? filter.documentIds : filter.documentIds ? filter.documentIds.filter((id) => docIds.includes(id)) : docIds;
  return {
    ...filter,
    documentIds,
    codeIds: codeIds === null ? (filter.codeIds ?? null) : filter.codeIds ? filter.codeIds.filter((id) => codeIds.includes(id)) : codeIds,
    participantIds: participantIds === null ? (filter.participantIds ?? null) : participantIds,
  };
}
