/**
 * Search on PostgreSQL (db/pg/search.ts) against SQLite's FTS5 search (db/queries/search.ts) on
 * the demo study: the demo is seeded into an SQLite file, copied into a throwaway cluster with
 * db:migrate-to-postgres (which applies migration 0001, the fold function and trigram index), and
 * a list of queries — Russian, Kazakh, prefixes, phrases, case variants, operators, filters, regex,
 * no hit — must give the same hits with the same offsets on both engines. The fold function is held
 * equal to lib/search/words.ts's for Latin, Greek and Cyrillic (Kazakh's letters among them).
 * Skipped without PostgreSQL, except under CI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, type SearchOptions } from '@/lib/search/options';
import { foldWord } from '@/lib/search/words';
import { openDatabase, type Db } from '../client';
import { copySqliteToPostgres } from '../copy-to-postgres';
import { findHits, type FoundHits, type SearchContext } from '../queries/search';
import { attributeDefinitions, codes, projects } from '../schema';
import { seedDemo } from '../seed/demo';
import { pgMissing, pgSkipped, startPgCluster, type PgCluster } from '../testing/pg-cluster';
import { findHitsPg } from './search';
import { PG_FOLD_FUNCTION, PG_SEARCH_INDEX, pgSearchMigration } from './search-schema';

describe('the PostgreSQL search migration', () => {
  it('is the SQL db/pg/search-schema.ts writes (a change there needs a new migration)', () => {
    const file = fs.readFileSync(path.join(process.cwd(), 'db', 'migrations-pg', '0001_search_trgm.sql'), 'utf8');
    expect(file).toBe(pgSearchMigration());
  });
});

const QUERIES = [
  // Russian
  'акимат',
  'АКИМАТ',
  'Акимат',
  'акимат*',
  'петиц*',
  'жалоб*',
  '«Подслушано»',
  '"Подслушано"',
  // Kazakh, with its own letters (ә ғ қ ң ө ұ ү і; һ has no hit in the demo)
  'бірақ',
  'БІРАҚ',
  'Бірақ',
  'бір*',
  'қоңырау',
  'ҚОҢЫРАУ',
  'үшін',
  'ҮШІН',
  'бұл',
  'көп*',
  'көремін',
  'ғана',
  'маған',
  'бәрі',
  'әкім*',
  'ӘКІМ*',
  'Иә',
  'шаһар',
  // words with inner punctuation are phrases of their parts; phrases
  'e-Otinish',
  'E-OTINISH',
  'otinish',
  'e-Petition',
  '"бірақ мен"',
  '"я думаю"',
  '"не знаю*"',
  // operators
  'бірақ AND көп',
  'бірақ көп',
  'акимат OR әкім*',
  'бірақ NOT көп',
  '(бұл OR жоқ) AND маған',
  'акимат NOT (петиц* OR e-Otinish)',
  // no hit
  'zzzqqq',
  'несуществующееслово',
];

let cluster: PgCluster | undefined;
let pool: pg.Pool | undefined;
let dir: string;

describe.skipIf(pgSkipped)(`search on PostgreSQL equals FTS5 search on the demo${pgMissing('db/pg/search.test.ts')}`, () => {
  let sqlite: Db;
  let projectId: number;
  const ctx: SearchContext = { codedLayer: { kind: 'consensus' } };
  const options = (o: Partial<SearchOptions>): SearchOptions => ({ ...EMPTY_SEARCH, ...o });
  /** The hits as plain data (the turn objects included), for comparing. */
  const plain = (found: FoundHits) => ({ ...found, hits: found.hits.map((h) => ({ ...h, turn: { ...h.turn } })) });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-pgsearch-'));
    const file = path.join(dir, 'demo.db');
    sqlite = openDatabase(file);
    ({ projectId } = seedDemo(sqlite));
    cluster = await startPgCluster({ database: 'fgcoder_search' });
    await copySqliteToPostgres(file, cluster.url);
    pool = new pg.Pool({ connectionString: cluster.url, max: 2 });
  }, 180_000);

  afterAll(async () => {
    await pool?.end();
    cluster?.stop();
    sqlite?.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('folds as lib/search/words.ts does: every Latin, Greek and Cyrillic character, İ, final sigma', async () => {
    const chars: string[] = [];
    for (let c = 0x20; c <= 0x52f; c++) if (!/\p{Cn}/u.test(String.fromCodePoint(c))) chars.push(String.fromCodePoint(c));
    chars.push('ẞ', 'ẛ', 'ι', 'İstanbul', 'ОДИССЕЙ ΟΔΥΣΣΕΥΣ', 'ӘҒҚҢӨҰҮҺІ әғқңөұүһі', 'Мен ӘКІМДІККЕ e-Otinish арқылы жаздым 👍');
    const { rows } = await pool!.query<{ f: string[] }>(`SELECT array_agg(${PG_FOLD_FUNCTION}(c) ORDER BY o) AS f FROM unnest($1::text[]) WITH ORDINALITY AS u(c, o)`, [chars]);
    const differ = chars.map((c, i) => [c, rows[0].f[i], foldWord(c)]).filter(([, pgFold, jsFold]) => pgFold !== jsFold);
    expect(differ).toEqual([]);
  });

  it('returns the same hits, with the same offsets, for every query of the list', async () => {
    let withHits = 0;
    for (const q of QUERIES) {
      const expected = await findHits(sqlite, projectId, options({ q }), ctx);
      const found = await findHitsPg(pool!, projectId, options({ q }), ctx);
      expect(plain(found), q).toEqual(plain(expected));
      if (expected.hits.length > 0) withHits++;
    }
    // The list means something: most queries hit, the no-hit ones do not.
    expect(withHits).toBeGreaterThanOrEqual(QUERIES.length - 6);
    expect((await findHitsPg(pool!, projectId, options({ q: 'zzzqqq' }), ctx)).hits).toEqual([]);
    expect((await findHitsPg(pool!, projectId, options({ q: 'АКИМАТ' }), ctx)).hits.length).toBeGreaterThan(0);
  }, 120_000);

  it('agrees with filters, "coded" marks, regex mode and the empty query too', async () => {
    const city = sqlite
      .select()
      .from(attributeDefinitions)
      .where(and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.name, 'city')))
      .get()!;
    const age = sqlite
      .select()
      .from(attributeDefinitions)
      .where(and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.name, 'age')))
      .get()!;
    const code = sqlite.select().from(codes).where(eq(codes.projectId, projectId)).get()!;
    const cases: SearchOptions[] = [
      options({ q: 'бірақ', speakers: 'participants' }),
      options({ q: 'вопрос*', speakers: 'moderator' }),
      options({ q: 'акимат OR әкім*', document: [{ attributeId: city.id, values: ['Almaty', 'Aktau'] }] }),
      options({ q: 'бір*', participant: [{ attributeId: age.id, values: [age.bins[0].label] }] }),
      options({ q: 'акимат*', coded: { codeId: code.id, state: 'uncoded' } }),
      options({ q: 'акимат*', coded: { codeId: code.id, state: 'coded' } }),
      options({ q: 'акимат\\p{L}*', regex: true }),
      options({ q: '' }),
    ];
    for (const o of cases) {
      const expected = await findHits(sqlite, projectId, o, { ...ctx, markCodeId: code.id });
      expect(plain(await findHitsPg(pool!, projectId, o, { ...ctx, markCodeId: code.id })), JSON.stringify(o)).toEqual(plain(expected));
    }
    expect(sqlite.select().from(projects).all().length).toBe(1);
  }, 120_000);

  it('refuses a malformed query as SQLite does', async () => {
    const o = options({ q: '"unclosed' });
    const sqliteError = await findHits(sqlite, projectId, o, ctx).catch((e: unknown) => e);
    const pgError = await findHitsPg(pool!, projectId, o, ctx).catch((e: unknown) => e);
    expect(pgError).toEqual(sqliteError);
    expect((pgError as Error).message).toBeTruthy();
  });

  it('can answer from the trigram index', async () => {
    const client = await pool!.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT id FROM turns t WHERE ${PG_FOLD_FUNCTION}(t.text) LIKE '%otinish%'`);
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain(PG_SEARCH_INDEX);
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
  });
});
