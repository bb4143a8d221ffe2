/**
 * Connecting to the PostgreSQL a DATABASE_URL names (issue #20, "Bad input"): parses the URL
 * (lib/db-url.ts), opens a node-postgres pool, checks that one connection works and that the
 * server is PostgreSQL 14 or later, and returns the pool. Anything wrong ends in a
 * DatabaseUrlError whose message names the host, port, database and user and what to check —
 * never the password (driver messages passed on are scrubbed of it).
 *
 * Not wired in yet, on purpose: scripts/start.ts and db/client.ts do not read DATABASE_URL until
 * the data layer runs on PostgreSQL (issue #20 items 2 and 3); the app stays on SQLite.
 */
import pg from 'pg';
import { checkServerVersion, DatabaseUrlError, MIN_POSTGRES_MAJOR, parseDatabaseUrl, redactPassword, type DatabaseUrl } from '../lib/db-url';

export { DatabaseUrlError };

export interface ConnectOptions {
  /** Refuse servers older than this major version (MIN_POSTGRES_MAJOR). */
  minimumMajor?: number;
  /** How long to wait for the server to answer, in milliseconds (10 s). */
  connectTimeoutMs?: number;
  /** The pool's size (node-postgres's default, 10). */
  max?: number;
}

const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be resolved',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  ENOENT: 'no server socket there',
};

/** The DatabaseUrlError saying why connecting to `target` failed with `e`. */
export function connectionError(e: unknown, target: DatabaseUrl, timeoutMs: number): DatabaseUrlError {
  const err = e as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = err.code ?? err.errors?.find((x) => x.code)?.code;
  const where = target.host.startsWith('/') ? `${target.host} (socket, port ${target.port})` : `${target.host}:${target.port}`;
  const detail = redactPassword(String(err.message ?? e), target.password);
  if (code && UNREACHABLE[code]) {
    return new DatabaseUrlError(
      `Cannot reach PostgreSQL at ${where} for database "${target.database}" (${UNREACHABLE[code]}): check DATABASE_URL's host and port, and that the server is running`,
    );
  }
  if (/timeout/i.test(detail)) {
    return new DatabaseUrlError(
      `Cannot reach PostgreSQL at ${where} for database "${target.database}" (no answer within ${Math.round(timeoutMs / 1000)} s): check DATABASE_URL's host and port, and the network`,
    );
  }
  if (code === '3D000') {
    return new DatabaseUrlError(`PostgreSQL at ${where} has no database "${target.database}": check DATABASE_URL's database name, or create the database`);
  }
  if (code === '28P01') {
    return new DatabaseUrlError(
      `PostgreSQL at ${where} refused the password for user "${target.user}" (database "${target.database}"): check DATABASE_URL's user and password`,
    );
  }
  if (code === '28000') {
    return new DatabaseUrlError(`PostgreSQL at ${where} does not let user "${target.user}" connect to database "${target.database}": ${detail}`);
  }
  return new DatabaseUrlError(`Cannot connect to ${target.description}: ${detail} (check DATABASE_URL, and that the server is running and takes connections)`);
}

/**
 * A pool connected to the PostgreSQL `url` names, checked to answer and to be recent enough.
 * Throws DatabaseUrlError (without the password) for a bad URL, an unreachable server, a wrong
 * database, user or password, or a PostgreSQL older than `minimumMajor`.
 */
export async function connectPostgres(url: string, options: ConnectOptions = {}): Promise<pg.Pool> {
  const target = parseDatabaseUrl(url);
  const timeoutMs = options.connectTimeoutMs ?? 10_000;
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: timeoutMs, max: options.max });
  // An idle connection's failure (the server restarted, say) would otherwise end the process; log it, scrubbed.
  pool.on('error', (e) => console.error(`PostgreSQL (${target.description}): ${redactPassword(e.message, target.password)}`));
  let client: pg.PoolClient | undefined;
  try {
    try {
      client = await pool.connect();
    } catch (e) {
      throw connectionError(e, target, timeoutMs);
    }
    let versionNum: string;
    try {
      const result = await client.query<{ server_version_num: string }>('SHOW server_version_num');
      versionNum = result.rows[0]?.server_version_num ?? '';
    } catch (e) {
      throw connectionError(e, target, timeoutMs);
    }
    checkServerVersion(versionNum, target.description, options.minimumMajor ?? MIN_POSTGRES_MAJOR);
    client.release();
    return pool;
  } catch (e) {
    client?.release();
    await pool.end().catch(() => undefined);
    throw e;
  }
}
