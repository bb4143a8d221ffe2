/**
 * `npm run db:migrate-to-postgres -- <sqlite file> [<postgres url>]`: copies an SQLite instance
 * into an empty PostgreSQL database (db/copy-to-postgres.ts), in one transaction, and prints the
 * row counts of both sides per table. The URL may instead come from DATABASE_URL (which keeps the
 * password off the command line). Exit code 0 when copied and verified, 2 for bad input (missing
 * or unreadable SQLite file, bad URL, unreachable server), 1 when the copy failed or was refused
 * (the target is then left as it was).
 */
import { parseArgs } from 'node:util';
import { copySqliteToPostgres, CopyError, formatReport } from '../db/copy-to-postgres';
import { redactPassword } from '../lib/db-url';

const USAGE = 'Usage: npm run db:migrate-to-postgres -- <sqlite file> <postgres://user:password@host:5432/database>\n' +
  '       (or set DATABASE_URL and give only the SQLite file)';

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  const [file, urlArg] = positionals;
  const url = urlArg ?? process.env.DATABASE_URL;
  if (!file || !url || positionals.length > 2) {
    console.error(USAGE);
    return 2;
  }
  try {
    const report = await copySqliteToPostgres(file, url, { log: (line) => console.log(`  ${line}`) });
    console.log('');
    console.log(formatReport(report));
    return 0;
  } catch (e) {
    if (e instanceof CopyError) {
      console.error(e.message);
      return e.exitCode;
    }
    console.error(redactPassword(e instanceof Error ? (e.stack ?? e.message) : String(e)));
    return 1;
  }
}

void main().then((code) => process.exit(code));
