/**
 * Coded excerpts for the export formats, filtered as the analysis filters them: codes (or a
 * subtree), documents, attribute values, layers. Each excerpt comes with its code path, the
 * participants it is attributed to (turns it overlaps, moderator and unknown speakers
 * excluded) with their non-private attributes, its document's non-private attributes, turn
 * numbers, translations, and, when asked, the turn before and after.
 *
 * Pseudonymised by construction: participants are selected by label only (never the real
 * name, never the transcript's speaker label, which may hold one), and attributes only
 * through attribute-privacy.ts, which leaves private ones out.
 *
 * NOTE for the analysis feature: db/queries/analysis.ts `excerptsFor` answers the same
 * question for the analysis screen; the two can be merged into one query once both exist.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { codes, codings, documents, turns, users } from '../schema';
import type { LayerRef } from '@/lib/access/layers';
import { binOf } from '@/lib/attributes/bins';
import { withPaths } from '@/lib/coding/code-paths';
import type { AttributeInfo } from '@/lib/export/attribution';
import type { AttributeCondition } from '@/lib/export/excerpt-query';
import type { ContextTurn, ExcerptExport, ExportCode, ExportExcerpt } from '@/lib/export/excerpts';
import { turnsOverlapping, type TurnRange } from '@/lib/text/canonical';
import { exportableAttributes, exportableDocumentValues, exportableParticipants, exportableParticipantValues, type ExportableAttribute } from './attribute-privacy';
import { translationsForCodings } from './translations';
import { setsOfProject } from './item-sets';

export interface ExcerptFilter {
  /** Exactly these codes. */
  codeIds?: readonly number[];
  /** These codes and all their descendants. */
  subtreeIds?: readonly number[];
  documentIds?: readonly number[];
  /** Code, document and participant sets: only their members (the union of the sets of a kind). */
  setIds?: readonly number[];
  attributes?: readonly AttributeCondition[];
  /** The layers to include; the caller has checked the reader may see each. */
  layers: readonly LayerRef[];
  /** Include the turn before and after each excerpt. */
  context?: boolean;
}

/** A filter naming something that is not in the project (or is private); the message says what. */
export class ExcerptFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExcerptFilterError';
  }
}

/** The project's codes in codebook order, with paths and depths. */
export async function exportCodes(db: Db, projectId: number): Promise<ExportCode[]> {
  await dbReady(db);
  const rows = db
    .select({
      id: codes.id,
      parentId: codes.parentId,
      name: codes.name,
      sortOrder: codes.sortOrder,
      description: codes.description,
      inclusion: codes.inclusion,
      exclusion: codes.exclusion,
      example: codes.example,
    })
    .from(codes)
    .where(eq(codes.projectId, projectId))
    .all();
  return withPaths(rows).map(({ id, parentId, name, path, depth, description, inclusion, exclusion, example }) => ({ id, parentId, name, path, depth, description, inclusion, exclusion, example }));
}

function layerCondition(layers: readonly LayerRef[]): SQL {
  const parts = layers.map((l) =>
    l.kind === 'consensus' ? eq(codings.layer, 'consensus') : and(eq(codings.layer, 'coder'), eq(codings.coderId, l.coderId)),
  );
  return parts.length ? (or(...parts) as SQL) : sql`0`;
}

/** The attribute a condition names: "name", or "participant:name" / "document:name" to choose. */
function conditionAttribute(attributes: readonly ExportableAttribute[], name: string): ExportableAttribute {
  const m = /^(participant|document):(.+)$/.exec(name);
  const candidates = m ? attributes.filter((a) => a.scope === m[1] && a.name === m[2]) : attributes.filter((a) => a.name === name);
  const found = candidates.find((a) => a.scope === 'participant') ?? candidates[0];
  if (!found) throw new ExcerptFilterError(`There is no attribute "${name}" to filter by`);
  return found;
}

function valueMatches(a: ExportableAttribute, raw: string | undefined, wanted: readonly string[]): boolean {
  if (raw === undefined) return false;
  if (wanted.includes(raw)) return true;
  if (a.type === 'number' && a.bins.length > 0) {
    const bin = binOf(Number(raw), a.bins);
    return bin !== undefined && wanted.includes(bin);
  }
  return false;
}

interface DocTurns {
  ranges: TurnRange[];
  kinds: ('participant' | 'moderator' | 'unknown')[];
  participantIds: (number | null)[];
  texts: string[];
}

export interface ExcerptExportOptions {
  /** How a moderator turn is named in context lines. */
  moderatorLabel?: string;
  /** How the consensus layer is named. */
  consensusLabel?: string;
  /** How a coder's layer is described in the header ("{name} (coder)"). */
  coderLayerLabel?: (name: string) => string;
  now?: Date;
}

/**
 * Everything an excerpt export needs, filtered. Throws ExcerptFilterError when a filter
 * names a code, document or attribute that is not in the project (a private attribute
 * counts as absent: filtering by it would leak it).
 */
export async function excerptExport(db: Db, projectId: number, projectName: string, filter: ExcerptFilter, options: ExcerptExportOptions = {}): Promise<ExcerptExport> {
  await dbReady(db);
  const consensusLabel = options.consensusLabel ?? 'Consensus';
  const allCodes = await exportCodes(db, projectId);
  const codeIndex = new Map(allCodes.map((c, i) => [c.id, i]));
  const codeById = new Map(allCodes.map((c) => [c.id, c]));
  const filters: string[] = [];

  let codeSet: Set<number> | undefined;
  if ((filter.codeIds?.length ?? 0) + (filter.subtreeIds?.length ?? 0) > 0) {
    codeSet = new Set();
    for (const id of filter.codeIds ?? []) {
      const c = codeById.get(id);
      if (!c) throw new ExcerptFilterError(`Code ${id} is not in this project`);
      codeSet.add(id);
      filters.push(`Code: ${c.path}`);
    }
    for (const id of filter.subtreeIds ?? []) {
      const c = codeById.get(id);
      if (!c) throw new ExcerptFilterError(`Code ${id} is not in this project`);
      for (const d of descendantsOf(allCodes, id)) codeSet.add(d);
      filters.push(`Code: ${c.path} (and sub-codes)`);
    }
  }

  // Sets narrow the codes, documents and participants further; an empty set selects nothing.
  const setMembers: Partial<Record<'code' | 'document' | 'participant', Set<number>>> = {};
  if (filter.setIds?.length) {
    const sets = await setsOfProject(db, projectId);
    for (const id of filter.setIds) {
      const set = sets.find((x) => x.id === id);
      if (!set) throw new ExcerptFilterError(`Set ${id} is not in this project`);
      const into = (setMembers[set.kind] ??= new Set());
      for (const m of set.memberIds) into.add(m);
      filters.push(`${set.kind === 'code' ? 'Code' : set.kind === 'document' ? 'Document' : 'Participant'} set: ${set.name}`);
    }
    const inCodeSets = setMembers.code;
    if (inCodeSets) codeSet = codeSet ? new Set([...codeSet].filter((c) => inCodeSets.has(c))) : new Set(inCodeSets);
  }

  const docRows = db
    .select({ id: documents.id, title: documents.title, sortOrder: documents.sortOrder })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .all();
  const docById = new Map(docRows.map((d) => [d.id, d]));
  if (filter.documentIds?.length) {
    for (const id of filter.documentIds) if (!docById.has(id)) throw new ExcerptFilterError(`Document ${id} is not in this project`);
    filters.push(`Documents: ${filter.documentIds.map((id) => docById.get(id)!.title).join(', ')}`);
  }

  const attributes = await exportableAttributes(db, projectId);
  const conditions = (filter.attributes ?? []).map((c) => {
    const a = conditionAttribute(attributes, c.name);
    filters.push(`${a.name}: ${c.values.join(' or ')}`);
    return { a, values: c.values };
  });

  const layerNames = layerDescriptions(db, filter.layers, consensusLabel, options.coderLayerLabel ?? ((n) => `${n} (coder)`));

  // A coding whose text a correction deleted (an empty range, flagged for review) has no quote to export.
  const where: SQL[] = [eq(codings.projectId, projectId), layerCondition(filter.layers), sql`${codings.end} > ${codings.start}`];
  if (codeSet) where.push(codeSet.size ? inArray(codings.codeId, [...codeSet]) : sql`0`);
  if (filter.documentIds?.length) where.push(inArray(codings.documentId, [...filter.documentIds]));
  if (setMembers.document) where.push(setMembers.document.size ? inArray(codings.documentId, [...setMembers.document]) : sql`0`);
  const rows = filter.layers.length
    ? db
        .select({
          id: codings.id,
          codeId: codings.codeId,
          documentId: codings.documentId,
          layer: codings.layer,
          coderName: users.name,
          start: codings.start,
          end: codings.end,
          quote: codings.quote,
          memo: codings.memo,
        })
        .from(codings)
        .innerJoin(users, eq(users.id, codings.coderId))
        .where(and(...where))
        .all()
    : [];

  const docIds = [...new Set(rows.map((r) => r.documentId))];
  const turnsByDoc = loadTurns(db, docIds);
  const people = new Map((await exportableParticipants(db, projectId)).map((p) => [p.id, p]));
  const pValues = await exportableParticipantValues(db, projectId);
  const dValues = await exportableDocumentValues(db, projectId);
  const moderator = options.moderatorLabel ?? 'Moderator';
  const speakerOf = (t: DocTurns, i: number) =>
    t.kinds[i] === 'moderator' ? moderator : t.kinds[i] === 'participant' && t.participantIds[i] != null ? (people.get(t.participantIds[i] as number)?.label ?? '') : '';

  const built: ExportExcerpt[] = [];
  for (const r of rows) {
    const t = turnsByDoc.get(r.documentId) ?? { ranges: [], kinds: [], participantIds: [], texts: [] };
    const overlapped = turnsOverlapping(t.ranges, r.start, r.end);
    const participantIds = [...new Set(overlapped.map((i) => (t.kinds[i] === 'participant' ? t.participantIds[i] : null)).filter((id): id is number => id != null))];
    const participants = participantIds
      .filter((id) => people.has(id))
      .map((id) => ({ label: people.get(id)!.label, attributes: pValues.get(id) ?? {} }));
    const documentAttributes = dValues.get(r.documentId) ?? {};
    const passes = conditions.every(({ a, values }) =>
      a.scope === 'document' ? valueMatches(a, documentAttributes[a.name], values) : participants.some((p) => valueMatches(a, p.attributes[a.name], values)),
    );
    if (!passes) continue;
    if (setMembers.participant && !participantIds.some((id) => setMembers.participant!.has(id))) continue;
    const e: ExportExcerpt = {
      codingId: r.id,
      codeId: r.codeId,
      documentId: r.documentId,
      documentTitle: docById.get(r.documentId)?.title ?? '',
      documentAttributes,
      participants,
      turns: overlapped.map((i) => i + 1),
      start: r.start,
      end: r.end,
      quote: r.quote,
      layer: r.layer,
      layerName: r.layer === 'consensus' ? consensusLabel : r.coderName,
      memo: r.memo,
      translations: [],
    };
    if (filter.context && overlapped.length > 0) {
      const first = overlapped[0] - 1;
      const last = overlapped[overlapped.length - 1] + 1;
      const ctx = (i: number): ContextTurn[] => (i >= 0 && i < t.texts.length ? [{ turn: i + 1, speaker: speakerOf(t, i), text: t.texts[i] }] : []);
      e.contextBefore = ctx(first);
      e.contextAfter = ctx(last);
    }
    built.push(e);
  }

  const translations = await translationsForCodings(db, built.map((e) => e.codingId));
  for (const e of built) {
    e.translations = (translations.get(e.codingId) ?? []).map((t) => ({ language: t.language, text: t.text, author: t.authorName }));
  }
  const docOrder = (id: number) => docById.get(id)?.sortOrder ?? 0;
  built.sort(
    (a, b) =>
      (codeIndex.get(a.codeId) ?? 1e9) - (codeIndex.get(b.codeId) ?? 1e9) ||
      docOrder(a.documentId) - docOrder(b.documentId) ||
      a.documentTitle.localeCompare(b.documentTitle) ||
      a.start - b.start ||
      a.end - b.end ||
      a.codingId - b.codingId,
  );

  const attributeInfo: AttributeInfo[] = [...attributes]
    .sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'participant' ? -1 : 1))
    .map((a) => ({ scope: a.scope, name: a.name, bins: a.bins, type: a.type }));
  return {
    projectName,
    generatedAt: options.now ?? new Date(),
    layers: layerNames,
    filters,
    codes: allCodes,
    attributes: attributeInfo,
    excerpts: built,
  };
}

/** The code and every code below it (codes in codebook order: a child always follows its parent). */
export function descendantsOf(allCodes: readonly ExportCode[], rootId: number): number[] {
  const inside = new Set<number>([rootId]);
  for (const c of allCodes) if (c.parentId != null && inside.has(c.parentId)) inside.add(c.id);
  return [...inside];
}

function loadTurns(db: Db, documentIds: number[]): Map<number, DocTurns> {
  const out = new Map<number, DocTurns>();
  for (let i = 0; i < documentIds.length; i += 500) {
    const rows = db
      .select({ documentId: turns.documentId, start: turns.start, end: turns.end, kind: turns.speakerKind, participantId: turns.participantId, text: turns.text })
      .from(turns)
      .where(inArray(turns.documentId, documentIds.slice(i, i + 500)))
      .orderBy(asc(turns.documentId), asc(turns.seq))
      .all();
    for (const r of rows) {
      let t = out.get(r.documentId);
      if (!t) out.set(r.documentId, (t = { ranges: [], kinds: [], participantIds: [], texts: [] }));
      t.ranges.push({ start: r.start, end: r.end });
      t.kinds.push(r.kind);
      t.participantIds.push(r.participantId);
      t.texts.push(r.text);
    }
  }
  return out;
}

function layerDescriptions(db: Db, layers: readonly LayerRef[], consensusLabel: string, coderLabel: (name: string) => string): string[] {
  const coderIds = layers.flatMap((l) => (l.kind === 'coder' ? [l.coderId] : []));
  const names = new Map(
    coderIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, coderIds)).all().map((u) => [u.id, u.name]) : [],
  );
  return layers.map((l) => (l.kind === 'consensus' ? consensusLabel : coderLabel(names.get(l.coderId) ?? `#${l.coderId}`)));
}
