/**
 * What becomes of each roster column once the rows are valid (./roster-validate): the lead
 * confirms, per column, which participant attribute it fills — an existing one, a new one of
 * a chosen type, or none. {@link proposeRosterPlan} makes the first proposal;
 * {@link applyRosterPlan} checks every value against the chosen attribute's type, naming the
 * spreadsheet row, and returns what to store. Pure; the browser and the server share it.
 */
import { distinctValues, guessAttributeType } from '../attributes/guess-type';
import { checkAttributeValue, valueKey, type AttributeValueType } from '../attributes/validate';
import type { RosterParticipant, RosterProblem } from './roster-validate';

/** The lead's decision for one column. */
export type RosterColumnPlan =
  /** Fill an existing attribute; `addValues` adds values a category does not list yet. */
  | { action: 'existing'; attributeId: number; addValues?: boolean }
  /** Create an attribute of this name and type (a category lists the column's values). */
  | { action: 'create'; name: string; type: AttributeValueType }
  | { action: 'skip' };

/** A participant attribute of the project, as the plan needs it. */
export interface PlanDefinition {
  id: number;
  name: string;
  type: AttributeValueType;
  values: readonly string[];
}

/** A roster column with attribute values: an understood field or an extra column. */
export interface RosterColumn {
  /** The key in {@link RosterParticipant.attributes}: "gender", "age", …, or the column's header. */
  key: string;
  /** The attribute name it naturally becomes: "years in city" for yearsInCity, else the header. */
  name: string;
  /** Distinct values, in order of first appearance. */
  values: string[];
  /** One of the understood fields (gender, age, education, years in city). */
  standard: boolean;
  /** The type the column looks like (for the understood fields, their natural type). */
  guessedType: AttributeValueType;
}

const STANDARD: Record<string, { name: string; type: AttributeValueType }> = {
  gender: { name: 'gender', type: 'category' },
  age: { name: 'age', type: 'number' },
  education: { name: 'education', type: 'category' },
  yearsInCity: { name: 'years in city', type: 'number' },
};

/** The columns of valid roster participants that carry values: understood fields first, then extras in order. */
export function rosterColumns(participants: readonly RosterParticipant[]): RosterColumn[] {
  const order: string[] = Object.keys(STANDARD).filter((k) => participants.some((p) => Object.hasOwn(p.attributes, k)));
  for (const p of participants) for (const k of Object.keys(p.attributes)) if (!order.includes(k)) order.push(k);
  return order.map((key) => {
    const values = participants.map((p) => (Object.hasOwn(p.attributes, key) ? p.attributes[key] : ''));
    const standard = Object.hasOwn(STANDARD, key);
    return {
      key,
      name: standard ? STANDARD[key].name : key,
      values: distinctValues(values),
      standard,
      guessedType: standard ? STANDARD[key].type : guessAttributeType(values),
    };
  });
}

/**
 * Proposes a plan: a column whose name (or key) matches an existing attribute's name,
 * ignoring case, fills it; any other column creates an attribute of its name and guessed type.
 */
export function proposeRosterPlan(columns: readonly RosterColumn[], definitions: readonly PlanDefinition[]): Record<string, RosterColumnPlan> {
  const byName = new Map(definitions.map((d) => [valueKey(d.name), d]));
  return Object.fromEntries(
    columns.map((c): [string, RosterColumnPlan] => {
      const existing = byName.get(valueKey(c.name)) ?? byName.get(valueKey(c.key));
      return [c.key, existing ? { action: 'existing', attributeId: existing.id } : { action: 'create', name: c.name, type: c.guessedType }];
    }),
  );
}

/** Where a value goes: an existing attribute, or the i-th attribute to create. */
export type PlannedAttribute = { kind: 'existing'; attributeId: number } | { kind: 'create'; index: number };

/** The outcome of {@link applyRosterPlan}. */
export interface AppliedRosterPlan {
  /** Row-numbered problems; nothing may be stored unless this is empty. */
  problems: RosterProblem[];
  /** Attributes to create, in order (a category lists the values its column uses). */
  create: Array<{ name: string; type: AttributeValueType; values: string[] }>;
  /** Values to add to existing categories (attribute id → values, in order). */
  addValues: Map<number, string[]>;
  /** Per participant, in roster order, the checked values to store (blank cells left out). */
  values: Array<{ participant: RosterParticipant; values: Array<{ attribute: PlannedAttribute; value: string; numValue: number | null }> }>;
}

/**
 * Checks a plan against the columns and the project's participant attributes, and every
 * value against its attribute's type (./validate): problems name row 1 for the plan itself (a
 * column without a decision, an attribute that does not exist, two columns into one
 * attribute, a new name already taken) and the participant's row for a value. Never throws.
 */
export function applyRosterPlan(
  participants: readonly RosterParticipant[],
  plan: Readonly<Record<string, RosterColumnPlan | undefined>>,
  definitions: readonly PlanDefinition[],
): AppliedRosterPlan {
  const columns = rosterColumns(participants);
  const problems: RosterProblem[] = [];
  const defById = new Map(definitions.map((d) => [d.id, d]));
  const defNames = new Map(definitions.map((d) => [valueKey(d.name), d]));
  const create: AppliedRosterPlan['create'] = [];
  const addValues = new Map<number, string[]>();
  const targets = new Map<string, { attribute: PlannedAttribute; type: AttributeValueType; values: readonly string[] }>();
  const usedBy = new Map<string, string>();

  for (const c of columns) {
    const p = Object.hasOwn(plan, c.key) ? plan[c.key] : undefined;
    if (!p) {
      problems.push({ row: 1, column: c.name, message: 'choose which attribute this column fills, or skip it' });
      continue;
    }
    if (p.action === 'skip') continue;
    let target: { attribute: PlannedAttribute; type: AttributeValueType; values: readonly string[] };
    let useKey: string;
    if (p.action === 'existing') {
      const def = defById.get(p.attributeId);
      if (!def) {
        problems.push({ row: 1, column: c.name, message: `participant attribute #${p.attributeId} does not exist` });
        continue;
      }
      let values = def.values;
      if (def.type === 'category' && p.addValues) {
        const known = new Set(def.values.map(valueKey));
        const extra = c.values.filter((v) => !known.has(valueKey(v)));
        if (extra.length > 0) addValues.set(def.id, extra);
        values = [...def.values, ...extra];
      }
      target = { attribute: { kind: 'existing', attributeId: def.id }, type: def.type, values };
      useKey = `id:${def.id}`;
    } else {
      const name = p.name.trim().replace(/\s+/g, ' ');
      if (name === '') {
        problems.push({ row: 1, column: c.name, message: 'the new attribute needs a name' });
        continue;
      }
      const clash = defNames.get(valueKey(name));
      if (clash) {
        problems.push({ row: 1, column: c.name, message: `a participant attribute named "${clash.name}" already exists; choose it instead of creating one` });
        continue;
      }
      const values = p.type === 'category' ? c.values : [];
      create.push({ name, type: p.type, values });
      target = { attribute: { kind: 'create', index: create.length - 1 }, type: p.type, values };
      useKey = `name:${valueKey(name)}`;
    }
    const first = usedBy.get(useKey);
    if (first !== undefined) {
      problems.push({ row: 1, column: c.name, message: `the columns "${first}" and "${c.name}" both fill the same attribute` });
      continue;
    }
    usedBy.set(useKey, c.name);
    targets.set(c.key, target);
  }

  const values: AppliedRosterPlan['values'] = participants.map((participant) => {
    const out: AppliedRosterPlan['values'][number]['values'] = [];
    for (const c of columns) {
      const target = targets.get(c.key);
      if (!target || !Object.hasOwn(participant.attributes, c.key)) continue;
      const check = checkAttributeValue({ type: target.type, values: target.values }, participant.attributes[c.key]);
      if (!check.ok) problems.push({ row: participant.row, column: c.name, message: check.message });
      else if (check.value !== '') out.push({ attribute: target.attribute, value: check.value, numValue: check.numValue });
    }
    return { participant, values: out };
  });
  problems.sort((a, b) => a.row - b.row);
  return { problems, create, addValues, values };
}
