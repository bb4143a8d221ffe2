/**
 * Migration 0005 (issue #18): the search triggers fold case in shallow statements, so that
 * SQLite before 3.46 can parse the schema, and an existing database comes out of the
 * migration with exactly the index it had.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UNFOLDED_CAPITALS } from '@/lib/search/fts-data';
import { foldedForIndex, MAX_REPLACE_NESTING, searchTriggersMigrationSql } from '@/lib/search/fts-schema';
import { openDatabase, type Db } from '../client';
import { documents, turns } from '../schema';
import { openTestDatabase } from '../testing';
import { databaseAtMigration, withLaterColumns } from '../testing/older-version';
import { searchIndexProblems } from './search-index';
import { seedSearchFixture } from './testing/search';

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
const EVERY_CAPITAL = UNFOLDED_CAPITALS.map((c) => String.fromCodePoint(c)).join(' ');
/** Text with capitals of several groups (İ, Cherokee, Georgian Mtavruli, Osage, Adlam) among Kazakh and Russian. */
const MIXED = 'İstanbul ᏣᎳᎩ ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ 𐒰𐓂𐒾𐓍 𞤀𞤣𞤤𞤢𞤥 ҚҰРМЕТТІ Петиция';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** How deep `replace(` calls nest in `sql`, string literals skipped. */
function replaceNesting(sql: string): number {
  const stack: boolean[] = [];
  let depth = 0;
  let max = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'") {
      i = sql.indexOf("'", i + 1);
      continue;
    }
    if (ch === '(') {
      const isReplace = /replace\s*$/i.test(sql.slice(Math.max(0, i - 8), i));
      stack.push(isReplace);
      if (isReplace) max = Math.max(max, ++depth);
    } else if (ch === ')' && stack.pop()) depth--;
  }
  return max;
}

/** The index as it stands: each row's stored text and its terms in order. */
function indexState(db: Db) {
  const c = db.$client;
  c.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, 'turns_fts', 'instance')");
  const rows = c.prepare('SELECT rowid, text FROM turns_fts ORDER BY rowid').all();
  const terms = c.prepare('SELECT doc, col, "offset", term FROM temp.fts_terms ORDER BY doc, "offset"').all();
  return { rows, terms };
}

function addTurns(db: Db, projectId: number, title: string, texts: string[]) {
  const doc = db.insert(documents).values({ projectId, title }).returning().get();
  texts.forEach((text, i) => db.insert(turns).values({ documentId: doc.id, seq: i + 1, speakerKind: 'unknown', start: 0, end: text.length, text }).run());
  return doc.id;
}

describe('migration 0005, the shallow search triggers', () => {
  it('is the SQL that lib/search/fts-schema.ts writes (a change there needs a new migration)', () => {
    const file = fs.readFileSync(path.join(MIGRATIONS, '0005_search_triggers_shallow.sql'), 'utf8');
    expect(file.trim()).toBe(searchTriggersMigrationSql().trim());
  });

  it(`leaves no statement in the schema nesting more than ${MAX_REPLACE_NESTING} replace() calls`, () => {
    const ctx = openTestDatabase();
    cleanups.push(ctx.close);
    const schemaSql = ctx.db.$client.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL").all() as Array<{ type: string; name: string; sql: string }>;
    const deepest = Math.max(...schemaSql.map((s) => replaceNesting(s.sql)));
    expect(deepest).toBe(MAX_REPLACE_NESTING);
    expect(replaceNesting("replace(replace(x, '(', ')'), 'a', 'b')")).toBe(2);
    const triggers = schemaSql.filter((s) => s.type === 'trigger' && s.name.startsWith('turns_fts_')).map((s) => s.name).sort();
    expect(triggers).toEqual(['turns_fts_delete', 'turns_fts_insert', 'turns_fts_insert_folding', 'turns_fts_update', 'turns_fts_update_folding']);
  });

  it('migrates an existing database to the same index, and keeps it the same on later writes', async () => {
    // A database as 0004 left it: migrations up to 0004 only, with 0003's deep triggers.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-0005-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const { db: old, file } = databaseAtMigration(dir, 4);
    expect(old.$client.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'turns_fts_insert_folding'").pluck().get()).toBe(0);
    const f = withLaterColumns(old, (db) => {
      const seeded = seedSearchFixture(db);
      addTurns(db, seeded.project.id, 'Capitals', [EVERY_CAPITAL, MIXED, EVERY_CAPITAL.toLowerCase()]);
      return seeded;
    });
    const before = indexState(old);
    old.$client.close();

    const db = openDatabase(file);
    cleanups.push(() => db.$client.close());
    expect(db.$client.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'turns_fts_insert_folding'").pluck().get()).toBe(1);
    expect(indexState(db)).toEqual(before);
    expect(await searchIndexProblems(db)).toEqual([]);
    const texts = db.$client.prepare('SELECT text FROM turns_fts WHERE text GLOB ?').pluck();
    expect(texts.all('*𞤣𞤤*')).toEqual([foldedForIndex(MIXED)]);
    expect(foldedForIndex(MIXED)).toBe('istanbul ꮳꮃꭹ საქართველო 𐓘𐓪𐓦𐓵 𞤢𞤣𞤤𞤢𞤥 ҚҰРМЕТТІ Петиция');

    // The same writes through the new triggers give the same index rows as through the old.
    const again = addTurns(db, f.project.id, 'Capitals again', [EVERY_CAPITAL, MIXED, EVERY_CAPITAL.toLowerCase()]);
    const stored = db.$client.prepare('SELECT f.text FROM turns t JOIN turns_fts f ON f.rowid = t.id WHERE t.document_id = ? ORDER BY t.seq').pluck();
    const oldRows = (before.rows as Array<{ text: string }>).slice(-3).map((r) => r.text);
    expect(stored.all(again)).toEqual(oldRows);
    // Updates: to text with capitals, from it, and of a turn's id.
    const update = db.$client.prepare('UPDATE turns SET text = ? WHERE document_id = ? AND seq = ?');
    update.run('Ꭰ plain', again, 3);
    update.run('plain now', again, 1);
    db.$client.prepare('UPDATE turns SET id = id + 1000 WHERE document_id = ? AND seq = 2').run(again);
    expect(stored.all(again)).toEqual(['plain now', foldedForIndex(MIXED), 'ꭰ plain']);
    expect(await searchIndexProblems(db)).toEqual([]);
  });
});
