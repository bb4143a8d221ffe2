/**
 * Readers for the small elements of project.qde: users, codes, variables and their values,
 * plus the problem collector the readers share. Each reader records what it cannot read and
 * returns what it can; read.ts decides whether the problems stop the import.
 */
import { normaliseGuid } from './guid';
import type { Problem, ProblemKind } from './problems';
import { VARIABLE_TYPES, type RefiCode, type RefiUser, type RefiVariable, type RefiVariableType, type RefiVariableValue } from './types';
import { child, childrenNamed, type XmlElement } from './xml';

interface Collected {
  problem: Problem;
  /** Whether ReadOptions.onUnplaceable = 'omit' may leave the thing out instead of failing. */
  omittable: boolean;
}

/** Collects problems in the order they are found. */
export class ProblemCollector {
  readonly items: Collected[] = [];

  error(kind: ProblemKind, message: string, subject: { guid?: string; name?: string; file?: string } = {}, omittable = false): void {
    this.add('error', kind, message, subject, omittable);
  }

  warn(kind: ProblemKind, message: string, subject: { guid?: string; name?: string } = {}): void {
    this.add('warning', kind, message, subject, false);
  }

  info(kind: ProblemKind, message: string, subject: { guid?: string; name?: string } = {}): void {
    this.add('info', kind, message, subject, false);
  }

  private add(severity: Problem['severity'], kind: ProblemKind, message: string, subject: { guid?: string; name?: string; file?: string }, omittable: boolean): void {
    const problem: Problem = { severity, kind, message };
    if (subject.guid !== undefined) problem.guid = subject.guid;
    if (subject.name !== undefined) problem.name = subject.name;
    if (subject.file !== undefined) problem.file = subject.file;
    this.items.push({ problem, omittable });
  }
}

/** A short, human label for an element in messages: its name, else its guid. */
export function label(name: string | undefined, guid: string | undefined): string {
  if (name) return `"${name}"`;
  return guid ? `{${guid}}` : '(unnamed)';
}

/**
 * The normalised GUID in attribute `attr` of `el`. Records an error (naming `what`) and
 * returns undefined when it is missing but required, or present but not a GUID.
 */
export function guidAttr(el: XmlElement, attr: string, what: string, problems: ProblemCollector, required: boolean): string | undefined {
  const raw = el.attrs[attr];
  if (raw === undefined) {
    if (required) problems.error('invalid-attribute', `${what} has no ${attr}`);
    return undefined;
  }
  const guid = normaliseGuid(raw);
  if (guid === undefined) problems.error('invalid-attribute', `${what} has ${attr}="${raw.slice(0, 60)}", which is not a GUID`);
  return guid;
}

/** The trimmed text of child `name`, or undefined when absent or blank. */
export function childText(el: XmlElement, name: string): string | undefined {
  const c = child(el, name);
  if (!c) return undefined;
  return c.text.trim() === '' ? undefined : c.text;
}

export function readUsers(project: XmlElement, problems: ProblemCollector): RefiUser[] {
  const users: RefiUser[] = [];
  const seen = new Set<string>();
  const list = child(project, 'Users');
  for (const el of list ? childrenNamed(list, 'User') : []) {
    const guid = guidAttr(el, 'guid', `User ${label(el.attrs.name, undefined)}`, problems, true);
    if (!guid) continue;
    if (seen.has(guid)) {
      problems.warn('duplicate-guid', `User {${guid}} is listed twice; the first is kept`, { guid });
      continue;
    }
    seen.add(guid);
    users.push({ guid, name: el.attrs.name || el.attrs.id || `User ${guid.slice(0, 8)}` });
  }
  return users;
}

const COLOR = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

/** `#RRGGBB` in upper case, from `#rgb` or `#rrggbb` in any case; undefined otherwise. */
export function normaliseColor(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const m = COLOR.exec(raw.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return `#${hex.toUpperCase()}`;
}

/** A note reference found on some element: `noteGuid` is attached to `targetGuid`. */
export interface NoteLink {
  noteGuid: string;
  targetGuid: string;
}

/**
 * The code tree under `codesEl` (a `Codes` element). Duplicate GUIDs are errors (a coding
 * could not say which code it means). Note references on codes go to `noteLinks`.
 */
export function readCodes(codesEl: XmlElement | undefined, problems: ProblemCollector, noteLinks: NoteLink[] = []): RefiCode[] {
  const seen = new Set<string>();
  const readCode = (el: XmlElement, path: string): RefiCode | undefined => {
    const name = el.attrs.name;
    const where = `Code ${label(name, el.attrs.guid)}${path ? ` (under ${path})` : ''}`;
    const guid = guidAttr(el, 'guid', where, problems, true);
    if (!guid) return undefined;
    if (seen.has(guid)) {
      problems.error('duplicate-guid', `${where}: its guid {${guid}} is used by another code`, { guid, name });
      return undefined;
    }
    seen.add(guid);
    const code: RefiCode = { guid, name: name ?? `Code ${guid.slice(0, 8)}`, isCodable: !/^(false|0)$/i.test(el.attrs.isCodable ?? ''), children: [] };
    if (name === undefined) problems.warn('invalid-attribute', `Code {${guid}} has no name; it is called "${code.name}"`, { guid });
    const color = normaliseColor(el.attrs.color);
    if (color) code.color = color;
    else if (el.attrs.color !== undefined && el.attrs.color.trim() !== '') {
      problems.warn('invalid-attribute', `${where} has color="${el.attrs.color.slice(0, 20)}", which is not #RRGGBB; the colour is dropped`, { guid, name });
    }
    const description = childText(el, 'Description');
    if (description !== undefined) code.description = description;
    for (const ref of childrenNamed(el, 'NoteRef')) {
      const noteGuid = normaliseGuid(ref.attrs.targetGUID);
      if (noteGuid) noteLinks.push({ noteGuid, targetGuid: guid });
    }
    const childPath = path ? `${path} › ${code.name}` : code.name;
    for (const c of childrenNamed(el, 'Code')) {
      const sub = readCode(c, childPath);
      if (sub) code.children.push(sub);
    }
    return code;
  };
  const codes: RefiCode[] = [];
  for (const el of codesEl ? childrenNamed(codesEl, 'Code') : []) {
    const code = readCode(el, '');
    if (code) codes.push(code);
  }
  return codes;
}

export function readVariables(project: XmlElement, problems: ProblemCollector): RefiVariable[] {
  const out: RefiVariable[] = [];
  const seen = new Set<string>();
  const list = child(project, 'Variables');
  for (const el of list ? childrenNamed(list, 'Variable') : []) {
    const name = el.attrs.name ?? '';
    const where = `Variable ${label(name, el.attrs.guid)}`;
    const guid = guidAttr(el, 'guid', where, problems, true);
    if (!guid) continue;
    if (seen.has(guid)) {
      problems.error('duplicate-guid', `${where}: its guid {${guid}} is used by another variable`, { guid, name });
      continue;
    }
    seen.add(guid);
    const rawType = (el.attrs.typeOfVariable ?? '').trim();
    let type = VARIABLE_TYPES.find((t) => t.toLowerCase() === rawType.toLowerCase());
    if (!type) {
      problems.warn('invalid-attribute', `${where} has typeOfVariable="${rawType.slice(0, 20)}"; it is read as Text`, { guid, name });
      type = 'Text';
    }
    const v: RefiVariable = { guid, name: name || `Variable ${guid.slice(0, 8)}`, type };
    const description = childText(el, 'Description');
    if (description !== undefined) v.description = description;
    out.push(v);
  }
  return out;
}

const VALUE_ELEMENTS: Record<string, RefiVariableType> = {
  TextValue: 'Text',
  BooleanValue: 'Boolean',
  IntegerValue: 'Integer',
  FloatValue: 'Float',
  DateValue: 'Date',
  DateTimeValue: 'DateTime',
};

/**
 * The `VariableValue` children of `owner` (a case or a source). A value of an unknown
 * variable, or one that does not parse as its type, is left out with a warning.
 */
export function readVariableValues(owner: XmlElement, ownerLabel: string, variables: ReadonlyMap<string, RefiVariable>, problems: ProblemCollector): RefiVariableValue[] {
  const out: RefiVariableValue[] = [];
  for (const vv of childrenNamed(owner, 'VariableValue')) {
    const ref = child(vv, 'VariableRef');
    const variableGuid = ref ? normaliseGuid(ref.attrs.targetGUID) : undefined;
    const variable = variableGuid ? variables.get(variableGuid) : undefined;
    if (!variableGuid || !variable) {
      problems.warn('unknown-reference', `${ownerLabel}: a variable value refers to no known variable (${ref?.attrs.targetGUID ?? 'no VariableRef'}); it is left out`);
      continue;
    }
    const valueEl = vv.children.find((c) => c.name in VALUE_ELEMENTS);
    if (!valueEl) continue; // the schema allows a VariableValue with no value
    const parsed = parseValue(VALUE_ELEMENTS[valueEl.name], valueEl.text);
    if (parsed === undefined) {
      problems.warn('invalid-attribute', `${ownerLabel}: the value "${valueEl.text.slice(0, 40)}" of variable "${variable.name}" is not a valid ${VALUE_ELEMENTS[valueEl.name]}; it is left out`);
      continue;
    }
    out.push({ variableGuid, value: parsed });
  }
  return out;
}

function parseValue(type: RefiVariableType, text: string): string | number | boolean | undefined {
  const t = text.trim();
  switch (type) {
    case 'Text':
      return text;
    case 'Boolean':
      if (/^(true|1)$/i.test(t)) return true;
      if (/^(false|0)$/i.test(t)) return false;
      return undefined;
    case 'Integer': {
      if (!/^[+-]?\d+$/.test(t)) return undefined;
      const n = Number(t);
      return Number.isSafeInteger(n) ? n : undefined;
    }
    case 'Float': {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
      const n = Number(t);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'Date':
      return /^\d{4}-\d{2}-\d{2}/.test(t) ? t : undefined;
    case 'DateTime':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t) ? t : undefined;
  }
}

/** The element's creationDateTime / modifiedDateTime, where they are valid xsd:dateTime values. */
export function readStamps(el: XmlElement): { createdAt?: Date; modifiedAt?: Date } {
  const out: { createdAt?: Date; modifiedAt?: Date } = {};
  const parse = (raw: string | undefined) => {
    if (raw === undefined || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(raw.trim())) return undefined;
    const d = new Date(raw.trim());
    return Number.isFinite(d.getTime()) ? d : undefined;
  };
  const created = parse(el.attrs.creationDateTime);
  const modified = parse(el.attrs.modifiedDateTime);
  if (created) out.createdAt = created;
  if (modified) out.modifiedAt = modified;
  return out;
}
