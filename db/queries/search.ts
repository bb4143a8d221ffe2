/**
 * Search over a project's transcripts: every hit, with its offsets. The FTS5 index
 * (`turns_fts`, kept in step with the turns by triggers) finds the turns;
 * `lib/search/match.ts` computes the exact hits in each (or, in regex mode, a time-limited
 * worker runs the pattern over the filtered turns). Filters on document and participant
 * attributes and on the speaker are SQL; the filter on "already coded with code X in my
 * layer" is applied to the hits. Pages of results for the screen and the API are
 * `search-results.ts`.
 */
import type { Db } from '../client';
import { dbReady } from '../transaction';
import type { LayerRef } from '@/lib/access/layers';
import { ftsMatchExpression } from '@/lib/search/fts-match';
import { FTS_TABLE } from '@/lib/search/fts-schema';
import { matchTurn } from '@/lib/search/match';
import type { AttributeFilter, SearchOptions } from '@/lib/search/options';
import { parseQuery, type QueryErrorCode, type QueryNode } from '@/lib/search/query';
import { regexMatches, RegexSearchError, type RegexErrorCode } from '@/lib/search/regex';
import { DomainError } from '@/lib/errors';
import { attributeDefinitionsFor, type AttributeDefinition } from './attributes';
import type { FilterChoice } from '@/lib/search/views';

/** A search that cannot run as asked; the reason is `search.<code>`, at which character and what. */
export class SearchError extends DomainError {
  constructor(code: QueryErrorCode | RegexErrorCode | 'unknownAttribute', where: { at?: number; text?: string } = {}) {
    super(`search.${code}`, { at: where.at != null ? where.at + 1 : '', text: where.text ?? '' });
  }
}

/** A turn the search looked at. */
export interface SearchTurn {
  id: number;
  documentId: number;
  documentTitle: string;
  /** The document's version when searched: a later correction makes these offsets stale. */
  documentVersion: number;
  seq: number;
  start: number;
  end: number;
  text: string;
}

/** A hit: `[start, end)` in the document's canonical text, inside `turn`. */
export interface Hit {
  turn: SearchTurn;
  start: number;
  end: number;
  /** Coded with the code asked about, in the layer asked about (null when nothing was asked). */
  coded: boolean | null;
}

export interface FoundHits {
  /** Nothing to search for (an empty query): show the empty state. */
  empty: boolean;
  hits: Hit[];
  truncated: boolean;
}

/** At most this many hits are kept; more are reported as truncated. */
export const MAX_HITS = 100_000;

export interface SearchContext {
  /** Whose codings "already coded" refers to: the user's layer (consensus for a viewer). */
  codedLayer: LayerRef;
  /** Also mark each hit as coded or not with this code (e.g. the code about to be applied). */
  markCodeId?: number | null;
  regexTimeLimitMs?: number;
}

export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** SQL for "the attribute value is one of these", reading bin labels of binned numbers as ranges. */
function valueCondition(def: AttributeDefinition, values: string[], params: unknown[]): string {
  const parts: string[] = [];
  const exact: string[] = [];
  for (const v of values) {
    const bin = def.type === 'number' ? def.bins.find((b) => b.label === v) : undefined;
    if (bin) {
      parts.push('(num_value BETWEEN ? AND ?)');
      params.push(bin.min, bin.max);
    } else {
      exact.push(v);
    }
  }
  if (exact.length) {
    parts.push(`value IN (${placeholders(exact.length)})`);
    params.push(...exact);
  }
  return parts.join(' OR ');
}

function filterClauses(
  defs: AttributeDefinition[],
  filters: AttributeFilter[],
  scope: 'document' | 'participant',
  where: string[],
  params: unknown[],
): void {
  for (const f of filters) {
    const def = defs.find((d) => d.id === f.attributeId && d.scope === scope);
    if (!def) throw new SearchError('unknownAttribute');
    const inner: unknown[] = [f.attributeId];
    const cond = valueCondition(def, f.values, inner);
    where.push(
      scope === 'document'
        ? `t.document_id IN (SELECT document_id FROM document_attribute_values WHERE attribute_id = ? AND (${cond}))`
        : `t.participant_id IN (SELECT participant_id FROM participant_attribute_values WHERE attribute_id = ? AND (${cond}))`,
    );
    params.push(...inner);
  }
}

export interface ProjectDocument {
  title: string;
  version: number;
  /** Position in reading order. */
  order: number;
}

export async function projectDocuments(db: Db, projectId: number): Promise<Map<number, ProjectDocument>> {
  await dbReady(db);
  const rows = db.$client
    .prepare('SELECT id, title, version FROM documents WHERE project_id = ? ORDER BY sort_order, title, id')
    .raw(true)
    .all(projectId) as Array<[number, string, number]>;
  return new Map(rows.map(([id, title, version], order) => [id, { title, version, order }]));
}

/** The FROM and WHERE of "turns of the project that pass the filters", with their parameters. */
export async function turnFilter(db: Db, projectId: number, options: SearchOptions): Promise<{ where: string[]; params: unknown[] }> {
  await dbReady(db);
  const defs = await attributeDefinitionsFor(db, projectId);
  const where: string[] = ['d.project_id = ?'];
  const params: unknown[] = [projectId];
  if (options.speakers === 'participants') where.push(`t.speaker_kind = 'participant'`);
  if (options.speakers === 'moderator') where.push(`t.speaker_kind = 'moderator'`);
  filterClauses(defs, options.document, 'document', where, params);
  filterClauses(defs, options.participant, 'participant', where, params);
  return { where, params };
}

/**
 * Selects `columns` of the turns of the project that pass the filters (and the MATCH
 * expression, when given; and only of `documentIds`, when given). Rows come back as arrays,
 * in no order: on a common word this reads tens of thousands of turns, and row objects, a
 * SQL sort and unused columns were most of the cost.
 */
async function filteredTurns(
  db: Db,
  projectId: number,
  options: SearchOptions,
  match: string | null,
  columns: string,
  documentIds?: number[],
): Promise<unknown[][]> {
  const { where, params } = await turnFilter(db, projectId, options);
  if (match) {
    where.unshift(`${FTS_TABLE} MATCH ?`);
    params.unshift(match);
  }
  if (documentIds) {
    where.push(`t.document_id IN (${placeholders(documentIds.length)})`);
    params.push(...documentIds);
  }
  const from = match
    ? `${FTS_TABLE} JOIN turns t ON t.id = ${FTS_TABLE}.rowid JOIN documents d ON d.id = t.document_id`
    : 'turns t JOIN documents d ON d.id = t.document_id';
  return db.$client
    .prepare(`SELECT ${columns} FROM ${from} WHERE ${where.join(' AND ')}`)
    .raw(true)
    .all(...params) as unknown[][];
}

export function turnOf(docs: Map<number, ProjectDocument>, [id, documentId, seq, start, text]: [number, number, number, number, string]): SearchTurn {
  const d = docs.get(documentId)!;
  return { id, documentId, documentTitle: d.title, documentVersion: d.version, seq, start, end: start + text.length, text };
}

function inReadingOrder<T extends { documentId: number; seq: number }>(docs: Map<number, ProjectDocument>, items: T[]): T[] {
  const keyed = items.map((item) => ({ item, order: docs.get(item.documentId)!.order }));
  keyed.sort((a, b) => a.order - b.order || a.item.seq - b.item.seq);
  return keyed.map((k) => k.item);
}

/** The turns (with their text) of the project that pass the filters and the MATCH expression, in reading order. */
export async function candidateTurns(db: Db, projectId: number, options: SearchOptions, match: string | null, documentIds?: number[]): Promise<SearchTurn[]> {
  await dbReady(db);
  const rows = await filteredTurns(db, projectId, options, match, 't.id, t.document_id, t.seq, t.start, t.text', documentIds) as Array<
    [number, number, number, number, string]
  >;
  const docs = await projectDocuments(db, projectId);
  return inReadingOrder(
    docs,
    rows.map((r) => turnOf(docs, r)),
  );
}

/** A coding's extent, for marking hits as coded. */
export interface CodingSpan {
  documentId: number;
  start: number;
  end: number;
}

/** For each hit, is it overlapped by one of `spans` (ordered by document, then start)? */
export function overlapFlags(spans: readonly CodingSpan[], hits: readonly Hit[]): boolean[] {
  // Per document: starts in order and the running maximum of ends, so "some coding starts
  // before the hit ends and ends after it starts" is a binary search.
  const byDoc = new Map<number, { starts: number[]; maxEnds: number[] }>();
  for (const r of spans) {
    const e = byDoc.get(r.documentId) ?? { starts: [], maxEnds: [] };
    e.maxEnds.push(Math.max(r.end, e.maxEnds[e.maxEnds.length - 1] ?? -1));
    e.starts.push(r.start);
    byDoc.set(r.documentId, e);
  }
  return hits.map((h) => {
    const e = byDoc.get(h.turn.documentId);
    if (!e) return false;
    let lo = 0;
    let hi = e.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (e.starts[mid] < h.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && e.maxEnds[lo - 1] > h.start;
  });
}

/** What a search needs of an engine: the turns that may hold hits, and a code's codings in a layer. */
export interface HitSource {
  /** Every turn that may match `query` (all turns passing the filters when null: a regular expression). */
  turns(query: QueryNode | null): Promise<SearchTurn[]>;
  /** The codings of `codeId` in `layer`, ordered by document, then start. */
  codingSpans(codeId: number, layer: LayerRef): Promise<CodingSpan[]>;
}

/**
 * Every hit of the search, in reading order, from the candidate turns an engine finds: the
 * query language, regular expressions, the hit limit and the coded marks are the same on
 * every engine. Throws `SearchError` for a malformed query or regular expression.
 */
export async function collectHits(source: HitSource, options: SearchOptions, ctx: SearchContext): Promise<FoundHits> {
  let hits: Hit[] = [];
  let truncated = false;
  if (options.regex) {
    if (options.q.trim() === '') return { empty: true, hits: [], truncated: false };
    const turns = await source.turns(null);
    let found;
    try {
      found = await regexMatches(options.q, turns.map((t) => t.text), { timeLimitMs: ctx.regexTimeLimitMs, maxMatches: MAX_HITS });
    } catch (e) {
      if (e instanceof RegexSearchError) throw new SearchError(e.code, { text: e.detail });
      throw e;
    }
    truncated = found.truncated;
    found.ranges.forEach((flat, i) => {
      const turn = turns[i];
      for (let k = 0; k < flat.length; k += 2) hits.push({ turn, start: turn.start + flat[k], end: turn.start + flat[k + 1], coded: null });
    });
  } else {
    const parsed = parseQuery(options.q);
    if (!parsed.ok) throw new SearchError(parsed.error.code, { at: parsed.error.at, text: parsed.error.text });
    if (!parsed.query) return { empty: true, hits: [], truncated: false };
    const query = parsed.query;
    for (const turn of await source.turns(query)) {
      for (const [s, e] of matchTurn(turn.text, query)) hits.push({ turn, start: turn.start + s, end: turn.start + e, coded: null });
      if (hits.length >= MAX_HITS) {
        truncated = true;
        hits = hits.slice(0, MAX_HITS);
        break;
      }
    }
  }
  const codeId = options.coded?.codeId ?? ctx.markCodeId ?? null;
  if (codeId != null) {
    const flags = hits.length ? overlapFlags(await source.codingSpans(codeId, ctx.codedLayer), hits) : [];
    hits.forEach((h, i) => (h.coded = flags[i]));
    if (options.coded) hits = hits.filter((h) => h.coded === (options.coded!.state === 'coded'));
  }
  return { empty: false, hits, truncated };
}

/**
 * Every hit of the search in the project, in reading order. Throws `SearchError` for a
 * malformed query or regular expression, or one stopped at the time limit.
 */
export async function findHits(db: Db, projectId: number, options: SearchOptions, ctx: SearchContext): Promise<FoundHits> {
  await dbReady(db);
  return collectHits(
    {
      turns: (query) => candidateTurns(db, projectId, options, query ? ftsMatchExpression(query) : null),
      codingSpans: async (codeId, layer) => {
        // The regular expressions ran in a worker, answering in a later turn: a transaction may have opened since.
        await dbReady(db);
        const layerSql = layer.kind === 'consensus' ? `layer = 'consensus'` : `layer = 'coder' AND coder_id = ?`;
        return db.$client
          .prepare(
            `SELECT document_id AS documentId, start, "end" AS "end" FROM codings
             WHERE project_id = ? AND code_id = ? AND ${layerSql} ORDER BY document_id, start`,
          )
          .all(...[projectId, codeId, ...(layer.kind === 'coder' ? [layer.coderId] : [])]) as CodingSpan[];
      },
    },
    options,
    ctx,
  );
}

/** The attributes a search can filter on, with their choices. A number attribute without bins is left out. */
export async function searchFilterChoices(db: Db, projectId: number): Promise<FilterChoice[]> {
  await dbReady(db);
  const used = db.$client.prepare(
    `SELECT DISTINCT value FROM (
       SELECT attribute_id, value FROM document_attribute_values
       UNION ALL SELECT attribute_id, value FROM participant_attribute_values
     ) WHERE attribute_id = ? ORDER BY value LIMIT 50`,
  );
  const out: FilterChoice[] = [];
  for (const def of await attributeDefinitionsFor(db, projectId)) {
    let values: string[];
    if (def.type === 'number') values = def.bins.map((b) => b.label);
    else if (def.type === 'category' && def.values.length) values = def.values;
    else values = used.pluck().all(def.id) as string[];
    if (values.length) out.push({ attributeId: def.id, scope: def.scope, name: def.name, values });
  }
  return out;
}
