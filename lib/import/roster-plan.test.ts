import { describe, expect, it } from 'vitest';
import { applyRosterPlan, proposeRosterPlan, rosterColumns } from './roster-plan';
import type { RosterParticipant } from './roster-validate';

const people: RosterParticipant[] = [
  { label: 'P1', group: 'FG 1', row: 2, attributes: { gender: 'Female', age: '34', yearsInCity: '12', Занятость: 'учитель', 'Дата анкеты': '2024-11-20' } },
  { label: 'P2', group: 'FG 1', row: 3, attributes: { gender: 'ж', age: '41', Занятость: 'врач', 'Дата анкеты': '2024-11-21' } },
  { label: 'P3', group: 'FG 1', row: 4, attributes: { gender: 'Male', Занятость: 'учитель' } },
];
const definitions = [
  { id: 1, name: 'gender', type: 'category' as const, values: ['Female', 'Male'] },
  { id: 2, name: 'Age', type: 'number' as const, values: [] },
];

describe('rosterColumns', () => {
  it('lists understood fields first, then extra columns, with distinct values and a guessed type', () => {
    expect(rosterColumns(people).map((c) => [c.key, c.name, c.guessedType, c.values.length])).toEqual([
      ['gender', 'gender', 'category', 3],
      ['age', 'age', 'number', 2],
      ['yearsInCity', 'years in city', 'number', 1],
      ['Занятость', 'Занятость', 'category', 2],
      ['Дата анкеты', 'Дата анкеты', 'date', 2],
    ]);
  });
});

describe('proposeRosterPlan and applyRosterPlan', () => {
  it('fills attributes of the same name and creates the others with their guessed type', () => {
    const plan = proposeRosterPlan(rosterColumns(people), definitions);
    expect(plan).toEqual({
      gender: { action: 'existing', attributeId: 1 },
      age: { action: 'existing', attributeId: 2 },
      yearsInCity: { action: 'create', name: 'years in city', type: 'number' },
      Занятость: { action: 'create', name: 'Занятость', type: 'category' },
      'Дата анкеты': { action: 'create', name: 'Дата анкеты', type: 'date' },
    });
    // "ж" is not a listed gender value: named by row and column.
    const applied = applyRosterPlan(people, plan, definitions);
    expect(applied.problems).toEqual([{ row: 3, column: 'gender', message: '"ж" is not one of "Female", "Male"' }]);
    expect(applied.create).toEqual([
      { name: 'years in city', type: 'number', values: [] },
      { name: 'Занятость', type: 'category', values: ['учитель', 'врач'] },
      { name: 'Дата анкеты', type: 'date', values: [] },
    ]);
  });

  it('adds missing category values when asked, and returns checked values per participant', () => {
    const plan = { ...proposeRosterPlan(rosterColumns(people), definitions), gender: { action: 'existing' as const, attributeId: 1, addValues: true }, 'Дата анкеты': { action: 'skip' as const } };
    const applied = applyRosterPlan(people, plan, definitions);
    expect(applied.problems).toEqual([]);
    expect(applied.addValues).toEqual(new Map([[1, ['ж']]]));
    expect(applied.values[0].values).toEqual([
      { attribute: { kind: 'existing', attributeId: 1 }, value: 'Female', numValue: null },
      { attribute: { kind: 'existing', attributeId: 2 }, value: '34', numValue: 34 },
      { attribute: { kind: 'create', index: 0 }, value: '12', numValue: 12 },
      { attribute: { kind: 'create', index: 1 }, value: 'учитель', numValue: null },
    ]);
  });

  it('reports plan problems on row 1: no decision, a missing attribute, a taken name, two columns into one', () => {
    const applied = applyRosterPlan(people, {
      gender: { action: 'existing', attributeId: 9 },
      age: { action: 'create', name: 'GENDER', type: 'number' },
      yearsInCity: { action: 'existing', attributeId: 2 },
      Занятость: { action: 'existing', attributeId: 2 },
    }, definitions);
    expect(applied.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [1, 'gender', 'participant attribute #9 does not exist'],
      [1, 'age', 'a participant attribute named "gender" already exists; choose it instead of creating one'],
      [1, 'Занятость', 'the columns "years in city" and "Занятость" both fill the same attribute'],
      [1, 'Дата анкеты', 'choose which attribute this column fills, or skip it'],
    ]);
    // a rejected column's values are not checked: "врач" is never read as a number
  });
});
