'use server';
/**
 * Attribute definitions and document attribute values, for leads only: who is asking, may
 * they, is the input well formed, one change (db/queries/attribute-definitions), audited there.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireProject } from '@/server/edge/session';
import {
  AttributeError,
  createAttributeDefinition,
  deleteAttributeDefinition,
  saveDocumentAttributes,
  updateAttributeDefinition,
} from '@/db/queries/attribute-definitions';
import { ATTRIBUTE_SCOPES, ATTRIBUTE_TYPES } from '@/db/schema';

/** The outcome of an attribute action: refusals carry every problem as a sentence. */
export type AttributeActionResult = { ok: true; id?: number; changed?: number; removedValues?: number } | { ok: false; problems: string[] };

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

function invalid(error: z.ZodError): AttributeActionResult {
  const issue = error.issues[0];
  return { ok: false, problems: [`Invalid request: ${issue.path.join('.') || 'input'}: ${issue.message}`] };
}

/** Makes the change; a refusal by the attribute rules becomes a result, anything else throws. */
function attempt(projectId: number, change: () => Omit<Extract<AttributeActionResult, { ok: true }>, 'ok'>): AttributeActionResult {
  let result;
  try {
    result = change();
  } catch (e) {
    if (e instanceof AttributeError) return { ok: false, problems: e.problems };
    throw e;
  }
  // Attributes show on the documents table, participants and analysis pages.
  revalidatePath(`/projects/${projectId}`, 'layout');
  return { ok: true, ...result };
}

/** Creates a document or participant attribute. */
export async function createAttributeAction(projectId: string, input: unknown): Promise<AttributeActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return attempt(project.id, () => ({ id: createAttributeDefinition(db, { projectId: project.id, userId: user.id }, parsed.data).id }));
}

/** Renames an attribute, changes its type, its category values (with renames) or its bins. */
export async function updateAttributeAction(projectId: string, input: unknown): Promise<AttributeActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = updateSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { attributeId, ...patch } = parsed.data;
  return attempt(project.id, () => ({ id: updateAttributeDefinition(db, { projectId: project.id, userId: user.id }, attributeId, patch).id }));
}

/** Deletes an attribute and its values, once the lead confirmed how many values go. */
export async function deleteAttributeAction(projectId: string, input: unknown): Promise<AttributeActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = deleteSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { attributeId, confirmValues } = parsed.data;
  return attempt(project.id, () => deleteAttributeDefinition(db, { projectId: project.id, userId: user.id }, attributeId, confirmValues));
}

/** Saves the edited cells of the documents × attributes table, all or nothing. */
export async function saveDocumentAttributesAction(projectId: string, input: unknown): Promise<AttributeActionResult> {
  const { project, db, user } = await requireProject(projectId, ['lead']);
  const parsed = cellsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return attempt(project.id, () => saveDocumentAttributes(db, { projectId: project.id, userId: user.id }, parsed.data.cells));
}
