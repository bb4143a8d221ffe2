/**
 * No known password on a real instance (issue 16, item 1): `npm start` on an empty database
 * seeds no account unless SEED_DEMO=1, which seeds the demo (admin@demo.test an admin of the
 * demo instance). Migration 0006 marks the demo accounts of an older database, and calls it a
 * demo instance only when they are all it has. The session secret kept beside the database
 * is written atomically, and an empty or short one stops the start naming the file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/client';
import { isDemoInstance } from '../db/queries/instance';
import { userByEmail, userById } from '../db/queries/users';
import { instanceSettings, users } from '../db/schema';
import { ensureSecret, MIN_SECRET_LENGTH, prepareInstance, SecretFileError } from './instance';

const saved = { DATABASE_PATH: process.env.DATABASE_PATH, SEED_DEMO: process.env.SEED_DEMO, AUTH_SECRET: process.env.AUTH_SECRET };
const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
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
  it('seeds nothing into an empty database without SEED_DEMO=1 (SEED_DEMO=0 or unset alike)', async () => {
    for (const value of [undefined, '0', 'yes']) {
      const file = freshPath();
      if (value === undefined) delete process.env.SEED_DEMO;
      else process.env.SEED_DEMO = value;
      expect(await prepareInstance()).toMatchObject({ seeded: false, noUsers: true, demo: false });
      const db = openDatabase(file);
      expect(db.select().from(users).all()).toEqual([]);
      db.$client.close();
    }
  });

  it('with SEED_DEMO=1 on an empty database, seeds the demo: a demo instance whose admin@demo.test is an admin', async () => {
    const file = freshPath();
    process.env.SEED_DEMO = '1';
    expect(await prepareInstance()).toMatchObject({ seeded: true, noUsers: false, demo: true });
    const db = openDatabase(file);
    expect(await userById(db, (await userByEmail(db, 'admin@demo.test'))!.id)).toMatchObject({ isAdmin: true });
    db.$client.close();
    // started again, nothing is seeded twice
    expect(await prepareInstance()).toMatchObject({ seeded: false, demo: true });
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

  it('marks the demo accounts; a database of only them stays a demo instance', async () => {
    const db = olderDatabase(['admin@demo.test', 'lead@demo.test', 'coder1@demo.test']);
    expect(statements).toHaveLength(2);
    expect(db.select().from(users).all().every((u) => u.isDemo)).toBe(true);
    expect(await isDemoInstance(db)).toBe(true);
    expect((await userById(db, (await userByEmail(db, 'admin@demo.test'))!.id))?.isAdmin).toBe(true);
    db.$client.close();
  });

  it('beside real accounts, the demo admin loses its admin rights', async () => {
    const db = olderDatabase(['admin@demo.test', 'lead@demo.test', 'admin.real@uni.kz']);
    expect(await isDemoInstance(db)).toBe(false);
    expect((await userById(db, (await userByEmail(db, 'admin@demo.test'))!.id))?.isAdmin).toBe(false);
    expect((await userById(db, (await userByEmail(db, 'admin.real@uni.kz'))!.id))?.isAdmin).toBe(true);
    db.$client.close();
  });
});

describe('the session secret kept beside the database (issue 16, item 9)', () => {
  /** A fresh folder, AUTH_SECRET unset so the kept file is used; returns the database path and the secret file. */
  function fresh(): { db: string; file: string; dir: string } {
    const db = freshPath();
    delete process.env.AUTH_SECRET;
    return { db, file: path.join(path.dirname(db), 'auth-secret'), dir: path.dirname(db) };
  }

  it('is generated once (43 characters, mode 0600) and read back; no temporary file stays', () => {
    const { db, file, dir } = fresh();
    const secret = ensureSecret(db);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${secret}\n`);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['auth-secret']);
    expect(ensureSecret(db)).toBe(secret);
  });

  it('AUTH_SECRET in the environment wins, and no file is written', () => {
    const { db, dir } = fresh();
    process.env.AUTH_SECRET = 'from-the-environment';
    expect(ensureSecret(db)).toBe('from-the-environment');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an empty, blank or short file is an error naming the file, and is left alone', () => {
    for (const [content, says] of [
      ['', 'is empty'],
      ['  \n', 'is empty'],
      ['abc\n', 'is only 3 characters long'],
      ['x'.repeat(MIN_SECRET_LENGTH - 1), `is only ${MIN_SECRET_LENGTH - 1} characters long`],
    ]) {
      const { db, file } = fresh();
      fs.writeFileSync(file, content);
      let thrown: unknown;
      try {
        ensureSecret(db);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(SecretFileError);
      expect((thrown as Error).message).toContain(`The session secret ${file} ${says}`);
      expect(fs.readFileSync(file, 'utf8')).toBe(content);
    }
    const { db, file } = fresh();
    fs.writeFileSync(file, 'y'.repeat(MIN_SECRET_LENGTH));
    expect(ensureSecret(db)).toBe('y'.repeat(MIN_SECRET_LENGTH));
  });

  it('a write that fails half-way (disk full at the flush) leaves no secret file and no temporary file', () => {
    const { db, dir, file } = fresh();
    vi.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    expect(() => ensureSecret(db)).toThrow(`Cannot write the session secret ${file}: ENOSPC`);
    expect(fs.readdirSync(dir)).toEqual([]);
    vi.restoreAllMocks();
    expect(ensureSecret(db)).toHaveLength(43); // the next start writes it
  });

  it('when another process puts its secret there first, that one is used and kept', () => {
    const { db, file, dir } = fresh();
    const theirs = 'z'.repeat(43);
    const link = fs.linkSync;
    vi.spyOn(fs, 'linkSync').mockImplementationOnce((from, to) => {
      fs.writeFileSync(file, `${theirs}\n`);
      link(from, to);
    });
    expect(ensureSecret(db)).toBe(theirs);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${theirs}\n`);
    expect(fs.readdirSync(dir)).toEqual(['auth-secret']);
  });

  it('makes `npm start` fail at once naming the file, instead of a 500 at every sign-in', () => {
    const { db, file } = fresh();
    fs.writeFileSync(file, '\n');
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: db, PORT: '3499' };
    delete env.AUTH_SECRET;
    const r = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Start-up failed: The session secret ${file} is empty`);
  }, 60_000);
});
