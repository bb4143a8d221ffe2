/**
 * Copying an SQLite instance into an empty PostgreSQL database (issue #20, item 5; run by
 * `npm run db:migrate-to-postgres`). In order:
 *
 * 1. The SQLite file is checked, read-only: it exists, is an intact database of this app
 *    (db/backup.ts's inspection), has exactly this version's migrations applied, and passes
 *    db:check (db/queries/integrity.ts). The check and every read of the copy happen in one
 *    SQLite read transaction, a consistent snapshot even while the app writes.
 * 2. PostgreSQL is reached through db/pg-connect.ts (its messages name host and database, never
 *    the password). Everything from here on is ONE PostgreSQL transaction: the target is checked
 *    to be empty (no relations at all, or exactly this app's migrated tables with no rows in
 *    them), db/migrations-pg is applied (recorded as drizzle's migrator records it, so the app's
 *    migrator later sees them applied), every table of db/schema.ts is copied in foreign-key
 *    order with its ids, each identity sequence is moved past the copied ids (and past SQLite's
 *    AUTOINCREMENT high-water mark, so ids of deleted rows are not handed out again), and the copy
 *    is verified (per table: row count, and count, sum and max of each integer key column) — and
 *    only then committed. Any failure rolls everything back: the target is left as it was.
 *
 * Values are converted per column as db/schema-pg.ts declares it: booleans from 0/1, JSON text to
 * jsonb, millisecond timestamps to bigint (truncated to whole milliseconds, as the app's Date reads
 * them), anything else as it is; a value PostgreSQL's column cannot hold fails the copy, naming the
 * table and column.
 *
 * Not copied: SQLite's FTS5 search index (turns_fts and its shadow tables, kept by triggers) is
 * derived from turns, and the SQLite migration log (PostgreSQL keeps its own). The report says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getTableColumns, is } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { getTableConfig as getPgTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { getTableConfig as getSqliteTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type pg from 'pg';
import { describeDatabase, parseDatabaseUrl, redactPassword, type DatabaseUrl } from '../lib/db-url';
import { inspectDatabase } from './backup';
import type { Db } from './client';
import { connectPostgres } from './pg-connect';
import { checkIntegrity } from './queries/integrity';
import * as sqliteSchema from './schema';
import * as pgSchema from './schema-pg';

export const SQLITE_MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
export const PG_MIGRATIONS = path.join(process.cwd(), 'db', 'migrations-pg');

/** Why a copy did not happen; `exitCode` 2 for bad input (file, URL, server), 1 otherwise. */
export class CopyError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CopyError';
  }
}

export interface TableCopy {
  table: string;
  sqliteRows: number;
  postgresRows: number;
  /** The count, sum and max of every integer key column agree on both sides. */
  keysMatch: boolean;
  /** The identity sequence's last value after the copy (the next id is one more), if the table has one. */
  sequence?: number;
}

export interface CopyReport {
  source: string;
  target: string;
  tables: TableCopy[];
  /** SQLite tables deliberately not copied, with why. */
  skipped: { table: string; reason: string }[];
  /** PostgreSQL migrations applied (all of db/migrations-pg). */
  migrations: number;
  milliseconds: number;
}

export interface CopyOptions {
  /** Rows per INSERT (at most as many as fit 65,535 parameters); 500. */
  batchSize?: number;
  /** Progress lines (one per table copied). */
  log?: (line: string) => void;
}

interface TablePlan {
  name: string;
  sqlite: SQLiteTable;
  pg: PgTable;
  /** Columns in db/schema.ts order: SQLite column, its PostgreSQL twin. */
  columns: { name: string; sqlite: SQLiteColumn; pg: PgColumn }[];
  /** Integer primary key columns (checksummed). */
  keys: string[];
  /** The identity column, if any (its sequence is moved past the copied values). */
  identity?: string;
  /** Columns pointing at the table itself (rows are ordered so a parent comes before its children). */
  selfRefs: { column: string; target: string }[];
  dependsOn: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function tablesOf<T>(schema: Record<string, unknown>, kind: new (...args: never[]) => T): T[] {
  return Object.values(schema).filter((t): t is T => is(t, kind as never));
}

/** Every table of db/schema.ts with its PostgreSQL twin, parents before children (foreign-key order). */
export function copyPlan(): TablePlan[] {
  const pgByName = new Map(tablesOf(pgSchema as Record<string, unknown>, PgTable).map((t) => [getPgTableConfig(t).name, t]));
  const plans = new Map<string, TablePlan>();
  for (const table of tablesOf(sqliteSchema as Record<string, unknown>, SQLiteTable)) {
    const config = getSqliteTableConfig(table);
    const twin = pgByName.get(config.name);
    if (!twin) throw new CopyError(`db/schema-pg.ts has no table ${config.name} (db/schema-parity.test.ts should have caught this)`);
    const pgColumns = new Map(Object.values(getTableColumns(twin)).map((c) => [c.name, c as PgColumn]));
    const columns = config.columns.map((c) => {
      const pgColumn = pgColumns.get(c.name);
      if (!pgColumn) throw new CopyError(`db/schema-pg.ts's ${config.name} has no column ${c.name}`);
      return { name: c.name, sqlite: c, pg: pgColumn };
    });
    const integerKey = (c: SQLiteColumn) => c.getSQLType() === 'integer';
    const keys = [
      ...config.columns.filter((c) => c.primary && integerKey(c)).map((c) => c.name),
      ...config.primaryKeys.flatMap((pk) => pk.columns.filter(integerKey).map((c) => c.name)),
    ];
    const identity = columns.find((c) => c.pg.generatedIdentity)?.name;
    const dependsOn = new Set<string>();
    const selfRefs: TablePlan['selfRefs'] = [];
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      const target = getSqliteTableConfig(ref.foreignTable).name;
      if (target === config.name) selfRefs.push({ column: ref.columns[0].name, target: ref.foreignColumns[0].name });
      else dependsOn.add(target);
    }
    plans.set(config.name, { name: config.name, sqlite: table, pg: twin, columns, keys, identity, selfRefs, dependsOn: [...dependsOn] });
  }
  // Depth-first topological order; schema order among independent tables.
  const ordered: TablePlan[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, chain: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new CopyError(`The foreign keys of db/schema.ts form a cycle: ${[...chain, name].join(' → ')}`);
    state.set(name, 'visiting');
    const plan = plans.get(name)!;
    for (const d of plan.dependsOn) visit(d, [...chain, name]);
    state.set(name, 'done');
    ordered.push(plan);
  };
  for (const name of plans.keys()) visit(name, []);
  return ordered;
}

/** The SQLite tables that are not copied, and why (anything else not in db/schema.ts is named too). */
function skippedTables(sqliteTables: string[], copied: Set<string>): { table: string; reason: string }[] {
  const fts = new Set(sqliteTables.filter((t) => t === 'turns_fts' || t.startsWith('turns_fts_')));
  const out: { table: string; reason: string }[] = [];
  if (fts.size > 0) {
    out.push({
      table: [...fts].sort().join(', '),
      reason: 'SQLite FTS5 search index and its triggers: derived from turns, not copied (PostgreSQL search builds its own from turns)',
    });
  }
  for (const t of sqliteTables) {
    if (copied.has(t) || fts.has(t) || t === 'sqlite_sequence') continue;
    if (t === '__drizzle_migrations') out.push({ table: t, reason: "SQLite's migration log: PostgreSQL records db/migrations-pg instead" });
    else out.push({ table: t, reason: 'not a table of db/schema.ts: not copied' });
  }
  return out;
}

/** Opens and checks the SQLite source read-only; throws CopyError (exit 2) naming what is wrong. */
export async function openSource(file: string): Promise<Database.Database> {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new CopyError(`There is no SQLite database at ${file}: the file does not exist`, 2);
  if (!stat.isFile()) throw new CopyError(`There is no SQLite database at ${file}: that is not a file`, 2);
  const inspection = inspectDatabase(file);
  if (!inspection.ok) throw new CopyError(`${file} cannot be copied:\n- ${inspection.problems.join('\n- ')}`, 2);
  const expected = (JSON.parse(fs.readFileSync(path.join(SQLITE_MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
  if (inspection.migrations < expected) {
    throw new CopyError(
      `${file} has ${inspection.migrations} of this version's ${expected} SQLite migrations applied: open it once with this version first (npm run db:check -- ${file} applies them), then copy it`,
      2,
    );
  }
  if (inspection.migrations > expected) {
    throw new CopyError(`${file} was written by a newer version of the app (${inspection.migrations} migrations, this one has ${expected}): copy it with that version`, 2);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new CopyError(`Cannot open ${file}: ${(e as Error).message}`, 2);
  }
  try {
    db.pragma('busy_timeout = 5000');
    // One read snapshot, from db:check through the last table copied: what is checked is what is copied.
    db.exec('BEGIN');
    const report = await checkIntegrity(drizzle(db, { schema: sqliteSchema }) as unknown as Db);
    if (report.problems.length > 0) {
      const shown = report.problems.slice(0, 20).map((p) => `- ${p}`).join('\n');
      throw new CopyError(`${file} fails db:check (${report.problems.length} problems); fix them before copying:\n${shown}`, 2);
    }
    return db;
  } catch (e) {
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
    throw e;
  }
}

/** A value of SQLite column `c` as PostgreSQL's twin column takes it. */
function convert(value: unknown, c: TablePlan['columns'][number], table: string): unknown {
  if (value === null || value === undefined) return null;
  const type = c.pg.getSQLType();
  const where = () => `${table}.${c.name}`;
  if (type === 'boolean') {
    if (value === 0 || value === 1) return value === 1;
    throw new CopyError(`${where()} holds ${JSON.stringify(value)} where a boolean (0 or 1) belongs`);
  }
  if (type === 'jsonb') {
    if (typeof value !== 'string') throw new CopyError(`${where()} holds ${typeof value} ${String(value)} where JSON text belongs`);
    try {
      JSON.parse(value);
    } catch {
      throw new CopyError(`${where()} holds text that is not JSON: ${value.slice(0, 80)}`);
    }
    return value;
  }
  if (type === 'integer' || type === 'bigint') {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'number') throw new CopyError(`${where()} holds ${typeof value} ${JSON.stringify(String(value).slice(0, 80))} where an integer belongs`);
    if (Number.isInteger(value)) return value;
    // SQLite's default `unixepoch('subsec') * 1000` can leave a fraction; the app reads whole milliseconds (Date).
    if (c.sqlite.columnType === 'SQLiteTimestamp') return Math.trunc(value);
    throw new CopyError(`${where()} holds ${value} where an integer belongs`);
  }
  if (type === 'double precision') {
    if (typeof value !== 'number' && typeof value !== 'bigint') throw new CopyError(`${where()} holds ${typeof value} where a number belongs`);
    return Number(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new CopyError(`${where()} holds a ${value instanceof Buffer ? 'blob' : typeof value} where text belongs`);
}

/** The rows of `plan` in copy order: by rowid, except that a row comes after the row it points at in its own table. */
function orderedRows(plan: TablePlan, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  if (plan.selfRefs.length === 0) return rows;
  const present = plan.selfRefs.map((s) => new Set(rows.map((r) => r[s.target])));
  const placed = plan.selfRefs.map(() => new Set<unknown>());
  const out: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const next: Record<string, unknown>[] = [];
    for (const r of pending) {
      // A row pointing at a missing row is placed anyway: PostgreSQL's foreign key then refuses it, naming it.
      const ready = plan.selfRefs.every((s, i) => r[s.column] === null || placed[i].has(r[s.column]) || !present[i].has(r[s.column]));
      if (ready) {
        out.push(r);
        plan.selfRefs.forEach((s, i) => placed[i].add(r[s.target]));
      } else next.push(r);
    }
    if (next.length === pending.length) throw new CopyError(`${plan.name} has rows pointing at each other in a cycle (${plan.selfRefs.map((s) => s.column).join(', ')})`);
    pending = next;
  }
  return out;
}

interface KeyStats {
  rows: number;
  keys: Record<string, { n: number; sum: string; max: string | null }>;
}

function sqliteStats(db: Database.Database, plan: TablePlan): KeyStats {
  const parts = ['count(*) as rows', ...plan.keys.flatMap((k, i) => [`count(${quote(k)}) as n${i}`, `sum(${quote(k)}) as s${i}`, `max(${quote(k)}) as m${i}`])];
  const r = db.prepare(`select ${parts.join(', ')} from ${quote(plan.name)}`).get() as Record<string, number | null>;
  return {
    rows: Number(r.rows),
    keys: Object.fromEntries(plan.keys.map((k, i) => [k, { n: Number(r[`n${i}`]), sum: String(r[`s${i}`] ?? 0), max: r[`m${i}`] === null ? null : String(r[`m${i}`]) }])),
  };
}

async function postgresStats(client: pg.PoolClient, plan: TablePlan): Promise<KeyStats> {
  const parts = ['count(*) as rows', ...plan.keys.flatMap((k, i) => [`count(${quote(k)}) as n${i}`, `coalesce(sum(${quote(k)}), 0)::text as s${i}`, `max(${quote(k)})::text as m${i}`])];
  const { rows } = await client.query<Record<string, string | null>>(`select ${parts.join(', ')} from ${quote(plan.name)}`);
  const r = rows[0];
  return {
    rows: Number(r.rows),
    keys: Object.fromEntries(plan.keys.map((k, i) => [k, { n: Number(r[`n${i}`]), sum: String(r[`s${i}`]), max: r[`m${i}`] }])),
  };
}

/** The tables, views and foreign tables of a PostgreSQL database outside its system schemas (`schema.name`, just `name` in public). */
export async function listTables(client: pg.ClientBase | pg.Pool): Promise<string[]> {
  const { rows } = await client.query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'f') and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
      order by 1, 2`,
  );
  return rows.map((r) => (r.schema === 'public' ? r.name : `${r.schema}.${r.name}`));
}

/** What the target database holds that makes it not empty, or null when a copy may go in. */
async function targetContents(client: pg.PoolClient, plans: TablePlan[]): Promise<string | null> {
  const names = await listTables(client);
  if (names.length === 0) return null;
  const ours = new Set([...plans.map((p) => p.name), 'drizzle.__drizzle_migrations']);
  const foreign = names.filter((n) => !ours.has(n));
  const list = (xs: string[]) => `${xs.slice(0, 10).join(', ')}${xs.length > 10 ? ` and ${xs.length - 10} more` : ''}`;
  if (foreign.length > 0) return `it holds ${names.length} ${names.length === 1 ? 'table' : 'tables'} (${list(names)})`;
  // Only this app's tables (the app or an earlier attempt migrated it): fine as long as every one is empty.
  const filled: string[] = [];
  for (const n of names) {
    const table = n.split('.').map(quote).join('.');
    const { rows: r } = await client.query<{ any: boolean }>(`select exists (select 1 from ${table}) as any`);
    if (r[0].any && n !== 'drizzle.__drizzle_migrations') {
      const { rows: c } = await client.query<{ n: string }>(`select count(*) as n from ${table}`);
      filled.push(`${n} (${c[0].n} ${c[0].n === '1' ? 'row' : 'rows'})`);
    }
  }
  return filled.length > 0 ? `it holds this app's tables with rows in them: ${list(filled)}` : null;
}

/** Applies db/migrations-pg inside the caller's transaction, recording them as drizzle's node-postgres migrator does. */
async function applyPgMigrations(client: pg.PoolClient): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: PG_MIGRATIONS });
  await client.query('CREATE SCHEMA IF NOT EXISTS "drizzle"');
  await client.query('CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)');
  const { rows } = await client.query<{ created_at: string }>('select created_at from "drizzle"."__drizzle_migrations" order by created_at desc limit 1');
  const last = rows[0] ? Number(rows[0].created_at) : null;
  for (const m of migrations) {
    if (last !== null && last >= m.folderMillis) continue;
    for (const statement of m.sql) if (statement.trim()) await client.query(statement);
    await client.query('insert into "drizzle"."__drizzle_migrations" ("hash", "created_at") values ($1, $2)', [m.hash, m.folderMillis]);
  }
  return migrations.length;
}

const describeTarget = (target: DatabaseUrl) => describeDatabase(target);

/**
 * Copies the SQLite database at `sqliteFile` into the empty PostgreSQL database `url` names (see
 * the top of this file). Throws CopyError saying why, with the target left as it was.
 */
export async function copySqliteToPostgres(sqliteFile: string, url: string, options: CopyOptions = {}): Promise<CopyReport> {
  const t0 = Date.now();
  const log = options.log ?? (() => undefined);
  const source = path.resolve(sqliteFile);
  let target: DatabaseUrl;
  try {
    target = parseDatabaseUrl(url);
  } catch (e) {
    throw new CopyError((e as Error).message, 2);
  }
  const plans = copyPlan();
  const sqlite = await openSource(source);
  let pool: pg.Pool | undefined;
  try {
    try {
      pool = await connectPostgres(url, { max: 1 });
    } catch (e) {
      throw new CopyError((e as Error).message, 2);
    }
    const client = await pool.connect();
    try {
      const sqliteTables = (sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((r) => r.name);
      const highWater = new Map(
        sqliteTables.includes('sqlite_sequence')
          ? (sqlite.prepare('select name, seq from sqlite_sequence').all() as { name: string; seq: number }[]).map((r) => [r.name, Number(r.seq)])
          : [],
      );
      await client.query('BEGIN');
      try {
        // One copy at a time into a database: a second run waits here, then finds the target not empty.
        await client.query("select pg_advisory_xact_lock(hashtext('fgcoder:migrate-to-postgres'))");
        const contents = await targetContents(client, plans);
        if (contents) {
          throw new CopyError(`Not copying into ${describeTarget(target)}: the database is not empty (${contents}). Copy into a new, empty database (createdb), and leave this one as it is.`);
        }
        const migrations = await applyPgMigrations(client);
        const tables: TableCopy[] = [];
        for (const plan of plans) {
          const columnList = plan.columns.map((c) => quote(c.name)).join(', ');
          const batch = Math.max(1, Math.min(options.batchSize ?? 500, Math.floor(65_535 / plan.columns.length)));
          const select = sqlite.prepare(`select ${columnList} from ${quote(plan.name)} order by rowid`);
          const insert = async (rows: Record<string, unknown>[]) => {
            if (rows.length === 0) return;
            const values: unknown[] = [];
            const tuples = rows.map((r) => `(${plan.columns.map((c) => (values.push(convert(r[c.name], c, plan.name)), `$${values.length}`)).join(', ')})`);
            try {
              await client.query(`insert into ${quote(plan.name)} (${columnList}) values ${tuples.join(', ')}`, values);
            } catch (e) {
              const err = e as { message?: string; detail?: string };
              const ids = plan.identity ? ` (rows with ${plan.identity} ${String(rows[0][plan.identity])}–${String(rows[rows.length - 1][plan.identity])})` : '';
              throw new CopyError(`Copying ${plan.name}${ids} failed: ${redactPassword(String(err.message ?? e), target.password)}${err.detail ? ` (${err.detail})` : ''}`);
            }
          };
          if (plan.selfRefs.length > 0) {
            // A table pointing at itself is read whole, to put parents first (codes: a project's codebook).
            const rows = orderedRows(plan, select.all() as Record<string, unknown>[]);
            for (let i = 0; i < rows.length; i += batch) await insert(rows.slice(i, i + batch));
          } else {
            // Page by rowid, so a large table is never all in memory (and no iterator stays open across an await).
            const page = sqlite.prepare(`select rowid as "__rowid", ${columnList} from ${quote(plan.name)} where rowid > ? order by rowid limit ?`);
            for (let after = Number.MIN_SAFE_INTEGER; ; ) {
              const rows = page.all(after, batch) as Record<string, unknown>[];
              if (rows.length === 0) break;
              await insert(rows);
              after = Number(rows[rows.length - 1].__rowid);
            }
          }
          let sequence: number | undefined;
          if (plan.identity) {
            const max = (sqlite.prepare(`select max(${quote(plan.identity)}) as m from ${quote(plan.name)}`).get() as { m: number | null }).m ?? 0;
            const last = Math.max(Number(max), highWater.get(plan.name) ?? 0);
            if (last > 0) {
              const { rows } = await client.query<{ v: string }>('select setval(pg_get_serial_sequence($1, $2), $3, true)::text as v', [quote(plan.name), plan.identity, last]);
              sequence = Number(rows[0].v);
            }
          }
          const [expected, found] = [sqliteStats(sqlite, plan), await postgresStats(client, plan)];
          const keysMatch = JSON.stringify(expected.keys) === JSON.stringify(found.keys);
          tables.push({ table: plan.name, sqliteRows: expected.rows, postgresRows: found.rows, keysMatch, ...(sequence !== undefined ? { sequence } : {}) });
          log(`${plan.name}: ${found.rows} rows`);
        }
        const bad = tables.filter((t) => t.sqliteRows !== t.postgresRows || !t.keysMatch);
        if (bad.length > 0) {
          throw new CopyError(
            `The copy does not match the SQLite database, so nothing was committed: ${bad.map((t) => `${t.table} (${t.sqliteRows} rows in SQLite, ${t.postgresRows} in PostgreSQL${t.keysMatch ? '' : ', keys differ'})`).join('; ')}`,
          );
        }
        await client.query('COMMIT');
        return { source, target: describeTarget(target), tables, skipped: skippedTables(sqliteTables, new Set(plans.map((p) => p.name))), migrations, milliseconds: Date.now() - t0 };
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (e instanceof CopyError) {
          throw new CopyError(`${e.message}${/not empty/.test(e.message) ? '' : `\nNothing was written to ${describeTarget(target)}.`}`, e.exitCode);
        }
        throw new CopyError(`Copying into ${describeTarget(target)} failed: ${redactPassword(String((e as Error).message ?? e), target.password)}\nNothing was written to it.`);
      }
    } finally {
      client.release();
    }
  } finally {
    if (sqlite.inTransaction) sqlite.exec('COMMIT');
    sqlite.close();
    await pool?.end().catch(() => undefined);
  }
}

/** The report as the command prints it: a table of row counts per table, then what was not copied. */
export function formatReport(report: CopyReport): string {
  const width = Math.max(5, ...report.tables.map((t) => t.table.length));
  const num = (n: number | string, w: number) => String(n).padStart(w);
  const lines = [
    `Copied ${report.source}`,
    `    to ${report.target} (${report.migrations} PostgreSQL migrations applied) in ${report.milliseconds} ms.`,
    '',
    `${'table'.padEnd(width)}  ${num('SQLite', 8)}  ${num('PostgreSQL', 10)}  ${num('next id', 8)}  check`,
    `${'-'.repeat(width)}  ${'-'.repeat(8)}  ${'-'.repeat(10)}  ${'-'.repeat(8)}  -----`,
    ...report.tables.map(
      (t) =>
        `${t.table.padEnd(width)}  ${num(t.sqliteRows, 8)}  ${num(t.postgresRows, 10)}  ${num(t.sequence !== undefined ? t.sequence + 1 : '', 8)}  ${t.sqliteRows === t.postgresRows && t.keysMatch ? 'ok' : 'DIFFERS'}`,
    ),
    `${'total'.padEnd(width)}  ${num(report.tables.reduce((s, t) => s + t.sqliteRows, 0), 8)}  ${num(report.tables.reduce((s, t) => s + t.postgresRows, 0), 10)}`,
    '',
    'Row counts, and the count, sum and largest value of every integer key, agree in every table.',
  ];
  if (report.skipped.length > 0) {
    lines.push('', 'Not copied:');
    for (const s of report.skipped) lines.push(`- ${s.table}: ${s.reason}`);
  }
  return lines.join('\n');
}
