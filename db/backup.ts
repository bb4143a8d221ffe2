/**
 * Backup and restore of the app's SQLite database, both through SQLite's online backup API,
 * so either runs while the app is serving: a backup is a consistent snapshot, and a restore
 * writes the backup's pages into the live database under SQLite's own locks (other
 * connections see the restored data on their next read).
 *
 * A file is only restored once it is known to be a database of this app: a SQLite file that
 * passes `PRAGMA integrity_check` and holds the app's core tables and its migration log. The
 * database it replaces is first copied, the same way, to `<name>.before-restore-<timestamp>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Tables every database of this app has, whatever its version. */
export const CORE_TABLES = [
  '__drizzle_migrations',
  'users',
  'projects',
  'members',
  'attribute_definitions',
  'documents',
  'participants',
  'turns',
  'codes',
  'codings',
  'memos',
  'translations',
  'audit_events',
] as const;

const SQLITE_HEADER = 'SQLite format 3\0';

export interface DatabaseInspection {
  ok: boolean;
  /** What is wrong, one sentence each; empty when ok. */
  problems: string[];
  tables: string[];
  /** Migrations the file has applied. */
  migrations: number;
  counts: { projects: number; users: number; documents: number; codings: number };
}

/** Opens `file` read-only, checks it is an intact database of this app, and counts what it holds. Never writes to it. */
export function inspectDatabase(file: string): DatabaseInspection {
  const empty = { tables: [], migrations: 0, counts: { projects: 0, users: 0, documents: 0, codings: 0 } };
  if (!fs.existsSync(file)) return { ok: false, problems: [`${file} does not exist`], ...empty };
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(16);
  fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  if (head.toString('latin1') !== SQLITE_HEADER) return { ok: false, problems: [`${file} is not a SQLite database`], ...empty };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems: string[] = [];
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    const bad = check.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (bad.length > 0) problems.push(`The integrity check failed: ${bad.slice(0, 5).join('; ')}`);
    const tables = (db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((r) => r.name);
    const missing = CORE_TABLES.filter((t) => !tables.includes(t));
    if (missing.length > 0) problems.push(`It is not a database of this app: it lacks the table(s) ${missing.join(', ')}`);
    const count = (table: string) => (tables.includes(table) ? (db!.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n : 0);
    return {
      ok: problems.length === 0,
      problems,
      tables,
      migrations: count('__drizzle_migrations'),
      counts: { projects: count('projects'), users: count('users'), documents: count('documents'), codings: count('codings') },
    };
  } catch (e) {
    return { ok: false, problems: [`${file} cannot be read as a database: ${e instanceof Error ? e.message : String(e)}`], ...empty };
  } finally {
    db?.close();
  }
}

/**
 * Copies the database at `source` to `target` with the online backup API (a consistent
 * snapshot even while the app writes). Refuses to overwrite an existing file. Resolves to
 * the inspection of the copy.
 */
export async function backupDatabase(source: string, target: string): Promise<DatabaseInspection> {
  if (!fs.existsSync(source)) throw new Error(`There is no database at ${source}`);
  if (fs.existsSync(target)) throw new Error(`${target} already exists; choose another file name`);
  if (path.resolve(source) === path.resolve(target)) throw new Error('The backup cannot be the database itself');
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } finally {
    db.close();
  }
  // A backup is one self-contained file: rollback journal, no -wal/-shm beside it.
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const inspection = inspectDatabase(target);
  if (!inspection.ok) throw new Error(`The backup at ${target} failed its check: ${inspection.problems.join('; ')}`);
  return inspection;
}

/** `<name>.before-restore-<timestamp>`, the timestamp without colons (safe on every file system). */
export function beforeRestoreName(live: string, now: Date): string {
  return `${live}.before-restore-${now.toISOString().replace(/:/g, '-').replace(/\.\d{3}Z$/, 'Z')}`;
}

export interface RestoreResult {
  /** Where the database as it was before the restore is kept (absent when there was none). */
  previous?: string;
  restored: DatabaseInspection;
}

/**
 * Restores `backup` into the database at `live`: checks the backup (throws naming every
 * problem, writing nothing), copies the live database to its before-restore file, then
 * writes the backup into the live database. Safe while the app runs.
 */
export async function restoreDatabase(backup: string, live: string, now = new Date()): Promise<RestoreResult> {
  if (path.resolve(backup) === path.resolve(live)) throw new Error('The backup is the live database itself');
  const inspection = inspectDatabase(backup);
  if (!inspection.ok) throw new Error(`${backup} was not restored:\n- ${inspection.problems.join('\n- ')}`);
  let previous: string | undefined;
  if (fs.existsSync(live)) {
    previous = beforeRestoreName(live, now);
    await backupDatabase(live, previous);
  } else {
    fs.mkdirSync(path.dirname(live), { recursive: true });
  }
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(live);
  } finally {
    source.close();
  }
  const restored = inspectDatabase(live);
  if (!restored.ok) throw new Error(`The restored database failed its check: ${restored.problems.join('; ')}${previous ? `; the previous one is kept at ${previous}` : ''}`);
  return previous ? { previous, restored } : { restored };
}
