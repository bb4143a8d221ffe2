/**
 * No known password on a real instance (issue 16, item 1): `npm start` on an empty database
 * seeds no account unless SEED_DEMO=1, which seeds the demo (admin@demo.test an admin of the
 * demo instance). Migration 0006 marks the demo accounts of an older database, and calls it a
 * demo instance only when they are all it has.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { isDemoInstance } from '../db/queries/instance';
import { userByEmail, userById } from '../db/queries/users';
import { instanceSettings, users } from '../db/schema';
import { prepareInstance } from './instance';

const saved = { DATABASE_PATH: process.env.DATABASE_PATH, SEED_DEMO: process.env.SEED_DEMO, AUTH_SECRET: process.env.AUTH_SECRET };
const dirs: string[] = [];
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function freshPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-instance-'));
  dirs.push(dir);
  process.env.AUTH_SECRET = 'instance-test-secret';
  return (process.env.DATABASE_PATH = path.join(dir, 'app.db'));
}

describe('prepareInstance', () => {
  it('seeds nothing into an empty database without SEED_DEMO=1 (SEED_DEMO=0 or unset alike)', () => {
    for (const value of [undefined, '0', 'yes']) {
      const file = freshPath();
      if (value === undefined) delete process.env.SEED_DEMO;
      else process.env.SEED_DEMO = value;
      expect(prepareInstance()).toMatchObject({ seeded: false, noUsers: true, demo: false });
      const db = openDatabase(file);
      expect(db.select().from(users).all()).toEqual([]);
      db.$client.close();
    }
  });

  it('with SEED_DEMO=1 on an empty database, seeds the demo: a demo instance whose admin@demo.test is an admin', () => {
    const file = freshPath();
    process.env.SEED_DEMO = '1';
    expect(prepareInstance()).toMatchObject({ seeded: true, noUsers: false, demo: true });
    const db = openDatabase(file);
    expect(userById(db, userByEmail(db, 'admin@demo.test')!.id)).toMatchObject({ isAdmin: true });
    db.$client.close();
    // started again, nothing is seeded twice
    expect(prepareInstance()).toMatchObject({ seeded: false, demo: true });
  }, 60_000);
});

describe('migration 0006 on an older database', () => {
  const statements = fs
    .readFileSync(path.join(process.cwd(), 'db/migrations/0006_security.sql'), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => /^(-- .*\n)*(UPDATE|INSERT)/.test(s));

  function olderDatabase(emails: string[]) {
    const db = openDatabase(freshPath());
    db.delete(instanceSettings).run();
    for (const email of emails) db.insert(users).values({ email, name: email, passwordHash: 'x', isAdmin: email.startsWith('admin') }).run();
    for (const s of statements) db.$client.exec(s);
    return db;
  }

  it('marks the demo accounts; a database of only them stays a demo instance', () => {
    const db = olderDatabase(['admin@demo.test', 'lead@demo.test', 'coder1@demo.test']);
    expect(statements).toHaveLength(2);
    expect(db.select().from(users).all().every((u) => u.isDemo)).toBe(true);
    expect(isDemoInstance(db)).toBe(true);
    expect(userById(db, userByEmail(db, 'admin@demo.test')!.id)?.isAdmin).toBe(true);
    db.$client.close();
  });

  it('beside real accounts, the demo admin loses its admin rights', () => {
    const db = olderDatabase(['admin@demo.test', 'lead@demo.test', 'admin.real@uni.kz']);
    expect(isDemoInstance(db)).toBe(false);
    expect(userById(db, userByEmail(db, 'admin@demo.test')!.id)?.isAdmin).toBe(false);
    expect(userById(db, userByEmail(db, 'admin.real@uni.kz')!.id)?.isAdmin).toBe(true);
    db.$client.close();
  });
});
