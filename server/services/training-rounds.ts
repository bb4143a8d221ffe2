/**
 * Changes to a project's training rounds (issue #19), as one entry point for the actions:
 * checks the role (leads only — a coder or viewer is refused with a 403 DomainError even if a
 * caller forgot the action's role list), makes the change, and records it in the audit log.
 */
import type { Db } from '@/db/client';
import { transaction } from '@/db/transaction';
import { recordAudit } from '@/db/queries/audit';
import { createRound, deleteRound, renameRound, reorderRounds, roundsOfProject, setRoundDocuments, TrainingRoundError, type TrainingRound } from '@/db/queries/training-rounds';
import type { Role } from '@/lib/access/layers';

export type RoundChange =
  | { kind: 'create'; name: string }
  | { kind: 'rename'; roundId: number; name: string }
  | { kind: 'delete'; roundId: number }
  | { kind: 'reorder'; roundIds: number[] }
  | { kind: 'documents'; roundId: number; documentIds: number[] };

export interface RoundActor {
  userId: number;
  role: Role;
}

/** Applies one change and returns the project's rounds after it. */
export async function changeRounds(db: Db, projectId: number, actor: RoundActor, change: RoundChange): Promise<TrainingRound[]> {
  if (actor.role !== 'lead') throw new TrainingRoundError('round.only_lead_manages');
  return await transaction(db, async (tx) => {
    const before = await roundsOfProject(tx, projectId);
    let entityId: number | null = null;
    switch (change.kind) {
      case 'create':
        entityId = (await createRound(tx, projectId, change.name)).id;
        break;
      case 'rename':
        await renameRound(tx, projectId, change.roundId, change.name);
        entityId = change.roundId;
        break;
      case 'delete':
        await deleteRound(tx, projectId, change.roundId);
        entityId = change.roundId;
        break;
      case 'reorder':
        await reorderRounds(tx, projectId, change.roundIds);
        break;
      case 'documents':
        await setRoundDocuments(tx, projectId, change.roundId, change.documentIds);
        entityId = change.roundId;
        break;
    }
    const after = await roundsOfProject(tx, projectId);
    await recordAudit(tx, { projectId, userId: actor.userId, action: `round.${change.kind}`, entityType: 'training_round', entityId, before, after });
    return after;
  });
}
