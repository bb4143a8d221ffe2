import type { Config } from 'drizzle-kit';

/** PostgreSQL migrations (issue #20): `npm run db:generate:pg` writes db/migrations-pg from db/schema-pg.ts. */
export default {
  schema: './db/schema-pg.ts',
  out: './db/migrations-pg',
  dialect: 'postgresql',
} satisfies Config;
