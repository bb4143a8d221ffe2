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

/** AUTH_SECRET from the environment, else one generated once and kept beside the database. */
export function ensureSecret(databaseFile: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(path.dirname(databaseFile), 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export function prepareInstance(): { secret: string; databaseFile: string; seeded: boolean; noUsers: boolean; demo: boolean } {
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
  const demo = isDemoInstance(db);
  db.$client.close();
  return { secret: ensureSecret(databaseFile), databaseFile, seeded, noUsers, demo };
}
