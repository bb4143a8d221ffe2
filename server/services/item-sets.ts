/**
 * Changes to a project's code, document and participant sets (issue #18 item 4): leads only
 * (a 403 DomainError for anyone else), recorded in the audit log.
 */
import type { Db } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { createSet, deleteSet, ItemSetError, renameSet, setMembers, setsOfProject, type ItemSet, type SetKind } from '@/db/queries/item-sets';
import type { Role } from '@/lib/access/layers';

export type SetChange =
  | { kind: 'create'; setKind: SetKind; name: string; description?: string; memberIds: number[] }
  | { kind: 'rename'; setId: number; name: string }
  | { kind: 'members'; setId: number; memberIds: number[] }
  | { kind: 'delete'; setId: number };

export function changeSets(db: Db, projectId: number, actor: { userId: number; role: Role }, change: SetChange): ItemSet[] {
  if (actor.role !== 'lead') throw new ItemSetError('set.only_lead_manages');
  return db.transaction((tx) => {
    let entityId: number;
    switch (change.kind) {
      case 'create':
        entityId = createSet(tx, { projectId, kind: change.setKind, name: change.name, description: change.description, memberIds: change.memberIds }).id;
        break;
      case 'rename':
        renameSet(tx, projectId, change.setId, change.name);
        entityId = change.setId;
        break;
      case 'members':
        setMembers(tx, projectId, change.setId, change.memberIds);
        entityId = change.setId;
        break;
      case 'delete':
        deleteSet(tx, projectId, change.setId);
        entityId = change.setId;
        break;
    }
    const after = setsOfProject(tx, projectId);
    recordAudit(tx, { projectId, userId: actor.userId, action: `set.${change.kind}`, entityType: 'item_set', entityId, after: after.find((s) => s.id === entityId) ?? null });
    return after;
  });
}
