/**
 * The pseudonymisation guard's data side: which attributes may leave the app, their values
 * (private attributes never selected), and the lead's switch that marks one private.
 * Every export reads attributes through here, never through the app's own attribute maps.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { dbReady, transaction } from '../transaction';
import { attributeDefinitions, documentAttributeValues, participantAttributeValues, participants, documents } from '../schema';
import { recordAudit } from './audit';
import { DomainError } from '@/lib/errors';

export type ExportableAttribute = Pick<typeof attributeDefinitions.$inferSelect, 'id' | 'scope' | 'name' | 'type' | 'values' | 'bins'>;

/** The project's attributes that are not private, in display order (documents first). */
export async function exportableAttributes(db: Queryable, projectId: number): Promise<ExportableAttribute[]> {
  await dbReady(db);
  return db
    .select({
      id: attributeDefinitions.id,
      scope: attributeDefinitions.scope,
      name: attributeDefinitions.name,
      type: attributeDefinitions.type,
      values: attributeDefinitions.values,
      bins: attributeDefinitions.bins,
    })
    .from(attributeDefinitions)
    .where(and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.private, false)))
    .orderBy(asc(attributeDefinitions.scope), asc(attributeDefinitions.sortOrder), asc(attributeDefinitions.id))
    .all();
}

/** documentId → name → value, non-private document attributes only, every document of the project. */
export async function exportableDocumentValues(db: Queryable, projectId: number): Promise<Map<number, Record<string, string>>> {
  await dbReady(db);
  const rows = db
    .select({ documentId: documentAttributeValues.documentId, name: attributeDefinitions.name, value: documentAttributeValues.value })
    .from(documentAttributeValues)
    .innerJoin(attributeDefinitions, eq(attributeDefinitions.id, documentAttributeValues.attributeId))
    .innerJoin(documents, eq(documents.id, documentAttributeValues.documentId))
    .where(and(eq(documents.projectId, projectId), eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.private, false)))
    .all();
  return group(rows.map((r) => [r.documentId, r.name, r.value]));
}

/** participantId → name → value, non-private participant attributes only, every participant of the project. */
export async function exportableParticipantValues(db: Queryable, projectId: number): Promise<Map<number, Record<string, string>>> {
  await dbReady(db);
  const rows = db
    .select({ participantId: participantAttributeValues.participantId, name: attributeDefinitions.name, value: participantAttributeValues.value })
    .from(participantAttributeValues)
    .innerJoin(attributeDefinitions, eq(attributeDefinitions.id, participantAttributeValues.attributeId))
    .innerJoin(participants, eq(participants.id, participantAttributeValues.participantId))
    .where(and(eq(participants.projectId, projectId), eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.private, false)))
    .all();
  return group(rows.map((r) => [r.participantId, r.name, r.value]));
}

function group(rows: [number, string, string][]): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  for (const [id, name, value] of rows) {
    const rec = out.get(id) ?? {};
    rec[name] = value;
    out.set(id, rec);
  }
  return out;
}

/** Participants by id: label and document only (the real name is never selected). */
export async function exportableParticipants(db: Queryable, projectId: number): Promise<{ id: number; label: string; documentId: number | null }[]> {
  await dbReady(db);
  return db
    .select({ id: participants.id, label: participants.label, documentId: participants.documentId })
    .from(participants)
    .where(eq(participants.projectId, projectId))
    .orderBy(asc(participants.id))
    .all();
}

/** Thrown when the attribute is not in the project. */
export class AttributePrivacyError extends DomainError {}

/** Marks an attribute private (left out of every export) or not; audited. Returns the new state. */
export async function setAttributePrivate(db: Db, projectId: number, attributeId: number, value: boolean, actorId: number): Promise<boolean> {
  return await transaction(db, async (tx) => {
    const row = tx
      .select({ id: attributeDefinitions.id, name: attributeDefinitions.name, private: attributeDefinitions.private })
      .from(attributeDefinitions)
      .where(and(eq(attributeDefinitions.id, attributeId), eq(attributeDefinitions.projectId, projectId)))
      .get();
    if (!row) throw new AttributePrivacyError('attribute.not_found', { id: attributeId });
    if (row.private === value) return value;
    tx.update(attributeDefinitions).set({ private: value }).where(eq(attributeDefinitions.id, attributeId)).run();
    await recordAudit(tx, {
      projectId,
      userId: actorId,
      action: 'attribute.private',
      entityType: 'attribute',
      entityId: attributeId,
      before: { name: row.name, private: row.private },
      after: { name: row.name, private: value },
    });
    return value;
  });
}
