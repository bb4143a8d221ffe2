import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabasePathError, openDatabase } from './client';

describe('openDatabase', () => {
  it('opens a migrated database with WAL, foreign keys and a busy timeout', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-client-'));
    const db = openDatabase(path.join(dir, 'nested', 'app.db'));
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db.$client.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>;
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['users', 'projects', 'codings', 'turns', 'audit_events']));
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails with a message naming the path when it cannot be written', () => {
    const file = path.join(__filename, 'inside-a-file', 'app.db'); // a parent that is a regular file
    expect(() => openDatabase(file)).toThrow(DatabasePathError);
    expect(() => openDatabase(file)).toThrow(file);
  });

  it('makes `npm start` fail at once, naming the path', () => {
    const file = path.join(__filename, 'nowhere', 'app.db');
    const r = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], {
      env: { ...process.env, DATABASE_PATH: file },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Start-up failed: Cannot write the database at ${file}`);
  });
});
