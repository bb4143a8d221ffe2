/**
 * Changes to a project's code, document and participant sets (issue #18 item 4): leads only
 * (a 403 DomainError for anyone else), recorded in the audit log.
 */
import type { Db } from '@/db/client';
import { transaction } from '@/db/transaction';
import { recordAudit } from '@/db/queries/audit';
import { createSet, deleteSet, ItemSetError, renameSet, setMembers, setsOfProject, type ItemSet, type SetKind } from '@/db/queries/item-sets';
import type { Role } from '@/lib/access/layers';

export type SetChange =
  | { kind: 'create'; setKind: SetKind; name: string; description?: string; memberIds: number[] }
  | { kind: 'rename'; setId: number; name: string }
  | { kind: 'members'; setId: number; memberIds: number[] }
  | { kind: 'delete'; setId: number };

export async function changeSets(db: Db, projectId: number, actor: { userId: number; role: Role }, change: SetChange): Promise<ItemSet[]> {
  if (actor.role !== 'lead') throw new ItemSetError('set.only_lead_manages');
  return await transaction(db, async (tx) => {
    let entityId: number;
    switch (change.kind) {
      case 'create':
        entityId = (await createSet(tx, { projectId, kind: change.setKind, name: change.name, description: change.description, memberIds: change.memberIds })).id;
        break;
      case 'rename':
        await renameSet(tx, projectId, change.setId, change.name);
        entityId = change.setId;
        break;
      case 'members':
        await setMembers(tx, projectId, change.setId, change.memberIds);
        entityId = change.setId;
        break;
      case 'delete':
        await deleteSet(tx, projectId, change.setId);
        entityId = change.setId;
        break;
    }
    const after = await setsOfProject(tx, projectId);
    await recordAudit(tx, { projectId, userId: actor.userId, action: `set.${change.kind}`, entityType: 'item_set', entityId, after: after.find((s) => s.id === entityId) ?? null });
    return after;
  });
}
