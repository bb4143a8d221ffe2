import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { attributeDefinitions, documentAttributeValues, participantAttributeValues } from '../schema';
import type { AttributeScope } from '@/lib/attributes/types';

export type AttributeDefinition = typeof attributeDefinitions.$inferSelect;

export async function attributeDefinitionsFor(db: Db, projectId: number, scope?: AttributeScope): Promise<AttributeDefinition[]> {
  await dbReady(db);
  return db
    .select()
    .from(attributeDefinitions)
    .where(
      scope
        ? and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.scope, scope))
        : eq(attributeDefinitions.projectId, projectId),
    )
    .orderBy(asc(attributeDefinitions.scope), asc(attributeDefinitions.sortOrder), asc(attributeDefinitions.id))
    .all();
}

/** documentId → attribute name → value, for the given documents. */
export async function documentAttributeMap(db: Db, projectId: number, documentIds: number[]) {
  await dbReady(db);
  const out = new Map<number, Record<string, string>>();
  if (documentIds.length === 0) return out;
  const rows = db
    .select({ documentId: documentAttributeValues.documentId, name: attributeDefinitions.name, value: documentAttributeValues.value })
    .from(documentAttributeValues)
    .innerJoin(attributeDefinitions, eq(attributeDefinitions.id, documentAttributeValues.attributeId))
    .where(and(eq(attributeDefinitions.projectId, projectId), inArray(documentAttributeValues.documentId, documentIds)))
    .all();
  for (const r of rows) {
    const rec = out.get(r.documentId) ?? {};
    rec[r.name] = r.value;
    out.set(r.documentId, rec);
  }
  return out;
}

/** participantId → attribute name → value, for every participant of the project. */
export async function participantAttributeMap(db: Db, projectId: number) {
  await dbReady(db);
  const out = new Map<number, Record<string, string>>();
  const rows = db
    .select({
      participantId: participantAttributeValues.participantId,
      name: attributeDefinitions.name,
      value: participantAttributeValues.value,
    })
    .from(participantAttributeValues)
    .innerJoin(attributeDefinitions, eq(attributeDefinitions.id, participantAttributeValues.attributeId))
    .where(eq(attributeDefinitions.projectId, projectId))
    .all();
  for (const r of rows) {
    const rec = out.get(r.participantId) ?? {};
    rec[r.name] = r.value;
    out.set(r.participantId, rec);
  }
  return out;
}
