/**
 * Search results as the screen and the API show them: hits counted per document and one
 * page of hits with their context, speaker and attributes. A one-term search is counted
 * from the index without reading every turn; anything else counts the hits `findHits` finds.
 */
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { ftsMatchExpression } from '@/lib/search/fts-match';
import { FTS_TABLE } from '@/lib/search/fts-schema';
import { matchTurn } from '@/lib/search/match';
import type { SearchOptions } from '@/lib/search/options';
import { parseQuery, type QueryNode, type TermNode } from '@/lib/search/query';
import { keywordInContext } from '@/lib/search/snippet';
import {
  candidateTurns,
  findHits,
  placeholders,
  projectDocuments,
  SearchError,
  turnFilter,
  type FoundHits,
  type Hit,
  type SearchContext,
} from './search';
import type { SpeakerKind } from '@/lib/text/speakers';
import type { SearchHitView, SearchResult } from '@/lib/search/views';

/** Attribute values of some documents or participants, in the definitions' order; private ones only if asked. */
function attributeValues(
  db: Db,
  projectId: number,
  scope: 'document' | 'participant',
  ids: number[],
  includePrivate: boolean,
): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  if (ids.length === 0) return out;
  const [table, key] = scope === 'document' ? ['document_attribute_values', 'document_id'] : ['participant_attribute_values', 'participant_id'];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.$client
      .prepare(
        `SELECT v.${key} AS id, a.name, v.value FROM ${table} v JOIN attribute_definitions a ON a.id = v.attribute_id
         WHERE a.project_id = ? ${includePrivate ? '' : 'AND a.private = 0'} AND v.${key} IN (${placeholders(chunk.length)})
         ORDER BY a.sort_order, a.id`,
      )
      .all(projectId, ...chunk) as Array<{ id: number; name: string; value: string }>;
    for (const r of rows) {
      const rec = out.get(r.id) ?? {};
      rec[r.name] = r.value;
      out.set(r.id, rec);
    }
  }
  return out;
}

/** Speaker of each turn: kind, label as written, participant. */
function speakersOf(db: Db, turnIds: number[]): Map<number, SearchHitView['speaker']> {
  const out = new Map<number, SearchHitView['speaker']>();
  for (let i = 0; i < turnIds.length; i += 500) {
    const chunk = turnIds.slice(i, i + 500);
    const rows = db.$client
      .prepare(`SELECT id, speaker_kind, speaker_label, participant_id FROM turns WHERE id IN (${placeholders(chunk.length)})`)
      .raw(true)
      .all(...chunk) as Array<[number, SpeakerKind, string, number | null]>;
    for (const [id, kind, label, participantId] of rows) out.set(id, { kind, label, participantId });
  }
  return out;
}

interface Counted {
  empty: boolean;
  truncated: boolean;
  /** Hits per document, in reading order. */
  perDocument: Array<{ documentId: number; title: string; hits: number }>;
  total: number;
  turns: number;
  /** The hits of the page. */
  shown: Hit[];
}

/** Shapes counted hits and a page of them for the screen and the API. */
function resultView(db: Db, projectId: number, counted: Counted, page: { offset: number; limit: number; includePrivate?: boolean }): SearchResult {
  const includePrivate = page.includePrivate ?? false;
  const docAttrs = attributeValues(db, projectId, 'document', counted.perDocument.map((d) => d.documentId), includePrivate);
  const { shown } = counted;
  const speakers = speakersOf(db, [...new Set(shown.map((h) => h.turn.id))]);
  const people = [...new Set([...speakers.values()].map((s) => s.participantId).filter((p): p is number => p != null))];
  const peopleAttrs = attributeValues(db, projectId, 'participant', people, includePrivate);
  const participants: SearchResult['participants'] = {};
  for (const s of speakers.values()) {
    const p = s.participantId;
    if (p != null && !participants[p]) participants[p] = { label: s.label, attributes: peopleAttrs.get(p) ?? {} };
  }
  return {
    empty: counted.empty,
    total: counted.total,
    turns: counted.turns,
    documents: counted.perDocument.map((d) => ({ ...d, attributes: docAttrs.get(d.documentId) ?? {} })),
    hits: shown.map((h) => ({
      documentId: h.turn.documentId,
      documentTitle: h.turn.documentTitle,
      turnSeq: h.turn.seq,
      speaker: speakers.get(h.turn.id)!,
      start: h.start,
      end: h.end,
      snippet: keywordInContext(h.turn.text, h.start - h.turn.start, h.end - h.turn.start),
      coded: h.coded,
    })),
    participants,
    offset: page.offset,
    limit: page.limit,
    truncated: counted.truncated,
  };
}

/**
 * Shapes found hits for the screen and the API: counts per document and one page of hits
 * with context. Private attributes (which never leave the app) only with `includePrivate`.
 */
export async function searchResultView(
  db: Db,
  projectId: number,
  found: FoundHits,
  page: { offset: number; limit: number; includePrivate?: boolean },
): Promise<SearchResult> {
  await dbReady(db);
  const perDoc = new Map<number, { documentId: number; title: string; hits: number }>();
  const turnIds = new Set<number>();
  for (const h of found.hits) {
    turnIds.add(h.turn.id);
    const d = perDoc.get(h.turn.documentId);
    if (d) d.hits++;
    else perDoc.set(h.turn.documentId, { documentId: h.turn.documentId, title: h.turn.documentTitle, hits: 1 });
  }
  return resultView(
    db,
    projectId,
    {
      empty: found.empty,
      truncated: found.truncated,
      perDocument: [...perDoc.values()],
      total: found.hits.length,
      turns: turnIds.size,
      shown: found.hits.slice(page.offset, page.offset + page.limit),
    },
    page,
  );
}

const VOCAB = `temp.${FTS_TABLE}_instances`;

/** By default, a phrase in at most this many turns (of the whole index) is searched by reading them. */
const RARE_PHRASE_TURNS = 3000;

/** SQL and parameters selecting the index's instances of a folded word (or of words starting with it). */
function termCondition(word: string, prefix: boolean): { sql: string; params: string[] } {
  return prefix ? { sql: 'v.term >= ? AND v.term < ?', params: [word, word + String.fromCodePoint(0x10ffff)] } : { sql: 'v.term = ?', params: [word] };
}

/**
 * Hits per document of a one-term query (a word, a prefix or a phrase), from the index's
 * word positions (fts5vocab): [documentId, hits, turns with hits], in no particular order.
 */
async function termCounts(db: Db, projectId: number, options: SearchOptions, term: TermNode): Promise<Array<[number, number, number]>> {
  const c = db.$client;
  c.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${VOCAB} USING fts5vocab(main, '${FTS_TABLE}', 'instance')`);
  const { where, params } = await turnFilter(db, projectId, options);
  const last = term.words.length - 1;
  const first = termCondition(term.words[0], term.prefix && last === 0);
  const from = `${VOCAB} v JOIN turns t ON t.id = v.doc JOIN documents d ON d.id = t.document_id WHERE ${first.sql} AND ${where.join(' AND ')}`;
  if (last === 0) {
    // One word: SQL counts.
    return c
      .prepare(`SELECT t.document_id, count(*), count(DISTINCT t.id) FROM ${from} GROUP BY t.document_id`)
      .raw(true)
      .all(...first.params, ...params) as Array<[number, number, number]>;
  }
  // A phrase: its first word's positions, kept where the next words follow one by one.
  // Overlapping occurrences in a turn ("a a" in "a a a") are one hit, as in matchTurn.
  const key = (turn: number, offset: number) => turn * 2 ** 21 + offset;
  const next = term.words.slice(1).map((w, k) => {
    const cond = termCondition(w, term.prefix && k + 1 === last);
    const rows = c.prepare(`SELECT v.doc, v.offset FROM ${VOCAB} v WHERE ${cond.sql}`).raw(true).all(...cond.params) as Array<[number, number]>;
    return new Set(rows.map(([turn, offset]) => key(turn, offset)));
  });
  const starts = (c.prepare(`SELECT v.doc, v.offset, t.document_id FROM ${from}`).raw(true).all(...first.params, ...params) as Array<[number, number, number]>)
    .filter(([turn, offset]) => next.every((set, k) => set.has(key(turn, offset + k + 1))))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const perDoc = new Map<number, [number, number, number]>();
  let prevTurn = -1;
  let prevEnd = -1;
  for (const [turn, offset, documentId] of starts) {
    const row = perDoc.get(documentId) ?? [documentId, 0, 0];
    perDoc.set(documentId, row);
    if (turn !== prevTurn) {
      row[2]++;
      prevEnd = -1;
    }
    if (offset > prevEnd) row[1]++;
    prevTurn = turn;
    prevEnd = Math.max(prevEnd, offset + last);
  }
  return [...perDoc.values()];
}

/**
 * A one-term search (a word, a prefix or a phrase: the commonest kinds), counted from the
 * index's word positions rather than by reading every turn: on a word in half the turns
 * that is most of the time. The counts are the hits `matchTurn` would find, as the index
 * cuts and folds words exactly as `lib/search/words.ts` does (held by tests); the page's
 * documents are then searched the ordinary way for their hits. Null for other queries.
 */
async function countedTermSearch(
  db: Db,
  projectId: number,
  options: SearchOptions,
  query: QueryNode,
  page: { offset: number; limit: number },
  rarePhraseTurns: number,
): Promise<Counted | null> {
  if (query.kind !== 'term') return null;
  // A phrase of common words can be rare; then reading its few turns is cheaper than
  // joining every position of its words. The index says how many turns have it.
  if (query.words.length > 1) {
    const turns = db.$client.prepare(`SELECT count(*) FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ?`).pluck().get(ftsMatchExpression(query)) as number;
    if (turns <= rarePhraseTurns) return null;
  }
  const rows = await termCounts(db, projectId, options, query);
  const docs = await projectDocuments(db, projectId);
  rows.sort((a, b) => docs.get(a[0])!.order - docs.get(b[0])!.order);
  let total = 0;
  let turns = 0;
  const pageDocs: number[] = [];
  let before = 0;
  const end = page.offset + page.limit;
  for (const [documentId, hits, turnCount] of rows) {
    if (total + hits > page.offset && total < end) {
      if (pageDocs.length === 0) before = total;
      pageDocs.push(documentId);
    }
    total += hits;
    turns += turnCount;
  }
  const shown: Hit[] = [];
  if (pageDocs.length) {
    const all: Hit[] = [];
    for (const turn of await candidateTurns(db, projectId, options, ftsMatchExpression(query), pageDocs)) {
      for (const [s, e] of matchTurn(turn.text, query)) all.push({ turn, start: turn.start + s, end: turn.start + e, coded: null });
    }
    shown.push(...all.slice(page.offset - before, page.offset - before + page.limit));
  }
  return {
    empty: false,
    truncated: false,
    perDocument: rows.map(([documentId, hits]) => ({ documentId, title: docs.get(documentId)!.title, hits })),
    total,
    turns,
    shown,
  };
}

/**
 * Runs a search and returns one page of it. A one-term search without the "already coded"
 * filter is counted from the index (`countedTermSearch`); anything else goes through
 * `findHits`, which finds every hit's offsets.
 */
export async function searchProject(
  db: Db,
  projectId: number,
  options: SearchOptions,
  ctx: SearchContext & {
    offset?: number;
    limit?: number;
    includePrivate?: boolean;
    /** A phrase in at most this many turns is searched by reading them (tuning; tests set 0 to count every phrase from the index). */
    rarePhraseTurns?: number;
  },
): Promise<SearchResult> {
  await dbReady(db);
  const page = { offset: ctx.offset ?? 0, limit: ctx.limit ?? 200, includePrivate: ctx.includePrivate };
  if (!options.regex && !options.coded && ctx.markCodeId == null) {
    const parsed = parseQuery(options.q);
    if (!parsed.ok) throw new SearchError(parsed.error.code, { at: parsed.error.at, text: parsed.error.text });
    if (!parsed.query) return resultView(db, projectId, { empty: true, truncated: false, perDocument: [], total: 0, turns: 0, shown: [] }, page);
    const counted = await countedTermSearch(db, projectId, options, parsed.query, page, ctx.rarePhraseTurns ?? RARE_PHRASE_TURNS);
    if (counted) return resultView(db, projectId, counted, page);
  }
  const found = await findHits(db, projectId, options, ctx);
  return await searchResultView(db, projectId, found, page);
}
