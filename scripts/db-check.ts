/**
 * `npm run db:check [-- <path>]`: verifies the database invariants and prints a report; exits
 * 1 on any problem, 2 when there is no database at the path (it never creates one: a mistyped
 * path must not be reported as a clean, empty database).
 */
import fs from 'node:fs';
import path from 'node:path';
import { databasePath, openDatabase } from '../db/client';
import { checkIntegrity } from '../db/queries/integrity';

const file = path.resolve(process.argv[2] ?? databasePath());
const stat = fs.statSync(file, { throwIfNoEntry: false });
if (!stat || !stat.isFile()) {
  console.error(
    `No database at ${file}: ${stat ? 'that is not a file' : 'the file does not exist'}. ` +
      'db:check checks an existing database and creates none; pass its path (npm run db:check -- <path>) or set DATABASE_PATH.',
  );
  process.exit(2);
}
async function main() {
  const report = await checkIntegrity(openDatabase(file));
  console.log(`Checked ${file}: ${report.documents} documents, ${report.turns} turns, ${report.codings} codings.`);
  if (report.problems.length === 0) {
    console.log('All invariants hold: quotes match the text, offsets are in range, turns are contiguous, no orphans.');
  } else {
    console.log(`${report.problems.length} problems:`);
    for (const p of report.problems.slice(0, 200)) console.log(`- ${p}`);
    process.exit(1);
  }
}

void main();
