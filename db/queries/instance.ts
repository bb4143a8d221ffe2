/** Facts about the instance as a whole (instance_settings). */
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { dbReady } from '../transaction';
import { instanceSettings } from '../schema';

/** True on an instance started as the demo: its accounts' password is public. */
export async function isDemoInstance(db: Queryable): Promise<boolean> {
  await dbReady(db);
  return db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, 'demo')).get()?.value === '1';
}

/** Marks the instance as the demo (done by the demo seed, only into an empty database). */
export async function markDemoInstance(db: Queryable): Promise<void> {
  await dbReady(db);
  db.insert(instanceSettings).values({ key: 'demo', value: '1' }).onConflictDoUpdate({ target: instanceSettings.key, set: { value: '1' } }).run();
}

/** SQL true when the instance is a demo, for use inside queries. */
export const DEMO_INSTANCE_SQL = sql`exists (select 1 from ${instanceSettings} where ${instanceSettings.key} = 'demo' and ${instanceSettings.value} = '1')`;
