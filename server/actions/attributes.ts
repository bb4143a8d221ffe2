'use server';
/**
 * Attribute definitions and document attribute values, for leads only: who is asking, may
 * they, is the input well formed, one change (db/queries/attribute-definitions), audited there.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { projectAction } from '@/server/edge/action';
import {
  createAttributeDefinition,
  deleteAttributeDefinition,
  saveDocumentAttributes,
  updateAttributeDefinition,
} from '@/db/queries/attribute-definitions';
import { ATTRIBUTE_SCOPES, ATTRIBUTE_TYPES } from '@/lib/attributes/types';

const id = z.number().int().positive();
const bin = z.object({ label: z.string().max(100), min: z.number().finite(), max: z.number().finite() });
const definitionFields = {
  name: z.string().max(500),
  type: z.enum(ATTRIBUTE_TYPES),
  values: z.array(z.string().max(5000)).max(1000),
  bins: z.array(bin).max(100),
  private: z.boolean(),
};
const createSchema = z.object({ scope: z.enum(ATTRIBUTE_SCOPES), ...definitionFields }).partial({ values: true, bins: true, private: true });
const updateSchema = z
  .object({ attributeId: id, ...definitionFields, renames: z.record(z.string().max(5000), z.string().max(5000)) })
  .partial({ name: true, type: true, values: true, bins: true, private: true, renames: true });
const deleteSchema = z.object({ attributeId: id, confirmValues: z.number().int().min(0) });
const cellsSchema = z.object({
  cells: z.array(z.object({ documentId: id, attributeId: id, value: z.string().max(5000) })).max(100_000),
});

/** Attributes show on the documents table, participants and analysis pages. */
function changed<T>(projectId: number, value: T): T {
  revalidatePath(`/projects/${projectId}`, 'layout');
  return value;
}

const actor = (projectId: number, userId: number) => ({ projectId, userId });

/** Creates a document or participant attribute; the result is its id. */
export const createAttributeAction = projectAction({ roles: ['lead'], input: createSchema }, async ({ db, project, user }, input) =>
  changed(project.id, (await createAttributeDefinition(db, actor(project.id, user.id), input)).id),
);

/** Renames an attribute, changes its type, its category values (with renames) or its bins. */
export const updateAttributeAction = projectAction({ roles: ['lead'], input: updateSchema }, async ({ db, project, user }, { attributeId, ...patch }) =>
  changed(project.id, (await updateAttributeDefinition(db, actor(project.id, user.id), attributeId, patch)).id),
);

/** Deletes an attribute and its values, once the lead confirmed how many values go. */
export const deleteAttributeAction = projectAction({ roles: ['lead'], input: deleteSchema }, async ({ db, project, user }, { attributeId, confirmValues }) =>
  changed(project.id, await deleteAttributeDefinition(db, actor(project.id, user.id), attributeId, confirmValues)),
);

/** Saves the edited cells of the documents × attributes table, all or nothing. */
export const saveDocumentAttributesAction = projectAction({ roles: ['lead'], input: cellsSchema }, async ({ db, project, user }, { cells }) =>
  changed(project.id, await saveDocumentAttributes(db, actor(project.id, user.id), cells)),
);
