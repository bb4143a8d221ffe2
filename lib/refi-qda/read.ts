/**
 * Import of REFI-QDA projects (.qdpx, or a bare .qde) and codebooks (.qdc) into plain data.
 *
 * The result is all or nothing: a file that cannot be read faithfully throws a
 * RefiImportError listing every problem, never a partial project. The one exception is
 * chosen by the caller: with `onUnplaceable: 'omit'`, missing source files, selections that
 * no reading places and codings of unknown codes are left out and listed as warnings (for
 * taking just the codebook and what fits from a damaged export). Hostile containers and
 * XML (not a zip, zip bombs, DOCTYPEs) always throw.
 */
import { declaredXmlEncoding, decodeUnicode } from './encoding';
import { normaliseGuid } from './guid';
import { EXTENSION_FILE, parseExtension } from './extension';
import { RefiImportError, fatal, type Problem } from './problems';
import type { Reading } from './positions';
import { ProblemCollector, childText, guidAttr, label, readCodes, readStamps, readUsers, readVariableValues, readVariables, type NoteLink } from './read-elements';
import { readTextSource, type SourceFileLookup, type SourceReading } from './read-sources';
import { flattenCodes, type RefiCase, type RefiCodebook, type RefiNote, type RefiProject, type RefiSet, type RefiSource, type RefiUser, type RefiVariable } from './types';
import { child, childrenNamed, parseXml, type XmlElement } from './xml';
import { DEFAULT_ZIP_LIMITS, ZipArchive, looksLikeZip, type ZipEntry, type ZipLimits } from './zip';

export type { SourceReading } from './read-sources';

export interface ReadOptions {
  /**
   * What to do with what cannot be placed: a source whose text file is missing or unreadable,
   * a selection outside its text (or with unusable positions), a coding of a code not in the
   * codebook. `reject` (default): throw, naming each. `omit`: leave each out, listed as a
   * warning in `problems`.
   */
  onUnplaceable?: 'reject' | 'omit';
  /** Read every source's positions under this reading instead of detecting one. */
  reading?: Reading;
  /** Size limits for the zip (defaults: DEFAULT_ZIP_LIMITS). */
  limits?: Partial<ZipLimits>;
}

export interface ReadResult {
  project: RefiProject;
  /** Warnings and notes about the import (errors only when `onUnplaceable: 'omit'` left things out, as warnings). */
  problems: Problem[];
  /** How each text source's positions were read. */
  readings: SourceReading[];
}

/**
 * Reads a .qdpx archive: a zip with `project.qde` (or a single `*.qde` of any name) at its
 * root and the source files under `sources/` (either case).
 */
export function readQdpx(bytes: Uint8Array, opts: ReadOptions = {}): ReadResult {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...opts.limits };
  const archive = ZipArchive.open(bytes, limits);
  const entry = projectEntry(archive.entries);
  const root = parseProjectXml(archive.read(entry), entry.name);

  const byName = new Map<string, ZipEntry>();
  for (const e of archive.entries) {
    if (!e.name.endsWith('/')) byName.set(e.name.toLowerCase(), e);
  }
  const files: SourceFileLookup = (path) => {
    const m = /^internal:\/\/(.+)$/i.exec(path.trim());
    if (!m) return undefined;
    const e = byName.get(`sources/${m[1]}`.toLowerCase());
    return e ? archive.read(e) : undefined;
  };
  const result = buildProject(root, files, opts);
  const extEntry = archive.entries.find((e) => e.name.toLowerCase() === EXTENSION_FILE);
  if (extEntry) {
    const { extension, problems } = parseExtension(new TextDecoder('utf-8', { fatal: false }).decode(archive.read(extEntry)));
    if (extension) result.project.extension = extension;
    result.problems.push(...problems);
  }
  return result;
}

/**
 * Reads a bare project.qde. Its source files, if any, come from `files` (given the path the
 * source names, e.g. `internal://<guid>.txt`); with none, only inline text is available.
 */
export function readQde(bytes: Uint8Array, opts: ReadOptions & { files?: SourceFileLookup } = {}): ReadResult {
  const root = parseProjectXml(bytes, 'The project file');
  return buildProject(root, opts.files ?? (() => undefined), opts);
}

/** Reads either a .qdpx (by its zip signature) or a bare .qde. */
export function readProjectFile(bytes: Uint8Array, opts: ReadOptions = {}): ReadResult {
  return looksLikeZip(bytes) ? readQdpx(bytes, opts) : readQde(bytes, opts);
}

/**
 * Reads a codebook exchange file (.qdc): a `CodeBook` root (namespace
 * urn:QDA-XML:codebook:1.0) holding `Codes`. A project file's codebook is accepted too.
 */
export function readQdc(bytes: Uint8Array): { codebook: RefiCodebook; problems: Problem[] } {
  const root = parseXml(decodeXml(bytes, 'The codebook file'), 'The codebook file');
  const problems = new ProblemCollector();
  let book: XmlElement | undefined;
  if (root.name === 'CodeBook') book = root;
  else if (root.name === 'Project') book = child(root, 'CodeBook');
  if (!book) throw new RefiImportError([fatal('not-a-project', `The codebook file's root element is <${root.name}>, not <CodeBook>`)]);
  const codes = readCodes(child(book, 'Codes'), problems);
  const errors = problems.items.filter((i) => i.problem.severity === 'error').map((i) => i.problem);
  if (errors.length > 0) throw new RefiImportError(errors, 'Codebook import failed');
  const codebook: RefiCodebook = { codes };
  const origin = root.attrs.origin;
  if (origin) codebook.origin = origin;
  return { codebook, problems: problems.items.map((i) => i.problem) };
}

function projectEntry(entries: readonly ZipEntry[]): ZipEntry {
  const atRoot = entries.filter((e) => !e.name.includes('/') && /\.qde$/i.test(e.name));
  const named = atRoot.find((e) => e.name.toLowerCase() === 'project.qde');
  if (named) return named;
  if (atRoot.length === 1) return atRoot[0];
  throw new RefiImportError([
    fatal(
      'no-project-file',
      atRoot.length === 0
        ? 'The archive holds no project.qde (nor any .qde file) at its root'
        : `The archive holds several .qde files at its root (${atRoot.map((e) => e.name).join(', ')}) and none is project.qde`,
    ),
  ]);
}

function decodeXml(bytes: Uint8Array, what: string): string {
  try {
    return decodeUnicode(bytes, declaredXmlEncoding(bytes)).text;
  } catch (e) {
    throw new RefiImportError([fatal('xml-encoding', `${what} cannot be decoded: ${e instanceof Error ? e.message : String(e)}`)]);
  }
}

function parseProjectXml(bytes: Uint8Array, what: string): XmlElement {
  const root = parseXml(decodeXml(bytes, what), what);
  if (root.name !== 'Project') {
    throw new RefiImportError([fatal('not-a-project', `${what}'s root element is <${root.name}>, not <Project>`)]);
  }
  return root;
}

const NON_TEXT_SOURCES = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'];

function buildProject(root: XmlElement, files: SourceFileLookup, opts: ReadOptions): ReadResult {
  const problems = new ProblemCollector();
  const noteLinks: NoteLink[] = [];
  const origin = root.attrs.origin || undefined;

  const userList = readUsers(root, problems);
  const users = new Map<string, RefiUser>(userList.map((u) => [u.guid, u]));
  const codeBook = child(root, 'CodeBook');
  const codes = readCodes(codeBook ? child(codeBook, 'Codes') : undefined, problems, noteLinks);
  const variables = readVariables(root, problems);
  const variableByGuid = new Map(variables.map((v) => [v.guid, v]));
  const selectionIds = new Map<string, string>();

  const codeGuids = new Set(flattenCodes(codes).map((c) => c.guid));
  const sources: RefiSource[] = [];
  const readings: SourceReading[] = [];
  const skipped: string[] = [];
  const sourceGuids = new Set<string>();
  const sourcesEl = child(root, 'Sources');
  for (const el of sourcesEl ? sourcesEl.children : []) {
    if (NON_TEXT_SOURCES.includes(el.name)) {
      skipped.push(`${label(el.attrs.name, el.attrs.guid)} (${el.name.replace('Source', '').toLowerCase()})`);
      continue;
    }
    if (el.name !== 'TextSource') continue;
    const read = readTextSource(el, {
      origin,
      force: opts.reading,
      codeGuids,
      users,
      variables: variableByGuid,
      files,
      problems,
      noteLinks,
      selectionIds,
    });
    if (!read) continue;
    if (sourceGuids.has(read.source.guid)) {
      problems.error('duplicate-guid', `Source "${read.source.name}": its guid {${read.source.guid}} is used by another source`, { guid: read.source.guid });
      continue;
    }
    sourceGuids.add(read.source.guid);
    sources.push(read.source);
    readings.push(read.reading);
  }
  if (skipped.length > 0) {
    problems.info('non-text-source-skipped', `${skipped.length} non-text source(s) are not imported, with their codings: ${skipped.join(', ')}`);
  }

  const notes = readNotes(root, files, problems);
  const noteGuids = new Set(notes.map((n) => n.guid));
  const cases = readCases(root, variableByGuid, sourceGuids, selectionIds, problems);

  // Attach notes: NoteRefs collected on the way, the project's own, and Links from a note.
  for (const ref of childrenNamed(root, 'NoteRef')) {
    const g = normaliseGuid(ref.attrs.targetGUID);
    const n = g ? notes.find((x) => x.guid === g) : undefined;
    if (n) n.onProject = true;
  }
  const links = child(root, 'Links');
  const otherLinks: string[] = [];
  for (const link of links ? childrenNamed(links, 'Link') : []) {
    const from = normaliseGuid(link.attrs.originGUID);
    const to = normaliseGuid(link.attrs.targetGUID);
    if (from && to && noteGuids.has(from)) noteLinks.push({ noteGuid: from, targetGuid: to });
    else otherLinks.push(link.attrs.name?.trim() || `{${link.attrs.guid ?? '?'}}`);
  }
  if (otherLinks.length > 0) {
    problems.warn('not-imported', `${otherLinks.length} link(s) between items are not imported (only links from notes are): ${otherLinks.slice(0, 50).join(', ')}${otherLinks.length > 50 ? ', …' : ''}`, { name: otherLinks.join('\n') });
  }
  const graphs = child(root, 'Graphs');
  const graphNames = graphs ? childrenNamed(graphs, 'Graph').map((el) => el.attrs.name?.trim() || `{${el.attrs.guid ?? '?'}}`) : [];
  if (graphNames.length > 0) {
    problems.warn('not-imported', `${graphNames.length} graph(s) (network views) are not imported: ${graphNames.slice(0, 50).join(', ')}${graphNames.length > 50 ? ', …' : ''}`, { name: graphNames.join('\n') });
  }
  const sets = readSets(root, codeGuids, sourceGuids, problems);
  const targets = new Set<string>([
    ...codeGuids,
    ...sourceGuids,
    ...sources.flatMap((s) => s.selections.map((x) => x.guid)),
    ...cases.map((c) => c.guid),
    ...noteGuids,
  ]);
  const noteByGuid = new Map(notes.map((n) => [n.guid, n]));
  let unattached = 0;
  for (const { noteGuid, targetGuid } of noteLinks) {
    const note = noteByGuid.get(noteGuid);
    const target = selectionIds.get(targetGuid) ?? targetGuid;
    if (!note || !targets.has(target)) {
      unattached++;
      continue;
    }
    if (!note.targetGuids.includes(target)) note.targetGuids.push(target);
  }
  if (unattached > 0) {
    problems.info('unknown-reference', `${unattached} note reference(s) point to notes or items that are not imported; they are left out`);
  }

  for (const n of notes) {
    if (n.creatingUserGuid !== undefined && !users.has(n.creatingUserGuid)) {
      problems.warn('unknown-user', `Note ${label(n.name, n.guid)} names user {${n.creatingUserGuid}}, who is not in the project's user list; it is imported as written by the importer`, { guid: n.creatingUserGuid });
      delete n.creatingUserGuid;
    }
  }

  const project: RefiProject = {
    name: root.attrs.name || 'Untitled project',
    users: [...users.values()],
    codes,
    variables,
    cases,
    sources,
    notes,
  };
  if (sets.length > 0) project.sets = sets;
  if (origin) project.origin = origin;
  Object.assign(project, readStamps(root));
  const description = childText(root, 'Description');
  if (description !== undefined) project.description = description;

  const omit = opts.onUnplaceable === 'omit';
  const fatalOnes = problems.items.filter((i) => i.problem.severity === 'error' && !(omit && i.omittable));
  if (fatalOnes.length > 0) throw new RefiImportError(problems.items.filter((i) => i.problem.severity === 'error').map((i) => i.problem));
  const reported = problems.items.map((i) =>
    i.problem.severity === 'error' ? { ...i.problem, severity: 'warning' as const, message: `Left out: ${i.problem.message}` } : i.problem,
  );
  return { project, problems: reported, readings };
}

/** `<Sets>`: their code and source members; notes as members, and unknown members, are left out and counted. */
function readSets(root: XmlElement, codeGuids: ReadonlySet<string>, sourceGuids: ReadonlySet<string>, problems: ProblemCollector): RefiSet[] {
  const list = child(root, 'Sets');
  const out: RefiSet[] = [];
  let dropped = 0;
  for (const el of list ? childrenNamed(list, 'Set') : []) {
    const name = el.attrs.name ?? '';
    const guid = guidAttr(el, 'guid', `Set ${label(name, undefined)}`, problems, false);
    const members = (kind: string, known: ReadonlySet<string>) => {
      const found: string[] = [];
      for (const ref of childrenNamed(el, kind)) {
        const g = normaliseGuid(ref.attrs.targetGUID);
        if (g && known.has(g)) {
          if (!found.includes(g)) found.push(g);
        } else dropped++;
      }
      return found;
    };
    const set: RefiSet = { guid: guid ?? newGuidLike(out.length), name: name.trim() || `Set ${out.length + 1}`, codeGuids: members('MemberCode', codeGuids), sourceGuids: members('MemberSource', sourceGuids) };
    dropped += childrenNamed(el, 'MemberNote').length;
    const description = childText(el, 'Description');
    if (description) set.description = description;
    out.push(set);
  }
  if (dropped > 0) problems.info('unknown-reference', `${dropped} set member(s) are notes or items that are not imported; they are left out of their sets`);
  return out;
}

/** A stand-in id for a set whose guid is missing or malformed (sets are referenced by nothing). */
function newGuidLike(i: number): string {
  return `set-${i + 1}`;
}

function readNotes(root: XmlElement, files: SourceFileLookup, problems: ProblemCollector): RefiNote[] {
  const out: RefiNote[] = [];
  const list = child(root, 'Notes');
  let undated = 0;
  for (const el of list ? childrenNamed(list, 'Note') : []) {
    const name = el.attrs.name || undefined;
    const guid = guidAttr(el, 'guid', `Note ${label(name, undefined)}`, problems, true);
    if (!guid) continue;
    let text = child(el, 'PlainTextContent')?.text;
    if (text === undefined && el.attrs.plainTextPath !== undefined) {
      const bytes = files(el.attrs.plainTextPath);
      try {
        text = bytes ? decodeUnicode(bytes).text : undefined;
      } catch {
        text = undefined;
      }
      if (text === undefined) problems.warn('missing-source-file', `Note ${label(name, guid)}: its text file ${el.attrs.plainTextPath.slice(0, 200)} is missing or unreadable; the note is imported without text`, { guid, name });
    }
    const note: RefiNote = { guid, text: (text ?? '').replace(/\r\n?/g, '\n'), targetGuids: [] };
    if (name) note.name = name;
    const description = childText(el, 'Description');
    if (description !== undefined) note.description = description;
    const user = guidAttr(el, 'creatingUser', `Note ${label(name, guid)}`, problems, false);
    if (user) note.creatingUserGuid = user;
    Object.assign(note, readStamps(el));
    if (!note.createdAt && !note.modifiedAt) undated++;
    out.push(note);
  }
  if (undated > 0) {
    problems.warn('undated-note', `${undated} note(s) have no creationDateTime or modifiedDateTime: they are imported dated now (some tools, QualCoder among them, cannot read such notes)`);
  }
  return out;
}

function readCases(
  root: XmlElement,
  variables: ReadonlyMap<string, RefiVariable>,
  sourceGuids: ReadonlySet<string>,
  selectionIds: ReadonlyMap<string, string>,
  problems: ProblemCollector,
): RefiCase[] {
  const out: RefiCase[] = [];
  const list = child(root, 'Cases');
  let dangling = 0;
  for (const el of list ? childrenNamed(list, 'Case') : []) {
    const name = el.attrs.name || undefined;
    const guid = guidAttr(el, 'guid', `Case ${label(name, undefined)}`, problems, true);
    if (!guid) continue;
    const c: RefiCase = {
      guid,
      name: name ?? `Case ${guid.slice(0, 8)}`,
      variableValues: readVariableValues(el, `Case ${label(name, guid)}`, variables, problems),
      sourceGuids: [],
      selectionGuids: [],
    };
    const description = childText(el, 'Description');
    if (description !== undefined) c.description = description;
    for (const ref of childrenNamed(el, 'SourceRef')) {
      const g = normaliseGuid(ref.attrs.targetGUID);
      if (g && sourceGuids.has(g)) {
        if (!c.sourceGuids.includes(g)) c.sourceGuids.push(g);
      } else dangling++;
    }
    for (const ref of childrenNamed(el, 'SelectionRef')) {
      const g = normaliseGuid(ref.attrs.targetGUID);
      const ours = g ? selectionIds.get(g) : undefined;
      if (ours) {
        if (!c.selectionGuids.includes(ours)) c.selectionGuids.push(ours);
      } else dangling++;
    }
    out.push(c);
  }
  if (dangling > 0) problems.info('unknown-reference', `${dangling} case link(s) to sources or selections that are not imported are left out`);
  return out;
}
