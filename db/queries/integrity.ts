/**
 * The invariants every database must keep (DESIGN.md, "Text and offsets"): each coding's
 * quote equals its document's text at [start, end), offsets lie inside the text, turns
 * are contiguous, and nothing points across projects or at nothing.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady } from '../transaction';

export interface IntegrityReport {
  documents: number;
  turns: number;
  codings: number;
  problems: string[];
}

export async function checkIntegrity(db: Db): Promise<IntegrityReport> {
  await dbReady(db);
  const problems: string[] = [];
  const client = db.$client;
  const fk = client.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`${fk.length} rows violate foreign keys`);

  const turnRows = client
    .prepare('select document_id as documentId, seq, start, "end", text from turns order by document_id, seq')
    .all() as Array<{ documentId: number; seq: number; start: number; end: number; text: string }>;
  const texts = new Map<number, string[]>();
  let prev: { documentId: number; end: number } | null = null;
  for (const t of turnRows) {
    const expectedStart = prev && prev.documentId === t.documentId ? prev.end + 1 : 0;
    if (t.start !== expectedStart) problems.push(`Document ${t.documentId}, turn ${t.seq}: starts at ${t.start}, expected ${expectedStart}`);
    if (t.end - t.start !== t.text.length) problems.push(`Document ${t.documentId}, turn ${t.seq}: range length ${t.end - t.start} ≠ text length ${t.text.length}`);
    if (t.text.includes('\n')) problems.push(`Document ${t.documentId}, turn ${t.seq}: text contains a line break`);
    const list = texts.get(t.documentId) ?? [];
    list.push(t.text);
    texts.set(t.documentId, list);
    prev = { documentId: t.documentId, end: t.end };
  }

  const joined = new Map([...texts].map(([id, parts]) => [id, parts.join('\n')]));
  const codingRows = client
    .prepare('select id, document_id as documentId, start, "end", quote, needs_review as needsReview from codings')
    .all() as Array<{ id: number; documentId: number; start: number; end: number; quote: string; needsReview: number }>;
  for (const c of codingRows) {
    const text = joined.get(c.documentId) ?? '';
    // A coding whose text a correction deleted is kept collapsed (start = end) for review.
    const emptyOk = c.needsReview === 1 && c.end === c.start;
    if (c.start < 0 || c.end > text.length || (c.end <= c.start && !emptyOk)) {
      problems.push(`Coding ${c.id}: range [${c.start}, ${c.end}) is outside document ${c.documentId} (length ${text.length}) or empty`);
    } else if (text.slice(c.start, c.end) !== c.quote) {
      problems.push(`Coding ${c.id}: quote differs from the text at [${c.start}, ${c.end}) of document ${c.documentId}`);
    }
  }

  const crossProject: Array<[string, string]> = [
    ['codings whose code is in another project', 'select count(*) n from codings c join codes k on k.id = c.code_id where k.project_id <> c.project_id'],
    ['codings whose document is in another project', 'select count(*) n from codings c join documents d on d.id = c.document_id where d.project_id <> c.project_id'],
    ['turns whose participant is in another project', 'select count(*) n from turns t join documents d on d.id = t.document_id join participants p on p.id = t.participant_id where p.project_id <> d.project_id'],
    ['participant turns without a participant', "select count(*) n from turns where speaker_kind = 'participant' and participant_id is null"],
    ['codes whose parent is in another project', 'select count(*) n from codes c join codes p on p.id = c.parent_id where p.project_id <> c.project_id'],
    ['assignments whose document is in another project', 'select count(*) n from assignments a join documents d on d.id = a.document_id where d.project_id <> a.project_id'],
  ];
  for (const [what, query] of crossProject) {
    const n = (client.prepare(query).get() as { n: number }).n;
    if (n) problems.push(`${n} ${what}`);
  }
  const integrity = db.get<{ integrity_check: string }>(sql`pragma integrity_check`);
  if (integrity?.integrity_check !== 'ok') problems.push(`SQLite integrity check: ${integrity?.integrity_check}`);

  return { documents: texts.size, turns: turnRows.length, codings: codingRows.length, problems };
}
