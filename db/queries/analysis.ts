/**
 * Analysis: frequencies, co-occurrence, the case matrix and the excerpts behind their cells.
 *
 * The counting happens in lib/analysis over a compact model of the project (turns as sorted
 * ranges, a layer's codings as typed arrays) that analysis-snapshot keeps up to date; this
 * module only reads.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { attributeDefinitions, codings, participants, users } from '../schema';
import { analysisModel, codersWithCodings, layerCodings } from './analysis-snapshot';
import { membersOfProject } from './projects';
import { computeCaseMatrix, type CaseMatrix } from '@/lib/analysis/case-matrix';
import { codeRows } from '@/lib/analysis/code-rows';
import { computeCooccurrence, type CooccurrenceMatrix } from '@/lib/analysis/cooccurrence';
import { selectExcerpts, selectFromSet, type CandidateCoding, type Excerpt, type SelectedExcerpt } from '@/lib/analysis/excerpts';
import { attributedParticipants } from '@/lib/analysis/attribution';
import { compileFilter } from '@/lib/analysis/filter';
import { setsOfProject } from './item-sets';
import { computeFrequencies, type FrequencyTable } from '@/lib/analysis/frequencies';
import { turnsAt, type AnalysisModel, type CodingSet } from '@/lib/analysis/model';
import { cooccurrencePassages } from '@/lib/analysis/passages';
import type { AnalysisContext } from '@/lib/analysis/resolve';
import type { AnalysisFilter, AnalysisLayer, ColumnSource, CooccurrenceMode } from '@/lib/analysis/types';
import { coderKey } from '@/lib/access/layers';

export { analysisModel, clearAnalysisCache } from './analysis-snapshot';

// ---------------------------------------------------------------- context

/** What parameters are checked against: attributes, codes, documents, coder layers (members who code, and anyone whose layer has codings). */
export async function analysisContext(db: Db, projectId: number): Promise<AnalysisContext> {
  await dbReady(db);
  const model = await analysisModel(db, projectId);
  const members = await membersOfProject(db, projectId);
  const used = await codersWithCodings(db, projectId);
  const coders = members.filter((m) => m.role === 'coder' || used.includes(m.userId)).map((m) => ({ id: m.userId, name: m.name }));
  const others = used.filter((id) => !coders.some((c) => c.id === id));
  if (others.length) {
    coders.push(...db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, others)).all());
  }
  return {
    attributes: model.attributes,
    codes: model.codes.map(({ id, parentId, name, color, sortOrder, archived }) => ({ id, parentId, name, color, sortOrder, archived })),
    documents: model.documents.map(({ id, title }) => ({ id, title })),
    coders,
    sets: (await setsOfProject(db, projectId)).map(({ id, kind, name, memberIds }) => ({ id, kind, name, memberIds })),
    participantExists: (id) =>
      !!db.select({ id: participants.id }).from(participants).where(and(eq(participants.projectId, projectId), eq(participants.id, id))).get(),
  };
}

function layerWhere(layer: AnalysisLayer): { sql: string; args: Array<string | number> } {
  if (layer.kind === 'consensus') return { sql: "layer = 'consensus'", args: [] };
  if (layer.kind === 'union') return { sql: "layer = 'coder'", args: [] };
  return { sql: "layer = 'coder' and coder_id = ?", args: [layer.coderId] };
}

// ---------------------------------------------------------------- tables

export interface FrequencyQuery {
  filter: AnalysisFilter;
  columns: ColumnSource;
  split: ColumnSource | null;
  rollup: boolean;
}

/** Code × attribute (or × document) frequencies in every measure; see lib/analysis/frequencies. */
export async function frequenciesFor(db: Db, projectId: number, q: FrequencyQuery): Promise<FrequencyTable> {
  await dbReady(db);
  const model = await analysisModel(db, projectId);
  return computeFrequencies(model, await layerCodings(db, projectId, q.filter.layer), {
    columns: q.columns,
    split: q.split,
    rollup: q.rollup,
    subtree: q.filter.codeId,
    filter: compileFilter(model, q.filter),
  });
}

/** The co-occurrence matrix of the filter's codes; see lib/analysis/cooccurrence. */
export async function cooccurrenceFor(db: Db, projectId: number, filter: AnalysisFilter, mode: CooccurrenceMode): Promise<CooccurrenceMatrix> {
  await dbReady(db);
  const model = await analysisModel(db, projectId);
  return computeCooccurrence(model, await layerCodings(db, projectId, filter.layer), { mode, subtree: filter.codeId, filter: compileFilter(model, filter) });
}

/** Participants × codes; see lib/analysis/case-matrix. */
export async function caseMatrixFor(db: Db, projectId: number, filter: AnalysisFilter, rollup: boolean): Promise<CaseMatrix> {
  await dbReady(db);
  const model = await analysisModel(db, projectId);
  return computeCaseMatrix(model, await layerCodings(db, projectId, filter.layer), { subtree: filter.codeId, rollup, filter: compileFilter(model, filter) });
}

// ---------------------------------------------------------------- excerpts

/** The candidate codings of a filter's codes and documents in its layer, before attribution. */
function candidates(db: Db, projectId: number, model: AnalysisModel, filter: AnalysisFilter): CandidateCoding[] {
  const f = compileFilter(model, filter);
  const codeIds = filter.codeId == null ? null : model.codes.filter((_, i) => f.codePass[i]).map((c) => c.id);
  if (codeIds?.length === 0) return [];
  const w = layerWhere(filter.layer);
  const parts = ['project_id = ?', w.sql];
  const args: Array<string | number> = [projectId, ...w.args];
  if (codeIds) {
    parts.push(`code_id in (${codeIds.map(() => '?').join(',')})`);
    args.push(...codeIds);
  }
  if (filter.documentIds) {
    if (filter.documentIds.length === 0) return [];
    parts.push(`document_id in (${filter.documentIds.map(() => '?').join(',')})`);
    args.push(...filter.documentIds);
  }
  const rows = db.$client.prepare(`select id, document_id, code_id, coder_id, start, "end" from codings where ${parts.join(' and ')}`).raw().all(...args) as number[][];
  return rows.map(([id, documentId, codeId, coderId, start, end]) => ({ id, documentId, codeId, coderId, start, end }));
}

function selected(db: Db, projectId: number, model: AnalysisModel, filter: AnalysisFilter): SelectedExcerpt[] {
  return selectExcerpts(model, candidates(db, projectId, model, filter), compileFilter(model, filter), filter.layer.kind === 'union');
}

function publicAttributes(model: AnalysisModel, scope: 'document' | 'participant', values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of model.attributes) if (a.scope === scope && !a.private && values[a.name] != null) out[a.name] = values[a.name];
  return out;
}

function describe(db: Db, model: AnalysisModel, page: SelectedExcerpt[]): Excerpt[] {
  if (page.length === 0) return [];
  const ids = page.map((e) => e.codingId);
  const text = new Map(
    db.select({ id: codings.id, quote: codings.quote, memo: codings.memo, layer: codings.layer }).from(codings).where(inArray(codings.id, ids)).all().map((r) => [r.id, r]),
  );
  const coderIds = [...new Set(page.flatMap((e) => e.coderIds))];
  const names = new Map(db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, coderIds)).all().map((u) => [u.id, u.name]));
  const { rows, rowOf } = codeRows(model.codes, null);
  return page.map((e) => {
    const doc = model.documents[e.documentIndex];
    const code = rows[rowOf[e.codeIndex]];
    const row = text.get(e.codingId);
    const layer = row?.layer ?? 'coder';
    return {
      codingId: e.codingId,
      codingIds: e.codingIds,
      documentId: doc.id,
      documentTitle: doc.title,
      documentAttributes: publicAttributes(model, 'document', doc.attributes),
      codeId: code.code.id,
      codeName: code.code.name,
      codePath: code.path,
      codeColor: code.code.color,
      start: e.start,
      end: e.end,
      quote: row?.quote ?? '',
      memo: row?.memo ?? '',
      participants: e.participants.map((p) => {
        const person = model.participants[p];
        return { participantId: person.id, label: person.label, attributes: publicAttributes(model, 'participant', person.attributes) };
      }),
      turns: e.turns,
      layer,
      coders: e.coderIds.map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
      layerKeys: layer === 'consensus' ? ['consensus'] : e.coderIds.map(coderKey),
    };
  });
}

/** Selected excerpts for some of a CodingSet's codings: their ids and coders read row by row (a page's worth). */
function fromSet(db: Db, model: AnalysisModel, set: CodingSet, layer: AnalysisLayer, indices: ArrayLike<number>): SelectedExcerpt[] {
  const w = layerWhere(layer);
  const rows = db.$client.prepare(`select id, coder_id from codings where document_id = ? and code_id = ? and start = ? and "end" = ? and ${w.sql} order by id`).raw();
  return Array.from(indices, (i) => {
    const d = set.document[i];
    const found = rows.all(model.documents[d].id, model.codes[set.code[i]].id, set.start[i], set.end[i], ...w.args) as Array<[number, number]>;
    return {
      codingId: found[0]?.[0] ?? 0,
      codingIds: found.map((r) => r[0]),
      coderIds: [...new Set(found.map((r) => r[1]))],
      documentIndex: d,
      codeIndex: set.code[i],
      start: set.start[i],
      end: set.end[i],
      participants: attributedParticipants(model.turns[d], set.start[i], set.end[i]),
      turns: turnsAt(model.turns[d], set.start[i], set.end[i]).map((t) => t + 1),
    };
  });
}

/**
 * The excerpts a filter selects — exactly the codings a frequency cell with that filter
 * counts — in reading order, with quotes, speakers and their (non-private) attributes.
 * `page` limits what is described; `total` counts them all. With a code, its codings are
 * read from the database; without one (an "all codes" cell), the layer's cached codings are
 * filtered and only the page's rows are read.
 */
export async function excerptsFor(db: Db, projectId: number, filter: AnalysisFilter, page?: { offset: number; limit: number }): Promise<{ total: number; excerpts: Excerpt[] }> {
  await dbReady(db);
  const model = await analysisModel(db, projectId);
  if (filter.codeId == null) {
    const set = await layerCodings(db, projectId, filter.layer);
    const kept = selectFromSet(model, set, compileFilter(model, filter));
    const slice = page ? kept.subarray(page.offset, page.offset + page.limit) : kept;
    return { total: kept.length, excerpts: describe(db, model, fromSet(db, model, set, filter.layer, slice)) };
  }
  const all = selected(db, projectId, model, filter);
  const slice = page ? all.slice(page.offset, page.offset + page.limit) : all;
  return { total: all.length, excerpts: describe(db, model, slice) };
}

export interface PassageView {
  documentId: number;
  documentTitle: string;
  documentAttributes: Record<string, string>;
  start: number;
  end: number;
  /** The combined passage (overlap) or the turn's text (turn). */
  text: string;
  turn: number | null;
  /** The codings of each code in it. */
  a: Excerpt[];
  b: Excerpt[];
}

/**
 * The passages where codes `a` and `b` co-occur under the filter (its code is ignored):
 * as many as the co-occurrence cell counts.
 */
export async function passagesFor(
  db: Db,
  projectId: number,
  filter: AnalysisFilter,
  pair: [number, number],
  mode: CooccurrenceMode,
  page?: { offset: number; limit: number },
): Promise<{ total: number; passages: PassageView[] }> {
  await dbReady(db);
  const model = await analysisModel(db, projectId);
  const of = (codeId: number) => selected(db, projectId, model, { ...filter, codeId, descendants: false });
  const [a, b] = [of(pair[0]), of(pair[1])];
  const all = cooccurrencePassages(model, a, b, mode, compileFilter(model, { ...filter, codeId: null }));
  const slice = page ? all.slice(page.offset, page.offset + page.limit) : all;
  const byId = new Map(describe(db, model, [...a, ...b].filter((e) => slice.some((p) => p.codingIdsA.includes(e.codingId) || p.codingIdsB.includes(e.codingId)))).map((e) => [e.codingId, e]));
  const turnText = db.$client.prepare('select text from turns where document_id = ? and start = ?').pluck();
  return {
    total: all.length,
    passages: slice.map((p) => {
      const doc = model.documents[p.documentIndex];
      const as = p.codingIdsA.map((id) => byId.get(id)!).filter(Boolean);
      const bs = p.codingIdsB.map((id) => byId.get(id)!).filter(Boolean);
      let text: string;
      if (p.turn != null) text = (turnText.get(doc.id, p.start) as string | undefined) ?? '';
      else {
        const [x, y] = [as[0], bs[0]].sort((u, v) => u.start - v.start);
        text = x.quote + (y.end > x.end ? y.quote.slice(x.end - y.start) : '');
      }
      return { documentId: doc.id, documentTitle: doc.title, documentAttributes: publicAttributes(model, 'document', doc.attributes), start: p.start, end: p.end, text, turn: p.turn, a: as, b: bs };
    }),
  };
}

/** Documents' attribute names that excerpts may show (document attributes that are not private), in order. */
export async function publicDocumentAttributes(db: Db, projectId: number): Promise<string[]> {
  await dbReady(db);
  return db
    .select({ name: attributeDefinitions.name })
    .from(attributeDefinitions)
    .where(and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.scope, 'document'), eq(attributeDefinitions.private, false)))
    .orderBy(asc(attributeDefinitions.sortOrder), asc(attributeDefinitions.id))
    .all()
    .map((a) => a.name);
}

/** Does the layer have any coding in the project? (An empty table then says why.) */
export async function layerHasCodings(db: Db, projectId: number, layer: AnalysisLayer): Promise<boolean> {
  await dbReady(db);
  const w = layerWhere(layer);
  return !!db.$client.prepare(`select 1 from codings where document_id in (select id from documents where project_id = ?) and ${w.sql} limit 1`).get(projectId, ...w.args);
}


/** A participant's pseudonymous label (never the real name), or undefined outside the project. */
export async function participantLabel(db: Db, projectId: number, participantId: number): Promise<string | undefined> {
  await dbReady(db);
  return db
    .select({ label: participants.label })
    .from(participants)
    .where(and(eq(participants.projectId, projectId), eq(participants.id, participantId)))
    .get()?.label;
}
