/**
 * Transcripts into the database, all or nothing: every item of a batch is checked (titles,
 * speaker mapping, attribute values) before anything is written, the writes happen in one
 * transaction, and a refused import throws with every problem, each naming its file. Turns
 * follow the canonical-text rule of DESIGN.md: texts joined with "\n", each turn owning
 * [start, end). And the way back: a transcript as the export writes it. (Rosters: ./roster-import.)
 *
 * The speaker mapping is remembered without storing anything new: each turn keeps the label
 * as the file wrote it beside the speaker it was mapped to, so {@link importGroups} can tell
 * the import form how a group's labels were mapped last time.
 */
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { dbReady, transaction } from '../transaction';
import { attributeDefinitions, codings, documents, participants, turns } from '../schema';
import { buildCanonicalText, countWords } from '@/lib/text/canonical';
import { checkAttributeValue, valueKey } from '@/lib/attributes/validate';
import {
  checkSpeakerMapping,
  isModeratorLabel,
  type GroupParticipant,
  type RememberedSpeaker,
  type ResolvedSpeaker,
  type SpeakerChoice,
} from '@/lib/import/mapping';
import type { ImportedTurn } from '@/lib/import/types';
import type { ExportTurn } from '@/lib/export/transcript';
import { recordAudit } from './audit';
import { writeAttributeValue } from './attribute-definitions';

/** A refused transcript import: every problem, each naming its file. */
export class ImportProblems extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ImportProblems';
  }
}

/** A group (document) as the import form needs it: can it take a transcript, and who speaks in it. */
export interface ImportGroup {
  id: number;
  title: string;
  turnCount: number;
  codingCount: number;
  participants: GroupParticipant[];
  /** How each label of its turns was mapped (the commonest speaker per label). */
  remembered: RememberedSpeaker[];
}

/** Every document of the project with its participants and the labels its turns remember. */
export async function importGroups(db: Queryable, projectId: number): Promise<ImportGroup[]> {
  await dbReady(db);
  const docs = db
    .select({
      id: documents.id,
      title: documents.title,
      turnCount: sql<number>`(select count(*) from ${turns} t where t.document_id = "documents"."id")`,
      codingCount: sql<number>`(select count(*) from ${codings} c where c.document_id = "documents"."id")`,
    })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.sortOrder), asc(documents.title))
    .all();
  const ids = docs.map((d) => d.id);
  const people = ids.length
    ? db
        .select({ id: participants.id, label: participants.label, documentId: participants.documentId })
        .from(participants)
        .where(inArray(participants.documentId, ids))
        .orderBy(asc(participants.id))
        .all()
    : [];
  const labelled = ids.length
    ? db
        .select({
          documentId: turns.documentId,
          label: turns.speakerLabel,
          kind: turns.speakerKind,
          participantId: turns.participantId,
          n: sql<number>`count(*)`,
        })
        .from(turns)
        .where(and(inArray(turns.documentId, ids), sql`${turns.speakerLabel} <> ''`))
        .groupBy(turns.documentId, turns.speakerLabel, turns.speakerKind, turns.participantId)
        .all()
    : [];
  const best = new Map<string, (typeof labelled)[number]>();
  for (const r of labelled) {
    const key = `${r.documentId}\u0000${r.label}`;
    const current = best.get(key);
    if (!current || r.n > current.n) best.set(key, r);
  }
  return docs.map((d) => ({
    ...d,
    participants: people.filter((p) => p.documentId === d.id).map(({ id, label }) => ({ id, label })),
    remembered: [...best.values()]
      .filter((r) => r.documentId === d.id)
      .map(({ label, kind, participantId }) => ({ label, kind, participantId })),
  }));
}

/** One transcript of a batch, parsed and mapped. */
export interface TranscriptImportItem {
  /** The file's name or "pasted text": how problems name it. */
  source: string;
  title: string;
  /** Import into this existing group (it must have no codings; its turns are replaced). */
  documentId?: number | null;
  /** The encoding the file was read in, for the audit log. */
  encoding?: string;
  turns: readonly ImportedTurn[];
  /** Label → who speaks under it; every label of `turns` must be mapped. */
  speakers: Readonly<Record<string, SpeakerChoice>>;
  /** Who speaks the turns without a label (default unknown). */
  unlabelled?: SpeakerChoice;
  /** Document attribute id → raw value; blank means none. */
  attributes?: Readonly<Record<number, string>>;
}

/** A stored transcript. */
export interface ImportedDocument {
  id: number;
  title: string;
  turns: number;
  words: number;
  /** Participants created for it. */
  participantsCreated: number;
  /** An existing group's transcript was replaced. */
  replaced: boolean;
}

/** Longest document title. */
export const MAX_TITLE = 200;
/** Rows per INSERT: 10 columns each, far under SQLite's limit on bound parameters. */
const BATCH = 500;

/**
 * Imports a batch of transcripts in one transaction. Checks first, for every item, and
 * refuses the whole batch with an {@link ImportProblems} listing every problem: a missing or
 * too long title, a title used twice in the batch or already in the project (ignoring case),
 * a group that is not in the project or already has codings, no turns, a label not mapped or
 * mapped to a participant of another group, a document attribute value of the wrong type.
 * Then, per item: creates the document (or clears the group's turns), creates the new
 * participants, stores the turns with their ranges, timestamps and word counts, sets the
 * document attributes, and records a `document.import` audit event with the mapping.
 */
export async function importTranscripts(
  db: Db,
  input: { projectId: number; actorId: number; items: readonly TranscriptImportItem[] },
): Promise<ImportedDocument[]> {
  return await transaction(db, async (tx) => {
    const { projectId } = input;
    const docs = tx
      .select({
        id: documents.id,
        title: documents.title,
        version: documents.version,
        codingCount: sql<number>`(select count(*) from ${codings} c where c.document_id = "documents"."id")`,
      })
      .from(documents)
      .where(eq(documents.projectId, projectId))
      .all();
    const docById = new Map(docs.map((d) => [d.id, d]));
    const defs = new Map(
      tx
        .select()
        .from(attributeDefinitions)
        .where(and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.scope, 'document')))
        .all()
        .map((d) => [d.id, d]),
    );

    const problems: string[] = [];
    if (input.items.length === 0) problems.push('there is nothing to import');
    const titleUsedBy = new Map<string, string>();
    const plans = input.items.map((item) => {
      const where = item.source;
      const title = item.title.trim().replace(/\s+/g, ' ');
      const target = item.documentId == null ? undefined : docById.get(item.documentId);
      if (item.documentId != null && !target) problems.push(`${where}: document #${item.documentId} is not in this project`);
      if (target && target.codingCount > 0) {
        problems.push(`${where}: "${target.title}" already has ${target.codingCount} codings, so its transcript cannot be replaced; correct it in correction mode instead`);
      }
      if (title === '') problems.push(`${where}: the document needs a title`);
      else if (title.length > MAX_TITLE) problems.push(`${where}: the title is longer than ${MAX_TITLE} characters`);
      else {
        const key = valueKey(title);
        const clash = docs.find((d) => valueKey(d.title) === key && d.id !== target?.id);
        if (clash) problems.push(`${where}: a document titled "${clash.title}" already exists in this project`);
        const first = titleUsedBy.get(key);
        if (first !== undefined) problems.push(`${where}: the title "${title}" is also given to ${first} in this import`);
        else titleUsedBy.set(key, where);
      }
      const cleanTurns = item.turns
        .map((t) => ({ ...t, text: t.text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim() }))
        .filter((t) => t.text !== '');
      if (cleanTurns.length === 0) problems.push(`${where}: there are no turns to import`);

      const group = target ? groupParticipants(tx, target.id) : [];
      const labels = [...new Set(cleanTurns.flatMap((t) => (t.speaker === null ? [] : [t.speaker])))];
      const speakerPlan = checkSpeakerMapping(labels, item.speakers, { choice: item.unlabelled, hasUnlabelled: cleanTurns.some((t) => t.speaker === null) }, group);
      problems.push(...speakerPlan.problems.map((p) => `${where}: ${p}`));

      const values: Array<{ attributeId: number; name: string; value: string; numValue: number | null }> = [];
      for (const [rawId, raw] of Object.entries(item.attributes ?? {})) {
        const def = defs.get(Number(rawId));
        if (!def) {
          problems.push(`${where}: attribute #${rawId} is not a document attribute of this project`);
          continue;
        }
        const check = checkAttributeValue(def, raw);
        if (!check.ok) problems.push(`${where}: ${def.name}: ${check.message}`);
        else values.push({ attributeId: def.id, name: def.name, value: check.value, numValue: check.numValue });
      }
      return { item, title, target, turns: cleanTurns, group, labels, speakerPlan, values };
    });
    if (problems.length > 0) throw new ImportProblems(problems);

    let sortOrder = (tx.select({ n: max(documents.sortOrder) }).from(documents).where(eq(documents.projectId, projectId)).get()?.n ?? -1) + 1;
    const importPlan = async (p: (typeof plans)[number]): Promise<ImportedDocument> => {
      let documentId: number;
      let before: { title: string; turns: number; words: number } | null = null;
      if (p.target) {
        documentId = p.target.id;
        const old = tx
          .select({ n: sql<number>`count(*)`, words: sql<number>`coalesce(sum(${turns.wordCount}), 0)` })
          .from(turns)
          .where(eq(turns.documentId, documentId))
          .get();
        before = { title: p.target.title, turns: old?.n ?? 0, words: old?.words ?? 0 };
        tx.delete(turns).where(eq(turns.documentId, documentId)).run();
        tx.update(documents)
          .set({ title: p.title, version: p.target.version + 1, updatedAt: new Date() })
          .where(eq(documents.id, documentId))
          .run();
      } else {
        documentId = tx.insert(documents).values({ projectId, title: p.title, sortOrder: sortOrder++ }).returning({ id: documents.id }).get().id;
      }

      const created = new Map<string, number>();
      for (const label of p.speakerPlan.newLabels) {
        const row = tx.insert(participants).values({ projectId, documentId, label }).returning({ id: participants.id }).get();
        created.set(label, row.id);
      }
      const participantOf = (s: ResolvedSpeaker): number | null =>
        s.kind === 'participant' ? s.participantId : s.kind === 'new' ? created.get(s.label)! : null;
      const kindOf = (s: ResolvedSpeaker): 'participant' | 'moderator' | 'unknown' => (s.kind === 'new' ? 'participant' : s.kind);

      const { ranges } = buildCanonicalText(p.turns);
      let words = 0;
      const rows = p.turns.map((t, i) => {
        const speaker = p.speakerPlan.speakerOf(t.speaker);
        const wordCount = countWords(t.text);
        words += wordCount;
        return {
          documentId,
          seq: i + 1,
          speakerKind: kindOf(speaker),
          participantId: participantOf(speaker),
          speakerLabel: t.speaker ?? '',
          timestamp: t.timestamp ?? null,
          start: ranges[i].start,
          end: ranges[i].end,
          text: t.text,
          wordCount,
        };
      });
      for (let i = 0; i < rows.length; i += BATCH) tx.insert(turns).values(rows.slice(i, i + BATCH)).run();
      for (const v of p.values) await writeAttributeValue(tx, 'document', documentId, v.attributeId, v);

      const labelOf = new Map<number, string>([...p.group.map((g): [number, string] => [g.id, g.label]), ...[...created].map(([l, id]): [number, string] => [id, l])]);
      const describe = (s: ResolvedSpeaker) =>
        s.kind === 'moderator' || s.kind === 'unknown' ? { kind: s.kind } : { kind: 'participant', participant: labelOf.get(participantOf(s)!) ?? null };
      await recordAudit(tx, {
        projectId,
        userId: input.actorId,
        action: 'document.import',
        entityType: 'document',
        entityId: documentId,
        before,
        after: {
          title: p.title,
          source: p.item.source,
          encoding: p.item.encoding ?? null,
          turns: rows.length,
          words,
          participantsCreated: [...created.keys()],
          speakers: p.labels.map((label) => ({ label, ...describe(p.speakerPlan.speakerOf(label)) })),
          unlabelled: p.turns.some((t) => t.speaker === null) ? describe(p.speakerPlan.speakerOf(null)) : null,
          attributes: Object.fromEntries(p.values.map((v) => [v.name, v.value])),
        },
      });
      return { id: documentId, title: p.title, turns: rows.length, words, participantsCreated: created.size, replaced: p.target !== undefined };
    };
    const imported: ImportedDocument[] = [];
    for (const p of plans) imported.push(await importPlan(p));
    return imported;
  });
}

function groupParticipants(tx: Queryable, documentId: number): GroupParticipant[] {
  return tx
    .select({ id: participants.id, label: participants.label })
    .from(participants)
    .where(eq(participants.documentId, documentId))
    .orderBy(asc(participants.id))
    .all();
}

/**
 * A document's transcript as the export writes it (../../lib/export/transcript): participants
 * under their pseudonymous label (never the label the source file used, which may be a
 * name), the moderator under the label the file used when it names the moderator
 * ("Модератор", "Жүргізуші"), else "Moderator", and unknown speakers under the file's label
 * or none. Undefined when the document is not in the project.
 */
export async function transcriptForExport(db: Queryable, projectId: number, documentId: number): Promise<{ title: string; turns: ExportTurn[] } | undefined> {
  await dbReady(db);
  const doc = db
    .select({ title: documents.title })
    .from(documents)
    .where(and(eq(documents.projectId, projectId), eq(documents.id, documentId)))
    .get();
  if (!doc) return undefined;
  const rows = db
    .select({
      kind: turns.speakerKind,
      label: turns.speakerLabel,
      participant: participants.label,
      timestamp: turns.timestamp,
      text: turns.text,
    })
    .from(turns)
    .leftJoin(participants, eq(participants.id, turns.participantId))
    .where(eq(turns.documentId, documentId))
    .orderBy(asc(turns.seq))
    .all();
  return {
    title: doc.title,
    turns: rows.map((r) => {
      const speaker =
        r.kind === 'participant' ? (r.participant ?? (r.label || null)) : r.kind === 'moderator' ? (isModeratorLabel(r.label) ? r.label : 'Moderator') : r.label || null;
      return r.timestamp === null ? { speaker, text: r.text } : { speaker, text: r.text, timestamp: r.timestamp };
    }),
  };
}
