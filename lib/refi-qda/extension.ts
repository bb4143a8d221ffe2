/**
 * What the REFI-QDA standard has no room for, carried in our own file `fgcoder.json` at the
 * root of the .qdpx zip. The project schema (Project-mrt2019.xsd) has no `xs:any` anywhere,
 * so an extension element in our own namespace would make project.qde invalid; a separate
 * zip entry is ignored by every other reader (they open project.qde and sources/ only).
 *
 * It references the project's entities by the GUIDs project.qde uses, so it is written after
 * project.qde's GUIDs are chosen and read back with the same normalisation (lower case, no
 * braces). Reading is forgiving: a malformed or unknown extension is a warning and is left
 * out, never a reason to refuse the file — the file is a valid REFI-QDA project without it.
 */
import { createHash } from 'node:crypto';
import { normaliseGuid } from './guid';
import type { Problem } from './problems';

export const EXTENSION_FILE = 'fgcoder.json';
export const EXTENSION_FORMAT = 'fgcoder-refi-extension';
export const EXTENSION_VERSION = 1;

export interface RefiExtensionBin {
  label: string;
  min: number;
  max: number;
}

/** A variable as our attribute: where it lives, its type, category values in order, number bins. */
export interface RefiExtensionVariable {
  guid: string;
  scope: string;
  type: string;
  values: string[];
  bins: RefiExtensionBin[];
}

export interface RefiExtension {
  variables: RefiExtensionVariable[];
  /** Code shortcuts (one character) by code guid. */
  codes: { guid: string; shortcut: string }[];
  /**
   * Each coder's account, as `emailKey` of its email: an import finds the account with the
   * same email without the file holding any email in clear (exports carry no account emails).
   */
  users: { guid: string; emailKey: string }[];
  /** Who is assigned which source, and how far they are. */
  assignments: { sourceGuid: string; userGuid: string; status: string }[];
}

/** The key an email is known by in the extension: SHA-256 (hex) of the app's prefix and the email, trimmed and lower-cased. */
export function emailKey(email: string): string {
  return createHash('sha256').update(`fgcoder-coder:${email.trim().toLowerCase()}`, 'utf8').digest('hex');
}

export function emptyExtension(): RefiExtension {
  return { variables: [], codes: [], users: [], assignments: [] };
}

/** The extension as JSON text, every reference mapped to the GUID project.qde gives it (`g`); references `known` does not hold are left out. */
export function extensionJson(ext: RefiExtension, g: (id: string) => string, known: (id: string) => boolean): string {
  const body = {
    format: EXTENSION_FORMAT,
    version: EXTENSION_VERSION,
    variables: ext.variables.filter((v) => known(v.guid)).map((v) => ({ ...v, guid: g(v.guid) })),
    codes: ext.codes.filter((c) => known(c.guid)).map((c) => ({ ...c, guid: g(c.guid) })),
    users: ext.users.filter((u) => known(u.guid)).map((u) => ({ ...u, guid: g(u.guid) })),
    assignments: ext.assignments
      .filter((a) => known(a.sourceGuid) && known(a.userGuid))
      .map((a) => ({ ...a, sourceGuid: g(a.sourceGuid), userGuid: g(a.userGuid) })),
  };
  return JSON.stringify(body, null, 1);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 500): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads `fgcoder.json`; items that do not have the expected shape are dropped. */
export function parseExtension(text: string): { extension?: RefiExtension; problems: Problem[] } {
  const warn = (message: string): Problem => ({ kind: 'not-imported', severity: 'warning', message });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problems: [warn(`${EXTENSION_FILE} is not valid JSON; its attribute bins, category order, shortcuts, assignments and coders' accounts were not imported`)] };
  }
  if (!isObj(raw) || raw.format !== EXTENSION_FORMAT || typeof raw.version !== 'number') {
    return { problems: [warn(`${EXTENSION_FILE} is not this app's extension; it was ignored`)] };
  }
  if (raw.version > EXTENSION_VERSION) {
    return { problems: [warn(`${EXTENSION_FILE} has version ${raw.version}, newer than this app reads (${EXTENSION_VERSION}); it was ignored`)] };
  }
  const ext = emptyExtension();
  for (const v of arr(raw.variables)) {
    if (!isObj(v)) continue;
    const guid = normaliseGuid(str(v.guid));
    const scope = str(v.scope, 40);
    const type = str(v.type, 40);
    if (!guid || !scope || !type) continue;
    const values = arr(v.values).filter((x): x is string => typeof x === 'string' && x.length <= 500).slice(0, 1000);
    const bins = arr(v.bins)
      .filter((b): b is Record<string, unknown> => isObj(b) && typeof b.label === 'string' && finite(b.min) && finite(b.max))
      .slice(0, 200)
      .map((b) => ({ label: String(b.label).slice(0, 200), min: b.min as number, max: b.max as number }));
    ext.variables.push({ guid, scope, type, values, bins });
  }
  for (const c of arr(raw.codes)) {
    if (!isObj(c)) continue;
    const guid = normaliseGuid(str(c.guid));
    const shortcut = str(c.shortcut, 8);
    if (guid && shortcut) ext.codes.push({ guid, shortcut });
  }
  for (const u of arr(raw.users)) {
    if (!isObj(u)) continue;
    const guid = normaliseGuid(str(u.guid));
    const key = str(u.emailKey, 64)?.toLowerCase();
    if (guid && key && /^[0-9a-f]{64}$/.test(key)) ext.users.push({ guid, emailKey: key });
  }
  for (const a of arr(raw.assignments)) {
    if (!isObj(a)) continue;
    const sourceGuid = normaliseGuid(str(a.sourceGuid));
    const userGuid = normaliseGuid(str(a.userGuid));
    const status = str(a.status, 40);
    if (sourceGuid && userGuid && status) ext.assignments.push({ sourceGuid, userGuid, status });
  }
  return { extension: ext, problems: [] };
}
