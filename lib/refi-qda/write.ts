/**
 * Export of a RefiProject as a .qdpx (project.qde + sources/<guid>.txt) and of a codebook as
 * a .qdc. Sources are written as UTF-8 with "\n" line breaks (no BOM) and positions in code
 * points, the standard's reading (see positions.ts). Elements are written in the order the
 * schema (Project-mrt2019.xsd) fixes.
 *
 * Every optional attribute the schema defines is written where the project knows it: the
 * creatingUser and creation/modified dates of sources, selections, codings and notes. A note
 * always gets dates (QualCoder's importer fails on a note without them: it falls back to the
 * write time) and a name, and its text is a file (sources/<guid>.txt, plainTextPath), where
 * QualCoder looks for it. Notes on a source are linked from the note (Link) rather than by a
 * NoteRef in the source: QualCoder takes a source's NoteRef for a text annotation and, when
 * the note holds no selection, drops it; a Link is read by every reader as the note's target.
 *
 * The project is checked before anything is written; a project that cannot be written
 * faithfully (offsets outside a text, a coding of an unknown code, an invalid colour or
 * variable value, duplicate ids) throws a RefiExportError listing every issue.
 */
import { zipSync } from 'fflate';
import { isGuid, normaliseGuid, randomGuid, type GuidGenerator } from './guid';
import { EXPORT_READING, PositionMap } from './positions';
import { RefiExportError } from './problems';
import { normaliseColor } from './read-elements';
import { flattenCodes, type RefiCode, type RefiCodebook, type RefiProject, type RefiVariable, type RefiVariableValue } from './types';
import { checkCodes, checkProject, entityKinds } from './write-check';
import { escapeAttr, escapeText } from './xml';
import { EXTENSION_FILE, extensionJson } from './extension';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export interface WriteOptions {
  /**
   * Makes the GUIDs the file needs beyond the project's own: one per coding and link, and one
   * for every `guid` that is not a GUID (an app id). Default: crypto.randomUUID.
   */
  newGuid?: GuidGenerator;
  /** Written as the project's `origin`; default "fgcoder". */
  origin?: string;
  /** Written as the project's creationDateTime and the zip entries' times; default now. */
  now?: Date;
}

/** Writes `project` as a .qdpx archive. Throws RefiExportError when it cannot be written faithfully. */
export function writeQdpx(project: RefiProject, opts: WriteOptions = {}): Uint8Array {
  const { xml, files, g, known } = writeProject(project, opts);
  const enc = new TextEncoder();
  const mtime = opts.now ?? new Date();
  const entries: Record<string, [Uint8Array, { level: 6; mtime: Date }]> = {
    'project.qde': [enc.encode(xml), { level: 6, mtime }],
  };
  for (const [name, text] of files) entries[`sources/${name}`] = [enc.encode(text), { level: 6, mtime }];
  if (project.extension) entries[EXTENSION_FILE] = [enc.encode(extensionJson(project.extension, g, known)), { level: 6, mtime }];
  return zipSync(entries);
}

/**
 * The project.qde text and the source files it names (file name → LF text). Throws
 * RefiExportError when the project cannot be written faithfully.
 */
export function writeQde(project: RefiProject, opts: WriteOptions = {}): { xml: string; files: Map<string, string> } {
  const { xml, files } = writeProject(project, opts);
  return { xml, files };
}

/** writeQde, and the GUID each project id was given (for the extension, which names them). */
function writeProject(project: RefiProject, opts: WriteOptions) {
  const issues = checkProject(project);
  if (issues.length > 0) throw new RefiExportError(issues);
  const ids = new GuidMap(opts.newGuid ?? randomGuid, [...entityKinds(project).keys()]);
  const g = (id: string) => ids.get(id);
  const newGuid = () => ids.fresh();

  // Where each note is referenced from; targets with no NoteRef in the schema get a Link.
  const kindOf = entityKinds(project);
  const noteRefs = new Map<string, string[]>(); // target id → note ids
  const projectNotes: string[] = [];
  const links: string[] = [];
  for (const note of project.notes) {
    if (note.onProject) projectNotes.push(note.guid);
    for (const target of note.targetGuids) {
      const kind = kindOf.get(target);
      if (kind === 'code' || kind === 'selection') {
        noteRefs.set(target, [...(noteRefs.get(target) ?? []), note.guid]);
      } else {
        links.push(`<Link guid="${newGuid()}" name="Note" direction="OneWay" originGUID="${g(note.guid)}" targetGUID="${g(target)}"/>`);
      }
    }
  }
  const noteRefXml = (target: string) => (noteRefs.get(target) ?? []).map((n) => `<NoteRef targetGUID="${g(n)}"/>`).join('');

  const now = opts.now ?? new Date();
  const stamps = (e: { createdAt?: Date; modifiedAt?: Date }): [string, string | undefined][] => [
    ['creationDateTime', e.createdAt && xsdDateTime(e.createdAt)],
    ['modifiedDateTime', e.modifiedAt && xsdDateTime(e.modifiedAt)],
  ];
  const out: string[] = [];
  const attrs = (pairs: [string, string | undefined][]) =>
    pairs
      .filter((p): p is [string, string] => p[1] !== undefined)
      .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
      .join('');

  out.push('<?xml version="1.0" encoding="utf-8"?>\n');
  out.push(
    `<Project xmlns="${PROJECT_NAMESPACE}"${attrs([
      ['name', project.name],
      ['origin', opts.origin ?? 'fgcoder'],
      ['creationDateTime', xsdDateTime(project.createdAt ?? now)],
      ['modifiedDateTime', xsdDateTime(project.modifiedAt ?? now)],
    ])}>\n`,
  );

  if (project.users.length > 0) {
    out.push('<Users>');
    for (const u of project.users) out.push(`<User${attrs([['guid', g(u.guid)], ['name', u.name]])}/>`);
    out.push('</Users>\n');
  }

  if (project.codes.length > 0) {
    out.push('<CodeBook><Codes>\n', codesXml(project.codes, g, noteRefXml), '</Codes></CodeBook>\n');
  }

  const variables = new Map(project.variables.map((v) => [v.guid, v]));
  if (project.variables.length > 0) {
    out.push('<Variables>');
    for (const v of project.variables) {
      out.push(`<Variable${attrs([['guid', g(v.guid)], ['name', v.name], ['typeOfVariable', v.type]])}>`);
      if (v.description) out.push(`<Description>${escapeText(v.description)}</Description>`);
      out.push('</Variable>');
    }
    out.push('</Variables>\n');
  }
  const valuesXml = (values: RefiVariableValue[]) => values.map((vv) => variableValueXml(vv, variables.get(vv.variableGuid) as RefiVariable, g)).join('');

  const files = new Map<string, string>();
  if (project.cases.length > 0) {
    out.push('<Cases>\n');
    for (const c of project.cases) {
      out.push(`<Case${attrs([['guid', g(c.guid)], ['name', c.name]])}>`);
      if (c.description) out.push(`<Description>${escapeText(c.description)}</Description>`);
      out.push(valuesXml(c.variableValues));
      for (const s of c.sourceGuids) out.push(`<SourceRef targetGUID="${g(s)}"/>`);
      for (const s of c.selectionGuids) out.push(`<SelectionRef targetGUID="${g(s)}"/>`);
      out.push('</Case>\n');
    }
    out.push('</Cases>\n');
  }

  if (project.sources.length > 0) {
    out.push('<Sources>\n');
    for (const s of project.sources) {
      const guid = g(s.guid);
      const file = `${guid}.txt`;
      files.set(file, s.text);
      const map = PositionMap.of(s.text, EXPORT_READING);
      out.push(
        `<TextSource${attrs([
          ['guid', guid],
          ['name', s.name],
          ['plainTextPath', `internal://${file}`],
          ['creatingUser', s.creatingUserGuid && g(s.creatingUserGuid)],
          ...stamps(s),
        ])}>\n`,
      );
      if (s.description) out.push(`<Description>${escapeText(s.description)}</Description>`);
      for (const sel of s.selections) {
        out.push(
          `<PlainTextSelection${attrs([
            ['guid', g(sel.guid)],
            ['name', sel.name ?? quoteName(s.text.slice(sel.start, sel.end))],
            ['startPosition', String(map.toPosition(sel.start))],
            ['endPosition', String(map.toPosition(sel.end))],
            ['creatingUser', sel.creatingUserGuid && g(sel.creatingUserGuid)],
            ...stamps(sel),
          ])}>`,
        );
        if (sel.description) out.push(`<Description>${escapeText(sel.description)}</Description>`);
        for (const code of sel.codeGuids) {
          out.push(
            `<Coding${attrs([
              ['guid', newGuid()],
              ['creatingUser', sel.creatingUserGuid && g(sel.creatingUserGuid)],
              ['creationDateTime', sel.createdAt && xsdDateTime(sel.createdAt)],
            ])}><CodeRef targetGUID="${g(code)}"/></Coding>`,
          );
        }
        out.push(noteRefXml(sel.guid), '</PlainTextSelection>\n');
      }
      out.push(noteRefXml(s.guid), valuesXml(s.variableValues), '</TextSource>\n');
    }
    out.push('</Sources>\n');
  }

  if (project.notes.length > 0) {
    out.push('<Notes>\n');
    project.notes.forEach((n, i) => {
      const guid = g(n.guid);
      const file = `${guid}.txt`;
      files.set(file, n.text);
      const created = n.createdAt ?? n.modifiedAt ?? now;
      out.push(
        `<Note${attrs([
          ['guid', guid],
          ['name', n.name?.trim() ? n.name : `Note ${i + 1}`],
          ['plainTextPath', `internal://${file}`],
          ['creatingUser', n.creatingUserGuid && g(n.creatingUserGuid)],
          ['creationDateTime', xsdDateTime(created)],
          ['modifiedDateTime', xsdDateTime(n.modifiedAt ?? created)],
        ])}>`,
      );
      if (n.description) out.push(`<Description>${escapeText(n.description)}</Description>`);
      out.push('</Note>\n');
    });
    out.push('</Notes>\n');
  }
  if (links.length > 0) out.push(`<Links>${links.join('')}</Links>\n`);
  if (project.sets?.length) {
    out.push('<Sets>\n');
    for (const set of project.sets) {
      out.push(`<Set${attrs([['guid', g(set.guid)], ['name', set.name]])}>`);
      if (set.description) out.push(`<Description>${escapeText(set.description)}</Description>`);
      for (const c of set.codeGuids) out.push(`<MemberCode targetGUID="${g(c)}"/>`);
      for (const src of set.sourceGuids) out.push(`<MemberSource targetGUID="${g(src)}"/>`);
      out.push('</Set>\n');
    }
    out.push('</Sets>\n');
  }
  if (project.description) out.push(`<Description>${escapeText(project.description)}</Description>\n`);
  for (const n of projectNotes) out.push(`<NoteRef targetGUID="${g(n)}"/>`);
  out.push('</Project>\n');
  return { xml: out.join(''), files, g, known: (id: string) => kindOf.has(id) };
}

/** Writes a codebook exchange file (.qdc, namespace urn:QDA-XML:codebook:1.0). */
export function writeQdc(codebook: RefiCodebook, opts: Omit<WriteOptions, 'now'> = {}): Uint8Array {
  const issues: string[] = [];
  checkCodes(codebook.codes, issues, new Set());
  if (issues.length > 0) throw new RefiExportError(issues);
  const ids = new GuidMap(opts.newGuid ?? randomGuid, flattenCodes(codebook.codes).map((c) => c.guid));
  const origin = opts.origin ?? codebook.origin ?? 'fgcoder';
  const xml =
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<CodeBook xmlns="${CODEBOOK_NAMESPACE}" origin="${escapeAttr(origin)}"><Codes>\n` +
    codesXml(codebook.codes, (id) => ids.get(id), () => '') +
    '</Codes></CodeBook>\n';
  return new TextEncoder().encode(xml);
}

function codesXml(codes: readonly RefiCode[], g: (id: string) => string, noteRefXml: (id: string) => string): string {
  // Iterative, so a deep tree cannot overflow the stack.
  const out: string[] = [];
  const stack: (RefiCode | string)[] = [...codes].reverse();
  while (stack.length > 0) {
    const item = stack.pop() as RefiCode | string;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const color = normaliseColor(item.color);
    out.push(
      `<Code guid="${g(item.guid)}" name="${escapeAttr(item.name)}" isCodable="${item.isCodable === false ? 'false' : 'true'}"${color ? ` color="${color}"` : ''}>`,
    );
    if (item.description) out.push(`<Description>${escapeText(item.description)}</Description>`);
    out.push(noteRefXml(item.guid));
    stack.push('</Code>\n');
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]);
  }
  return out.join('');
}

function variableValueXml(vv: RefiVariableValue, variable: RefiVariable, g: (id: string) => string): string {
  const v = vv.value;
  let value: string;
  switch (variable.type) {
    case 'Text':
      value = `<TextValue>${escapeText(String(v))}</TextValue>`;
      break;
    case 'Boolean':
      value = `<BooleanValue>${v ? 'true' : 'false'}</BooleanValue>`;
      break;
    case 'Integer':
      value = `<IntegerValue>${String(v)}</IntegerValue>`;
      break;
    case 'Float':
      value = `<FloatValue>${decimal(v as number)}</FloatValue>`;
      break;
    case 'Date':
      value = `<DateValue>${String(v)}</DateValue>`;
      break;
    case 'DateTime':
      value = `<DateTimeValue>${String(v)}</DateTimeValue>`;
      break;
  }
  return `<VariableValue><VariableRef targetGUID="${g(vv.variableGuid)}"/>${value}</VariableValue>`;
}

/**
 * A number as xsd:decimal, which has no exponent: JavaScript's shortest form with the
 * exponent shifted into the digits ("1e-7" → "0.0000001"), so it reads back to the same number.
 */
export function decimal(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', exp] = m;
  const digits = lead + frac;
  const point = 1 + Number(exp); // position of the decimal point within `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function xsdDateTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// A selection with no name of its own is named by its quote, as ATLAS.ti does: it helps any
// reader (ours included, see detect.ts) check the positions.
const QUOTE_NAME_LENGTH = 100;

function quoteName(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= QUOTE_NAME_LENGTH ? flat : `${chars.slice(0, QUOTE_NAME_LENGTH).join('')}…`;
}

/** Ids of the project → GUIDs: GUIDs stay (normalised), anything else gets a fresh one, consistently. */
class GuidMap {
  private readonly map = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly gen: GuidGenerator;

  /** `ids`: every id of the project, so that no fresh GUID can equal one of them. */
  constructor(gen: GuidGenerator, ids: readonly string[]) {
    this.gen = gen;
    for (const id of ids) {
      const guid = normaliseGuid(id);
      if (guid !== undefined) this.used.add(guid);
    }
  }

  get(id: string): string {
    let guid = this.map.get(id);
    if (guid === undefined) {
      guid = isGuid(id) ? (normaliseGuid(id) as string) : this.fresh();
      this.map.set(id, guid);
    }
    return guid;
  }

  fresh(): string {
    for (let tries = 0; tries < 100; tries++) {
      const guid = normaliseGuid(this.gen());
      if (guid === undefined) throw new RefiExportError(['the GUID generator returned something that is not a GUID']);
      if (!this.used.has(guid)) {
        this.used.add(guid);
        return guid;
      }
    }
    throw new RefiExportError(['the GUID generator keeps repeating itself']);
  }
}
