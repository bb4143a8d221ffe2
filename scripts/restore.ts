/**
 * `npm run restore -- <file> [--yes] [--db <database>]`: replaces the app's database
 * (DATABASE_PATH, or --db) with a backup. The backup is checked first (a SQLite file that
 * passes integrity_check and holds this app's tables); the database it replaces is kept as
 * `<name>.before-restore-<timestamp>`. Asks for confirmation unless --yes. Uses SQLite's
 * backup API, so the app may keep running; restart it if the backup predates a migration.
 */
import path from 'node:path';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { inspectDatabase, restoreDatabase, type DatabaseInspection } from '../db/backup';
import { databasePath } from '../db/client';

const describe = (i: DatabaseInspection) =>
  `${i.counts.projects} projects, ${i.counts.users} users, ${i.counts.documents} documents, ${i.counts.codings} codings (${i.migrations} migrations)`;

async function main() {
  const { values, positionals } = parseArgs({ options: { db: { type: 'string' }, yes: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error('Usage: npm run restore -- <backup file> [--yes] [--db <database>]');
  const backup = path.resolve(positionals[0]);
  const live = values.db ? path.resolve(values.db) : databasePath();

  const incoming = inspectDatabase(backup);
  if (!incoming.ok) throw new Error(`${backup} cannot be restored:\n- ${incoming.problems.join('\n- ')}`);
  const current = inspectDatabase(live);
  console.log(`Backup:   ${backup}\n          ${describe(incoming)}`);
  console.log(`Replaces: ${live}\n          ${current.ok ? describe(current) : current.problems.join('; ')}`);

  if (!values.yes) {
    if (!process.stdin.isTTY) throw new Error('Not restoring: confirm at a terminal, or pass --yes');
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question('Replace the database with the backup? The current one is kept beside it. Type "yes": ');
    rl.close();
    if (answer.trim().toLowerCase() !== 'yes') {
      console.log('Nothing was changed.');
      return;
    }
  }
  const result = await restoreDatabase(backup, live);
  console.log(`Restored ${live}: ${describe(result.restored)}.`);
  if (result.previous) console.log(`The previous database is kept at ${result.previous}`);
  if (current.ok && incoming.migrations < current.migrations) {
    console.log('The backup predates some of this version’s migrations: restart the app so it applies them.');
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
