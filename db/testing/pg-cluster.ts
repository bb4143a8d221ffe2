/**
 * A throwaway PostgreSQL cluster for tests (issue #20): `initdb` into a temporary directory,
 * `pg_ctl start` on a free port of 127.0.0.1 with its unix socket in that directory, `createdb`,
 * and a connection URL with a password (TCP connections use scram-sha-256, so a wrong password
 * is refused as on a real server; the socket trusts local users, for createdb). `stop()` stops
 * the server and removes the directory; a process that exits without calling it stops it too.
 *
 * PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user (which
 * Debian's postgresql package creates; PG_CLUSTER_USER names another) and every server command
 * runs through `runuser`. The server binaries are PG_BIN, or the newest
 * /usr/lib/postgresql/<version>/bin (Debian's layout), or the directory of `initdb` on PATH.
 *
 * Tests skip when the binaries are missing (`pgSkipped`), except under CI (CI=true, as .ci/run
 * sets; .ci/run installs Debian's postgresql), where the missing binaries fail the test.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The directory holding initdb, pg_ctl and createdb, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  const has = (dir: string) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'));
  if (process.env.PG_BIN) return has(process.env.PG_BIN) ? process.env.PG_BIN : null;
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => /^\d+$/.test(v) && has(path.join(debian, v, 'bin')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return path.join(debian, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const initdb = which.status === 0 ? which.stdout.trim() : '';
  return initdb && has(path.dirname(initdb)) ? path.dirname(initdb) : null;
}

export const PG_BIN = postgresBinDir();
const INSTALL = 'apt-get install postgresql';

/** True when the cluster tests should be skipped: no PostgreSQL here and not under CI. */
export const pgSkipped = !PG_BIN && !process.env.CI;

/** The test-name suffix saying PostgreSQL is missing (skipped locally, failing under CI), or ''. */
export function pgMissing(file: string): string {
  if (PG_BIN) return '';
  const message = process.env.CI ? ` (FAILS: PostgreSQL not installed; ${INSTALL})` : ` (SKIPPED: PostgreSQL not installed; ${INSTALL})`;
  console.warn(`${file}:${message}`);
  return message;
}

export interface PgCluster {
  /** postgres://user:password@127.0.0.1:port/database */
  url: string;
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** The directory of the server's unix socket (and of everything else of the cluster). */
  dir: string;
  /** Stops the server and removes its directory; safe to call twice. */
  stop: () => void;
}

/** A TCP port of 127.0.0.1 that nothing listens on (as of now). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The numeric uid and gid of `user`. */
function ids(user: string): { uid: number; gid: number } {
  const id = (flag: string) => {
    const r = spawnSync('id', [flag, user], { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(`PostgreSQL refuses to run as root and there is no user ${user} to run it as (${r.stderr.trim()}); install Debian's postgresql (it creates the user) or set PG_CLUSTER_USER`);
    }
    return Number(r.stdout.trim());
  };
  return { uid: id('-u'), gid: id('-g') };
}

/** Starts a new cluster with one empty database. Needs PostgreSQL's server binaries (see `PG_BIN`). */
export async function startPgCluster(options: { database?: string } = {}): Promise<PgCluster> {
  if (!PG_BIN) throw new Error(`PostgreSQL's server binaries are not installed (${INSTALL}; .ci/run installs them), or set PG_BIN`);
  const bin = PG_BIN;
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? (process.env.PG_CLUSTER_USER ?? 'postgres') : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const user = 'fgcoder';
  const password = randomBytes(12).toString('hex');
  const database = options.database ?? 'fgcoder_test';
  // The caller's PG* variables (PGHOST, PGPASSWORD, …) must not steer the server tools.
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', LC_ALL: 'C' };
  for (const k of Object.keys(env)) if (k.startsWith('PG')) delete env[k];

  let started = false;
  const run = (tool: string, args: string[]): SpawnSyncReturns<string> => {
    const command = path.join(bin, tool);
    // The cluster's own directory as the working directory: its owner may not be able to enter the caller's.
    const spawnOptions = { cwd: dir, env, encoding: 'utf8' as const, timeout: 120_000 };
    return owner ? spawnSync('runuser', ['-u', owner, '--', command, ...args], spawnOptions) : spawnSync(command, args, spawnOptions);
  };
  const logTail = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '');
  const check = (r: SpawnSyncReturns<string>, what: string) => {
    if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal}): ${r.error?.message ?? ''}\n${r.stderr}\n${r.stdout}\n${logTail()}`);
  };

  const stop = () => {
    if (started) {
      started = false;
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    process.off('exit', stop);
  };
  process.on('exit', stop);

  try {
    const pwfile = path.join(dir, 'pwfile');
    fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (owner) {
      const { uid, gid } = ids(owner);
      fs.chownSync(dir, uid, gid);
      fs.chownSync(pwfile, uid, gid);
    }
    fs.chmodSync(dir, 0o700);
    check(
      run('initdb', ['-D', data, '-U', user, `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-locale', '--no-sync']),
      'initdb',
    );
    fs.rmSync(pwfile);
    fs.appendFileSync(
      path.join(data, 'postgresql.conf'),
      [
        '',
        '# A throwaway test cluster (db/testing/pg-cluster.ts): TCP on 127.0.0.1 only, nothing made durable.',
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir.replace(/'/g, "''")}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'shared_buffers = 16MB',
        'max_connections = 40',
        '',
      ].join('\n'),
    );
    // A port found free may be taken before the server binds it: try a few.
    let port = 0;
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      const r = run('pg_ctl', ['-D', data, '-l', log, '-o', `-p ${port}`, '-w', '-t', '60', 'start']);
      if (r.status === 0) started = true;
      else if (attempt >= 3) check(r, 'pg_ctl start');
    }
    check(run('createdb', ['-h', dir, '-p', String(port), '-U', user, database]), 'createdb');
    const host = '127.0.0.1';
    return { url: `postgres://${user}:${password}@${host}:${port}/${database}`, host, port, database, user, password, dir, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
