/**
 * `npm run db:check` on a path with no database exits 2 naming the path, and creates nothing
 * there (issue 16, item 9); on a real database it reports and exits 0.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-db-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const dbCheck = (...args: string[]) =>
  spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/db-check.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATABASE_PATH: path.join(dir, 'default', 'app.db') },
  });

describe('npm run db:check', () => {
  it('on a path that does not exist: exit 2, the path named, no file or folder made', () => {
    const missing = path.join(dir, 'no-such-folder', 'typo.db');
    const r = dbCheck(missing);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`No database at ${missing}`);
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
    // in an existing folder too: no empty database appears beside the others
    const typo = path.join(dir, 'app.dbb');
    expect(dbCheck(typo).status).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('without a path, DATABASE_PATH is the path: missing there, the same exit 2', () => {
    const r = dbCheck();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(path.join(dir, 'default', 'app.db'));
    expect(fs.existsSync(path.join(dir, 'default'))).toBe(false);
  });

  it('on a folder: exit 2', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'folder-'));
    const r = dbCheck(folder);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a file');
    fs.rmSync(folder, { recursive: true });
  });

  it('on an existing database: its report, exit 0', () => {
    const file = path.join(dir, 'real.db');
    openDatabase(file).$client.close();
    const r = dbCheck(file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Checked ${file}: 0 documents`);
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { force: true });
  });
});
