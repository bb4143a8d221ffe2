/**
 * Whether a RefiProject can be written faithfully, checked before the writer writes a byte:
 * every id unique, every reference known, every range inside its text and on whole
 * characters, every colour and variable value valid for the schema.
 */
import { normaliseGuid } from './guid';
import { normaliseColor } from './read-elements';
import { VARIABLE_TYPES, flattenCodes, type RefiCode, type RefiProject, type RefiStamps, type RefiVariable, type RefiVariableValue } from './types';

export type EntityKind = 'user' | 'code' | 'variable' | 'case' | 'source' | 'selection' | 'note';

/** Every id of the project and what it names. */
export function entityKinds(project: RefiProject): Map<string, EntityKind> {
  const kinds = new Map<string, EntityKind>();
  for (const u of project.users) kinds.set(u.guid, 'user');
  for (const c of flattenCodes(project.codes)) kinds.set(c.guid, 'code');
  for (const v of project.variables) kinds.set(v.guid, 'variable');
  for (const c of project.cases) kinds.set(c.guid, 'case');
  for (const s of project.sources) {
    kinds.set(s.guid, 'source');
    for (const sel of s.selections) kinds.set(sel.guid, 'selection');
  }
  for (const n of project.notes) kinds.set(n.guid, 'note');
  return kinds;
}

/** Every reason `project` cannot be written faithfully; empty when it can. */
export function checkProject(project: RefiProject): string[] {
  const issues: string[] = [];
  // Ids must be unique across the whole project: a GUID names one thing.
  const seen = new Map<string, string>();
  const claim = (id: string, what: string) => {
    const key = normaliseGuid(id) ?? id;
    const prior = seen.get(key);
    if (prior !== undefined) issues.push(`${what} has the id "${id}", already used by ${prior}`);
    else seen.set(key, what);
  };
  for (const u of project.users) claim(u.guid, `user "${u.name}"`);
  checkCodes(project.codes, issues, new Set(), claim);
  for (const v of project.variables) {
    claim(v.guid, `variable "${v.name}"`);
    if (!VARIABLE_TYPES.includes(v.type)) issues.push(`variable "${v.name}" has the type "${String(v.type)}", not one of ${VARIABLE_TYPES.join(', ')}`);
  }
  const kinds = entityKinds(project);
  const variables = new Map(project.variables.map((v) => [v.guid, v]));
  const checkValues = (values: RefiVariableValue[], owner: string) => {
    for (const vv of values) {
      const v = variables.get(vv.variableGuid);
      if (!v) issues.push(`${owner} has a value of an unknown variable "${vv.variableGuid}"`);
      else if (!valueFits(v.type, vv.value)) issues.push(`${owner}: the value ${JSON.stringify(vv.value)} of "${v.name}" is not a valid ${v.type}`);
    }
  };
  for (const c of project.cases) {
    claim(c.guid, `case "${c.name}"`);
    checkValues(c.variableValues, `case "${c.name}"`);
    for (const s of c.sourceGuids) if (kinds.get(s) !== 'source') issues.push(`case "${c.name}" refers to an unknown source "${s}"`);
    for (const s of c.selectionGuids) if (kinds.get(s) !== 'selection') issues.push(`case "${c.name}" refers to an unknown selection "${s}"`);
  }
  for (const s of project.sources) {
    claim(s.guid, `source "${s.name}"`);
    checkValues(s.variableValues, `source "${s.name}"`);
    if (s.creatingUserGuid !== undefined && kinds.get(s.creatingUserGuid) !== 'user') issues.push(`source "${s.name}" names an unknown user "${s.creatingUserGuid}"`);
    checkStamps(s, `source "${s.name}"`, issues);
    if (s.text.includes('\r')) issues.push(`source "${s.name}": its text contains CR; texts must use "\\n" line breaks`);
    for (const sel of s.selections) {
      const what = `source "${s.name}": selection ${sel.name ? `"${sel.name}"` : `"${sel.guid}"`}`;
      claim(sel.guid, what);
      if (!Number.isInteger(sel.start) || !Number.isInteger(sel.end) || sel.start < 0 || sel.end < sel.start || sel.end > s.text.length) {
        issues.push(`${what} has the range [${sel.start}, ${sel.end}), outside its text of ${s.text.length} units`);
      } else if (splitsPair(s.text, sel.start) || splitsPair(s.text, sel.end)) {
        issues.push(`${what} has the range [${sel.start}, ${sel.end}), which splits a character`);
      }
      for (const code of sel.codeGuids) if (kinds.get(code) !== 'code') issues.push(`${what} is coded with an unknown code "${code}"`);
      if (sel.creatingUserGuid !== undefined && kinds.get(sel.creatingUserGuid) !== 'user') issues.push(`${what} names an unknown user "${sel.creatingUserGuid}"`);
      checkStamps(sel, what, issues);
    }
  }
  for (const n of project.notes) {
    const what = `note ${n.name ? `"${n.name}"` : `"${n.guid}"`}`;
    claim(n.guid, what);
    if (n.creatingUserGuid !== undefined && kinds.get(n.creatingUserGuid) !== 'user') issues.push(`${what} names an unknown user "${n.creatingUserGuid}"`);
    checkStamps(n, what, issues);
    for (const t of n.targetGuids) {
      const kind = kinds.get(t);
      if (kind === undefined || kind === 'user' || kind === 'variable') issues.push(`${what} is attached to "${t}", which is no code, source, selection, case or note`);
    }
  }
  return issues;
}

export function checkCodes(codes: readonly RefiCode[], issues: string[], seen: Set<string>, claim?: (id: string, what: string) => void): void {
  for (const c of flattenCodes(codes)) {
    const key = normaliseGuid(c.guid) ?? c.guid;
    if (claim) claim(c.guid, `code "${c.name}"`);
    else if (seen.has(key)) issues.push(`code "${c.name}" has the id "${c.guid}", already used by another code`);
    seen.add(key);
    if (c.color !== undefined && normaliseColor(c.color) === undefined) issues.push(`code "${c.name}" has the colour "${c.color}", not #RRGGBB`);
  }
}

function checkStamps(e: RefiStamps, what: string, issues: string[]): void {
  for (const [key, d] of [['createdAt', e.createdAt], ['modifiedAt', e.modifiedAt]] as const) {
    if (d !== undefined && !(d instanceof Date && Number.isFinite(d.getTime()))) issues.push(`${what} has an invalid ${key}`);
  }
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const hi = text.charCodeAt(offset - 1);
  const lo = text.charCodeAt(offset);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

const DATE = /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

function valueFits(type: RefiVariable['type'], value: unknown): boolean {
  switch (type) {
    case 'Text':
      return typeof value === 'string';
    case 'Boolean':
      return typeof value === 'boolean';
    case 'Integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'Float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'Date':
      return typeof value === 'string' && DATE.test(value);
    case 'DateTime':
      return typeof value === 'string' && DATE_TIME.test(value);
  }
}
