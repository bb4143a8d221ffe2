/**
 * What search on PostgreSQL needs in the database (issue #20, item 3), written into the custom
 * migration db/migrations-pg/0001_search_trgm.sql (db/pg/search.test.ts holds the two equal):
 *
 * - `fgc_search_fold(text)`: the text folded as lib/search/words.ts's `foldWord` folds it — İ → i,
 *   then lower case by ICU's root locale (the Unicode default mapping JavaScript's toLowerCase
 *   uses; never the server's locale, so a C or Turkish locale changes nothing), then unicode61's
 *   extra folds (ς → σ, ſ → s, …) by `translate`. ICU is required (`und-x-icu`, in every common
 *   PostgreSQL build).
 * - a pg_trgm GIN index on the folded text of turns, so `fgc_search_fold(text) LIKE '%word%'`
 *   finds candidate turns through the index wherever the server's locale lets pg_trgm see the
 *   letters (in a C locale it still answers, scanning).
 *
 * The index only narrows down which turns to look at: hits and offsets are computed by
 * lib/search/match.ts, exactly as on SQLite, so the two engines agree whenever the candidates of
 * both include every turn that matches.
 */
import { EXTRA_FOLDS } from '../../lib/search/fts-data';

export const PG_FOLD_FUNCTION = 'fgc_search_fold';
export const PG_SEARCH_INDEX = 'turns_search_trgm';

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The statements of the migration, in order. */
export function pgSearchStatements(): string[] {
  const from = EXTRA_FOLDS.map(([f]) => String.fromCodePoint(f)).join('');
  const to = EXTRA_FOLDS.map(([, t]) => String.fromCodePoint(t)).join('');
  return [
    'CREATE EXTENSION IF NOT EXISTS pg_trgm',
    `CREATE FUNCTION ${PG_FOLD_FUNCTION}(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN translate(lower(replace(t, 'İ', 'i') COLLATE "und-x-icu"), ${sqlString(from)}, ${sqlString(to)})`,
    `CREATE INDEX ${PG_SEARCH_INDEX} ON turns USING gin (${PG_FOLD_FUNCTION}(text) gin_trgm_ops)`,
  ];
}

/** The migration file's text. */
export function pgSearchMigration(): string {
  return `-- Search on PostgreSQL (issue #20, item 3); written from db/pg/search-schema.ts.\n${pgSearchStatements().map((s) => `${s};`).join('\n--> statement-breakpoint\n')}\n`;
}
