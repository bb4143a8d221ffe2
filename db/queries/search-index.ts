/**
 * Maintenance of the full-text index of turns (created and kept in step by the search-index
 * migration's triggers): a check for `npm run db:check`, and a rebuild should it ever be
 * needed (after restoring a table by hand with triggers off, say).
 */
import type { Db } from '../client';
import { FTS_TABLE, ftsIndexedText } from '@/lib/search/fts-schema';

/** What is wrong with the index: turns missing from it, rows for no turn, text out of step. Empty when all is well. */
export function searchIndexProblems(db: Db): string[] {
  const c = db.$client;
  const problems: string[] = [];
  const missing = c.prepare(`SELECT count(*) FROM turns t WHERE NOT EXISTS (SELECT 1 FROM ${FTS_TABLE} f WHERE f.rowid = t.id)`).pluck().get() as number;
  if (missing) problems.push(`${missing} turns are missing from the search index`);
  const orphans = c.prepare(`SELECT count(*) FROM ${FTS_TABLE} f WHERE NOT EXISTS (SELECT 1 FROM turns t WHERE t.id = f.rowid)`).pluck().get() as number;
  if (orphans) problems.push(`${orphans} search index rows belong to no turn`);
  const stale = c
    .prepare(`SELECT count(*) FROM turns t JOIN ${FTS_TABLE} f ON f.rowid = t.id WHERE f.text IS NOT (${ftsIndexedText('t.text')})`)
    .pluck()
    .get() as number;
  if (stale) problems.push(`${stale} turns have other text in the search index`);
  try {
    c.prepare(`INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES ('integrity-check')`).run();
  } catch (e) {
    problems.push(`The search index is damaged: ${(e as Error).message}`);
  }
  return problems;
}

/** Empties the index and fills it again from the turns, in one transaction. */
export function rebuildSearchIndex(db: Db): void {
  const c = db.$client;
  c.transaction(() => {
    c.prepare(`DELETE FROM ${FTS_TABLE}`).run();
    c.prepare(`INSERT INTO ${FTS_TABLE}(rowid, text) SELECT id, ${ftsIndexedText('text')} FROM turns`).run();
  })();
}
