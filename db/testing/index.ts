/** A fresh, migrated database in a temporary directory, for tests and benchmarks. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../client';

export function openTestDatabase(): { db: Db; file: string; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-test-'));
  const file = path.join(dir, 'test.db');
  const db = openDatabase(file);
  return {
    db,
    file,
    close: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
