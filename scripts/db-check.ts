/** `npm run db:check`: verifies the database invariants and prints a report; exits 1 on any problem. */
import { databasePath, openDatabase } from '../db/client';
import { checkIntegrity } from '../db/queries/integrity';

const file = process.argv[2] ?? databasePath();
const report = checkIntegrity(openDatabase(file));
console.log(`Checked ${file}: ${report.documents} documents, ${report.turns} turns, ${report.codings} codings.`);
if (report.problems.length === 0) {
  console.log('All invariants hold: quotes match the text, offsets are in range, turns are contiguous, no orphans.');
} else {
  console.log(`${report.problems.length} problems:`);
  for (const p of report.problems.slice(0, 200)) console.log(`- ${p}`);
  process.exit(1);
}
