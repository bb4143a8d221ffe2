/**
 * Participant rosters into the database, all or nothing: the rows are validated against the
 * project's groups, every value against the attribute its column fills (the lead's plan), and
 * a refused roster throws with every problem by spreadsheet row. Existing participants of a
 * group are updated, never duplicated.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { dbReady, transaction } from '../transaction';
import { attributeDefinitions, documents, participants } from '../schema';
import { valueKey } from '@/lib/attributes/validate';
import { labelKey } from '@/lib/import/mapping';
import { validateRoster, type ParsedRoster, type RosterParticipant, type RosterProblem } from '@/lib/import/roster';
import {
  applyRosterPlan,
  proposeRosterPlan,
  rosterColumns,
  type PlanDefinition,
  type RosterColumn,
  type RosterColumnPlan,
} from '@/lib/import/roster-plan';
import { recordAudit } from './audit';
import { nextSortOrder, writeAttributeValue } from './attribute-definitions';

/** A refused roster import: every problem, with the spreadsheet row (header = 1). */
export class RosterImportProblems extends Error {
  constructor(readonly problems: RosterProblem[]) {
    super(problems.map((p) => `row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.message}`).join('\n'));
    this.name = 'RosterImportProblems';
  }
}

/** The project's groups (document titles), as a roster names them. */
export async function rosterGroups(db: Queryable, projectId: number): Promise<Array<{ id: number; title: string }>> {
  await dbReady(db);
  return db
    .select({ id: documents.id, title: documents.title })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.sortOrder), asc(documents.title))
    .all();
}

/** What the roster form shows before the lead confirms: row problems, columns, a proposed plan. */
export interface RosterPreview {
  /** The valid rows' participants (the form re-checks values as the plan changes). */
  participants: RosterParticipant[];
  /** Problems with the rows themselves (unknown group, bad age, duplicate label, …). */
  problems: RosterProblem[];
  columns: RosterColumn[];
  plan: Record<string, RosterColumnPlan>;
  definitions: PlanDefinition[];
  /** How many participants are new, and how many exist already and would be updated. */
  newParticipants: number;
  existingParticipants: number;
}

/** Checks roster rows against the project and proposes a plan; writes nothing. */
export async function rosterPreview(db: Queryable, projectId: number, rows: ParsedRoster['rows']): Promise<RosterPreview> {
  await dbReady(db);
  const groups = await rosterGroups(db, projectId);
  const validation = validateRoster(rows, { groups: groups.map((g) => g.title) });
  const definitions = participantDefinitions(db, projectId);
  const columns = rosterColumns(validation.participants);
  const groupId = new Map(groups.map((g) => [g.title, g.id]));
  const existing = existingParticipantKeys(db, groups.map((g) => g.id));
  const known = validation.participants.filter((p) => existing.has(`${groupId.get(p.group)}\u0000${labelKey(p.label)}`)).length;
  return {
    participants: validation.participants,
    problems: validation.problems,
    columns,
    plan: proposeRosterPlan(columns, definitions),
    definitions,
    newParticipants: validation.participants.length - known,
    existingParticipants: known,
  };
}

function participantDefinitions(db: Queryable, projectId: number): PlanDefinition[] {
  return db
    .select({ id: attributeDefinitions.id, name: attributeDefinitions.name, type: attributeDefinitions.type, values: attributeDefinitions.values })
    .from(attributeDefinitions)
    .where(and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.scope, 'participant')))
    .orderBy(asc(attributeDefinitions.sortOrder), asc(attributeDefinitions.id))
    .all();
}

function existingParticipantKeys(db: Queryable, documentIds: number[]): Set<string> {
  if (documentIds.length === 0) return new Set();
  const rows = db
    .select({ label: participants.label, documentId: participants.documentId })
    .from(participants)
    .where(inArray(participants.documentId, documentIds))
    .all();
  return new Set(rows.map((p) => `${p.documentId}\u0000${labelKey(p.label)}`));
}

/** The outcome of a roster import. */
export interface RosterImportResult {
  created: number;
  updated: number;
  /** Names of the participant attributes created for its columns. */
  attributesCreated: string[];
}

/**
 * Imports a roster (rows as parseRoster reads them) in one transaction: validates the rows
 * against the project's groups (validateRoster), checks every value against the attribute
 * the plan gives its column (applyRosterPlan), and checks that no two rows are one
 * participant. Any problem refuses the whole roster with a {@link RosterImportProblems}
 * listing all of them by row. Then creates the planned attributes, adds category values the
 * plan allows, creates participants that are new and updates existing ones (same group, same
 * label by labelKey: "Р1" is "P1") — blank cells leave a value as it was — and records a
 * `participant.import` audit event.
 */
export async function importRoster(
  db: Db,
  input: { projectId: number; actorId: number; fileName: string; rows: ParsedRoster['rows']; plan: Readonly<Record<string, RosterColumnPlan>> },
): Promise<RosterImportResult> {
  return await transaction(db, async (tx) => {
    const { projectId } = input;
    const groups = await rosterGroups(tx, projectId);
    const groupId = new Map(groups.map((g) => [g.title, g.id]));
    const validation = validateRoster(input.rows, { groups: groups.map((g) => g.title) });
    const defs = tx
      .select()
      .from(attributeDefinitions)
      .where(and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.scope, 'participant')))
      .all();
    const applied = applyRosterPlan(validation.participants, input.plan, defs);
    const problems = [...validation.problems, ...applied.problems];

    const existing = groups.length
      ? tx
          .select({ id: participants.id, label: participants.label, documentId: participants.documentId })
          .from(participants)
          .where(inArray(participants.documentId, groups.map((g) => g.id)))
          .all()
      : [];
    const existingByKey = new Map(existing.map((p) => [`${p.documentId}\u0000${labelKey(p.label)}`, p]));
    const rowOf = new Map<string, { row: number; label: string }>();
    for (const p of validation.participants) {
      const key = `${groupId.get(p.group)}\u0000${labelKey(p.label)}`;
      const first = rowOf.get(key);
      if (!first) rowOf.set(key, { row: p.row, label: p.label });
      // The same label ignoring case is reported by validateRoster already; this catches "Р1" and "P1".
      else if (valueKey(first.label) !== valueKey(p.label)) {
        problems.push({ row: p.row, column: 'label', message: `"${p.label}" is the same participant as "${first.label}" in row ${first.row}` });
      }
    }
    if (problems.length > 0) throw new RosterImportProblems(problems.sort((a, b) => a.row - b.row));

    let sortOrder = await nextSortOrder(tx, projectId, 'participant');
    const createAttribute = async (c: (typeof applied.create)[number]): Promise<number> => {
      const row = tx
        .insert(attributeDefinitions)
        .values({ projectId, scope: 'participant', name: c.name, type: c.type, values: c.values, bins: [], sortOrder: sortOrder++ })
        .returning()
        .get();
      await recordAudit(tx, { projectId, userId: input.actorId, action: 'attribute.create', entityType: 'attribute', entityId: row.id, after: row });
      return row.id;
    };
    const createdIds: number[] = [];
    for (const c of applied.create) createdIds.push(await createAttribute(c));
    for (const [id, extra] of applied.addValues) {
      const def = defs.find((d) => d.id === id)!;
      const values = [...def.values, ...extra];
      tx.update(attributeDefinitions).set({ values }).where(eq(attributeDefinitions.id, id)).run();
      await recordAudit(tx, { projectId, userId: input.actorId, action: 'attribute.update', entityType: 'attribute', entityId: id, before: { values: def.values }, after: { values } });
    }

    const created: string[] = [];
    const updated: string[] = [];
    for (const { participant, values } of applied.values) {
      const documentId = groupId.get(participant.group)!;
      let id = existingByKey.get(`${documentId}\u0000${labelKey(participant.label)}`)?.id;
      if (id === undefined) {
        id = tx.insert(participants).values({ projectId, documentId, label: participant.label }).returning({ id: participants.id }).get().id;
        created.push(`${participant.group}: ${participant.label}`);
      } else {
        updated.push(`${participant.group}: ${participant.label}`);
      }
      for (const v of values) {
        const attributeId = v.attribute.kind === 'existing' ? v.attribute.attributeId : createdIds[v.attribute.index];
        await writeAttributeValue(tx, 'participant', id, attributeId, v);
      }
    }
    await recordAudit(tx, {
      projectId,
      userId: input.actorId,
      action: 'participant.import',
      entityType: 'participant',
      after: { fileName: input.fileName, created, updated, attributesCreated: applied.create.map((c) => c.name) },
    });
    return { created: created.length, updated: updated.length, attributesCreated: applied.create.map((c) => c.name) };
  });
}
