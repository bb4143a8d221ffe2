/**
 * The whole project as ProjectJson (see lib/export/project-json.ts), for the layers the
 * reader may see. Participants by label only, non-private attributes only, no user emails.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { codes, codings, documents, memos, projects, turns, users } from '../schema';
import type { LayerRef } from '@/lib/access/layers';
import { PROJECT_JSON_FORMAT, PROJECT_JSON_VERSION, type ProjectJson, type ProjectJsonTurn } from '@/lib/export/project-json';
import { exportableAttributes, exportableDocumentValues, exportableParticipants, exportableParticipantValues } from './attribute-privacy';
import { exportCodes } from './excerpts-export';
import { translationsForCodings } from './translations';

function layerCondition(layers: readonly LayerRef[]): SQL {
  const parts = layers.map((l) =>
    l.kind === 'consensus' ? eq(codings.layer, 'consensus') : and(eq(codings.layer, 'coder'), eq(codings.coderId, l.coderId)),
  );
  return parts.length ? (or(...parts) as SQL) : sql`0`;
}

export async function projectSnapshot(db: Db, projectId: number, layers: readonly LayerRef[], layerNames: string[], now = new Date()): Promise<ProjectJson> {
  await dbReady(db);
  const project = db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!project) throw new Error(`Project ${projectId} does not exist`);
  const codeRows = db.select().from(codes).where(eq(codes.projectId, projectId)).all();
  const byId = new Map(codeRows.map((c) => [c.id, c]));
  const ordered = await exportCodes(db, projectId);
  const people = await exportableParticipants(db, projectId);
  const labelOf = new Map(people.map((p) => [p.id, p.label]));
  const pValues = await exportableParticipantValues(db, projectId);
  const dValues = await exportableDocumentValues(db, projectId);
  const docs = db.select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.projectId, projectId)).orderBy(asc(documents.sortOrder), asc(documents.title)).all();
  const turnRows = docs.length
    ? db
        .select({ documentId: turns.documentId, kind: turns.speakerKind, participantId: turns.participantId, timestamp: turns.timestamp, start: turns.start, end: turns.end, text: turns.text })
        .from(turns)
        .where(inArray(turns.documentId, docs.map((d) => d.id)))
        .orderBy(asc(turns.documentId), asc(turns.seq))
        .all()
    : [];
  const turnsOf = new Map<number, ProjectJsonTurn[]>();
  for (const t of turnRows) {
    const list = turnsOf.get(t.documentId) ?? [];
    const speaker: ProjectJsonTurn['speaker'] =
      t.kind === 'moderator'
        ? { kind: 'moderator' }
        : t.kind === 'participant' && t.participantId != null && labelOf.has(t.participantId)
          ? { kind: 'participant', participantId: t.participantId, label: labelOf.get(t.participantId) as string }
          : { kind: 'unknown' };
    list.push({ number: list.length + 1, speaker, timestamp: t.timestamp, start: t.start, end: t.end, text: t.text });
    turnsOf.set(t.documentId, list);
  }
  const codingRows = layers.length
    ? db
        .select({
          id: codings.id,
          codeId: codings.codeId,
          documentId: codings.documentId,
          layer: codings.layer,
          coder: users.name,
          start: codings.start,
          end: codings.end,
          quote: codings.quote,
          memo: codings.memo,
          needsReview: codings.needsReview,
          createdAt: codings.createdAt,
          updatedAt: codings.updatedAt,
        })
        .from(codings)
        .innerJoin(users, eq(users.id, codings.coderId))
        .where(and(eq(codings.projectId, projectId), layerCondition(layers)))
        .orderBy(asc(codings.documentId), asc(codings.start), asc(codings.end), asc(codings.id))
        .all()
    : [];
  const translations = await translationsForCodings(db, codingRows.map((c) => c.id));
  const memoRows = db
    .select({ target: memos.targetKind, targetId: memos.targetId, author: users.name, text: memos.text, createdAt: memos.createdAt })
    .from(memos)
    .innerJoin(users, eq(users.id, memos.authorId))
    .where(eq(memos.projectId, projectId))
    .orderBy(asc(memos.id))
    .all();
  return {
    format: PROJECT_JSON_FORMAT,
    version: PROJECT_JSON_VERSION,
    exportedAt: now.toISOString(),
    offsets: 'utf16-code-units',
    project: { name: project.name, description: project.description, isDemo: project.isDemo },
    layers: layerNames,
    attributes: (await exportableAttributes(db, projectId)).map((a) => ({ scope: a.scope, name: a.name, type: a.type, values: a.values, bins: a.bins })),
    codes: ordered.map((c) => {
      const row = byId.get(c.id)!;
      return {
        id: c.id,
        parentId: c.parentId,
        path: c.path,
        name: c.name,
        color: row.color,
        description: row.description,
        inclusion: row.inclusion,
        exclusion: row.exclusion,
        example: row.example,
        shortcut: row.shortcut,
        archived: row.archived,
      };
    }),
    documents: docs.map((d) => ({ id: d.id, title: d.title, attributes: dValues.get(d.id) ?? {}, turns: turnsOf.get(d.id) ?? [] })),
    participants: people.map((p) => ({ id: p.id, label: p.label, documentId: p.documentId, attributes: pValues.get(p.id) ?? {} })),
    codings: codingRows.map((c) => ({
      ...c,
      coder: c.layer === 'consensus' ? 'Consensus' : c.coder,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      translations: (translations.get(c.id) ?? []).map((t) => ({ language: t.language, text: t.text, author: t.authorName })),
    })),
    memos: memoRows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  };
}
