import type { Queryable } from '../client';
import { dbReady } from '../transaction';
import { auditEvents } from '../schema';

export interface AuditInput {
  projectId: number | null;
  userId: number | null;
  action: string;
  entityType: string;
  entityId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends an audit event: who changed what, with before/after snapshots. */
export async function recordAudit(db: Queryable, e: AuditInput): Promise<void> {
  await dbReady(db);
  db.insert(auditEvents)
    .values({
      projectId: e.projectId,
      userId: e.userId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
    })
    .run();
}
