/** What the app needs before it serves: a migrated database, the demo on first start, a secret. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { databasePath, openDatabase } from '../db/client';
import { projects, users } from '../db/schema';
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

export function prepareInstance(): { secret: string; databaseFile: string; seeded: boolean } {
  const databaseFile = databasePath();
  const db = openDatabase(databaseFile);
  let seeded = false;
  const empty =
    db.select({ n: count() }).from(users).get()!.n === 0 && db.select({ n: count() }).from(projects).get()!.n === 0;
  if (empty && process.env.SEED_DEMO !== '0') {
    seedDemo(db);
    seeded = true;
  }
  db.$client.close();
  return { secret: ensureSecret(databaseFile), databaseFile, seeded };
}
