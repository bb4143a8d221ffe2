/**
 * `npm run backup -- <file>`: copies the app's database (DATABASE_PATH, or `--db <path>`) to
 * <file> with SQLite's online backup API, so it can run while the app is serving. Refuses to
 * overwrite an existing file; checks the copy.
 *
 * On PostgreSQL (DATABASE_URL, or `--db`, a postgres:// URL): `pg_dump -Fc` to <file>, the
 * password passed through the tool's environment only (db/pg-backup.ts); same refusals and check.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase } from '../db/backup';
import { databasePath } from '../db/client';
import { backupPostgres, isPostgresUrl } from '../db/pg-backup';
import { parseDatabaseUrl, redactPassword } from '../lib/db-url';

async function main() {
  const { values, positionals } = parseArgs({ options: { db: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error('Usage: npm run backup -- <backup file> [--db <database file or postgres:// URL>]');
  const target = path.resolve(positionals[0]);
  const t0 = Date.now();
  const url = values.db ? (isPostgresUrl(values.db) ? values.db : undefined) : process.env.DATABASE_URL?.trim() || undefined;
  if (url) {
    const where = parseDatabaseUrl(url).description;
    const copy = await backupPostgres(url, target);
    const { projects, users, documents, codings } = copy.counts;
    console.log(`Backed up ${where} to ${target} (pg_dump, custom format) in ${Date.now() - t0} ms: ${projects} projects, ${users} users, ${documents} documents, ${codings} codings; pg_restore reads it.`);
    return;
  }
  const source = values.db ? path.resolve(values.db) : databasePath();
  const copy = await backupDatabase(source, target);
  const { projects, users, documents, codings } = copy.counts;
  console.log(`Backed up ${source} to ${target} in ${Date.now() - t0} ms: ${projects} projects, ${users} users, ${documents} documents, ${codings} codings; integrity check ok.`);
}

main().catch((e: Error) => {
  console.error(redactPassword(e.message));
  process.exit(1);
});
