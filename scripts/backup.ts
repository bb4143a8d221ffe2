/**
 * `npm run backup -- <file>`: copies the app's database (DATABASE_PATH, or `--db <path>`) to
 * <file> with SQLite's online backup API, so it can run while the app is serving. Refuses to
 * overwrite an existing file; checks the copy.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase } from '../db/backup';
import { databasePath } from '../db/client';

async function main() {
  const { values, positionals } = parseArgs({ options: { db: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error('Usage: npm run backup -- <backup file> [--db <database>]');
  const source = values.db ? path.resolve(values.db) : databasePath();
  const target = path.resolve(positionals[0]);
  const t0 = Date.now();
  const copy = await backupDatabase(source, target);
  const { projects, users, documents, codings } = copy.counts;
  console.log(`Backed up ${source} to ${target} in ${Date.now() - t0} ms: ${projects} projects, ${users} users, ${documents} documents, ${codings} codings; integrity check ok.`);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
