/**
 * Databases as an older migration left them, for the tests of a later migration: migrate a
 * copy of the migrations folder cut at that migration, then seed it with today's query
 * functions. Those write today's columns, so `withLaterColumns` lends the old tables the
 * columns later migrations add while the seed runs, and drops them again afterwards: the
 * file ends as the older version left it, with data in it.
 */
import Database from 'better-sqlite3';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../client';
import * as schema from '../schema';

/** A database file in `dir` migrated up to and including migration `lastIdx` (its journal index). */
export function databaseAtMigration(dir: string, lastIdx: number): { db: Db; file: string } {
  const folder = path.join(dir, 'migrations');
  fs.cpSync(path.join(process.cwd(), 'db', 'migrations'), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= lastIdx);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  const file = path.join(dir, 'app.db');
  const db = drizzle(new Database(file), { schema }) as Db;
  migrate(db, { migrationsFolder: folder });
  return { db, file };
}

/** Runs `seed` with the columns of today's schema that the old tables lack present (nullable), then drops them. */
export function withLaterColumns<T>(db: Db, seed: (db: Db) => T): T {
  const lent: Array<[string, string]> = [];
  for (const table of Object.values(schema)) {
    if (!is(table, SQLiteTable)) continue;
    const name = getTableName(table);
    const present = new Set((db.$client.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string }>).map((c) => c.name));
    if (present.size === 0) continue; // a table of a later migration: the seed must not need it
    for (const column of Object.values(getTableColumns(table))) {
      if (present.has(column.name)) continue;
      const fallback = column.hasDefault && typeof column.default !== 'object' ? ` DEFAULT ${JSON.stringify(column.default)}` : '';
      db.$client.exec(`ALTER TABLE "${name}" ADD COLUMN "${column.name}" ${column.getSQLType()}${fallback}`);
      lent.push([name, column.name]);
    }
  }
  try {
    return seed(db);
  } finally {
    for (const [table, column] of lent) db.$client.exec(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
  }
}
