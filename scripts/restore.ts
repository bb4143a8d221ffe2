/**
 * `npm run restore -- <file> [--yes] [--db <database>]`: replaces the app's database
 * (DATABASE_PATH, or --db) with a backup. The backup is checked first (a SQLite file that
 * passes integrity_check and holds this app's tables); the database it replaces is kept as
 * `<name>.before-restore-<timestamp>`. Asks for confirmation unless --yes. Uses SQLite's
 * backup API, so the app may keep running; restart it if the backup predates a migration.
 *
 * On PostgreSQL (DATABASE_URL, or `--db`, a postgres:// URL): <file> is a `npm run backup` of a
 * PostgreSQL database (pg_dump custom format), restored with pg_restore in one transaction into
 * an EMPTY database only — a non-empty one is refused and left as it is (restore into a new
 * database, then point DATABASE_URL at it; the old one is the copy kept). Same check of the backup
 * first, same confirmation (--yes). See db/pg-backup.ts.
 */
import path from 'node:path';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { inspectDatabase, restoreDatabase, type DatabaseInspection } from '../db/backup';
import { databasePath } from '../db/client';
import { inspectPgDump, inspectRestoreTarget, isPostgresUrl, notEmptyError, restorePostgres } from '../db/pg-backup';
import { redactPassword } from '../lib/db-url';

const describe = (i: DatabaseInspection) =>
  `${i.counts.projects} projects, ${i.counts.users} users, ${i.counts.documents} documents, ${i.counts.codings} codings (${i.migrations} migrations)`;

async function main() {
  const { values, positionals } = parseArgs({ options: { db: { type: 'string' }, yes: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error('Usage: npm run restore -- <backup file> [--yes] [--db <database>]');
  const backup = path.resolve(positionals[0]);
  const url = values.db ? (isPostgresUrl(values.db) ? values.db : undefined) : process.env.DATABASE_URL?.trim() || undefined;
  if (url) return restoreIntoPostgres(backup, url, values.yes);
  const live = values.db ? path.resolve(values.db) : databasePath();

  const incoming = inspectDatabase(backup);
  if (!incoming.ok) throw new Error(`${backup} cannot be restored:\n- ${incoming.problems.join('\n- ')}`);
  const current = inspectDatabase(live);
  console.log(`Backup:   ${backup}\n          ${describe(incoming)}`);
  console.log(`Replaces: ${live}\n          ${current.ok ? describe(current) : current.problems.join('; ')}`);

  if (!values.yes && !(await confirm('Replace the database with the backup? The current one is kept beside it. Type "yes": '))) {
    console.log('Nothing was changed.');
    return;
  }
  const result = await restoreDatabase(backup, live);
  console.log(`Restored ${live}: ${describe(result.restored)}.`);
  if (result.previous) console.log(`The previous database is kept at ${result.previous}`);
  if (current.ok && incoming.migrations < current.migrations) {
    console.log('The backup predates some of this version’s migrations: restart the app so it applies them.');
  }
}

/** Asks at the terminal; throws when there is none (pass --yes there). */
async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new Error('Not restoring: confirm at a terminal, or pass --yes');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(question);
  rl.close();
  return answer.trim().toLowerCase() === 'yes';
}

async function restoreIntoPostgres(backup: string, url: string, yes: boolean) {
  const incoming = await inspectPgDump(backup);
  if (!incoming.ok) throw new Error(`${backup} cannot be restored:\n- ${incoming.problems.join('\n- ')}`);
  const { target, notEmpty } = await inspectRestoreTarget(url);
  console.log(`Backup:   ${backup}\n          PostgreSQL backup (pg_dump), ${incoming.tables.length} tables`);
  console.log(`Into:     ${target.description}\n          ${notEmpty ? `not empty: ${notEmpty}` : 'empty'}`);
  if (notEmpty) throw notEmptyError(target, notEmpty);
  if (!yes && !(await confirm('Restore the backup into this database? Type "yes": '))) {
    console.log('Nothing was changed.');
    return;
  }
  const t0 = Date.now();
  const { counts } = await restorePostgres(backup, url);
  console.log(`Restored into ${target.description} in ${Date.now() - t0} ms: ${counts.projects} projects, ${counts.users} users, ${counts.documents} documents, ${counts.codings} codings.`);
  console.log('Point DATABASE_URL at this database and start the app; it applies any newer migrations.');
}

main().catch((e: Error) => {
  console.error(redactPassword(e.message));
  process.exit(1);
});
