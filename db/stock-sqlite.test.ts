/**
 * Stock SQLite opens our database (issue #18): a freshly migrated and seeded demo database is
 * read with Debian's `sqlite3` command-line tool, Python's `sqlite3` module and R's RSQLite
 * (all SQLite 3.40 on Debian 12, older than the one better-sqlite3 bundles), and the R and
 * Python examples of the README's "Reading the data directly" run as written against it.
 *
 * A tool that is not installed skips its test with a message saying what to install, except
 * under CI (CI=true, as .ci/run sets), where .ci/run has installed them all and a missing one fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { attributeDefinitions, codes, codings, documentAttributeValues } from './schema';
import { seedDemo } from './seed/demo';

/** The first of `candidates` that runs `args` successfully, or null. */
function tool(candidates: string[], args: string[]): string | null {
  for (const c of candidates) {
    const r = spawnSync(c, args, { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return c;
  }
  return null;
}

const SQLITE3 = tool(['sqlite3'], ['-version']);
// Debian's python3 first: it is the one python3-pandas installs into (a pyenv shim may come first on PATH).
const PYTHON = tool(['/usr/bin/python3', 'python3'], ['-c', 'import sqlite3']);
const PANDAS = PYTHON && tool([PYTHON], ['-c', 'import pandas']);
const RSCRIPT = tool(['Rscript'], ['-e', 'library(DBI); library(RSQLite)']);

/**
 * The test-name suffix saying a tool is missing (and that its test is skipped), or ''. Under CI
 * (.ci/run sets CI=true and installs every tool) a missing tool is not skipped: its test fails.
 */
function missing(what: string | null, install: string): string {
  if (what) return '';
  const message = process.env.CI ? ` (FAILS: not installed; apt-get install ${install})` : ` (SKIPPED: not installed; apt-get install ${install})`;
  console.warn(`db/stock-sqlite.test.ts:${message}`);
  return message;
}

const skipped = (what: string | null) => !what && !process.env.CI;

/** The tool, or a failure naming what to install (under CI, where nothing is skipped). */
function need(what: string | null, install: string): string {
  if (!what) throw new Error(`Not installed: apt-get install ${install} (.ci/run installs it)`);
  return what;
}

/** Runs `command args` in `cwd`, feeding `input`, and returns stdout; fails the test with stderr if it fails. */
function run(command: string, args: string[], cwd: string, input?: string): string {
  const r = spawnSync(command, args, { cwd, input, encoding: 'utf8', timeout: 120_000, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}:\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/** The code blocks in `lang` of the README's "Reading the data directly" section. */
function readmeBlocks(lang: string): string[] {
  const readme = fs.readFileSync(path.join(process.cwd(), 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Reading the data directly\n');
  expect(start, 'README.md has a section "Reading the data directly"').toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].filter((m) => m[1] === lang).map((m) => m[2]);
}

/** Rows of a tab-separated table with a header, as "code|city|codings" strings, sorted. */
function tsvRows(text: string): string[] {
  const [header, ...lines] = text.trim().split('\n');
  expect(header.split('\t')).toEqual(['code', 'city', 'codings']);
  return lines.map((l) => l.split('\t').join('|')).sort();
}

const MARK = '--- counts';

let dir: string;
let expected: {
  counts: string[];
  consensus: number;
  turns: number;
  petition: number;
  consensusTurnPairs: number;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-stock-sqlite-'));
  const db = openDatabase(path.join(dir, 'data', 'app.db'));
  const { projectId } = seedDemo(db);
  expect(projectId).toBe(1); // the README's examples read project 1
  // What the README's examples must find, counted here in TypeScript from the rows themselves.
  const codeName = new Map(db.select().from(codes).all().map((c) => [c.id, c.name]));
  const city = new Map(
    db
      .select({ documentId: documentAttributeValues.documentId, value: documentAttributeValues.value })
      .from(documentAttributeValues)
      .innerJoin(attributeDefinitions, eq(attributeDefinitions.id, documentAttributeValues.attributeId))
      .where(and(eq(attributeDefinitions.scope, 'document'), eq(attributeDefinitions.name, 'city')))
      .all()
      .map((v) => [v.documentId, v.value]),
  );
  const consensus = db.select().from(codings).where(and(eq(codings.projectId, projectId), eq(codings.layer, 'consensus'))).all();
  const perCell = new Map<string, number>();
  for (const k of consensus) {
    const key = `${codeName.get(k.codeId)}|${city.get(k.documentId)}`;
    perCell.set(key, (perCell.get(key) ?? 0) + 1);
  }
  const c = db.$client;
  expected = {
    counts: [...perCell].map(([key, n]) => `${key}|${n}`).sort(),
    consensus: consensus.length,
    turns: c.prepare('SELECT count(*) FROM turns').pluck().get() as number,
    petition: c.prepare("SELECT count(*) FROM turns_fts WHERE turns_fts MATCH 'петиц*'").pluck().get() as number,
    consensusTurnPairs: c
      .prepare(`SELECT count(*) FROM codings k JOIN turns t ON t.document_id = k.document_id AND t.start < k."end" AND k.start < t."end" WHERE k.layer = 'consensus'`)
      .pluck()
      .get() as number,
  };
  expect(expected.consensus).toBeGreaterThan(0);
  expect(expected.petition).toBeGreaterThan(0);
  c.close();
}, 60_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a freshly migrated and seeded database, read by stock SQLite', () => {
  it.skipIf(skipped(SQLITE3))(`opens, checks, searches and writes with the sqlite3 command-line tool${missing(SQLITE3, 'sqlite3')}`, () => {
    const out = run(need(SQLITE3, 'sqlite3'), ['-bail', '-batch', path.join('data', 'app.db')], dir, [
      'PRAGMA integrity_check;',
      "SELECT count(*) FROM codings WHERE layer = 'consensus';",
      'SELECT count(*) FROM turns;',
      "SELECT count(*) FROM turns_fts WHERE turns_fts MATCH 'петиц*';",
      // A write runs the search triggers in this SQLite too: the folding one for a Cherokee and a Turkish capital.
      'BEGIN;',
      `INSERT INTO turns (document_id, seq, speaker_kind, start, "end", text) VALUES (1, 100000, 'unknown', 0, 0, 'ᏣᎳᎩ İstanbul');`,
      'SELECT text FROM turns_fts WHERE rowid = last_insert_rowid();',
      "SELECT count(*) FROM turns_fts WHERE turns_fts MATCH 'ꮳꮃꭹ AND istanbul';",
      'ROLLBACK;',
      'SELECT count(*) FROM turns_fts;',
      'SELECT sqlite_version();',
    ].join('\n'));
    const lines = out.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(['ok', String(expected.consensus), String(expected.turns), String(expected.petition), 'ꮳꮃꭹ istanbul', '1', String(expected.turns)]);
    console.info(`sqlite3 command-line tool, SQLite ${lines.at(-1)}: opened, checked, searched and written`);
  });

  it.skipIf(skipped(PYTHON))(`opens and queries codings over turns with Python's sqlite3${missing(PYTHON, 'python3')}`, () => {
    const script = [
      'import sqlite3',
      "con = sqlite3.connect('file:data/app.db?mode=ro', uri=True)",
      "print(con.execute('PRAGMA integrity_check').fetchone()[0])",
      `print(con.execute('''SELECT count(*) FROM codings k JOIN turns t ON t.document_id = k.document_id AND t.start < k."end" AND k.start < t."end" WHERE k.layer = 'consensus' ''').fetchone()[0])`,
      'print(sqlite3.sqlite_version)',
    ].join('\n');
    const [check, pairs, version] = run(need(PYTHON, 'python3'), ['-'], dir, script).trim().split('\n');
    expect([check, pairs]).toEqual(['ok', String(expected.consensusTurnPairs)]);
    console.info(`Python's sqlite3, SQLite ${version}: opened and queried`);
  });
});

describe("the README's examples of reading the data directly", () => {
  it.skipIf(skipped(RSCRIPT))(`run in R with DBI and RSQLite, and count what the app counts${missing(RSCRIPT, 'r-base-core r-cran-dbi r-cran-rsqlite')}`, () => {
    // The README's R example of reading the database (its other R blocks read exported files).
    const blocks = readmeBlocks('r').filter((b) => b.includes('library(DBI)'));
    expect(blocks).toHaveLength(1);
    const script = `${blocks[0]}\ncat("${MARK}\\n")\nwrite.table(counts, sep = "\\t", quote = FALSE, row.names = FALSE)\n`;
    const out = run(need(RSCRIPT, 'r-base-core r-cran-dbi r-cran-rsqlite'), ['-'], dir, script);
    const [printed, table] = out.split(`${MARK}\n`);
    expect(tsvRows(table)).toEqual(expected.counts);
    expect(printed).toContain('Almaty'); // the cross-table the example prints
  });

  it.skipIf(skipped(PANDAS))(`run in Python with sqlite3 and pandas, and count what the app counts${missing(PANDAS, 'python3-pandas')}`, () => {
    const blocks = readmeBlocks('python').filter((b) => b.includes('import sqlite3'));
    expect(blocks).toHaveLength(1);
    const script = `${blocks[0]}\nprint("${MARK}")\nprint(counts.to_csv(sep="\\t", index=False), end="")\n`;
    const out = run(need(PANDAS, 'python3-pandas'), ['-'], dir, script);
    const [printed, table] = out.split(`${MARK}\n`);
    expect(tsvRows(table)).toEqual(expected.counts);
    expect(printed).toContain('Almaty');
  });
});
