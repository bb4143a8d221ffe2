/**
 * Maintenance of the full-text index of turns (created by migration 0003 and kept in step by
 * the triggers of 0005): a check for `npm run db:check`, and a rebuild should it ever be
 * needed (after restoring a table by hand with triggers off, say).
 */
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { FTS_TABLE, foldedForIndex, ftsRebuildStatements } from '@/lib/search/fts-schema';

/** What is wrong with the index: turns missing from it, rows for no turn, text out of step. Empty when all is well. */
export async function searchIndexProblems(db: Db): Promise<string[]> {
  await dbReady(db);
  const c = db.$client;
  const problems: string[] = [];
  const missing = c.prepare(`SELECT count(*) FROM turns t WHERE NOT EXISTS (SELECT 1 FROM ${FTS_TABLE} f WHERE f.rowid = t.id)`).pluck().get() as number;
  if (missing) problems.push(`${missing} turns are missing from the search index`);
  const orphans = c.prepare(`SELECT count(*) FROM ${FTS_TABLE} f WHERE NOT EXISTS (SELECT 1 FROM turns t WHERE t.id = f.rowid)`).pluck().get() as number;
  if (orphans) problems.push(`${orphans} search index rows belong to no turn`);
  let stale = 0;
  const pairs = c.prepare(`SELECT t.text AS text, f.text AS indexed FROM turns t JOIN ${FTS_TABLE} f ON f.rowid = t.id`);
  for (const { text, indexed } of pairs.iterate() as Iterable<{ text: string; indexed: string | null }>) {
    if (indexed !== foldedForIndex(text)) stale++;
  }
  if (stale) problems.push(`${stale} turns have other text in the search index`);
  try {
    c.prepare(`INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES ('integrity-check')`).run();
  } catch (e) {
    problems.push(`The search index is damaged: ${(e as Error).message}`);
  }
  return problems;
}

/** Empties the index and fills it again from the turns, in one transaction (as migration 0005 does). */
export async function rebuildSearchIndex(db: Db): Promise<void> {
  await dbReady(db);
  const c = db.$client;
  c.transaction(() => {
    for (const statement of ftsRebuildStatements()) c.prepare(statement).run();
  })();
}
