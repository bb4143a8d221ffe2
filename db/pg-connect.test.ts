/**
 * db/pg-connect.ts against real servers: a closed port of 127.0.0.1, and a throwaway PostgreSQL
 * cluster (db/testing/pg-cluster.ts, password authentication) for a wrong database, a wrong
 * password and a too-old version. Each refusal names host, port and database, never the password.
 * The cluster part is skipped without PostgreSQL, except under CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../lib/db-url';
import { connectionError, connectPostgres, DatabaseUrlError } from './pg-connect';
import { freePort, pgMissing, pgSkipped, startPgCluster, type PgCluster } from './testing/pg-cluster';

/** The DatabaseUrlError message connecting to `url` ends in. */
async function refusal(url: string, options?: Parameters<typeof connectPostgres>[1]): Promise<string> {
  const e = await connectPostgres(url, options).then(
    async (pool) => {
      await pool.end();
      throw new Error(`connected to ${url}`);
    },
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(DatabaseUrlError);
  return (e as Error).message;
}

describe('connectPostgres without a server', () => {
  it('refuses a closed port, naming host, port and database but not the password', async () => {
    const port = await freePort();
    const message = await refusal(`postgres://app:hunter22-secret@127.0.0.1:${port}/fgcoder`);
    expect(message).toBe(
      `Cannot reach PostgreSQL at 127.0.0.1:${port} for database "fgcoder" (connection refused): check DATABASE_URL's host and port, and that the server is running`,
    );
  });

  it('names the host for localhost too (tried over IPv6 and IPv4)', async () => {
    const port = await freePort();
    expect(await refusal(`postgresql://app:hunter22-secret@localhost:${port}/fgcoder`)).toContain(`Cannot reach PostgreSQL at localhost:${port} for database "fgcoder" (connection refused)`);
  });

  it('passes other driver failures on without the password', () => {
    const target = parseDatabaseUrl('postgres://app:hunter22-secret@db.example.org/fgcoder');
    const e = connectionError(new Error('SSL rejected for postgres://app:hunter22-secret@db.example.org/fgcoder (hunter22-secret)'), target, 10_000);
    expect(e.message).toBe(
      'Cannot connect to database "fgcoder" on db.example.org:5432 as user "app": SSL rejected for postgres://app:***@db.example.org/fgcoder (***) (check DATABASE_URL, and that the server is running and takes connections)',
    );
    expect(connectionError(new Error('timeout expired'), target, 10_000).message).toContain('(no answer within 10 s)');
  });

  it('refuses a malformed URL before connecting', async () => {
    expect(await refusal('postgres://app:hunter22-secret@127.0.0.1:5432')).toContain('names no database on 127.0.0.1:5432');
  });
});

let cluster: PgCluster | undefined;

describe.skipIf(pgSkipped)(`connectPostgres to a throwaway PostgreSQL${pgMissing('db/pg-connect.test.ts')}`, () => {
  beforeAll(async () => {
    cluster = await startPgCluster({ database: 'fgcoder_connect' });
  }, 120_000);

  afterAll(() => cluster?.stop());

  const url = (change: { database?: string; password?: string } = {}) => {
    const c = cluster!;
    return `postgres://${c.user}:${encodeURIComponent(change.password ?? c.password)}@${c.host}:${c.port}/${change.database ?? c.database}`;
  };

  it('connects, checks the version and returns a working pool', async () => {
    const pool = await connectPostgres(url(), { max: 2 });
    try {
      const { rows } = await pool.query<{ db: string }>('SELECT current_database() AS db');
      expect(rows[0].db).toBe('fgcoder_connect');
    } finally {
      await pool.end();
    }
  });

  it('refuses a database that does not exist, by name', async () => {
    const message = await refusal(url({ database: 'no_such_db' }));
    expect(message).toBe(`PostgreSQL at 127.0.0.1:${cluster!.port} has no database "no_such_db": check DATABASE_URL's database name, or create the database`);
    expect(message).not.toContain(cluster!.password);
  });

  it('refuses a wrong password without repeating it', async () => {
    const message = await refusal(url({ password: 'wrong-pass/word@1' }));
    expect(message).toBe(
      `PostgreSQL at 127.0.0.1:${cluster!.port} refused the password for user "fgcoder" (database "fgcoder_connect"): check DATABASE_URL's user and password`,
    );
    expect(message).not.toContain('wrong-pass');
  });

  it('refuses a server older than the supported version, naming both versions', async () => {
    const message = await refusal(url(), { minimumMajor: 99 });
    expect(message).toMatch(
      new RegExp(`^PostgreSQL \\d+\\.\\d+ at database "fgcoder_connect" on 127\\.0\\.0\\.1:${cluster!.port} as user "fgcoder" is older than the supported PostgreSQL 99: upgrade the server to 99 or later$`),
    );
    expect(message).not.toContain(cluster!.password);
  });
});
