/**
 * db/migrations-pg applies to a fresh PostgreSQL (a throwaway cluster, db/testing/pg-cluster.ts)
 * with drizzle's node-postgres migrator, and leaves exactly what db/schema-pg.ts defines: the same
 * tables, columns (order, types, nullability, defaults, identity), primary, foreign and unique keys
 * and indexes, as PostgreSQL's catalogue reports them (besides the search index of the custom
 * migration 0001, db/pg/search-schema.ts, tested by db/pg/search.test.ts). So a schema change without
 * `npm run db:generate:pg` fails here. Skipped without PostgreSQL, except under CI.
 */
import path from 'node:path';
import { getTableConfig, PgDialect, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { eq, is, SQL } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { PG_SEARCH_INDEX } from './pg/search-schema';
import * as schema from './schema-pg';
import { pgMissing, pgSkipped, startPgCluster, type PgCluster } from './testing/pg-cluster';

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations-pg');
const tables = Object.values(schema as Record<string, unknown>).filter((t): t is PgTable => is(t, PgTable)).map((t) => getTableConfig(t));

/**
 * A column's default as PostgreSQL shows it in information_schema: a literal value as the
 * catalogue writes it back; an SQL expression as PostgreSQL rewrites the one schema-pg.ts wrote
 * (it is given to a scratch table's column of the same type, and read back).
 */
async function expectedDefault(c: PgColumn): Promise<string | null> {
  if (!c.hasDefault) return null;
  const value: unknown = c.default;
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'::text`;
  if (!is(value, SQL)) return String(value);
  const expression = new PgDialect().sqlToQuery(value).sql;
  const client = await pool!.connect();
  try {
    await client.query(`CREATE TEMPORARY TABLE default_probe (c ${c.getSQLType()} DEFAULT ${expression})`);
    const { rows } = await client.query<{ d: string }>(
      "SELECT column_default AS d FROM information_schema.columns WHERE table_name = 'default_probe' AND column_name = 'c'",
    );
    return rows[0].d;
  } finally {
    await client.query('DROP TABLE IF EXISTS pg_temp.default_probe');
    client.release();
  }
}

let cluster: PgCluster | undefined;
let pool: pg.Pool | undefined;
let db: NodePgDatabase<typeof schema>;

const rows = async <T,>(text: string): Promise<T[]> => (await pool!.query(text)).rows as T[];
const byName = <T extends { table: string; name: string }>(list: T[]) => [...list].sort((a, b) => `${a.table}.${a.name}`.localeCompare(`${b.table}.${b.name}`));

describe.skipIf(pgSkipped)(`db/migrations-pg on a fresh PostgreSQL${pgMissing('db/migrations-pg.test.ts')}`, () => {
  beforeAll(async () => {
    cluster = await startPgCluster();
    pool = new pg.Pool({ connectionString: cluster.url, max: 2 });
    db = drizzle(pool, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS });
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    cluster?.stop();
  });

  it('creates the tables of db/schema-pg.ts and nothing else', async () => {
    const found = await rows<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    expect(found.map((r) => r.table_name)).toEqual(tables.map((t) => t.name).sort());
  });

  it('creates their columns in order, with the types, nullability, defaults and identity the schema says', async () => {
    const found = await rows<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_identity: string; identity_generation: string | null }>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity, identity_generation
         FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const expected = [];
    for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) {
      for (const c of t.columns) {
        const identity = c.generatedIdentity?.type;
        expected.push({
          table_name: t.name,
          column_name: c.name,
          data_type: c.getSQLType(),
          is_nullable: c.notNull ? 'NO' : 'YES',
          // An identity column has no column_default in information_schema: its sequence fills it.
          column_default: identity ? null : await expectedDefault(c),
          is_identity: identity ? 'YES' : 'NO',
          identity_generation: identity === 'byDefault' ? 'BY DEFAULT' : identity === 'always' ? 'ALWAYS' : null,
        });
      }
    }
    expect(found).toEqual(expected);
  });

  it('creates the primary, foreign and unique keys the schema says', async () => {
    const found = await rows<{ table: string; name: string; kind: string; columns: string[]; target: string | null; target_columns: string[] | null; on_delete: string; on_update: string }>(
      `SELECT cl.relname AS table, c.conname AS name, c.contype AS kind,
              ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
              fcl.relname AS target,
              CASE WHEN c.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) END AS target_columns,
              c.confdeltype AS on_delete, c.confupdtype AS on_update
         FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
         LEFT JOIN pg_class fcl ON fcl.oid = c.confrelid
        WHERE n.nspname = 'public' AND c.contype IN ('p', 'f', 'u')`,
    );
    const action: Record<string, string> = { 'no action': 'a', restrict: 'r', cascade: 'c', 'set null': 'n', 'set default': 'd' };
    const none = { target: null, target_columns: null, on_delete: ' ', on_update: ' ' };
    const expected = tables.flatMap((t) => [
      ...t.columns.filter((c) => c.primary).map((c) => ({ table: t.name, name: `${t.name}_pkey`, kind: 'p', columns: [c.name], ...none })),
      ...t.primaryKeys.map((pk) => ({ table: t.name, name: pk.getName(), kind: 'p', columns: pk.columns.map((c) => c.name), ...none })),
      ...t.columns.filter((c) => c.isUnique).map((c) => ({ table: t.name, name: c.uniqueName!, kind: 'u', columns: [c.name], ...none })),
      ...t.uniqueConstraints.map((u) => ({ table: t.name, name: u.getName() ?? '', kind: 'u', columns: u.columns.map((c) => c.name), ...none })),
      ...t.foreignKeys.map((fk) => {
        const ref = fk.reference();
        return {
          table: t.name,
          name: fk.getName(),
          kind: 'f',
          columns: ref.columns.map((c) => c.name),
          target: getTableConfig(ref.foreignTable).name,
          target_columns: ref.foreignColumns.map((c) => c.name),
          on_delete: action[fk.onDelete ?? 'no action'],
          on_update: action[fk.onUpdate ?? 'no action'],
        };
      }),
    ]);
    expect(byName(found)).toEqual(byName(expected));
  });

  it('creates the indexes the schema says (beyond those of the keys)', async () => {
    const found = await rows<{ table: string; name: string; unique: boolean; columns: string[] }>(
      `SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique,
              ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o) AS columns
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
          AND i.relname <> '${PG_SEARCH_INDEX}'`,
    );
    const expected = tables.flatMap((t) =>
      t.indexes.map((i) => ({ table: t.name, name: i.config.name!, unique: i.config.unique, columns: i.config.columns.map((c) => (c as { name: string }).name) })),
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(byName(found)).toEqual(byName(expected));
  });

  it('reads and writes through drizzle as SQLite does: ids and times filled in, times as Dates, booleans, JSON', async () => {
    const before = Date.now();
    const [user] = await db.insert(schema.users).values({ email: 'a@example.org', name: 'A', passwordHash: 'x' }).returning();
    const [project] = await db.insert(schema.projects).values({ name: 'P' }).returning();
    expect(user.id).toBe(1);
    expect(user.createdAt).toBeInstanceOf(Date);
    expect(user.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(user.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(Number.isInteger(user.createdAt.getTime())).toBe(true);
    expect([user.isAdmin, project.blindMode]).toEqual([false, true]);
    const [attribute] = await db.insert(schema.attributeDefinitions).values({ projectId: project.id, scope: 'document', name: 'city', type: 'category' }).returning();
    expect([attribute.values, attribute.bins]).toEqual([[], []]);
    const at = new Date(1797000000123);
    await db.insert(schema.auditEvents).values({ projectId: project.id, userId: user.id, action: 'x', entityType: 'y', before: { a: [1, 'б'] }, at });
    const [event] = await db.select().from(schema.auditEvents).where(eq(schema.auditEvents.projectId, project.id));
    expect([event.before, event.after, event.at.getTime()]).toEqual([{ a: [1, 'б'] }, null, at.getTime()]);
    // An explicit id (as a copy from SQLite writes) is accepted by the identity column.
    const [copied] = await db.insert(schema.projects).values({ id: 40, name: 'Copied' }).returning();
    expect(copied.id).toBe(40);
  });

  it('applies again as a no-op', async () => {
    await migrate(db, { migrationsFolder: MIGRATIONS });
    const applied = await rows<{ n: string }>('SELECT count(*) AS n FROM drizzle.__drizzle_migrations');
    expect(Number(applied[0].n)).toBe(readMigrationFiles({ migrationsFolder: MIGRATIONS }).length);
  });
});
