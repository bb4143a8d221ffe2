/**
 * Backup and restore on PostgreSQL (issue #20, item 5), as `npm run backup` / `npm run restore`
 * do them when DATABASE_URL is a postgres:// URL: `pg_dump -Fc` to a file, `pg_restore` into a
 * database. The password goes to the tools through PGPASSWORD in their environment, never on a
 * command line (where `ps` shows it) and never in a message; the other connection settings go the
 * same way (PGHOST, PGPORT, PGUSER, PGDATABASE), so the URL itself is passed to no tool.
 *
 * As on SQLite (db/backup.ts): a backup refuses to overwrite a file, is written beside its name
 * and renamed into place only once complete, and is checked (`pg_restore --list` reads it and it
 * holds this app's tables). A restore checks the file first and writes nothing if it is not a
 * backup of this app. Unlike on SQLite, where the replaced database is kept beside it, PostgreSQL
 * restores only into an EMPTY database (create one, restore, then point DATABASE_URL at it — the old
 * one stays as it was); a non-empty database is refused, naming what it holds. The restore runs in
 * one transaction (`--single-transaction --exit-on-error`): a failure leaves the database empty.
 *
 * The tools are PG_BIN's, or the newest /usr/lib/postgresql/<version>/bin (Debian's layout; a
 * pg_dump must be at least as new as the server), or those on PATH.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { parseDatabaseUrl, redactPassword, type DatabaseUrl } from '../lib/db-url';
import { CORE_TABLES } from './backup';
import { listTables } from './copy-to-postgres';
import { connectPostgres } from './pg-connect';

/** True when `value` (DATABASE_URL, or a --db argument) names a PostgreSQL database rather than an SQLite file. */
export function isPostgresUrl(value: string | undefined): value is string {
  return !!value && /^postgres(ql)?:\/\//i.test(value.trim());
}

/** The path of PostgreSQL client tool `tool` (pg_dump, pg_restore); throws naming the package when it is missing. */
export function pgTool(tool: 'pg_dump' | 'pg_restore'): string {
  const has = (dir: string) => fs.existsSync(path.join(dir, tool));
  if (process.env.PG_BIN) {
    if (has(process.env.PG_BIN)) return path.join(process.env.PG_BIN, tool);
    throw new Error(`There is no ${tool} in PG_BIN (${process.env.PG_BIN})`);
  }
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const newest = fs
      .readdirSync(debian)
      .filter((v) => /^\d+$/.test(v) && has(path.join(debian, v, 'bin')))
      .sort((a, b) => Number(b) - Number(a))[0];
    if (newest) return path.join(debian, newest, 'bin', tool);
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && has(dir)) return path.join(dir, tool);
  throw new Error(`${tool} is not installed: install PostgreSQL's client tools (apt-get install postgresql-client), or set PG_BIN to the directory holding ${tool}`);
}

/** The environment the tools connect with: the URL's settings as PG* variables (the password as PGPASSWORD), the caller's own PG* variables dropped. */
export function pgToolEnv(url: string): NodeJS.ProcessEnv {
  const target = parseDatabaseUrl(url);
  const env = {} as NodeJS.ProcessEnv;
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG') || k === 'PG_BIN') env[k] = v;
  env.PGHOST = target.host;
  env.PGPORT = String(target.port);
  env.PGDATABASE = target.database;
  if (target.user) env.PGUSER = target.user;
  if (target.password) env.PGPASSWORD = target.password;
  const query = new URL(url.trim()).searchParams;
  const sslmode = query.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  const appName = query.get('application_name');
  if (appName) env.PGAPPNAME = appName;
  return env;
}

/** Runs a PostgreSQL tool; resolves to its stdout, or throws with its stderr (scrubbed of the password). */
function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv, password: string): Promise<string> {
  const command = pgTool(tool);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new Error(`${tool} could not be started: ${e.message}`)));
    child.on('close', (code, signal) => {
      const stderr = redactPassword(Buffer.concat(err).toString('utf8').trim(), password);
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${tool} failed (${signal ?? `exit ${code}`})${stderr ? `: ${stderr}` : ''}`));
    });
  });
}

export interface PgCounts {
  projects: number;
  users: number;
  documents: number;
  codings: number;
}

async function countRows(client: pg.Pool): Promise<PgCounts> {
  const { rows } = await client.query<Record<keyof PgCounts, string>>(
    'select (select count(*) from projects) as projects, (select count(*) from users) as users, (select count(*) from documents) as documents, (select count(*) from codings) as codings',
  );
  const r = rows[0];
  return { projects: Number(r.projects), users: Number(r.users), documents: Number(r.documents), codings: Number(r.codings) };
}

/** The tables a PostgreSQL database of this app has: CORE_TABLES, the migration log in drizzle's schema. */
const PG_CORE_TABLES = CORE_TABLES.map((t) => (t === '__drizzle_migrations' ? 'drizzle.__drizzle_migrations' : t));

export interface PgDumpInspection {
  ok: boolean;
  problems: string[];
  /** The tables (with data) the dump holds, `schema.name` (public's without the schema). */
  tables: string[];
}

/** Checks that `file` is a pg_dump custom-format archive of this app's database (pg_restore --list reads it, and it holds the core tables). Never writes. */
export async function inspectPgDump(file: string): Promise<PgDumpInspection> {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return { ok: false, problems: [`${file} does not exist`], tables: [] };
  if (!stat.isFile()) return { ok: false, problems: [`${file} is not a file`], tables: [] };
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, 5, 0);
  fs.closeSync(fd);
  if (head.toString('latin1') !== 'PGDMP') {
    const sqlite = head.toString('latin1') === 'SQLit';
    return { ok: false, problems: [sqlite ? `${file} is an SQLite database, not a PostgreSQL backup (restore it with DATABASE_URL unset)` : `${file} is not a PostgreSQL backup (pg_dump -Fc archive)`], tables: [] };
  }
  let listing: string;
  try {
    listing = await runTool('pg_restore', ['--list', file], { ...process.env }, '');
  } catch (e) {
    return { ok: false, problems: [`${file} cannot be read as a PostgreSQL backup: ${(e as Error).message}`], tables: [] };
  }
  // Lines like "215; 0 16390 TABLE DATA public users fgcoder".
  const tables = [...listing.matchAll(/^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) /gm)].map((m) => (m[1] === 'public' ? m[2] : `${m[1]}.${m[2]}`));
  const missing = PG_CORE_TABLES.filter((t) => !tables.includes(t));
  const problems = missing.length > 0 ? [`It is not a backup of this app's database: it lacks the table(s) ${missing.join(', ')}`] : [];
  return { ok: problems.length === 0, problems, tables };
}

export interface PgBackupResult {
  file: string;
  counts: PgCounts;
  tables: number;
}

/**
 * Writes a `pg_dump -Fc` backup of the database `url` names to `file` (refusing an existing file),
 * through a temporary name beside it, and checks it. Safe while the app runs: pg_dump reads one
 * consistent snapshot.
 */
export async function backupPostgres(url: string, file: string): Promise<PgBackupResult> {
  const target = parseDatabaseUrl(url);
  if (fs.existsSync(file)) throw new Error(`${file} already exists; choose another file name`);
  const pool = await connectPostgres(url, { max: 1 });
  let counts: PgCounts;
  try {
    const tables = await listTables(pool);
    const missing = PG_CORE_TABLES.filter((t) => !tables.includes(t));
    if (missing.length > 0) throw new Error(`${target.description} is not a database of this app: it lacks the table(s) ${missing.join(', ')}`);
    counts = await countRows(pool);
  } finally {
    await pool.end();
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  try {
    await runTool('pg_dump', ['--format=custom', '--file', partial], pgToolEnv(url), target.password);
    const inspection = await inspectPgDump(partial);
    if (!inspection.ok) throw new Error(`The backup failed its check: ${inspection.problems.join('; ')}`);
    if (fs.existsSync(file)) throw new Error(`${file} appeared while the backup ran; the backup was not written`);
    fs.renameSync(partial, file);
    return { file, counts, tables: inspection.tables.length };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** What makes the database not empty, in words, or null when it is empty. */
async function contents(pool: pg.Pool): Promise<string | null> {
  const tables = await listTables(pool);
  if (tables.length === 0) return null;
  return `it holds ${tables.length} ${tables.length === 1 ? 'table' : 'tables'} (${tables.slice(0, 10).join(', ')}${tables.length > 10 ? ` and ${tables.length - 10} more` : ''})`;
}

/** The refusal of a restore into a database that is not empty. */
export function notEmptyError(target: DatabaseUrl, notEmpty: string): Error {
  return new Error(
    `Not restoring into ${target.description}: the database is not empty (${notEmpty}). Restore into a new, empty database (createdb), then point DATABASE_URL at it; this one is left as it is.`,
  );
}

/** Where a restore would go and whether it may: the target's description, and why not (null when empty). */
export async function inspectRestoreTarget(url: string): Promise<{ target: DatabaseUrl; notEmpty: string | null }> {
  const target = parseDatabaseUrl(url);
  const pool = await connectPostgres(url, { max: 1 });
  try {
    return { target, notEmpty: await contents(pool) };
  } finally {
    await pool.end();
  }
}

/**
 * Restores the pg_dump backup `file` into the EMPTY database `url` names, in one transaction.
 * Throws, writing nothing, when the file is not a backup of this app or the database is not empty.
 */
export async function restorePostgres(file: string, url: string): Promise<{ counts: PgCounts; target: DatabaseUrl }> {
  const inspection = await inspectPgDump(file);
  if (!inspection.ok) throw new Error(`${file} was not restored:\n- ${inspection.problems.join('\n- ')}`);
  const target = parseDatabaseUrl(url);
  const pool = await connectPostgres(url, { max: 1 });
  try {
    const notEmpty = await contents(pool);
    if (notEmpty) throw notEmptyError(target, notEmpty);
    // --dbname as a connection string: a database name with "=" in it is not read as one.
    const dbname = `dbname='${target.database.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    try {
      await runTool('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${dbname}`, file], pgToolEnv(url), target.password);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nNothing was restored: ${target.description} is as it was.`);
    }
    return { counts: await countRows(pool), target };
  } finally {
    await pool.end();
  }
}
