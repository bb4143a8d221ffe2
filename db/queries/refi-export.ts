/**
 * A project as a RefiProject for REFI-QDA exchange (.qdpx):
 * - users: each coder whose layer is exported (creatingUser of their selections), a user
 *   named "Consensus" for the consensus layer, and the authors of exported memos;
 * - the codebook, with criteria and example inside each code's description;
 * - attributes as variables (private ones never), participants as cases with their values,
 *   their group's source and the selections attributed to them;
 * - each document as a text source whose text is the canonical text (turns joined with
 *   "\n"), so offsets carry over 1:1; who spoke each line is in its description;
 * - codings as selections, one per range, coder and memo, each holding its codes;
 * - memos as notes (project, document, code; a coding's memo on its selection and code), each
 *   named (uniquely: QualCoder keeps notes as journals by name) and dated;
 * - the dates the standard has room for: when the project, each document, coding and memo was
 *   made and last changed;
 * - what the standard has no room for in `fgcoder.json` beside project.qde (number bins,
 *   category values in order, code shortcuts, assignments with their status, a hash of each
 *   coder's email to find their account on import — no email in clear).
 *
 * Only the layers passed in are exported: the caller applies the blind-mode rule. Codings
 * whose text was deleted by a correction (empty ranges, flagged for review) are left out;
 * `omitted` counts them.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { assignments, codes, codings, documents, memos, projects, turns, users } from '../schema';
import type { LayerRef } from '@/lib/access/layers';
import { codeRefId, codebookToRefiCodes } from '@/lib/export/codebook-refi';
import { refiTypeFor } from '@/lib/export/refi-variables';
import { speakerLinesDescription, type LineSpeaker } from '@/lib/export/speaker-lines';
import type { RefiCase, RefiExtension, RefiNote, RefiProject, RefiSelection, RefiSet, RefiSource, RefiUser, RefiVariable, RefiVariableValue } from '@/lib/refi-qda';
import { setsOfProject } from './item-sets';
import { emailKey } from '@/lib/refi-qda';
import { turnsOverlapping } from '@/lib/text/canonical';
import { exportableAttributes, exportableDocumentValues, exportableParticipants, exportableParticipantValues } from './attribute-privacy';
import type { CodeRow } from './codes';
import { withPaths } from '@/lib/coding/code-paths';

export const CONSENSUS_USER_NAME = 'Consensus';
const CONSENSUS_USER = 'user-consensus';
const userRef = (id: number) => `user-${id}`;
const docRef = (id: number) => `doc-${id}`;

/** The case name of a participant: its label, with its group's title when it has one. */
export function caseName(label: string, documentTitle: string | undefined): string {
  return documentTitle ? `${label} (${documentTitle})` : label;
}

function layerCondition(layers: readonly LayerRef[]): SQL {
  const parts = layers.map((l) =>
    l.kind === 'consensus' ? eq(codings.layer, 'consensus') : and(eq(codings.layer, 'coder'), eq(codings.coderId, l.coderId)),
  );
  return parts.length ? (or(...parts) as SQL) : sql`0`;
}

export interface ProjectToRefiOptions {
  /**
   * Also carry the assignments of coders whose layer is not exported (a lead's export: a coder
   * assigned a document but with nothing coded yet). Default: only the exported coders'.
   */
  allAssignments?: boolean;
}

export async function projectToRefi(db: Db, projectId: number, layers: readonly LayerRef[], options: ProjectToRefiOptions = {}): Promise<{ project: RefiProject; omitted: number }> {
  await dbReady(db);
  const project = db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!project) throw new Error(`Project ${projectId} does not exist`);

  const codeRows: CodeRow[] = db.select().from(codes).where(eq(codes.projectId, projectId)).orderBy(asc(codes.sortOrder), asc(codes.id)).all();
  const docs = db.select({ id: documents.id, title: documents.title, createdAt: documents.createdAt, updatedAt: documents.updatedAt }).from(documents).where(eq(documents.projectId, projectId)).orderBy(asc(documents.sortOrder), asc(documents.title)).all();
  const docTitle = new Map(docs.map((d) => [d.id, d.title]));
  const turnsByDoc = turnsOf(db, projectId);
  const people = await exportableParticipants(db, projectId);
  const labelOf = new Map(people.map((p) => [p.id, p.label]));
  const pValues = await exportableParticipantValues(db, projectId);
  const dValues = await exportableDocumentValues(db, projectId);
  const { variables, valuesOf } = await refiVariables(db, projectId, pValues, dValues);
  const coded = refiSelections(db, projectId, layers, turnsByDoc, labelOf);

  const sources: RefiSource[] = docs.map((d) => {
    const docTurns = turnsByDoc.get(d.id) ?? [];
    const speakers: LineSpeaker[] = docTurns.map((t) =>
      t.kind === 'moderator'
        ? { kind: 'moderator' }
        : t.kind === 'participant' && t.participantId != null && labelOf.has(t.participantId)
          ? { kind: 'participant', label: labelOf.get(t.participantId) as string }
          : { kind: 'unknown' },
    );
    return {
      guid: docRef(d.id),
      name: d.title,
      description: speakerLinesDescription(speakers),
      text: docTurns.map((t) => t.text).join('\n'),
      variableValues: valuesOf('document', dValues.get(d.id)),
      selections: coded.byDocument.get(d.id) ?? [],
      createdAt: d.createdAt,
      modifiedAt: d.updatedAt,
    };
  });
  const cases: RefiCase[] = people.map((p) => ({
    guid: `participant-${p.id}`,
    name: caseName(p.label, p.documentId != null ? docTitle.get(p.documentId) : undefined),
    variableValues: valuesOf('participant', pValues.get(p.id)),
    sourceGuids: p.documentId != null && docTitle.has(p.documentId) ? [docRef(p.documentId)] : [],
    selectionGuids: coded.byParticipant.get(p.id) ?? [],
  }));
  const notes = refiNotes(db, projectId, new Map(withPaths(codeRows).map((c) => [c.id, c.path])), docTitle, coded.memos);

  const exportedCoders = new Set(layers.flatMap((l) => (l.kind === 'coder' ? [l.coderId] : [])));
  const assigned = db
    .select({ documentId: assignments.documentId, coderId: assignments.coderId, status: assignments.status })
    .from(assignments)
    .where(eq(assignments.projectId, projectId))
    .orderBy(asc(assignments.documentId), asc(assignments.coderId))
    .all()
    .filter((a) => docTitle.has(a.documentId) && (options.allAssignments || exportedCoders.has(a.coderId)));

  const userIds = new Set([...coded.userIds, ...notes.authorIds, ...assigned.map((a) => a.coderId)]);
  const accounts = userIds.size
    ? db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, [...userIds])).orderBy(asc(users.id)).all()
    : [];
  const refiUsers: RefiUser[] = accounts.map((u) => ({ guid: userRef(u.id), name: u.name }));
  if (coded.consensusUsed) refiUsers.push({ guid: CONSENSUS_USER, name: CONSENSUS_USER_NAME });

  // What the standard has no room for (lib/refi-qda/extension.ts): bins, category order and
  // types, shortcuts, assignments, and a key of each coder's email (never the email itself) so
  // an import can find their accounts.
  const extension: RefiExtension = {
    variables: (await exportableAttributes(db, projectId)).map((a) => ({ guid: `attr-${a.id}`, scope: a.scope, type: a.type, values: a.values, bins: a.bins })),
    codes: codeRows.filter((c) => c.shortcut).map((c) => ({ guid: codeRefId(c.id), shortcut: c.shortcut as string })),
    users: accounts.map((u) => ({ guid: userRef(u.id), emailKey: emailKey(u.email) })),
    assignments: assigned.map((a) => ({ sourceGuid: docRef(a.documentId), userGuid: userRef(a.coderId), status: a.status })),
  };

  const out: RefiProject = { name: project.name, createdAt: project.createdAt, users: refiUsers, codes: codebookToRefiCodes(withPaths(codeRows).map((c) => ({ ...c, counts: [] }))), variables, cases, sources, notes: notes.notes, extension };
  if (project.description) out.description = project.description;
  // Code and document sets as <Sets>; the standard's sets have no case members, so participant sets stay out.
  const exportedCodes = new Set(codeRows.map((c) => c.id));
  const sets = (await setsOfProject(db, projectId))
    .filter((s) => s.kind !== 'participant')
    .map((s): RefiSet => ({
      guid: `set-${s.id}`,
      name: s.name,
      ...(s.description ? { description: s.description } : {}),
      codeGuids: s.kind === 'code' ? s.memberIds.filter((id) => exportedCodes.has(id)).map(codeRefId) : [],
      sourceGuids: s.kind === 'document' ? s.memberIds.filter((id) => docTitle.has(id)).map(docRef) : [],
    }));
  if (sets.length) out.sets = sets;
  return { project: out, omitted: coded.omitted };
}

function turnsOf(db: Db, projectId: number) {
  const rows = db
    .select({ documentId: turns.documentId, kind: turns.speakerKind, participantId: turns.participantId, start: turns.start, end: turns.end, text: turns.text })
    .from(turns)
    .innerJoin(documents, eq(documents.id, turns.documentId))
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(turns.documentId), asc(turns.seq))
    .all();
  const out = new Map<number, typeof rows>();
  for (const t of rows) {
    const list = out.get(t.documentId) ?? [];
    list.push(t);
    out.set(t.documentId, list);
  }
  return out;
}

/** Non-private attributes as variables, each typed by the values it holds, and a converter of values to them. */
async function refiVariables(db: Db, projectId: number, pValues: Map<number, Record<string, string>>, dValues: Map<number, Record<string, string>>) {
  const variables: RefiVariable[] = [];
  const converters = new Map<string, { guid: string; convert: (v: string) => string | number }>();
  for (const a of await exportableAttributes(db, projectId)) {
    const values = [...(a.scope === 'participant' ? pValues : dValues).values()].map((rec) => rec[a.name]).filter((v): v is string => v !== undefined);
    const { type, convert } = refiTypeFor(a.type, values);
    const guid = `attr-${a.id}`;
    variables.push({ guid, name: a.name, type, description: `${a.scope === 'participant' ? 'Participant' : 'Document'} attribute` });
    converters.set(`${a.scope}:${a.name}`, { guid, convert });
  }
  const valuesOf = (scope: 'participant' | 'document', rec: Record<string, string> | undefined): RefiVariableValue[] =>
    Object.entries(rec ?? {})
      .filter(([, v]) => v.trim() !== '')
      .flatMap(([name, v]) => {
        const c = converters.get(`${scope}:${name}`);
        return c ? [{ variableGuid: c.guid, value: c.convert(v) }] : [];
      });
  return { variables, valuesOf };
}

/**
 * The codings of the exported layers as selections, one per document, range and coder, each
 * holding its codes; the selections each participant is attributed to; and the codings'
 * memos (one per distinct memo of a selection, naming its codes unless all share it).
 */
function refiSelections(db: Db, projectId: number, layers: readonly LayerRef[], turnsByDoc: ReturnType<typeof turnsOf>, labelOf: Map<number, string>) {
  const rows = layers.length
    ? db
        .select({
          id: codings.id,
          documentId: codings.documentId,
          codeId: codings.codeId,
          layer: codings.layer,
          coderId: codings.coderId,
          start: codings.start,
          end: codings.end,
          memo: codings.memo,
          createdAt: codings.createdAt,
          updatedAt: codings.updatedAt,
        })
        .from(codings)
        .where(and(eq(codings.projectId, projectId), layerCondition(layers)))
        .orderBy(asc(codings.documentId), asc(codings.start), asc(codings.end), asc(codings.id))
        .all()
    : [];
  const userIds = new Set<number>();
  let consensusUsed = false;
  let omitted = 0;
  const byDocument = new Map<number, RefiSelection[]>();
  const byParticipant = new Map<number, string[]>();
  const groups = new Map<string, { selection: RefiSelection; memos: Map<number, string>; documentId: number }>();
  for (const c of rows) {
    if (c.end <= c.start) {
      omitted++;
      continue;
    }
    const user = c.layer === 'consensus' ? CONSENSUS_USER : userRef(c.coderId);
    if (c.layer === 'consensus') consensusUsed = true;
    else userIds.add(c.coderId);
    const key = `${c.documentId}:${c.start}:${c.end}:${user}`;
    let g = groups.get(key);
    if (!g) {
      const selection: RefiSelection = { guid: `sel-${c.id}`, start: c.start, end: c.end, creatingUserGuid: user, codeGuids: [], createdAt: c.createdAt, modifiedAt: c.updatedAt };
      g = { selection, memos: new Map(), documentId: c.documentId };
      groups.set(key, g);
      byDocument.set(c.documentId, [...(byDocument.get(c.documentId) ?? []), selection]);
      const docTurns = turnsByDoc.get(c.documentId) ?? [];
      for (const i of turnsOverlapping(docTurns, c.start, c.end)) {
        const pid = docTurns[i].kind === 'participant' ? docTurns[i].participantId : null;
        if (pid == null || !labelOf.has(pid)) continue;
        const list = byParticipant.get(pid) ?? [];
        if (!list.includes(selection.guid)) list.push(selection.guid);
        byParticipant.set(pid, list);
      }
    }
    if (!g.selection.codeGuids.includes(codeRefId(c.codeId))) g.selection.codeGuids.push(codeRefId(c.codeId));
    // The selection was made with its first coding and changed with its last.
    if (c.createdAt < (g.selection.createdAt as Date)) g.selection.createdAt = c.createdAt;
    if (c.updatedAt > (g.selection.modifiedAt as Date)) g.selection.modifiedAt = c.updatedAt;
    if (c.memo.trim()) g.memos.set(c.codeId, c.memo);
  }
  const memos: { selection: RefiSelection; documentId: number; memo: string; codeIds: number[] }[] = [];
  for (const { selection, memos: byCode, documentId } of groups.values()) {
    const distinct = new Map<string, number[]>();
    for (const [codeId, memo] of byCode) distinct.set(memo, [...(distinct.get(memo) ?? []), codeId]);
    for (const [memo, codeIds] of distinct) memos.push({ selection, documentId, memo, codeIds: codeIds.length === selection.codeGuids.length ? [] : codeIds });
  }
  return { byDocument, byParticipant, memos, userIds, consensusUsed, omitted };
}

/** Memos as notes: on the project, a document or a code, and the codings' memos on their selections. */
function refiNotes(
  db: Db,
  projectId: number,
  codePaths: Map<number, string>,
  docTitle: Map<number, string>,
  codingMemos: ReturnType<typeof refiSelections>['memos'],
): { notes: RefiNote[]; authorIds: number[] } {
  const notes: RefiNote[] = [];
  const authorIds: number[] = [];
  for (const m of db.select().from(memos).where(eq(memos.projectId, projectId)).orderBy(asc(memos.id)).all()) {
    const target =
      m.targetKind === 'document' && m.targetId != null && docTitle.has(m.targetId)
        ? docRef(m.targetId)
        : m.targetKind === 'code' && m.targetId != null && codePaths.has(m.targetId)
          ? codeRefId(m.targetId)
          : undefined;
    const about =
      m.targetKind === 'document' && target ? `document “${docTitle.get(m.targetId as number)}”` : m.targetKind === 'code' && target ? `code “${codePaths.get(m.targetId as number)}”` : 'project';
    authorIds.push(m.authorId);
    notes.push({
      guid: `memo-${m.id}`,
      name: `Memo ${m.id} on ${about}`,
      text: m.text,
      creatingUserGuid: userRef(m.authorId),
      targetGuids: target ? [target] : [],
      onProject: !target,
      createdAt: m.createdAt,
      modifiedAt: m.updatedAt,
    });
  }
  codingMemos.forEach((s, i) => {
    notes.push({
      guid: `coding-memo-${i + 1}`,
      name: `Coding memo ${i + 1} on “${docTitle.get(s.documentId)}” ${s.selection.start}–${s.selection.end}`,
      text: s.memo,
      creatingUserGuid: s.selection.creatingUserGuid,
      targetGuids: [s.selection.guid, ...s.codeIds.map(codeRefId)],
      createdAt: s.selection.createdAt,
      modifiedAt: s.selection.modifiedAt,
    });
  });
  return { notes, authorIds };
}

