/**
 * `npm run backup` / `npm run restore` on PostgreSQL (db/pg-backup.ts) against a throwaway cluster
 * (password authentication, so the tools only get in with PGPASSWORD): a backup of a database the
 * fixture was copied into, restored into a second, empty database, holds the same rows in every
 * table and its sequences go on; a non-empty database, an SQLite file and a file that is no backup
 * are refused, writing nothing; the commands never print the password. Skipped without
 * PostgreSQL, except under CI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { copyPlan, copySqliteToPostgres, listTables } from './copy-to-postgres';
import { backupPostgres, inspectPgDump, isPostgresUrl, pgToolEnv, restorePostgres } from './pg-backup';
import { seedFixture } from './testing/fixture';
import { freePort, pgMissing, pgSkipped, startPgCluster, type PgCluster } from './testing/pg-cluster';

describe('PostgreSQL tool environment', () => {
  it('passes the URL as PG* variables, the password as PGPASSWORD, and drops the caller’s own PG* settings', () => {
    const saved = process.env.PGHOSTADDR;
    process.env.PGHOSTADDR = '10.9.9.9';
    try {
      const env = pgToolEnv('postgres://app:p%40ss@db.example.org:6543/fgcoder?sslmode=require');
      expect([env.PGHOST, env.PGPORT, env.PGDATABASE, env.PGUSER, env.PGPASSWORD, env.PGSSLMODE, env.PGHOSTADDR]).toEqual([
        'db.example.org',
        '6543',
        'fgcoder',
        'app',
        'p@ss',
        'require',
        undefined,
      ]);
    } finally {
      if (saved === undefined) delete process.env.PGHOSTADDR;
      else process.env.PGHOSTADDR = saved;
    }
    expect([isPostgresUrl('postgresql://h/d'), isPostgresUrl('/data/app.db'), isPostgresUrl(undefined)]).toEqual([true, false, false]);
  });

  it('names host and database of an unreachable server, never the password, and writes no file', async () => {
    const port = await freePort();
    const file = path.join(os.tmpdir(), `fgcoder-unreachable-${process.pid}.dump`);
    const e = await backupPostgres(`postgres://app:hunter22-secret@127.0.0.1:${port}/fgcoder`, file).then(
      () => new Error('backed up'),
      (error: unknown) => error as Error,
    );
    expect(e.message).toContain(`Cannot reach PostgreSQL at 127.0.0.1:${port} for database "fgcoder" (connection refused)`);
    expect(e.message).not.toContain('hunter22-secret');
    expect(fs.existsSync(file)).toBe(false);
  });
});

let cluster: PgCluster | undefined;
let admin: pg.Pool | undefined;
let dir: string;
const pools: pg.Pool[] = [];

describe.skipIf(pgSkipped)(`backup and restore on a throwaway PostgreSQL${pgMissing('db/pg-backup.test.ts')}`, () => {
  let sqliteFile: string;
  let backup: string;
  const urlOf = (database: string) => cluster!.url.replace(/\/[^/]+$/, `/${database}`);
  const newDatabase = async (name: string) => {
    await admin!.query(`CREATE DATABASE ${name}`);
    const pool = new pg.Pool({ connectionString: urlOf(name), max: 2 });
    pools.push(pool);
    return { url: urlOf(name), pool };
  };
  const counts = async (pool: pg.Pool) => {
    const out: Record<string, number> = {};
    for (const p of copyPlan()) out[p.name] = Number((await pool.query<{ n: string }>(`select count(*) as n from "${p.name}"`)).rows[0].n);
    return out;
  };
  const run = (script: string, args: string[], env: Record<string, string>) =>
    spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-pgbackup-'));
    sqliteFile = path.join(dir, 'app.db');
    const db = openDatabase(sqliteFile);
    seedFixture(db);
    db.$client.close();
    cluster = await startPgCluster({ database: 'fgcoder_live' });
    admin = new pg.Pool({ connectionString: cluster.url, max: 2 });
    await copySqliteToPostgres(sqliteFile, cluster.url);
    backup = path.join(dir, 'backups', 'live.dump');
  }, 180_000);

  afterAll(async () => {
    for (const p of pools) await p.end();
    await admin?.end();
    cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up with pg_dump to the file named, checked, and refuses to overwrite it', async () => {
    const result = await backupPostgres(cluster!.url, backup);
    expect(result.counts).toEqual({ projects: 2, users: 4, documents: 1, codings: 0 });
    expect(fs.readFileSync(backup).subarray(0, 5).toString('latin1')).toBe('PGDMP');
    expect(fs.readdirSync(path.dirname(backup))).toEqual(['live.dump']);
    const inspection = await inspectPgDump(backup);
    expect(inspection.ok).toBe(true);
    expect(inspection.tables).toEqual(expect.arrayContaining(['users', 'codings', 'turns', 'drizzle.__drizzle_migrations']));
    await expect(backupPostgres(cluster!.url, backup)).rejects.toThrow(`${backup} already exists; choose another file name`);
  });

  it('restores into a second, empty database: every table holds the same rows, and sequences go on', async () => {
    const { url, pool } = await newDatabase('fgcoder_restored');
    const restored = await restorePostgres(backup, url);
    expect(restored.counts).toEqual({ projects: 2, users: 4, documents: 1, codings: 0 });
    expect(await counts(pool)).toEqual(await counts(admin!));
    expect((await pool.query('select id, name from projects order by id')).rows).toEqual((await admin!.query('select id, name from projects order by id')).rows);
    const { rows } = await pool.query<{ id: number }>("insert into projects (name) values ('After the restore') returning id");
    expect(rows[0].id).toBe(3);
    expect(Number((await pool.query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations')).rows[0].n)).toBeGreaterThan(0);
  });

  it('refuses a non-empty database, naming it, and leaves it as it was', async () => {
    const before = await counts(admin!);
    await expect(restorePostgres(backup, cluster!.url)).rejects.toThrow(
      new RegExp(`^Not restoring into database "fgcoder_live" on 127\\.0\\.0\\.1:${cluster!.port} as user "fgcoder": the database is not empty \\(it holds \\d+ tables \\(`),
    );
    expect(await counts(admin!)).toEqual(before);
  });

  it('refuses what is not a PostgreSQL backup of this app, writing nothing', async () => {
    const { url, pool } = await newDatabase('fgcoder_untouched');
    await expect(restorePostgres(sqliteFile, url)).rejects.toThrow(`${sqliteFile} is an SQLite database, not a PostgreSQL backup`);
    const junk = path.join(dir, 'junk.dump');
    fs.writeFileSync(junk, 'PGDMP but not really');
    await expect(restorePostgres(junk, url)).rejects.toThrow(`${junk} cannot be read as a PostgreSQL backup`);
    await expect(restorePostgres(path.join(dir, 'missing.dump'), url)).rejects.toThrow('missing.dump does not exist');
    expect(await listTables(pool)).toEqual([]);
  });

  it('runs as npm run backup / restore when DATABASE_URL is a postgres URL, never printing the password', async () => {
    const file = path.join(dir, 'cli.dump');
    const b = run('backup', [file], { DATABASE_URL: cluster!.url });
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    expect(b.stdout).toContain(`Backed up database "fgcoder_live" on 127.0.0.1:${cluster!.port} as user "fgcoder" to ${file} (pg_dump, custom format)`);
    const { url, pool } = await newDatabase('fgcoder_cli');
    const unconfirmed = run('restore', [file], { DATABASE_URL: url });
    expect(unconfirmed.status).toBe(1);
    expect(unconfirmed.stderr).toContain('Not restoring: confirm at a terminal, or pass --yes');
    expect(await listTables(pool)).toEqual([]);
    const r = run('restore', [file, '--yes'], { DATABASE_URL: url });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Restored into database "fgcoder_cli"');
    expect(await counts(pool)).toEqual(await counts(admin!));
    const refused = run('restore', [file, '--yes', '--db', url], {});
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('the database is not empty');
    for (const out of [b, unconfirmed, r, refused]) expect(out.stdout + out.stderr).not.toContain(cluster!.password);
  }, 90_000);
});
