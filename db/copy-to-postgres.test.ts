/**
 * db:migrate-to-postgres (db/copy-to-postgres.ts) from a real SQLite file — the demo seeded, plus
 * a row in every table the demo leaves empty — into databases of a throwaway PostgreSQL cluster
 * (db/testing/pg-cluster.ts): counts equal, every table's rows equal field by field as drizzle reads
 * them on each engine, sequences continuing after the copied ids, a non-empty target refused and
 * left as it was, a failure mid-copy leaving the target empty. Bad input (no file, not a database,
 * unreachable server) is checked without a cluster. The cluster part is skipped without PostgreSQL,
 * except under CI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { asc, eq, getTableColumns, is, type SQL } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './client';
import { copySqliteToPostgres, CopyError, formatReport, type CopyReport } from './copy-to-postgres';
import * as schema from './schema';
import * as pgSchema from './schema-pg';
import { seedDemo } from './seed/demo';
import { seedFixture } from './testing/fixture';
import { freePort, pgMissing, pgSkipped, startPgCluster, type PgCluster } from './testing/pg-cluster';

let dir: string;

const sqliteTables = Object.values(schema as Record<string, unknown>).filter((t): t is SQLiteTable => is(t, SQLiteTable));
const pgTables = new Map(
  Object.values(pgSchema as Record<string, unknown>)
    .filter((t): t is PgTable => is(t, PgTable))
    .map((t) => [pgConfig(t).name, t]),
);

/** Copies `file` with the online backup API, so each test can change its own copy. */
async function copyOf(file: string, name: string): Promise<string> {
  const target = path.join(dir, name);
  const db = new Database(file, { readonly: true });
  await db.backup(target);
  db.close();
  return target;
}

/** A row in each table the demo leaves empty, a code whose parent has a larger id, and a deleted memo (SQLite's AUTOINCREMENT remembers its id). */
function fillEveryTable(db: Db) {
  const user = db.select().from(schema.users).orderBy(asc(schema.users.id)).get()!;
  const project = db.select().from(schema.projects).get()!;
  const [doc, doc2] = db.select().from(schema.documents).orderBy(asc(schema.documents.id)).limit(2).all();
  const participant = db.select().from(schema.participants).get()!;
  const coding = db.select().from(schema.codings).get()!;
  const code = db.select().from(schema.codes).orderBy(asc(schema.codes.id)).get()!;
  const at = new Date(1797000000123);
  db.insert(schema.apiTokens).values({ userId: user.id, name: 'laptop', tokenHash: 'h'.repeat(64), prefix: 'fgc_ab', lastUsedAt: at }).run();
  db.insert(schema.signInFailures).values({ key: 'pair:a@b.kz 10.0.0.1', count: 3, firstAt: 1797000000000, lockedUntil: null, lastAt: 1797000000500 }).run();
  db.insert(schema.signInAddresses).values({ email: 'a@b.kz', address: '10.0.0.1', lastAt: 1797000000999 }).run();
  db.insert(schema.translations).values({ codingId: coding.id, language: 'en', text: 'A translation — «ағылшынша»', authorId: user.id }).run();
  db.insert(schema.auditEvents)
    .values([
      { projectId: project.id, userId: user.id, action: 'coding.create', entityType: 'coding', entityId: coding.id, before: null, after: { start: 1, tags: ['ә', 2, null], nested: { ok: true } }, at },
      { projectId: null, userId: null, action: 'user.disable', entityType: 'user', entityId: 99, before: [1, 2.5, 'қ'], after: 'just a string' },
    ])
    .run();
  db.insert(schema.savedSearches).values({ projectId: project.id, createdBy: user.id, name: 'Әкімдік', query: '"әкім*" OR акимат', options: { regex: false, speakers: ['P1'] } }).run();
  const round = db.insert(schema.trainingRounds).values({ projectId: project.id, name: 'Round 1', position: 1 }).returning().get();
  db.insert(schema.trainingRoundDocuments).values({ documentId: doc.id, roundId: round.id }).run();
  const sets = db
    .insert(schema.itemSets)
    .values([
      { projectId: project.id, kind: 'code', name: 'Codes' },
      { projectId: project.id, kind: 'document', name: 'Docs', description: 'Алматы' },
      { projectId: project.id, kind: 'participant', name: 'People' },
    ])
    .returning()
    .all();
  db.insert(schema.itemSetMembers)
    .values([
      { setId: sets[0].id, codeId: code.id },
      { setId: sets[1].id, documentId: doc2.id },
      { setId: sets[2].id, participantId: participant.id },
    ])
    .run();
  // A parent created after its child: the copy must insert the parent first.
  const late = db.insert(schema.codes).values({ projectId: project.id, name: 'Added later, made a parent', archived: true }).returning().get();
  db.update(schema.codes).set({ parentId: late.id }).where(eq(schema.codes.id, code.id)).run();
  // The newest memo deleted: its id must not be handed out again on PostgreSQL either.
  const memo = db.insert(schema.memos).values({ projectId: project.id, targetKind: 'project', authorId: user.id, text: 'deleted' }).returning().get();
  db.delete(schema.memos).where(eq(schema.memos.id, memo.id)).run();
  return { deletedMemoId: memo.id };
}

describe('db:migrate-to-postgres refuses bad input before writing anything', () => {
  let fixture: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-copy-'));
    fixture = path.join(dir, 'fixture.db');
    const db = openDatabase(fixture);
    seedFixture(db);
    db.$client.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const refusal = async (file: string, url: string) => {
    const e = await copySqliteToPostgres(file, url).then(
      () => new Error('copied'),
      (error: unknown) => error,
    );
    expect(e).toBeInstanceOf(CopyError);
    return e as CopyError;
  };

  it('names a missing SQLite file, a directory and a file that is not a database (exit code 2)', async () => {
    const url = 'postgres://app:hunter22-secret@127.0.0.1:1/fgcoder';
    const missing = await refusal(path.join(dir, 'nope.db'), url);
    expect([missing.exitCode, missing.message]).toEqual([2, `There is no SQLite database at ${path.join(dir, 'nope.db')}: the file does not exist`]);
    expect((await refusal(dir, url)).message).toBe(`There is no SQLite database at ${dir}: that is not a file`);
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'not a database');
    const notDb = await refusal(text, url);
    expect([notDb.exitCode, notDb.message]).toEqual([2, `${text} cannot be copied:\n- ${text} is not a SQLite database`]);
  });

  it('names a corrupt SQLite file', async () => {
    const corrupt = await copyOf(fixture, 'corrupt.db');
    const bytes = fs.readFileSync(corrupt);
    bytes.fill(0x55, 4096 * 2, 4096 * 3);
    fs.writeFileSync(corrupt, bytes);
    const e = await refusal(corrupt, 'postgres://app:pw@127.0.0.1:1/fgcoder');
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(new RegExp(`^${corrupt.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} cannot be copied:\\n- `));
  });

  it('refuses an SQLite database that fails db:check, naming the problems', async () => {
    const broken = await copyOf(fixture, 'orphans.db');
    const db = new Database(broken);
    db.pragma('foreign_keys = OFF');
    db.prepare("update turns set participant_id = 999 where speaker_kind = 'participant'").run();
    db.close();
    const e = await refusal(broken, 'postgres://app:pw@127.0.0.1:1/fgcoder');
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} fails db:check \\(\\d+ problems?\\); fix them before copying:\\n- `));
    expect(e.message).toContain('rows violate foreign keys');
  });

  it('names host and database of an unreachable server, never the password', async () => {
    const port = await freePort();
    const e = await refusal(fixture, `postgres://app:hunter22-secret@127.0.0.1:${port}/fgcoder`);
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(`Cannot reach PostgreSQL at 127.0.0.1:${port} for database "fgcoder" (connection refused)`);
    expect(e.message).not.toContain('hunter22-secret');
    expect((await refusal(fixture, 'mysql://app:hunter22-secret@db/fgcoder')).message).toContain('must start with postgres://');
  });

  it('exits 2 from the command line, with the message and without the password', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/migrate-to-postgres.ts', path.join(dir, 'nope.db'), 'postgres://app:hunter22-secret@127.0.0.1:1/fgcoder'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('There is no SQLite database at');
    expect(r.stderr + r.stdout).not.toContain('hunter22-secret');
    const usage = spawnSync('npx', ['tsx', 'scripts/migrate-to-postgres.ts'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run db:migrate-to-postgres');
  }, 60_000);
});

let cluster: PgCluster | undefined;
let admin: pg.Pool | undefined;
const pools: pg.Pool[] = [];

describe.skipIf(pgSkipped)(`db:migrate-to-postgres into a throwaway PostgreSQL${pgMissing('db/copy-to-postgres.test.ts')}`, () => {
  let source: string;
  let sqlite: Db;
  let deletedMemoId: number;
  let report: CopyReport;
  let target: NodePgDatabase<typeof pgSchema>;

  const urlOf = (database: string) => cluster!.url.replace(/\/[^/]+$/, `/${database}`);
  const newDatabase = async (name: string) => {
    await admin!.query(`CREATE DATABASE ${name}`);
    return urlOf(name);
  };
  const poolOf = (database: string) => {
    const pool = new pg.Pool({ connectionString: urlOf(database), max: 2 });
    pools.push(pool);
    return pool;
  };
  const relations = async (pool: pg.Pool) =>
    (
      await pool.query<{ name: string }>(
        "select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' order by 1",
      )
    ).rows.map((r) => r.name);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-copy-'));
    source = path.join(dir, 'app.db');
    sqlite = openDatabase(source);
    seedDemo(sqlite);
    ({ deletedMemoId } = fillEveryTable(sqlite));
    cluster = await startPgCluster({ database: 'fgcoder_copy' });
    admin = new pg.Pool({ connectionString: cluster.url, max: 1 });
    // The app keeps its connection open (WAL) while the copy reads: the copy takes a snapshot.
    report = await copySqliteToPostgres(source, cluster.url);
    target = drizzle(poolOf('fgcoder_copy'), { schema: pgSchema });
  }, 180_000);

  afterAll(async () => {
    for (const p of pools) await p.end();
    await admin?.end();
    cluster?.stop();
    sqlite?.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table of db/schema.ts, with equal row counts, and says what it skipped', () => {
    expect(report.tables.map((t) => t.table).sort()).toEqual(sqliteTables.map((t) => sqliteConfig(t).name).sort());
    for (const t of report.tables) {
      expect(t, t.table).toMatchObject({ postgresRows: t.sqliteRows, keysMatch: true });
      // every table has rows, so every one is compared below
      expect(t.sqliteRows, t.table).toBeGreaterThan(0);
    }
    expect(report.skipped.map((s) => s.table)).toEqual(['turns_fts, turns_fts_config, turns_fts_content, turns_fts_data, turns_fts_docsize, turns_fts_idx', '__drizzle_migrations']);
    const text = formatReport(report);
    expect(text).toMatch(/^turns +\d+ +\d+ +\d+ +ok$/m);
    expect(text).toContain('turns_fts');
    expect(text).not.toContain(cluster!.password);
  });

  it('counts the same rows on PostgreSQL as SQLite has, table by table', async () => {
    for (const t of sqliteTables) {
      const name = sqliteConfig(t).name;
      const expected = (sqlite.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n;
      const { rows } = await admin!.query<{ n: string }>(`select count(*) as n from "${name}"`);
      expect(Number(rows[0].n), name).toBe(expected);
    }
  });

  it('holds every table’s rows equal field by field, as drizzle reads them on each engine', async () => {
    for (const t of sqliteTables) {
      const config = sqliteConfig(t);
      const twin = pgTables.get(config.name)!;
      const keys = [...config.columns.filter((c) => c.primary).map((c) => c.name), ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name))];
      const sqliteColumns = getTableColumns(t);
      const pgColumns = getTableColumns(twin);
      const byKey = (columns: Record<string, { name: string }>) => keys.map((k) => Object.values(columns).find((c) => c.name === k)!);
      const left = sqlite
        .select()
        .from(t)
        .orderBy(...(byKey(sqliteColumns) as unknown as SQL[]))
        .all() as Record<string, unknown>[];
      const right = (await target
        .select()
        .from(twin)
        .orderBy(...(byKey(pgColumns) as unknown as SQL[]))) as Record<string, unknown>[];
      expect(right.length, config.name).toBe(left.length);
      // Small tables whole; large ones a sample spread over the table (first, last and every 37th row).
      const sample = left.length <= 500 ? left.map((_, i) => i) : [...left.keys()].filter((i) => i % 37 === 0 || i === left.length - 1);
      for (const i of sample) expect(right[i], `${config.name} row ${i}`).toEqual(left[i]);
    }
  });

  it('copies JSON, booleans, times and reals as the app reads them', async () => {
    const [event] = await target.select().from(pgSchema.auditEvents).where(eq(pgSchema.auditEvents.action, 'coding.create'));
    expect(event.after).toEqual({ start: 1, tags: ['ә', 2, null], nested: { ok: true } });
    expect(event.at.getTime()).toBe(1797000000123);
    const [other] = await target.select().from(pgSchema.auditEvents).where(eq(pgSchema.auditEvents.action, 'user.disable'));
    expect([other.before, other.after]).toEqual([[1, 2.5, 'қ'], 'just a string']);
    const { rows } = await admin!.query<{ n: string }>('select count(num_value) as n from participant_attribute_values');
    expect(Number(rows[0].n)).toBeGreaterThan(0);
    const archived = await target.select().from(pgSchema.codes).where(eq(pgSchema.codes.archived, true));
    expect(archived.map((c) => c.name)).toContain('Added later, made a parent');
  });

  it('moves each identity sequence past the copied ids (and past deleted ones): the next insert gets the next id', async () => {
    for (const [table, column] of [
      ['projects', 'id'],
      ['users', 'id'],
      ['turns', 'id'],
      ['codings', 'id'],
      ['analysis_changes', 'seq'],
    ]) {
      const max = (sqlite.$client.prepare(`select max("${column}") as m from "${table}"`).get() as { m: number }).m;
      const next = await admin!.query<{ v: string }>(`select nextval(pg_get_serial_sequence('"${table}"', '${column}'))::text as v`);
      expect(Number(next.rows[0].v), table).toBe(max + 1);
    }
    const [project] = await target.insert(pgSchema.projects).values({ name: 'Made on PostgreSQL' }).returning();
    expect(project.id).toBeGreaterThan(1);
    const user = (await target.select().from(pgSchema.users).limit(1))[0];
    const [memo] = await target.insert(pgSchema.memos).values({ projectId: project.id, targetKind: 'project', authorId: user.id, text: 'new' }).returning();
    expect(memo.id).toBe(deletedMemoId + 1);
  });

  it('refuses a non-empty database by name, leaving it as it was', async () => {
    const url = await newDatabase('fgcoder_busy');
    const busy = poolOf('fgcoder_busy');
    await busy.query("create table notes (id integer primary key, body text); insert into notes values (1, 'keep me')");
    const e = await copySqliteToPostgres(source, url).catch((error: unknown) => error);
    expect(e).toBeInstanceOf(CopyError);
    expect((e as Error).message).toBe(
      `Not copying into database "fgcoder_busy" on 127.0.0.1:${cluster!.port} as user "fgcoder": the database is not empty (it holds 1 table (notes)). Copy into a new, empty database (createdb), and leave this one as it is.`,
    );
    expect(await relations(busy)).toEqual(['public.notes', 'public.notes_pkey']);
    expect((await busy.query('select body from notes')).rows).toEqual([{ body: 'keep me' }]);

    // The database copied into above holds rows now: a second copy into it is refused too.
    const again = await copySqliteToPostgres(source, cluster!.url).catch((error: unknown) => error);
    expect((again as Error).message).toMatch(/^Not copying into database "fgcoder_copy" .*: the database is not empty \(it holds this app's tables with rows in them: .*codings \(\d+ rows\)/);
  });

  it('copies into a database the app already migrated but holding no rows', async () => {
    const url = await newDatabase('fgcoder_migrated');
    const first = await copySqliteToPostgres(await copyOf(source, 'small.db'), url);
    expect(first.tables.every((t) => t.postgresRows === t.sqliteRows)).toBe(true);
    const pool = poolOf('fgcoder_migrated');
    // Emptied again, the migrated tables stay; a copy goes in and applies no migration twice.
    await pool.query(`truncate ${first.tables.map((t) => `"${t.table}"`).join(', ')} restart identity cascade`);
    const second = await copySqliteToPostgres(source, url);
    expect(second.tables.find((t) => t.table === 'codings')!.postgresRows).toBeGreaterThan(0);
    expect(Number((await pool.query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations')).rows[0].n)).toBe(second.migrations);
  });

  it('leaves the target empty when the copy fails midway (a value PostgreSQL’s column cannot hold)', async () => {
    const broken = await copyOf(source, 'broken.db');
    const db = new Database(broken);
    // training_rounds comes after turns and codings in the copy order; 2^40 does not fit its integer column.
    db.prepare('update training_rounds set position = ?').run(2 ** 40);
    db.close();
    const url = await newDatabase('fgcoder_broken');
    const lines: string[] = [];
    const e = await copySqliteToPostgres(broken, url, { log: (l) => lines.push(l) }).catch((error: unknown) => error);
    expect(e).toBeInstanceOf(CopyError);
    expect((e as Error).message).toMatch(/^Copying training_rounds \(rows with id 1–1\) failed: value "1099511627776" is out of range for type integer/);
    expect((e as Error).message).toContain(`Nothing was written to database "fgcoder_broken" on 127.0.0.1:${cluster!.port} as user "fgcoder".`);
    expect(lines).toContain(`codings: ${report.tables.find((t) => t.table === 'codings')!.sqliteRows} rows`);
    expect(await relations(poolOf('fgcoder_broken'))).toEqual([]);
  });

  it('copies from the command line, with the URL from DATABASE_URL, printing the counts and not the password', async () => {
    const url = await newDatabase('fgcoder_cli');
    const r = spawnSync('npx', ['tsx', 'scripts/migrate-to-postgres.ts', source], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: url } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^codings +(\d+) +\1 +\d+ +ok$/m);
    expect(r.stdout).toContain('Not copied:');
    expect(r.stdout).not.toContain(cluster!.password);
    const refused = spawnSync('npx', ['tsx', 'scripts/migrate-to-postgres.ts', source, url], { encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('the database is not empty');
    expect(refused.stderr + refused.stdout).not.toContain(cluster!.password);
  }, 60_000);
});
