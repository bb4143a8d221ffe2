/** A project's saved searches: listed for every member, saved by name, deleted by their author or a lead. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady, transaction } from '../transaction';
import { savedSearches, users } from '../schema';
import { EMPTY_SEARCH, searchOptionsSchema, type SearchOptions } from '@/lib/search/options';
import { DomainError } from '@/lib/errors';
import type { SavedSearchView } from '@/lib/search/views';

export class SavedSearchError extends DomainError {}

/** Options as stored; anything that no longer parses (an older shape) falls back to the query alone. */
function storedOptions(query: string, raw: unknown): SearchOptions {
  const parsed = searchOptionsSchema.safeParse({ ...(raw as object), q: query });
  return parsed.success ? parsed.data : { ...EMPTY_SEARCH, q: query };
}

export async function savedSearchesOfProject(db: Db, projectId: number): Promise<SavedSearchView[]> {
  await dbReady(db);
  return db
    .select({
      id: savedSearches.id,
      name: savedSearches.name,
      query: savedSearches.query,
      options: savedSearches.options,
      createdBy: savedSearches.createdBy,
      createdByName: users.name,
      updatedAt: savedSearches.updatedAt,
    })
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.createdBy))
    .where(eq(savedSearches.projectId, projectId))
    .orderBy(asc(savedSearches.name))
    .all()
    .map(({ query, options, updatedAt, ...s }) => ({ ...s, options: storedOptions(query, options), updatedAt: updatedAt.toISOString() }));
}

/**
 * Saves a search under a name. Saving again under one's own name replaces it; a name
 * another member uses is refused.
 */
export async function saveSearch(db: Db, input: { projectId: number; userId: number; name: string; options: SearchOptions }): Promise<SavedSearchView> {
  return await transaction(db, async (tx) => {
    const { q, ...rest } = input.options;
    const existing = tx
      .select()
      .from(savedSearches)
      .where(and(eq(savedSearches.projectId, input.projectId), eq(savedSearches.name, input.name)))
      .get();
    let id: number;
    if (existing) {
      if (existing.createdBy !== input.userId) throw new SavedSearchError('saved_search.name_taken', { name: input.name });
      tx.update(savedSearches).set({ query: q, options: rest, updatedAt: new Date() }).where(eq(savedSearches.id, existing.id)).run();
      id = existing.id;
    } else {
      id = tx
        .insert(savedSearches)
        .values({ projectId: input.projectId, createdBy: input.userId, name: input.name, query: q, options: rest })
        .returning({ id: savedSearches.id })
        .get().id;
    }
    const row = tx
      .select({ s: savedSearches, createdByName: users.name })
      .from(savedSearches)
      .innerJoin(users, eq(users.id, savedSearches.createdBy))
      .where(eq(savedSearches.id, id))
      .get()!;
    return {
      id,
      name: row.s.name,
      options: storedOptions(row.s.query, row.s.options),
      createdBy: row.s.createdBy,
      createdByName: row.createdByName,
      updatedAt: row.s.updatedAt.toISOString(),
    };
  });
}

/** Deletes a saved search; only its author or a lead may. */
export async function deleteSavedSearch(db: Db, input: { projectId: number; id: number; userId: number; isLead: boolean }): Promise<void> {
  await dbReady(db);
  const row = db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.id, input.id), eq(savedSearches.projectId, input.projectId)))
    .get();
  if (!row) throw new SavedSearchError('saved_search.not_found', { id: input.id });
  if (row.createdBy !== input.userId && !input.isLead) throw new SavedSearchError('saved_search.only_author_or_lead_deletes');
  db.delete(savedSearches).where(eq(savedSearches.id, row.id)).run();
}
