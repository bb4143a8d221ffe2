/**
 * Search over a project's transcripts on PostgreSQL (issue #20, item 3): the same query language
 * (lib/search/query.ts), the same folding and the same hits and offsets as db/queries/search.ts
 * on SQLite. Only the finding of candidate turns differs: where SQLite asks its FTS5 index, this
 * asks for turns whose folded text (`fgc_search_fold`, db/pg/search-schema.ts) contains every
 * folded word the query needs — through the pg_trgm index of migration 0001 — a superset of the
 * turns that match. lib/search/match.ts then decides, per turn, exactly as on SQLite: same hits,
 * same offsets. Regex mode runs the pattern over the filtered turns, as on SQLite.
 *
 * Filters: speakers, document and participant attributes (bins read as ranges), and "coded with
 * code X in my layer", as on SQLite. Not wired into the app yet: nothing runs on PostgreSQL until
 * the data layer does (items 2 and 4).
 */
import type pg from 'pg';
import type { AttributeBin } from '@/lib/attributes/types';
import type { AttributeFilter, SearchOptions } from '@/lib/search/options';
import type { QueryNode } from '@/lib/search/query';
import { collectHits, SearchError, type FoundHits, type SearchContext, type SearchTurn } from '../queries/search';
import { PG_FOLD_FUNCTION } from './search-schema';

type Queryable = pg.Pool | pg.PoolClient;

interface Definition {
  id: number;
  scope: string;
  type: string;
  bins: AttributeBin[];
}

/** Adds `value` to `params` and returns its placeholder. */
const param = (params: unknown[], value: unknown) => `$${params.push(value)}`;

/** `%word%` for LIKE, with LIKE's own characters escaped (folded words hold none, but a query never reaches SQL unescaped). */
const contains = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A condition true for every turn the query matches (and maybe for some it does not): each word
 * of a term must be in the folded text; AND and OR as they are; `a NOT b` as `a` (whether b is in
 * the turn is matchTurn's to say).
 */
export function candidateCondition(node: QueryNode, params: unknown[]): string {
  switch (node.kind) {
    case 'term':
      return `(${node.words.map((w) => `${PG_FOLD_FUNCTION}(t.text) LIKE ${param(params, contains(w))}`).join(' AND ')})`;
    case 'and':
      return `(${candidateCondition(node.left, params)} AND ${candidateCondition(node.right, params)})`;
    case 'or':
      return `(${candidateCondition(node.left, params)} OR ${candidateCondition(node.right, params)})`;
    case 'not':
      return candidateCondition(node.left, params);
  }
}

async function definitions(db: Queryable, projectId: number): Promise<Definition[]> {
  const { rows } = await db.query<Definition>('SELECT id, scope, type, bins FROM attribute_definitions WHERE project_id = $1', [projectId]);
  return rows;
}

function filterClauses(defs: Definition[], filters: AttributeFilter[], scope: 'document' | 'participant', where: string[], params: unknown[]): void {
  for (const f of filters) {
    const def = defs.find((d) => d.id === f.attributeId && d.scope === scope);
    if (!def) throw new SearchError('unknownAttribute');
    const parts: string[] = [];
    const exact: string[] = [];
    const attribute = param(params, f.attributeId);
    for (const v of f.values) {
      const bin = def.type === 'number' ? def.bins.find((b) => b.label === v) : undefined;
      if (bin) parts.push(`(num_value BETWEEN ${param(params, bin.min)} AND ${param(params, bin.max)})`);
      else exact.push(v);
    }
    if (exact.length) parts.push(`value = ANY(${param(params, exact)}::text[])`);
    const cond = parts.join(' OR ');
    where.push(
      scope === 'document'
        ? `t.document_id IN (SELECT document_id FROM document_attribute_values WHERE attribute_id = ${attribute} AND (${cond}))`
        : `t.participant_id IN (SELECT participant_id FROM participant_attribute_values WHERE attribute_id = ${attribute} AND (${cond}))`,
    );
  }
}

/** The turns of the project that pass the filters (and `condition`), in reading order (documents as SQLite orders them: sort order, title by code point, id). */
async function candidateTurns(db: Queryable, projectId: number, options: SearchOptions, query: QueryNode | null): Promise<SearchTurn[]> {
  const params: unknown[] = [];
  const where = [`d.project_id = ${param(params, projectId)}`];
  if (options.speakers === 'participants') where.push(`t.speaker_kind = 'participant'`);
  if (options.speakers === 'moderator') where.push(`t.speaker_kind = 'moderator'`);
  const defs = options.document.length || options.participant.length ? await definitions(db, projectId) : [];
  filterClauses(defs, options.document, 'document', where, params);
  filterClauses(defs, options.participant, 'participant', where, params);
  if (query) where.push(candidateCondition(query, params));
  const { rows } = await db.query<{ id: number; document_id: number; title: string; version: number; seq: number; start: number; text: string }>(
    `SELECT t.id, t.document_id, d.title, d.version, t.seq, t.start, t.text
       FROM turns t JOIN documents d ON d.id = t.document_id
      WHERE ${where.join(' AND ')}
      ORDER BY d.sort_order, d.title COLLATE "C", d.id, t.seq`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    documentTitle: r.title,
    documentVersion: r.version,
    seq: r.seq,
    start: r.start,
    end: r.start + r.text.length,
    text: r.text,
  }));
}

/**
 * Every hit of the search in the project, in reading order — db/queries/search.ts's `findHits`
 * on PostgreSQL. Throws `SearchError` for a malformed query or regular expression.
 */
export async function findHitsPg(db: Queryable, projectId: number, options: SearchOptions, ctx: SearchContext): Promise<FoundHits> {
  return collectHits(
    {
      turns: (query) => candidateTurns(db, projectId, options, query),
      codingSpans: async (codeId, layer) => {
        const params: unknown[] = [projectId, codeId];
        const layerSql = layer.kind === 'consensus' ? `layer = 'consensus'` : `layer = 'coder' AND coder_id = ${param(params, layer.coderId)}`;
        const { rows } = await db.query<{ document_id: number; start: number; end: number }>(
          `SELECT document_id, start, "end" FROM codings WHERE project_id = $1 AND code_id = $2 AND ${layerSql} ORDER BY document_id, start`,
          params,
        );
        return rows.map((r) => ({ documentId: r.document_id, start: r.start, end: r.end }));
      },
    },
    options,
    ctx,
  );
}
