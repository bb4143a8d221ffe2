import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './client';
import { backupDatabase, beforeRestoreName, inspectDatabase, restoreDatabase } from './backup';
import { projects } from './schema';
import { seedFixture } from './testing/fixture';

let dir: string;
let live: string;
let db: Db;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-backup-'));
  live = path.join(dir, 'app.db');
  db = openDatabase(live);
  seedFixture(db);
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('backs up while the app holds the database open, and restores into it while it runs', async () => {
    const file = path.join(dir, 'backup.db');
    const copy = await backupDatabase(live, file);
    expect(copy.ok).toBe(true);
    expect(copy.counts).toMatchObject({ projects: 2, users: 4, documents: 1 });

    // the app goes on writing after the backup
    db.update(projects).set({ name: 'Renamed after the backup' }).where(eq(projects.name, 'Fixture')).run();
    db.insert(projects).values({ name: 'Created after the backup' }).run();

    const now = new Date('2025-03-01T12:34:56.789Z');
    const result = await restoreDatabase(file, live, now);
    expect(result.previous).toBe(`${live}.before-restore-2025-03-01T12-34-56Z`);
    // the running connection sees the restored data
    expect(db.select({ name: projects.name }).from(projects).all().map((p) => p.name)).toEqual(['Fixture', 'Other']);
    // and the database as it was is kept
    const before = new Database(result.previous!, { readonly: true });
    expect((before.prepare('select name from projects order by id').all() as { name: string }[]).map((r) => r.name)).toEqual(['Renamed after the backup', 'Other', 'Created after the backup']);
    before.close();
  });

  it('refuses to restore what is not an intact database of this app, writing nothing', async () => {
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'not a database');
    const foreign = path.join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec('create table things (id integer primary key)');
    f.close();
    const corrupt = path.join(dir, 'corrupt.db');
    await backupDatabase(live, corrupt);
    const bytes = fs.readFileSync(corrupt);
    bytes.fill(0x55, 4096 * 2, 4096 * 3); // scribble over a page
    fs.writeFileSync(corrupt, bytes);

    await expect(restoreDatabase(path.join(dir, 'missing.db'), live)).rejects.toThrow(/does not exist/);
    await expect(restoreDatabase(text, live)).rejects.toThrow(/not a SQLite database/);
    await expect(restoreDatabase(foreign, live)).rejects.toThrow(/not a database of this app: it lacks the table\(s\) __drizzle_migrations, users/);
    await expect(restoreDatabase(corrupt, live)).rejects.toThrow(/integrity check failed|malformed|cannot be read/);
    await expect(restoreDatabase(live, live)).rejects.toThrow(/live database itself/);
    expect(fs.readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
    expect(inspectDatabase(live).ok).toBe(true);
  });

  it('never overwrites an existing backup file', async () => {
    const file = path.join(dir, 'backup.db');
    await backupDatabase(live, file);
    await expect(backupDatabase(live, file)).rejects.toThrow(/already exists/);
  });

  it('names the kept database without colons', () => {
    expect(beforeRestoreName('/data/app.db', new Date('2025-01-02T03:04:05.000Z'))).toBe('/data/app.db.before-restore-2025-01-02T03-04-05Z');
  });
});
