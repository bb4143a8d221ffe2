/** Project settings a lead changes: blind mode. Audited with before and after. */
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { projects } from '../schema';
import { recordAudit } from './audit';

/**
 * Turns blind mode on or off (see lib/access/layers.ts: while on, a coder sees only their own
 * layer). Returns whether anything changed; an unchanged setting is not audited. Throws when
 * the project does not exist.
 */
export async function setBlindMode(db: Db, projectId: number, blindMode: boolean, actorId: number): Promise<boolean> {
  return await transaction(db, async (tx) => {
    const row = tx.select({ blindMode: projects.blindMode }).from(projects).where(eq(projects.id, projectId)).get();
    if (!row) throw new Error(`Project ${projectId} does not exist`);
    if (row.blindMode === blindMode) return false;
    tx.update(projects).set({ blindMode }).where(eq(projects.id, projectId)).run();
    await recordAudit(tx, { projectId, userId: actorId, action: 'project.blind_mode', entityType: 'project', entityId: projectId, before: { blindMode: row.blindMode }, after: { blindMode } });
    return true;
  });
}

/** Lets coders add codes from the coding popover, or not; audited. Returns whether it changed. */
export async function setCodersMayCreateCodes(db: Db, projectId: number, allowed: boolean, actorId: number): Promise<boolean> {
  return await transaction(db, async (tx) => {
    const row = tx.select({ allowed: projects.codersMayCreateCodes }).from(projects).where(eq(projects.id, projectId)).get();
    if (!row || row.allowed === allowed) return false;
    tx.update(projects).set({ codersMayCreateCodes: allowed }).where(eq(projects.id, projectId)).run();
    await recordAudit(tx, { projectId, userId: actorId, action: 'project.coders_may_create_codes', entityType: 'project', entityId: projectId, before: { allowed: row.allowed }, after: { allowed } });
    return true;
  });
}
