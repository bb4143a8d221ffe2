/**
 * Reads one `TextSource`: its text (inline or from the archive), its selections converted to
 * our offsets under the detected reading, and its codings, merged to one selection per range
 * and coder (NVivo writes one selection per coding).
 */
import { detectReading, type DetectableSelection, type Detection, type ReadingScore } from './detect';
import { assertNotBinary } from '../import/text-file';
import { decodeUnicode } from './encoding';
import { normaliseGuid } from './guid';
import { describeReading, placeRange, type Reading } from './positions';
import { childText, guidAttr, label, readStamps, readVariableValues, type NoteLink, type ProblemCollector } from './read-elements';
import type { RefiSelection, RefiSource, RefiUser, RefiVariable } from './types';
import { child, childrenNamed, type XmlElement } from './xml';

/** Looks up a file of the project by the path a source names (`internal://…`, `relative://…`). */
export type SourceFileLookup = (path: string) => Uint8Array | undefined;

/** How one source's positions were read, for the app to tell the user. */
export interface SourceReading {
  sourceGuid: string;
  sourceName: string;
  reading: Reading;
  basis: Detection['basis'];
  /** Whether the text holds emoji (`unit`) and CRLF (`crlf`), i.e. which choices mattered. */
  matters: Detection['matters'];
  /** Selections in the file (before merging) whose positions were usable. */
  selections: number;
  /** Of those, how many fit the chosen reading (quote or word boundaries). */
  fitted: number;
  scores: ReadingScore[];
}

export interface SourceContext {
  origin?: string;
  force?: Reading;
  codeGuids: ReadonlySet<string>;
  /** Known users; a coder missing from it is added as a placeholder (and warned about). */
  users: Map<string, RefiUser>;
  variables: ReadonlyMap<string, RefiVariable>;
  files: SourceFileLookup;
  problems: ProblemCollector;
  noteLinks: NoteLink[];
  /** File selection and coding guids → the guid of the selection they ended up in. */
  selectionIds: Map<string, string>;
}

interface Unit {
  /** The file's selection guid, or the coding guid for a coding of the whole source. */
  selectionGuid: string;
  /** Absent for a selection without codings. */
  codingGuid?: string;
  user?: string;
  codeGuid?: string;
}

interface FileSelection extends DetectableSelection {
  description?: string;
  units: Unit[];
}

/**
 * Reads `el`, or returns undefined (after recording why) when its text is unavailable.
 * Selections that cannot be placed, and codings of unknown codes, are recorded as
 * omittable errors and left out.
 */
export function readTextSource(el: XmlElement, ctx: SourceContext): { source: RefiSource; reading: SourceReading } | undefined {
  const { problems } = ctx;
  const guid = guidAttr(el, 'guid', `Text source ${label(el.attrs.name, undefined)}`, problems, true);
  if (!guid) return undefined;
  const name = el.attrs.name || `Source ${guid.slice(0, 8)}`;
  const where = `Source "${name}"`;

  const raw = sourceText(el, guid, name, ctx);
  if (raw === undefined) return undefined;

  const { fileSelections, wholeSource } = readSelections(el, name, ctx);
  const detection = detectReading(raw, fileSelections, { origin: ctx.origin, force: ctx.force });
  const text = detection.map.text;
  const score = detection.scores.find((s) => s.reading === detection.reading) as ReadingScore;
  const reading: SourceReading = {
    sourceGuid: guid,
    sourceName: name,
    reading: detection.reading,
    basis: detection.basis,
    matters: detection.matters,
    selections: fileSelections.length,
    fitted: score.fitted,
    scores: detection.scores,
  };
  if (fileSelections.length > 0) {
    const basis = detection.basis === 'score' ? 'best fit' : detection.basis === 'forced' ? 'as requested' : 'readings tie; preferred for this origin';
    problems.info(
      'reading-detected',
      `${where}: positions read as ${describeReading(detection.reading, detection.matters)} (${basis}); ${score.fitted} of ${fileSelections.length} selections fit it`,
      { guid, name },
    );
  }
  for (const s of detection.fitNone) {
    problems.warn('selection-fits-no-reading', `${where}: selection ${label(s.name, s.guid)} starts or ends inside a word under every reading; it is imported as read under ${describeReading(detection.reading)}`, s);
  }
  for (const s of detection.fitOtherOnly) {
    problems.warn('selection-fits-no-reading', `${where}: selection ${label(s.name, s.guid)} fits another reading than the one used (${describeReading(detection.reading)}); it is imported as read under the one used`, s);
  }

  // Place every selection, then group the codings by range and coder.
  const placed: { fs: FileSelection; start: number; end: number }[] = [];
  for (const fs of fileSelections) {
    const p = placeRange(detection.map, fs.start, fs.end);
    if (p.ok) {
      placed.push({ fs, start: p.start, end: p.end });
      continue;
    }
    const why =
      p.why === 'reversed'
        ? 'ends before it starts'
        : p.why === 'outside'
          ? `falls outside its text (${detection.map.length} characters as ${describeReading(detection.reading)})`
          : `splits a character under ${describeReading(detection.reading)}`;
    problems.error('selection-outside-text', `${where}: selection ${label(fs.name, fs.guid)} (positions ${fs.start}–${fs.end}) ${why}`, { guid: fs.guid, name: fs.name }, true);
  }
  for (const fs of wholeSource) placed.push({ fs, start: 0, end: text.length });

  const groups = new Map<string, RefiSelection>();
  const assigned = new Set<string>(); // file guids that are a selection's guid or in its mergedGuids
  for (const { fs, start, end } of placed) {
    for (const unit of fs.units) {
      const user = resolveUser(unit.user, ctx);
      const key = `${start}:${end}:${user ?? ''}`;
      let sel = groups.get(key);
      if (!sel) {
        // A file selection coded by two users becomes two selections; the second is
        // named by its first coding's guid.
        const own = !assigned.has(fs.guid) ? fs.guid : unit.codingGuid;
        if (!own || assigned.has(own)) {
          problems.error('duplicate-guid', `${where}: a coding of selection ${label(fs.name, fs.guid)} has no guid of its own to stand for it`, { guid: fs.guid }, true);
          continue;
        }
        sel = { guid: own, start, end, codeGuids: [] };
        if (fs.name) sel.name = fs.name;
        if (fs.description) sel.description = fs.description;
        if (user) sel.creatingUserGuid = user;
        groups.set(key, sel);
        assigned.add(own);
      } else if (!assigned.has(fs.guid)) {
        (sel.mergedGuids ??= []).push(fs.guid);
        assigned.add(fs.guid);
        if (!sel.name && fs.name) sel.name = fs.name;
        if (fs.description && sel.description !== fs.description) {
          sel.description = sel.description ? `${sel.description}\n\n${fs.description}` : fs.description;
        }
      }
      if (!ctx.selectionIds.has(fs.guid)) ctx.selectionIds.set(fs.guid, sel.guid);
      if (unit.codingGuid) ctx.selectionIds.set(unit.codingGuid, sel.guid);
      if (unit.codeGuid && !sel.codeGuids.includes(unit.codeGuid)) sel.codeGuids.push(unit.codeGuid);
    }
  }
  const selections = [...groups.values()];
  const codings = fileSelections.reduce((n, s) => n + s.units.filter((u) => u.codeGuid).length, 0);
  if (selections.some((x) => x.mergedGuids)) {
    problems.info('selections-merged', `${where}: ${fileSelections.length} selections (${codings} codings) became ${selections.length}, one per range and coder`, { guid, name });
  }

  for (const ref of childrenNamed(el, 'NoteRef')) {
    const noteGuid = normaliseGuid(ref.attrs.targetGUID);
    if (noteGuid) ctx.noteLinks.push({ noteGuid, targetGuid: guid });
  }
  const source: RefiSource = { guid, name, text, variableValues: readVariableValues(el, where, ctx.variables, problems), selections, ...readStamps(el) };
  const description = childText(el, 'Description');
  if (description !== undefined) source.description = description;
  return { source, reading };
}

/** The stored text (BOM dropped, CRLF kept), or undefined after recording why there is none. */
function sourceText(el: XmlElement, guid: string, name: string, ctx: SourceContext): string | undefined {
  const inline = child(el, 'PlainTextContent');
  if (inline) return inline.text;
  const path = el.attrs.plainTextPath;
  if (path === undefined) {
    ctx.problems.error('missing-source-file', `Source "${name}" has neither PlainTextContent nor plainTextPath`, { guid, name }, true);
    return undefined;
  }
  const bytes = ctx.files(path);
  if (bytes === undefined) {
    ctx.problems.error('missing-source-file', `Source "${name}": its text file ${path.slice(0, 200)} is not in the project`, { guid, name }, true);
    return undefined;
  }
  // Text, or the whole project is refused (not omittable: leaving a source out because its
  // file is not text would import half of what the user meant). Invalid bytes fail the strict
  // decoding; UTF-16 without a BOM decodes as "UTF-8" full of NULs and control characters,
  // which the transcript importer's own check (assertNotBinary) catches. Carriage returns are
  // left out of that check only: REFI-QDA text keeps its CRLF, and short lines would count.
  const file = path.slice(0, 200);
  try {
    const text = decodeUnicode(bytes).text;
    assertNotBinary(text.replace(/\r/g, ''), file);
    return text;
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(`${file}: `, '').replace(`${file}, `, '') : String(e);
    ctx.problems.error('source-encoding', `Source "${name}": its text file ${file} is not UTF-8 text — ${why}`, { guid, name, file });
    return undefined;
  }
}

const INTEGER = /^\s*[+-]?\d{1,15}\s*$/;

function readSelections(el: XmlElement, sourceName: string, ctx: SourceContext): { fileSelections: FileSelection[]; wholeSource: FileSelection[] } {
  const { problems } = ctx;
  const where = `Source "${sourceName}"`;
  const out: FileSelection[] = [];
  const seen = new Set<string>();
  for (const s of childrenNamed(el, 'PlainTextSelection')) {
    const name = s.attrs.name || undefined;
    const guid = guidAttr(s, 'guid', `${where}: selection ${label(name, undefined)}`, problems, true);
    if (!guid) continue;
    if (seen.has(guid)) {
      problems.error('duplicate-guid', `${where}: selection ${label(name, guid)} repeats the guid of another selection`, { guid, name });
      continue;
    }
    seen.add(guid);
    const a = s.attrs.startPosition ?? '';
    const b = s.attrs.endPosition ?? '';
    if (!INTEGER.test(a) || !INTEGER.test(b)) {
      problems.error('selection-outside-text', `${where}: selection ${label(name, guid)} has positions "${a.slice(0, 20)}"–"${b.slice(0, 20)}", which are not whole numbers`, { guid, name }, true);
      continue;
    }
    const user = guidAttr(s, 'creatingUser', `${where}: selection ${label(name, guid)}`, problems, false);
    const units: Unit[] = [];
    for (const c of childrenNamed(s, 'Coding')) {
      const unit = readCoding(c, guid, user, `${where}: selection ${label(name, guid)}`, ctx);
      if (unit) units.push(unit);
    }
    const codingCount = childrenNamed(s, 'Coding').length;
    if (codingCount === 0) units.push({ selectionGuid: guid, user });
    else if (units.length === 0) continue; // every coding was bad and has been reported
    for (const ref of childrenNamed(s, 'NoteRef')) {
      const noteGuid = normaliseGuid(ref.attrs.targetGUID);
      if (noteGuid) ctx.noteLinks.push({ noteGuid, targetGuid: guid });
    }
    const fs: FileSelection = { guid, start: Number(a), end: Number(b), units };
    if (name) fs.name = name;
    const description = childText(s, 'Description');
    if (description !== undefined) fs.description = description;
    out.push(fs);
  }
  // Codings of the whole source (TextSource > Coding) become a selection over all of it,
  // named by the coding's guid; they take no part in detecting the reading.
  const wholeSource: FileSelection[] = [];
  for (const c of childrenNamed(el, 'Coding')) {
    const unit = readCoding(c, undefined, undefined, `${where}: a coding of the whole source`, ctx);
    if (unit?.codingGuid) wholeSource.push({ guid: unit.codingGuid, start: 0, end: 0, units: [{ ...unit, selectionGuid: unit.codingGuid }] });
  }
  return { fileSelections: out, wholeSource };
}

function readCoding(c: XmlElement, selectionGuid: string | undefined, selectionUser: string | undefined, where: string, ctx: SourceContext): Unit | undefined {
  const codingGuid = guidAttr(c, 'guid', `${where}: a coding`, ctx.problems, true);
  if (!codingGuid) return undefined;
  const user = guidAttr(c, 'creatingUser', `${where}: a coding`, ctx.problems, false) ?? selectionUser;
  const ref = child(c, 'CodeRef');
  const codeGuid = ref ? normaliseGuid(ref.attrs.targetGUID) : undefined;
  if (!codeGuid || !ctx.codeGuids.has(codeGuid)) {
    const what = ref ? `the code ${ref.attrs.targetGUID ?? '(no targetGUID)'}` : 'no CodeRef';
    ctx.problems.error('unknown-code', `${where} refers to ${what}, which is not in the codebook`, { guid: selectionGuid ?? codingGuid }, true);
    return undefined;
  }
  for (const note of childrenNamed(c, 'NoteRef')) {
    const noteGuid = normaliseGuid(note.attrs.targetGUID);
    if (noteGuid) ctx.noteLinks.push({ noteGuid, targetGuid: codingGuid });
  }
  const unit: Unit = { selectionGuid: selectionGuid ?? codingGuid, codeGuid, codingGuid };
  if (user) unit.user = user;
  return unit;
}

function resolveUser(user: string | undefined, ctx: SourceContext): string | undefined {
  if (user === undefined) return undefined;
  if (!ctx.users.has(user)) {
    ctx.users.set(user, { guid: user, name: `Unknown user ${user.slice(0, 8)}` });
    ctx.problems.warn('unknown-user', `Codings by user {${user}}, who is not in the project's user list, are kept under a placeholder user`, { guid: user });
  }
  return user;
}
