/**
 * The SQLite connection: one per process, WAL, foreign keys on, a busy timeout so
 * concurrent writers wait instead of failing. Migrations are applied on open.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');

/** Where the app keeps its database unless DATABASE_PATH says otherwise. */
export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || path.join(process.cwd(), 'data', 'app.db'));
}

/** Thrown when the database file cannot be created or written; names the path. */
export class DatabasePathError extends Error {}

/**
 * Opens (creating if needed) the database at `file`, applies pending migrations and
 * returns the drizzle handle. Throws DatabasePathError naming the path when the
 * directory or file is not writable.
 */
export function openDatabase(file: string): Db {
  const dir = path.dirname(/*turbopackIgnore: true*/ file);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
  } catch (e) {
    throw new DatabasePathError(
      `Cannot write the database at ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}. ` +
        'Set DATABASE_PATH to a writable file.',
    );
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (e) {
    throw new DatabasePathError(`Cannot open the database at ${file}: ${(e as Error).message}`);
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

const globalForDb = globalThis as unknown as { __db?: Db };

/** The process-wide connection to DATABASE_PATH. */
export function getDb(): Db {
  if (!globalForDb.__db) globalForDb.__db = openDatabase(databasePath());
  return globalForDb.__db;
}

/**
 * A transaction handle, as passed to the body of `transaction(db, async (tx) => …)`
 * (db/transaction.ts). On SQLite it is the connection itself; queries inside the body should
 * still use it, so that an engine with a pool can hand each transaction its own client.
 */
export type Tx = Db;
/** Anything queries can run on: the connection or a transaction. */
export type Queryable = Db | Tx;
