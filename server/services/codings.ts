/**
 * Creating, changing and removing codings: the one use case behind the editor's actions, the
 * JSON API and auto-coding. Who may write which layer of which document is decided here
 * (`codingWriteRefusal`), once.
 */
import type { Db } from '@/db/client';
import { codingInProject, createCodings, deleteCoding, isAssigned, updateCoding, CodingError } from '@/db/queries/codings';
import { documentInProject } from '@/db/queries/documents';
import type { Role } from '@/lib/access/layers';
import { mayEditLayer, mayViewLayer, type LayerRef } from '@/lib/access/layers';
import type { CodingView, EditorCoding } from '@/lib/coding/editor-codings';
import { DomainError } from '@/lib/errors';
import { publishLive } from '@/server/live/bus';

export interface Writer {
  projectId: number;
  userId: number;
  role: Role;
  blindMode: boolean;
}

/** Why this user may not write codings in this layer of this document, or null when they may. */
export async function codingWriteRefusal(db: Db, writer: Omit<Writer, 'projectId'>, documentId: number, layer: LayerRef): Promise<CodingError | null> {
  if (!mayEditLayer({ role: writer.role, userId: writer.userId, blindMode: writer.blindMode }, layer)) return new CodingError('coding.layer_forbidden');
  if (writer.role === 'coder' && !await isAssigned(db, documentId, writer.userId)) return new CodingError('coding.not_assigned');
  return null;
}

export function layerOfCoding(row: { layer: 'coder' | 'consensus'; coderId: number }): LayerRef {
  return row.layer === 'consensus' ? { kind: 'consensus' } : { kind: 'coder', coderId: row.coderId };
}

export interface NewCodings {
  documentId: number;
  /** The document version the range was chosen in; a correction since then makes it stale (409). */
  version: number;
  codeIds: number[];
  start: number;
  end: number;
  layer: LayerRef;
  memo?: string;
}

export async function addCodings(db: Db, writer: Writer, input: NewCodings): Promise<CodingView[]> {
  if (!await documentInProject(db, writer.projectId, input.documentId)) throw new CodingError('document.not_found', { id: input.documentId });
  const refusal = await codingWriteRefusal(db, writer, input.documentId, input.layer);
  if (refusal) throw refusal;
  const created = await createCodings(db, { ...input, projectId: writer.projectId, actorId: writer.userId });
  // Committed: tell the others who have the document open.
  await published(db, writer, input.documentId, input.layer, { added: created });
  return created;
}

const withoutQuote = ({ quote: _quote, ...coding }: CodingView): EditorCoding => coding;

/** Publishes a committed change of codings of one layer of a document, in the document's current version. */
async function published(db: Db, writer: Writer, documentId: number, layer: LayerRef, change: { added?: CodingView[]; changed?: CodingView[]; removed?: number[] }) {
  const version = (await documentInProject(db, writer.projectId, documentId))?.version;
  if (version == null) return;
  publishLive({
    kind: 'codings',
    projectId: writer.projectId,
    documentId,
    version,
    layer,
    actorId: writer.userId,
    added: (change.added ?? []).map(withoutQuote),
    changed: (change.changed ?? []).map(withoutQuote),
    removed: change.removed ?? [],
  });
}

/** The coding, when it exists and the writer may see its layer (otherwise it does not exist for them). */
async function writableCoding(db: Db, writer: Writer, codingId: number) {
  const row = await codingInProject(db, writer.projectId, codingId);
  const visible = row && mayViewLayer({ role: writer.role, userId: writer.userId, blindMode: writer.blindMode }, layerOfCoding(row));
  if (!row || !visible) throw new CodingError('coding.not_found', { id: codingId });
  const refusal = await codingWriteRefusal(db, writer, row.documentId, layerOfCoding(row));
  if (refusal) throw refusal;
  return row;
}

export async function changeCoding(
  db: Db,
  writer: Writer,
  codingId: number,
  change: { version?: number; codeId?: number; start?: number; end?: number; memo?: string },
): Promise<CodingView> {
  const row = await writableCoding(db, writer, codingId);
  // A range is only meaningful in the text it was chosen in: never re-anchor it silently.
  if ((change.start != null || change.end != null) && change.version == null) throw new DomainError('invalid_input.missing', { field: 'version' });
  const saved = await updateCoding(db, writer.projectId, codingId, change, writer.userId);
  await published(db, writer, row.documentId, layerOfCoding(row), { changed: [saved] });
  return saved;
}

export async function removeCoding(db: Db, writer: Writer, codingId: number): Promise<{ id: number }> {
  const row = await writableCoding(db, writer, codingId);
  const { id } = await deleteCoding(db, writer.projectId, codingId, writer.userId);
  await published(db, writer, row.documentId, layerOfCoding(row), { removed: [id] });
  return { id };
}
