/**
 * A REFI-QDA project (as lib/refi-qda reads it) imported into a NEW project, in one
 * transaction: either all of it is written or nothing.
 *
 * - The importing user becomes the project's lead.
 * - Each REFI user becomes a coder of the project, so every coder's layer survives: the
 *   account the caller's mapping names, else the account whose email our extension
 *   (fgcoder.json) identifies (by a key of the email, never the email itself), else a disabled placeholder account `<guid>@import.invalid`
 *   (reused when the same user was imported before). A user named "Consensus" stands for the
 *   consensus layer. Selections with no user go to the importer's own layer.
 * - From the extension, when the file has one: attribute types, category values in their
 *   order and number bins; code shortcuts; assignments with their status (without it, each
 *   coder is assigned, as done, the documents they coded).
 * - Each text source becomes a document with one turn per line of its text, so the
 *   canonical text equals the source text and offsets carry over unchanged. Speakers are
 *   unknown, unless the description holds our own speaker block (see speaker-lines.ts).
 * - Cases become participants (of their one source's group, if they have exactly one), with
 *   their variable values; variables become document or participant attributes by where
 *   they are used.
 * - Every code of a selection becomes a coding; notes become memos (a note on a selection is
 *   the memo of its codings).
 */
import type { ImportNote } from '@/lib/refi-qda/problems';
import { createSet } from './item-sets';
import type { Db, Tx } from '../client';
import { dbReady, transaction } from '../transaction';
import {
  assignments,
  attributeDefinitions,
  codes,
  codings,
  documentAttributeValues,
  documents,
  members,
  memos,
  participantAttributeValues,
  participants,
  projects,
  turns,
  users,
} from '../schema';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { ATTRIBUTE_SCOPES, ATTRIBUTE_TYPES, type AttributeBin } from '@/lib/attributes/types';
import { ASSIGNMENT_STATUSES } from '@/lib/access/assignments';
import { cleanShortcut, foldName } from '@/lib/codebook/rules';
import { unpackDefinition } from '@/lib/export/codebook';
import { attributeTypeFor, valueText, type AttributeType } from '@/lib/export/refi-variables';
import { parseSpeakerLines, type LineSpeaker } from '@/lib/export/speaker-lines';
import { emailKey, type RefiCode, type RefiExtensionVariable, type RefiProject, type RefiVariable } from '@/lib/refi-qda';
import { countWords } from '@/lib/text/canonical';
import { recordAudit } from './audit';
import { NAME_MAX } from '@/lib/codebook/rules';
import { CONSENSUS_USER_NAME } from './refi-export';

const BATCH = 400;
const DEFAULT_COLOR = '#888888';

export interface RefiImportReport {
  projectId: number;
  documents: number;
  participants: number;
  codes: number;
  codings: number;
  memos: number;
  coders: number;
  /** Notes on what was changed or left out on the way in. */
  notes: ImportNote[];
}

function inBatches<T>(rows: readonly T[], insert: (batch: T[]) => void): void {
  for (let i = 0; i < rows.length; i += BATCH) insert(rows.slice(i, i + BATCH));
}

/** `name`, or `name (2)`, `name (3)`… so that it is not in `taken` (compared ignoring case); adds it. */
function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function clean(s: string | undefined, fallback: string, max = NAME_MAX): string {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return (t || fallback).slice(0, max);
}

/**
 * Imports `refi` as a new project led by `importerId`. Returns what was imported. Throws
 * (writing nothing) if the database refuses anything.
 */
export async function importRefiProject(db: Db, refi: RefiProject, importerId: number, options: ImportOptions = {}): Promise<RefiImportReport> {
  return await transaction(db, (tx) => importInto(tx, refi, importerId, options));
}

/** For each coder of the file (by its guid): an existing account's id, or a new placeholder account. */
export type CoderMap = Record<string, number | 'placeholder'>;

export interface ImportOptions {
  name?: string;
  coders?: CoderMap;
}

/** A coder named in the file: whether the file identifies their account (our extension's email key), and the account here with that email, if any. */
export interface FileCoder {
  guid: string;
  name: string;
  /** The file carries a key of their email (our own exports do). */
  byEmail: boolean;
  /** The account here with that email. */
  account?: { id: number; name: string; email: string };
}

const isConsensus = (name: string) => name.trim().toLowerCase() === CONSENSUS_USER_NAME.toLowerCase();

/** The file's coders (not the consensus user), each with the account its email key matches. */
export function fileCoders(db: Db | Tx, refi: RefiProject): FileCoder[] {
  const keys = new Map((refi.extension?.users ?? []).map((u) => [u.guid, u.emailKey]));
  const coders = refi.users.filter((u) => !isConsensus(u.name));
  let byKey = new Map<string, { id: number; name: string; email: string }>();
  if (coders.some((u) => keys.has(u.guid))) {
    byKey = new Map(
      db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .orderBy(asc(users.id))
        .all()
        .reverse()
        .map((a) => [emailKey(a.email), a]),
    );
  }
  return coders.map((u) => {
    const key = keys.get(u.guid);
    const account = key ? byKey.get(key) : undefined;
    return { guid: u.guid, name: u.name, byEmail: key !== undefined, ...(account ? { account } : {}) };
  });
}

/**
 * The accounts an importer may map a file's coders to: themselves and the active members of
 * the projects they belong to (people they already work with; the instance's other accounts
 * stay hidden).
 */
export async function mappingCandidates(db: Db, importerId: number): Promise<{ id: number; name: string; email: string }[]> {
  await dbReady(db);
  const mine = db.select({ projectId: members.projectId }).from(members).where(eq(members.userId, importerId));
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .leftJoin(members, eq(members.userId, users.id))
    .where(and(eq(users.disabled, false), or(eq(users.id, importerId), inArray(members.projectId, mine))))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

/** What every step of an import shares. */
interface Step {
  tx: Tx;
  projectId: number;
  importerId: number;
  notes: ImportNote[];
}

type Layer = { layer: 'coder' | 'consensus'; coderId: number };

async function importInto(tx: Tx, refi: RefiProject, importerId: number, options: ImportOptions): Promise<RefiImportReport> {
  const project = tx
    .insert(projects)
    .values({
      name: clean(options.name ?? refi.name, 'Imported project', 300),
      description: refi.description ?? (refi.origin ? `Imported from ${refi.origin}` : 'Imported from a REFI-QDA project'),
    })
    .returning({ id: projects.id })
    .get();
  const step: Step = { tx, projectId: project.id, importerId, notes: [] };
  tx.insert(members).values({ projectId: project.id, userId: importerId, role: 'lead' }).run();

  const team = importUsers(step, refi, options.coders ?? {});
  const codeIds = importCodes(step, refi.codes, new Map((refi.extension?.codes ?? []).map((c) => [c.guid, c.shortcut])));
  const attributeIds = importAttributes(step, refi);
  const docs = importDocuments(step, refi, attributeIds);
  const people = importParticipants(step, refi, docs, attributeIds);
  importTurns(step, refi, docs, people);
  const coded = collectCodings(step, refi, docs, codeIds, team);
  const memoRows = notesToMemos(step, refi, coded, codeIds, docs, team);
  await importSets(step, refi, codeIds, docs.ids);

  inBatches(coded.rows, (b) => tx.insert(codings).values(b).run());
  inBatches(memoRows, (b) => tx.insert(memos).values(b).run());
  const assignmentRows = refi.extension ? extensionAssignments(step, refi, docs, team) : [...coded.assigned].map((k) => {
    const [documentId, coderId] = k.split(':').map(Number);
    return { projectId: project.id, documentId, coderId, status: 'done' as const };
  });
  inBatches(assignmentRows, (b) => tx.insert(assignments).values(b).run());

  const report: RefiImportReport = {
    projectId: project.id,
    documents: refi.sources.length,
    participants: people.count(),
    codes: codeIds.size,
    codings: coded.rows.length,
    memos: memoRows.length + coded.rows.filter((c) => c.memo).length,
    coders: team.coders,
    notes: step.notes,
  };
  await recordAudit(tx, {
    projectId: project.id,
    userId: importerId,
    action: 'project.import',
    entityType: 'project',
    entityId: project.id,
    after: { origin: refi.origin ?? null, documents: report.documents, codes: report.codes, codings: report.codings, participants: report.participants },
  });
  return report;
}

/**
 * `<Sets>` as code sets and document sets: a set with both codes and sources becomes one of
 * each, under the same name. Names are made unique per kind; empty sets are kept (a group the
 * user made on purpose).
 */
async function importSets({ tx, projectId, notes }: Step, refi: RefiProject, codeIds: Map<string, number>, docIds: Map<string, number>): Promise<void> {
  const taken = { code: new Set<string>(), document: new Set<string>() };
  let made = 0;
  for (const set of refi.sets ?? []) {
    const codesIn = set.codeGuids.map((g) => codeIds.get(g)).filter((id): id is number => id !== undefined);
    const docsIn = set.sourceGuids.map((g) => docIds.get(g)).filter((id): id is number => id !== undefined);
    const kinds: Array<['code' | 'document', number[]]> = [];
    if (codesIn.length || !docsIn.length) kinds.push(['code', codesIn]);
    if (docsIn.length) kinds.push(['document', docsIn]);
    for (const [kind, memberIds] of kinds) {
      await createSet(tx, { projectId, kind, name: unique(clean(set.name, 'Set'), taken[kind]), description: set.description ?? '', memberIds });
      made++;
    }
  }
  if (made > 0) notes.push({ key: 'sets', vars: { n: made }, message: `${made} set(s) of codes or documents imported from the file's groups` });
}

/**
 * Each REFI user as a coder of the project: the account `mapping` names, else the account
 * its email (from the extension) matches, else a disabled placeholder account (reused when
 * imported before); "Consensus" is the consensus layer. Returns whose layer a selection is in.
 */
function importUsers({ tx, projectId, importerId }: Step, refi: RefiProject, mapping: CoderMap) {
  const byGuid = new Map<string, Layer>();
  const matched = new Map(fileCoders(tx, refi).map((c) => [c.guid, c.account?.id]));
  const added = new Set<number>();
  for (const u of refi.users) {
    if (isConsensus(u.name)) {
      byGuid.set(u.guid, { layer: 'consensus', coderId: importerId });
      continue;
    }
    const chosen = mapping[u.guid];
    const account = typeof chosen === 'number' ? chosen : chosen === 'placeholder' ? undefined : matched.get(u.guid);
    const id = account ?? placeholderAccount(tx, u.guid, u.name);
    if (id !== importerId && !added.has(id)) {
      tx.insert(members).values({ projectId, userId: id, role: 'coder' }).onConflictDoNothing().run();
      added.add(id);
    }
    byGuid.set(u.guid, { layer: 'coder', coderId: id });
  }
  const coders = added.size;
  return {
    coders,
    /** The layer of a selection by its user; no (or an unknown) user: the importer's own layer. */
    layerOf: (userGuid: string | undefined): Layer => (userGuid && byGuid.get(userGuid)) || { layer: 'coder', coderId: importerId },
    /** The layer of a user of the file, if it is one. */
    layerOfKnown: (userGuid: string): Layer | undefined => byGuid.get(userGuid),
    /** Who wrote a note: its user's account, else the importer. */
    authorOf: (userGuid: string | undefined): number => (userGuid && byGuid.get(userGuid)?.coderId) || importerId,
  };
}

/** The disabled account standing for a coder of the file, `<guid>@import.invalid`: the one made by an earlier import, or a new one. */
function placeholderAccount(tx: Tx, guid: string, name: string): number {
  const email = `${guid.toLowerCase()}@import.invalid`;
  const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  return (
    existing?.id ??
    tx
      .insert(users)
      .values({ email, name: clean(name, `Imported coder ${guid.slice(0, 8)}`), passwordHash: '!import-placeholder', disabled: true })
      .returning({ id: users.id })
      .get().id
  );
}

/** The extension's assignments, of documents and coders that were imported, with a status we know. */
function extensionAssignments({ projectId }: Step, refi: RefiProject, docs: Documents, team: ReturnType<typeof importUsers>) {
  const rows = new Map<string, typeof assignments.$inferInsert>();
  for (const a of refi.extension?.assignments ?? []) {
    const documentId = docs.ids.get(a.sourceGuid);
    const layer = team.layerOfKnown(a.userGuid);
    const status = ASSIGNMENT_STATUSES.find((s) => s === a.status);
    if (documentId === undefined || !layer || layer.layer !== 'coder' || !status) continue;
    rows.set(`${documentId}:${layer.coderId}`, { projectId, documentId, coderId: layer.coderId, status });
  }
  return [...rows.values()];
}

/** The codebook, depth first with an explicit stack (a deep tree cannot overflow the call stack). Returns guid → code id. */
function importCodes({ tx, projectId, notes }: Step, roots: readonly RefiCode[], shortcuts: Map<string, string>): Map<string, number> {
  const ids = new Map<string, number>();
  const takenShortcuts = new Set<string>();
  const shortcutOf = (guid: string): string | null => {
    let s: string | null = null;
    try {
      s = cleanShortcut(shortcuts.get(guid));
    } catch {
      return null;
    }
    if (s === null || takenShortcuts.has(foldName(s))) return null;
    takenShortcuts.add(foldName(s));
    return s;
  };
  const takenAt = new Map<number | null, Set<string>>();
  const stack: { code: RefiCode; parentId: number | null; order: number }[] = roots.map((code, order) => ({ code, parentId: null, order })).reverse();
  while (stack.length > 0) {
    const { code: c, parentId, order } = stack.pop() as (typeof stack)[number];
    const taken = takenAt.get(parentId) ?? new Set<string>();
    takenAt.set(parentId, taken);
    const name = unique(clean(c.name, 'Unnamed code'), taken);
    if (name !== c.name.trim()) notes.push({ key: 'renamed', vars: { from: c.name.slice(0, 80), to: name, max: NAME_MAX }, message: `Code "${c.name.slice(0, 80)}" was renamed "${name}" (names must be non-empty, unique among siblings and at most ${NAME_MAX} characters)` });
    const d = unpackDefinition(c.description ?? '');
    const row = tx
      .insert(codes)
      .values({ projectId, parentId, name, color: c.color ?? DEFAULT_COLOR, description: d.description, inclusion: d.inclusion, exclusion: d.exclusion, example: d.example, shortcut: shortcutOf(c.guid), sortOrder: order })
      .returning({ id: codes.id })
      .get();
    ids.set(c.guid, row.id);
    for (let i = c.children.length - 1; i >= 0; i--) stack.push({ code: c.children[i], parentId: row.id, order: i });
  }
  return ids;
}

/** Variables as attribute definitions of the scope(s) they are used in. Returns `${scope}:${guid}` → attribute id. */
function importAttributes({ tx, projectId }: Step, refi: RefiProject): Map<string, number> {
  const usedOn = new Map<string, Set<'participant' | 'document'>>();
  const valuesOf = new Map<string, (string | number | boolean)[]>();
  const seen = (guid: string, scope: 'participant' | 'document', value: string | number | boolean) => {
    usedOn.set(guid, (usedOn.get(guid) ?? new Set()).add(scope));
    valuesOf.set(guid, [...(valuesOf.get(guid) ?? []), value]);
  };
  for (const c of refi.cases) for (const v of c.variableValues) seen(v.variableGuid, 'participant', v.value);
  for (const s of refi.sources) for (const v of s.variableValues) seen(v.variableGuid, 'document', v.value);
  const ids = new Map<string, number>();
  const takenNames = { participant: new Set<string>(), document: new Set<string>() };
  const extended = new Map((refi.extension?.variables ?? []).map((v) => [v.guid, v]));
  refi.variables.forEach((v: RefiVariable, i) => {
    const ext = extended.get(v.guid);
    const extScope = ATTRIBUTE_SCOPES.find((s) => s === ext?.scope);
    const scopes = usedOn.get(v.guid) ?? new Set<'participant' | 'document'>([extScope ?? 'participant']);
    const { type, values, bins } = attributeFrom(v, valuesOf.get(v.guid) ?? [], ext);
    for (const scope of scopes) {
      const name = unique(clean(v.name, 'Variable'), takenNames[scope]);
      const row = tx
        .insert(attributeDefinitions)
        .values({ projectId, scope, name, type, values, bins, sortOrder: i })
        .returning({ id: attributeDefinitions.id })
        .get();
      ids.set(`${scope}:${v.guid}`, row.id);
    }
  });
  return ids;
}

/**
 * Our attribute for a variable: as the extension describes it (its type, category values in
 * their order, bins), when it does and the values fit; else as the REFI type and values suggest.
 */
function attributeFrom(v: RefiVariable, seen: (string | number | boolean)[], ext: RefiExtensionVariable | undefined): { type: AttributeType; values: string[]; bins: AttributeBin[] } {
  const guessed = attributeTypeFor(v.type, seen);
  const type = ATTRIBUTE_TYPES.find((t) => t === ext?.type);
  if (!ext || !type) return { type: guessed.type as AttributeType, values: guessed.values, bins: [] };
  if (type === 'category') {
    const present = [...new Set(seen.map(valueText).filter((x) => x !== ''))];
    return { type, values: [...ext.values, ...present.filter((x) => !ext.values.includes(x))], bins: [] };
  }
  return { type, values: [], bins: type === 'number' ? ext.bins.filter((b) => b.min <= b.max) : [] };
}

function numValue(v: string | number | boolean): number | null {
  if (typeof v === 'number') return v;
  return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
}

/** A document per text source (titles made unique), with its variable values and the speakers its description gives. */
function importDocuments({ tx, projectId }: Step, refi: RefiProject, attributeIds: Map<string, number>) {
  const ids = new Map<string, number>();
  const speakers = new Map<string, LineSpeaker[] | null>();
  const takenTitles = new Set<string>();
  const values: (typeof documentAttributeValues.$inferInsert)[] = [];
  refi.sources.forEach((s, i) => {
    const title = unique(clean(s.name, `Source ${i + 1}`, 300), takenTitles);
    const row = tx.insert(documents).values({ projectId, title, sortOrder: i }).returning({ id: documents.id }).get();
    ids.set(s.guid, row.id);
    speakers.set(s.guid, parseSpeakerLines(s.description, s.text.split('\n').length));
    for (const v of s.variableValues) {
      const attr = attributeIds.get(`document:${v.variableGuid}`);
      if (attr !== undefined) values.push({ documentId: row.id, attributeId: attr, value: valueText(v.value), numValue: numValue(v.value) });
    }
  });
  inBatches(values, (b) => tx.insert(documentAttributeValues).values(b).onConflictDoNothing().run());
  return { ids, speakers };
}

type Documents = ReturnType<typeof importDocuments>;

/**
 * A participant per case, in its source's group when it has exactly one (our export's
 * "P3 (FG05 Aktobe)" becomes P3 of FG05 Aktobe), with its variable values. Returns a lookup
 * that also adds participants named only by a speaker block.
 */
function importParticipants({ tx, projectId }: Step, refi: RefiProject, docs: Documents, attributeIds: Map<string, number>) {
  const sourceName = new Map(refi.sources.map((s) => [s.guid, s.name]));
  const bySource = new Map<string, Map<string, number>>(); // source guid → label → participant id
  const takenLabels = new Map<number | null, Set<string>>();
  let count = 0;
  const add = (label: string, sourceGuid: string | undefined): number => {
    const documentId = sourceGuid ? (docs.ids.get(sourceGuid) ?? null) : null;
    const taken = takenLabels.get(documentId) ?? new Set<string>();
    takenLabels.set(documentId, taken);
    const finalLabel = unique(clean(label, 'Participant'), taken);
    const row = tx.insert(participants).values({ projectId, documentId, label: finalLabel }).returning({ id: participants.id }).get();
    count++;
    if (sourceGuid) bySource.set(sourceGuid, (bySource.get(sourceGuid) ?? new Map<string, number>()).set(finalLabel, row.id));
    return row.id;
  };
  const values: (typeof participantAttributeValues.$inferInsert)[] = [];
  for (const c of refi.cases) {
    const source = c.sourceGuids.length === 1 ? c.sourceGuids[0] : undefined;
    const suffix = source ? ` (${sourceName.get(source)})` : '';
    const id = add(suffix && c.name.endsWith(suffix) ? c.name.slice(0, -suffix.length) : c.name, source);
    for (const v of c.variableValues) {
      const attr = attributeIds.get(`participant:${v.variableGuid}`);
      if (attr !== undefined) values.push({ participantId: id, attributeId: attr, value: valueText(v.value), numValue: numValue(v.value) });
    }
  }
  inBatches(values, (b) => tx.insert(participantAttributeValues).values(b).onConflictDoNothing().run());
  return {
    count: () => count,
    /** The participant labelled so in the source's group, created if there is none yet. */
    find: (sourceGuid: string, label: string): number => bySource.get(sourceGuid)?.get(label) ?? add(label, sourceGuid),
  };
}

/** One turn per line of each source, so the canonical text is the source text and offsets carry over unchanged. */
function importTurns({ tx, notes }: Step, refi: RefiProject, docs: Documents, people: ReturnType<typeof importParticipants>): void {
  const rows: (typeof turns.$inferInsert)[] = [];
  let withSpeakers = 0;
  for (const s of refi.sources) {
    const documentId = docs.ids.get(s.guid) as number;
    const speakers = docs.speakers.get(s.guid) ?? null;
    if (speakers) withSpeakers++;
    let offset = 0;
    s.text.split('\n').forEach((line, seq) => {
      const sp = speakers?.[seq];
      const speaker =
        sp?.kind === 'moderator'
          ? { speakerKind: 'moderator' as const, participantId: null, speakerLabel: 'Moderator' }
          : sp?.kind === 'participant'
            ? { speakerKind: 'participant' as const, participantId: people.find(s.guid, sp.label), speakerLabel: sp.label }
            : { speakerKind: 'unknown' as const, participantId: null, speakerLabel: '' };
      rows.push({ documentId, seq, ...speaker, start: offset, end: offset + line.length, text: line, wordCount: countWords(line) });
      offset += line.length + 1;
    });
  }
  inBatches(rows, (b) => tx.insert(turns).values(b).run());
  if (refi.sources.length > withSpeakers) {
    notes.push({ key: 'noSpeakers', vars: { n: refi.sources.length - withSpeakers, total: refi.sources.length }, message: `${refi.sources.length - withSpeakers} of ${refi.sources.length} source(s) have no speaker information: their lines are turns of an unknown speaker; assign speakers in correction mode` });
  }
}

/** Every code of every selection as a coding row (not yet written), and which selection holds which. */
function collectCodings({ projectId, notes }: Step, refi: RefiProject, docs: Documents, codeIds: Map<string, number>, team: ReturnType<typeof importUsers>) {
  const rows: (typeof codings.$inferInsert)[] = [];
  const keys = new Set<string>();
  /** Selection guid (its own and those merged into it) → its codings (index into rows) and their codes. */
  const bySelection = new Map<string, { index: number; codeGuid: string }[]>();
  const assigned = new Set<string>();
  let empty = 0;
  let uncoded = 0;
  for (const s of refi.sources) {
    const documentId = docs.ids.get(s.guid) as number;
    for (const sel of s.selections) {
      if (sel.end <= sel.start) {
        empty++;
        continue;
      }
      if (sel.codeGuids.length === 0) uncoded++;
      const { layer, coderId } = team.layerOf(sel.creatingUserGuid);
      for (const g of sel.codeGuids) {
        const code = codeIds.get(g);
        if (code === undefined) continue; // the reader already refused or reported unknown codes
        const key = `${documentId}:${code}:${layer}:${coderId}:${sel.start}:${sel.end}`;
        if (keys.has(key)) continue;
        keys.add(key);
        for (const ref of [sel.guid, ...(sel.mergedGuids ?? [])]) bySelection.set(ref, [...(bySelection.get(ref) ?? []), { index: rows.length, codeGuid: g }]);
        rows.push({ projectId, documentId, codeId: code, layer, coderId, start: sel.start, end: sel.end, quote: s.text.slice(sel.start, sel.end), memo: '' });
        if (layer === 'coder') assigned.add(`${documentId}:${coderId}`);
      }
    }
  }
  if (empty > 0) notes.push({ key: 'emptySelections', vars: { n: empty }, message: `${empty} empty selection(s) were left out` });
  if (uncoded > 0) notes.push({ key: 'uncodedSelections', vars: { n: uncoded }, message: `${uncoded} selection(s) without a code were left out (quotations without codes)` });
  return { rows, bySelection, assigned };
}

/**
 * Notes as memos: a note on a selection is the memo of its codings (of the codes it also
 * names, if it names any); on a code, a source or the project, a memo there; on a case, a
 * project memo naming the case. Coding memos are written into `coded.rows`.
 */
/** The `origin` our .qdpx exports carry (lib/refi-qda/write.ts's default). */
const OWN_ORIGIN = 'fgcoder';

function notesToMemos(
  { projectId, notes }: Step,
  refi: RefiProject,
  coded: ReturnType<typeof collectCodings>,
  codeIds: Map<string, number>,
  docs: Documents,
  team: ReturnType<typeof importUsers>,
): (typeof memos.$inferInsert)[] {
  const out: (typeof memos.$inferInsert)[] = [];
  const caseByGuid = new Map(refi.cases.map((c) => [c.guid, c]));
  let caseNotes = 0;
  // Our own exports name every note by what it is on ("Memo 3 on code …"), a label, not content.
  const labelsOnly = refi.origin === OWN_ORIGIN;
  for (const n of refi.notes) {
    const body = n.name && !labelsOnly && !n.text.startsWith(n.name) ? `${n.name}\n\n${n.text}` : n.text;
    if (!body.trim()) continue;
    const authorId = team.authorOf(n.creatingUserGuid);
    const selections = n.targetGuids.filter((t) => coded.bySelection.has(t));
    const codesNamed = n.targetGuids.filter((t) => codeIds.has(t));
    let placed = false;
    if (selections.length > 0) {
      for (const t of selections) {
        for (const c of coded.bySelection.get(t) ?? []) {
          if (codesNamed.length > 0 && !codesNamed.includes(c.codeGuid)) continue;
          const row = coded.rows[c.index];
          row.memo = row.memo ? `${row.memo}\n\n${body}` : body;
        }
      }
      placed = true;
    } else {
      for (const t of codesNamed) out.push({ projectId, targetKind: 'code', targetId: codeIds.get(t) as number, authorId, text: body });
      placed = codesNamed.length > 0;
    }
    for (const t of n.targetGuids) {
      if (docs.ids.has(t)) {
        out.push({ projectId, targetKind: 'document', targetId: docs.ids.get(t) as number, authorId, text: body });
        placed = true;
      } else if (caseByGuid.has(t)) {
        out.push({ projectId, targetKind: 'project', targetId: null, authorId, text: `[${caseByGuid.get(t)!.name}] ${body}` });
        caseNotes++;
        placed = true;
      }
    }
    if (!placed) out.push({ projectId, targetKind: 'project', targetId: null, authorId, text: body });
  }
  if (caseNotes > 0) notes.push({ key: 'caseNotes', vars: { n: caseNotes }, message: `${caseNotes} note(s) on cases became project memos naming the case` });
  return out;
}
