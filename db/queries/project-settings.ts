/** Project settings a lead changes: blind mode. Audited with before and after. */
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { projects } from '../schema';
import { recordAudit } from './audit';

/**
 * Turns blind mode on or off (see lib/access/layers.ts: while on, a coder sees only their own
 * layer). Returns whether anything changed; an unchanged setting is not audited. Throws when
 * the project does not exist.
 */
export function setBlindMode(db: Db, projectId: number, blindMode: boolean, actorId: number): boolean {
  return db.transaction((tx) => {
    const row = tx.select({ blindMode: projects.blindMode }).from(projects).where(eq(projects.id, projectId)).get();
    if (!row) throw new Error(`Project ${projectId} does not exist`);
    if (row.blindMode === blindMode) return false;
    tx.update(projects).set({ blindMode }).where(eq(projects.id, projectId)).run();
    recordAudit(tx, { projectId, userId: actorId, action: 'project.blind_mode', entityType: 'project', entityId: projectId, before: { blindMode: row.blindMode }, after: { blindMode } });
    return true;
  });
}
