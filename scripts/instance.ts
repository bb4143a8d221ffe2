/**
 * What the app needs before it serves: a migrated database, a secret, and — only when asked
 * for with SEED_DEMO=1 — the demo study seeded into an empty database. Without it an empty
 * database stays empty: the first visitor gets the first-run screen (/setup) that creates the
 * first admin, or the operator runs `npm run user:add -- --admin`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { databasePath, openDatabase } from '../db/client';
import { projects, users } from '../db/schema';
import { isDemoInstance } from '../db/queries/instance';
import { seedDemo } from '../db/seed/demo';

/** A kept secret shorter than this was not written by ensureSecret (43 characters) and is refused. */
export const MIN_SECRET_LENGTH = 32;

/** Thrown when the kept secret file is unusable; names the file and what to do. */
export class SecretFileError extends Error {}

/**
 * AUTH_SECRET from the environment, else the one kept in `auth-secret` beside the database,
 * generated on first start. A kept file that is empty or shorter than MIN_SECRET_LENGTH
 * throws SecretFileError naming it (every sign-in would otherwise fail with a bare 500). A
 * new secret is written to a temporary file in the same folder, flushed to disk, then linked
 * into place, so a crash or a full disk leaves either no file or a whole one; when another
 * process got there first, its secret is the one used.
 */
export function ensureSecret(databaseFile: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(path.dirname(databaseFile), 'auth-secret');
  return readSecret(file) ?? writeSecret(file);
}

/** The kept secret, undefined when there is no file. */
function readSecret(file: string): string | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SecretFileError(`Cannot read the session secret ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const secret = raw.trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new SecretFileError(
      `The session secret ${file} is ${secret.length === 0 ? 'empty' : `only ${secret.length} characters long`} (at least ${MIN_SECRET_LENGTH} needed). ` +
        'Delete it to have a new one generated (everyone is signed out), or set AUTH_SECRET.',
    );
  }
  return secret;
}

function writeSecret(file: string): string {
  const secret = crypto.randomBytes(32).toString('base64url');
  const dir = path.dirname(file);
  const temp = path.join(dir, `.auth-secret.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeSync(fd, secret + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      // A link, unlike a rename, never replaces a secret another process has just put there.
      fs.linkSync(temp, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return readSecret(file) ?? writeSecret(file);
      // A file system without hard links: rename, which is atomic too.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
      fs.renameSync(temp, file);
    }
    syncFolder(dir);
    return secret;
  } catch (e) {
    if (e instanceof SecretFileError) throw e;
    throw new SecretFileError(`Cannot write the session secret ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}. Set AUTH_SECRET, or make the folder writable.`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Flushes a folder's entries (the new name) to disk; not every platform can open a folder. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot fsync a folder; the file itself was flushed.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export async function prepareInstance(): Promise<{ secret: string; databaseFile: string; seeded: boolean; noUsers: boolean; demo: boolean }> {
  const databaseFile = databasePath();
  const db = openDatabase(databaseFile);
  let seeded = false;
  const empty =
    db.select({ n: count() }).from(users).get()!.n === 0 && db.select({ n: count() }).from(projects).get()!.n === 0;
  if (empty && process.env.SEED_DEMO === '1') {
    seedDemo(db);
    seeded = true;
  }
  const noUsers = db.select({ n: count() }).from(users).get()!.n === 0;
  const demo = await isDemoInstance(db);
  db.$client.close();
  return { secret: ensureSecret(databaseFile), databaseFile, seeded, noUsers, demo };
}
