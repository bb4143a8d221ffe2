/**
 * Attribute definitions (the variables on documents and participants) and document
 * attribute values, as the lead edits them: each change is checked by type (../../lib/
 * attributes/validate), made in one transaction, and written to the audit log. A refused
 * change throws an {@link AttributeError} listing every problem and writes nothing.
 */
import { DomainError } from '@/lib/errors';
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { dbReady, transaction } from '../transaction';
import { attributeDefinitions, documentAttributeValues, documents, participantAttributeValues } from '../schema';
import { checkAttributeValue, checkDefinition, valueKey } from '@/lib/attributes/validate';
import { recordAudit } from './audit';
import type { AttributeDefinition } from './attributes';
import type { AttributeBin, AttributeScope, AttributeType } from '@/lib/attributes/types';

/** A refused attribute change; `problems` lists every cause, each a sentence. */
export class AttributeError extends DomainError {
  constructor(readonly problems: string[]) {
    super('attribute.rejected', { problems: problems.join('; ') });
  }
}

/** Who makes a change, in which project. */
export interface Actor {
  projectId: number;
  userId: number;
}

export interface DefinitionWithCount extends AttributeDefinition {
  /** Documents or participants that have a value for it. */
  valueCount: number;
}

/** The project's definitions (documents first, in their order) with how many values each has. */
export async function attributeDefinitionsWithCounts(db: Queryable, projectId: number): Promise<DefinitionWithCount[]> {
  await dbReady(db);
  const defs = db
    .select()
    .from(attributeDefinitions)
    .where(eq(attributeDefinitions.projectId, projectId))
    .orderBy(asc(attributeDefinitions.scope), asc(attributeDefinitions.sortOrder), asc(attributeDefinitions.id))
    .all();
  const counts = new Map<number, number>();
  const ids = defs.map((d) => d.id);
  if (ids.length > 0) {
    for (const table of [documentAttributeValues, participantAttributeValues]) {
      const rows = db
        .select({ id: table.attributeId, n: sql<number>`count(*)` })
        .from(table)
        .where(inArray(table.attributeId, ids))
        .groupBy(table.attributeId)
        .all();
      for (const r of rows) counts.set(r.id, (counts.get(r.id) ?? 0) + r.n);
    }
  }
  return defs.map((d) => ({ ...d, valueCount: counts.get(d.id) ?? 0 }));
}

/** A definition in the project, or undefined. */
export async function attributeDefinitionInProject(db: Queryable, projectId: number, id: number): Promise<AttributeDefinition | undefined> {
  await dbReady(db);
  return db
    .select()
    .from(attributeDefinitions)
    .where(and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.id, id)))
    .get();
}

export interface DefinitionInput {
  scope: AttributeScope;
  name: string;
  type: AttributeType;
  values?: string[];
  bins?: AttributeBin[];
  private?: boolean;
}

/**
 * Creates a definition at the end of its scope. Throws an {@link AttributeError} for a bad
 * definition (see checkDefinition) or a name its scope already has (ignoring case).
 */
export async function createAttributeDefinition(db: Db, actor: Actor, input: DefinitionInput): Promise<AttributeDefinition> {
  return await transaction(db, async (tx) => {
    const { problems, definition } = checkDefinition(input);
    const taken = nameTaken(tx, actor.projectId, input.scope, definition.name, null);
    if (taken) problems.push(`a ${input.scope} attribute named "${taken}" already exists`);
    if (problems.length > 0) throw new AttributeError(problems);
    const row = tx
      .insert(attributeDefinitions)
      .values({ projectId: actor.projectId, scope: input.scope, ...definition, private: input.private ?? false, sortOrder: await nextSortOrder(tx, actor.projectId, input.scope) })
      .returning()
      .get();
    await recordAudit(tx, { projectId: actor.projectId, userId: actor.userId, action: 'attribute.create', entityType: 'attribute', entityId: row.id, after: row });
    return row;
  });
}

/**
 * A change to a definition. `values` is the new ordered list of a category; `renames` maps
 * an old value to its new spelling, and the stored values are renamed with it.
 */
export interface DefinitionPatch {
  name?: string;
  type?: AttributeType;
  values?: string[];
  renames?: Record<string, string>;
  bins?: AttributeBin[];
  private?: boolean;
}

/**
 * Renames a definition, changes its type, its category values (order, additions, renames) or
 * its bins. Every stored value is re-checked against the changed definition: a value that no
 * longer fits (a category value dropped from the list, text that is not a number) refuses
 * the change, naming the value and how often it is used. Throws an {@link AttributeError}.
 */
export async function updateAttributeDefinition(db: Db, actor: Actor, id: number, patch: DefinitionPatch): Promise<AttributeDefinition> {
  return await transaction(db, async (tx) => {
    const before = await attributeDefinitionInProject(tx, actor.projectId, id);
    if (!before) throw new AttributeError([`attribute #${id} is not in this project`]);
    const { problems, definition } = checkDefinition({
      name: patch.name ?? before.name,
      type: patch.type ?? before.type,
      values: patch.values ?? before.values,
      bins: patch.bins ?? before.bins,
    });
    const taken = nameTaken(tx, actor.projectId, before.scope, definition.name, id);
    if (taken) problems.push(`a ${before.scope} attribute named "${taken}" already exists`);

    const table = before.scope === 'document' ? documentAttributeValues : participantAttributeValues;
    const renames = new Map(Object.entries(patch.renames ?? {}).map(([from, to]) => [valueKey(from), to]));
    const rows = tx.select({ value: table.value, numValue: table.numValue }).from(table).where(eq(table.attributeId, id)).all();
    // Distinct stored values: re-checked once each, rewritten in one statement each.
    const misfits = new Map<string, { count: number; message: string }>();
    const rewrites: Array<{ from: string; value: string; numValue: number | null }> = [];
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.value)) {
        const m = misfits.get(r.value);
        if (m) m.count++;
        continue;
      }
      seen.add(r.value);
      const renamed = renames.get(valueKey(r.value)) ?? r.value;
      const check = checkAttributeValue(definition, renamed);
      if (!check.ok) misfits.set(r.value, { count: 1, message: check.message });
      else if (check.value === '') misfits.set(r.value, { count: 1, message: `"${r.value}" would become empty` });
      else if (check.value !== r.value || check.numValue !== r.numValue) rewrites.push({ from: r.value, value: check.value, numValue: check.numValue });
    }
    for (const [value, m] of misfits) {
      problems.push(`the value "${value}" (used ${m.count} ${m.count === 1 ? 'time' : 'times'}) no longer fits: ${m.message}`);
    }
    if (problems.length > 0) throw new AttributeError(problems);

    for (const w of rewrites) {
      tx.update(table).set({ value: w.value, numValue: w.numValue }).where(and(eq(table.attributeId, id), eq(table.value, w.from))).run();
    }
    const after = tx
      .update(attributeDefinitions)
      .set({ ...definition, private: patch.private ?? before.private })
      .where(eq(attributeDefinitions.id, id))
      .returning()
      .get();
    await recordAudit(tx, {
      projectId: actor.projectId,
      userId: actor.userId,
      action: 'attribute.update',
      entityType: 'attribute',
      entityId: id,
      before,
      after: { ...after, renamedValues: rewrites.map((w) => ({ from: w.from, to: w.value })) },
    });
    return after;
  });
}

/**
 * Deletes a definition and every value of it. `confirmValues` must equal the number of values
 * it has now (what the lead was shown), else nothing is deleted and an {@link AttributeError}
 * says how many there are: a value added meanwhile is never deleted unseen.
 */
export async function deleteAttributeDefinition(db: Db, actor: Actor, id: number, confirmValues: number): Promise<{ removedValues: number }> {
  return await transaction(db, async (tx) => {
    const before = await attributeDefinitionInProject(tx, actor.projectId, id);
    if (!before) throw new AttributeError([`attribute #${id} is not in this project`]);
    const table = before.scope === 'document' ? documentAttributeValues : participantAttributeValues;
    const count = tx.select({ n: sql<number>`count(*)` }).from(table).where(eq(table.attributeId, id)).get()?.n ?? 0;
    if (count !== confirmValues) {
      throw new AttributeError([`"${before.name}" now has ${count} values, not ${confirmValues}; check the number and confirm again`]);
    }
    tx.delete(attributeDefinitions).where(eq(attributeDefinitions.id, id)).run();
    await recordAudit(tx, { projectId: actor.projectId, userId: actor.userId, action: 'attribute.delete', entityType: 'attribute', entityId: id, before: { ...before, valueCount: count } });
    return { removedValues: count };
  });
}

/** The bulk table: document attributes as columns, the project's documents as rows (attribute id → value). */
export async function documentAttributeTable(db: Queryable, projectId: number): Promise<{
  definitions: AttributeDefinition[];
  documents: Array<{ id: number; title: string; values: Record<number, string> }>;
}> {
  await dbReady(db);
  const definitions = db
    .select()
    .from(attributeDefinitions)
    .where(and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.scope, 'document')))
    .orderBy(asc(attributeDefinitions.sortOrder), asc(attributeDefinitions.id))
    .all();
  const docs = db
    .select({ id: documents.id, title: documents.title })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.sortOrder), asc(documents.title))
    .all();
  const values = db
    .select({ documentId: documentAttributeValues.documentId, attributeId: documentAttributeValues.attributeId, value: documentAttributeValues.value })
    .from(documentAttributeValues)
    .innerJoin(documents, eq(documents.id, documentAttributeValues.documentId))
    .where(eq(documents.projectId, projectId))
    .all();
  const byDoc = new Map<number, Record<number, string>>();
  for (const v of values) {
    const rec = byDoc.get(v.documentId) ?? {};
    rec[v.attributeId] = v.value;
    byDoc.set(v.documentId, rec);
  }
  return { definitions, documents: docs.map((d) => ({ ...d, values: byDoc.get(d.id) ?? {} })) };
}

/** One edited cell of the bulk table: the raw value ('' removes it). */
export interface DocumentAttributeCell {
  documentId: number;
  attributeId: number;
  value: string;
}

/**
 * Saves edited cells of the bulk table in one transaction: every cell is checked first
 * (document and attribute in the project, value valid for the attribute's type) and any
 * problem, named by document title and attribute, refuses the whole save. Writes one audit
 * event per changed document with the values before and after. Returns how many values changed.
 */
export async function saveDocumentAttributes(db: Db, actor: Actor, cells: readonly DocumentAttributeCell[]): Promise<{ changed: number }> {
  return await transaction(db, async (tx) => {
    const defs = new Map(
      tx
        .select()
        .from(attributeDefinitions)
        .where(and(eq(attributeDefinitions.projectId, actor.projectId), eq(attributeDefinitions.scope, 'document')))
        .all()
        .map((d) => [d.id, d]),
    );
    const titles = new Map(
      tx.select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.projectId, actor.projectId)).all().map((d) => [d.id, d.title]),
    );
    const problems: string[] = [];
    const checked: Array<{ documentId: number; def: AttributeDefinition; value: string; numValue: number | null }> = [];
    for (const cell of cells) {
      const title = titles.get(cell.documentId);
      const def = defs.get(cell.attributeId);
      if (title === undefined) problems.push(`document #${cell.documentId} is not in this project`);
      else if (!def) problems.push(`"${title}": attribute #${cell.attributeId} is not a document attribute of this project`);
      else {
        const check = checkAttributeValue(def, cell.value);
        if (!check.ok) problems.push(`"${title}", ${def.name}: ${check.message}`);
        else checked.push({ documentId: cell.documentId, def, value: check.value, numValue: check.numValue });
      }
    }
    if (problems.length > 0) throw new AttributeError(problems);

    const changes = new Map<number, { before: Record<string, string | null>; after: Record<string, string | null> }>();
    for (const c of checked) {
      const r = await writeAttributeValue(tx, 'document', c.documentId, c.def.id, c);
      if (r.before === r.after) continue;
      const entry = changes.get(c.documentId) ?? { before: {}, after: {} };
      entry.before[c.def.name] = r.before;
      entry.after[c.def.name] = r.after;
      changes.set(c.documentId, entry);
    }
    let changed = 0;
    for (const [documentId, e] of changes) {
      changed += Object.keys(e.after).length;
      await recordAudit(tx, { projectId: actor.projectId, userId: actor.userId, action: 'document.attributes', entityType: 'document', entityId: documentId, before: e.before, after: e.after });
    }
    return { changed };
  });
}

/**
 * Sets (or, for '', removes) one attribute value of a document or participant. The value
 * must already be checked. Returns the stored value before and after (null: none).
 */
export async function writeAttributeValue(
  tx: Queryable,
  scope: AttributeScope,
  ownerId: number,
  attributeId: number,
  checked: { value: string; numValue: number | null },
): Promise<{ before: string | null; after: string | null }> {
  await dbReady(tx);
  if (scope === 'document') {
    const where = and(eq(documentAttributeValues.documentId, ownerId), eq(documentAttributeValues.attributeId, attributeId));
    const old = tx.select({ value: documentAttributeValues.value }).from(documentAttributeValues).where(where).get();
    if (checked.value === '') {
      if (old) tx.delete(documentAttributeValues).where(where).run();
    } else if (!old) {
      tx.insert(documentAttributeValues).values({ documentId: ownerId, attributeId, value: checked.value, numValue: checked.numValue }).run();
    } else if (old.value !== checked.value) {
      tx.update(documentAttributeValues).set({ value: checked.value, numValue: checked.numValue }).where(where).run();
    }
    return { before: old?.value ?? null, after: checked.value === '' ? null : checked.value };
  }
  const where = and(eq(participantAttributeValues.participantId, ownerId), eq(participantAttributeValues.attributeId, attributeId));
  const old = tx.select({ value: participantAttributeValues.value }).from(participantAttributeValues).where(where).get();
  if (checked.value === '') {
    if (old) tx.delete(participantAttributeValues).where(where).run();
  } else if (!old) {
    tx.insert(participantAttributeValues).values({ participantId: ownerId, attributeId, value: checked.value, numValue: checked.numValue }).run();
  } else if (old.value !== checked.value) {
    tx.update(participantAttributeValues).set({ value: checked.value, numValue: checked.numValue }).where(where).run();
  }
  return { before: old?.value ?? null, after: checked.value === '' ? null : checked.value };
}

/** The sort order after the last definition of the scope. */
export async function nextSortOrder(tx: Queryable, projectId: number, scope: AttributeScope): Promise<number> {
  await dbReady(tx);
  const row = tx
    .select({ n: max(attributeDefinitions.sortOrder) })
    .from(attributeDefinitions)
    .where(and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.scope, scope)))
    .get();
  return (row?.n ?? -1) + 1;
}

/** The existing name (as spelled) of another definition of the scope with this name ignoring case, or null. */
function nameTaken(tx: Queryable, projectId: number, scope: AttributeScope, name: string, exceptId: number | null): string | null {
  const rows = tx
    .select({ id: attributeDefinitions.id, name: attributeDefinitions.name })
    .from(attributeDefinitions)
    .where(and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.scope, scope)))
    .all();
  return rows.find((r) => r.id !== exceptId && valueKey(r.name) === valueKey(name))?.name ?? null;
}
