/**
 * The in-memory picture of a project that analysis counts from (lib/analysis/model), kept per
 * connection and brought up to date from what migration 0004's triggers record, in one read
 * transaction so the picture is always of one consistent state:
 * - codings written since the last look (analysis_changes) are patched into the project's
 *   CodingStore — a coder's new highlight costs a few rows, not 250,000;
 * - a write to the codebook or to attributes (analysis_revisions.codebook, .attributes)
 *   swaps them into the model and keeps its turns and the layer sets (their codes
 *   renumbered when the codebook changed);
 * - a write to documents, turns or participants (analysis_revisions.structure) reads those
 *   again;
 * - anything the log cannot answer (pruned past this cache, a restored database) reads all.
 * A layer's CodingSet is built from the store when first asked for and kept until a write
 * touches that layer. Writes to other projects change nothing here.
 *
 * The big reads go through better-sqlite3 with `pluck()` and two numbers packed per row
 * (materialising one array per row is what costs most at 250,000 rows: ~5× slower), from
 * covering indexes (codings_document_layer, turns_layout) that keep the texts and quotes out of it.
 */
import type Database from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { attributeDefinitions, codes } from '../schema';
import type { CodeRow } from './codes';
import { CodingStore, columnsOf, CONSENSUS, layerOfKey, type StoredCoding } from '@/lib/analysis/coding-store';
import { layerKey } from '@/lib/access/layers';
import { addToCodingSet, buildCodingSet, buildModel, recodeCodingSet, withAttributes, withCodebook, type AnalysisModel, type CodingSet, type ModelDocument, type ModelInput, type ModelParticipant } from '@/lib/analysis/model';
import type { AnalysisLayer, AttributeInfo } from '@/lib/analysis/types';

const SHIFT = 67108864; // 2^26: packs two non-negative integers (< 2^26 and < 2^27) into one safe double
const LIMIT_ID = 134217728; // 2^27
/** Past this many changed codings, reading them all is quicker than patching. */
const PATCH_LIMIT = 20_000;
/** Projects kept per connection. */
const CAPACITY = 4;

interface Layout {
  documents: Array<[id: number, title: string]>;
  participants: Array<[id: number, label: string, documentId: number | null]>;
  turns: ModelInput['turns'];
}

interface Attributes {
  definitions: AttributeInfo[];
  /** Document or participant id → attribute name → value. */
  documents: Map<number, Record<string, string>>;
  participants: Map<number, Record<string, string>>;
}

interface Snapshot {
  rev: Revisions;
  /** The last analysis_changes row taken in. */
  seq: number;
  layout: Layout;
  attrs: Attributes;
  model: AnalysisModel;
  store: CodingStore;
  sets: Map<string, CodingSet>;
  /** The coders with codings (from the store), until a coding changes. */
  coders?: number[];
}

const caches = new WeakMap<Database.Database, Map<number, Snapshot>>();

function packedOverflow(what: string): Error {
  return new Error(`Analysis cannot read ${what}: an id or offset is beyond ${SHIFT}`);
}

function unpack(packed: number[], what: string): [Float64Array, Float64Array] {
  const hi = new Float64Array(packed.length);
  const lo = new Float64Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    if (packed[i] < 0) throw packedOverflow(what);
    hi[i] = Math.floor(packed[i] / SHIFT);
    lo[i] = packed[i] % SHIFT;
  }
  return [hi, lo];
}

function pack(hi: string, lo: string): string {
  return `case when ${lo} < ${SHIFT} and ${hi} < ${LIMIT_ID} then ${hi} * ${SHIFT} + ${lo} else -1 end`;
}

/** The project's attribute definitions, in order (documents' first). */
function attributesOf(db: Db, projectId: number): AttributeInfo[] {
  return db
    .select()
    .from(attributeDefinitions)
    .where(eq(attributeDefinitions.projectId, projectId))
    .orderBy(asc(attributeDefinitions.scope), asc(attributeDefinitions.sortOrder), asc(attributeDefinitions.id))
    .all()
    .map((a) => ({ id: a.id, name: a.name, scope: a.scope, type: a.type, values: a.values, bins: a.bins, private: a.private }));
}

function attributeMaps(c: Database.Database, projectId: number, scope: 'document' | 'participant'): Map<number, Record<string, string>> {
  const rows = c
    .prepare(
      scope === 'document'
        ? 'select v.document_id, a.name, v.value from document_attribute_values v join attribute_definitions a on a.id = v.attribute_id where a.project_id = ?'
        : 'select v.participant_id, a.name, v.value from participant_attribute_values v join attribute_definitions a on a.id = v.attribute_id where a.project_id = ?',
    )
    .raw()
    .all(projectId) as Array<[number, string, string]>;
  const out = new Map<number, Record<string, string>>();
  for (const [id, name, value] of rows) {
    const rec = out.get(id) ?? {};
    rec[name] = value;
    out.set(id, rec);
  }
  return out;
}

/** Documents, participants and turns: what `structure` counts writes to. */
function readLayout(db: Db, projectId: number): Layout {
  const c = db.$client;
  const documents = c.prepare('select id, title from documents where project_id = ? order by sort_order, title, id').raw().all(projectId) as Array<[number, string]>;
  const participants = c.prepare('select id, label, document_id from participants where project_id = ? order by id').raw().all(projectId) as Array<[number, string, number | null]>;
  // Turns in (document, seq) order, two numbers packed per row, plus counts per document.
  const inProject = 'document_id in (select id from documents where project_id = ?) order by document_id, seq';
  const perDoc = c.prepare('select document_id, count(*) from turns where document_id in (select id from documents where project_id = ?) group by document_id order by document_id').raw().all(projectId) as Array<[number, number]>;
  const [start, end] = unpack(c.prepare(`select ${pack('start', '"end"')} from turns where ${inProject}`).pluck().all(projectId) as number[], 'the turns');
  const [participantId, words] = unpack(
    c.prepare(`select ${pack('coalesce(participant_id, 0)', `min(word_count, ${SHIFT - 1})`)} from turns where ${inProject}`).pluck().all(projectId) as number[],
    'the turns',
  );
  const documentId = new Float64Array(start.length);
  let k = 0;
  for (const [id, count] of perDoc) documentId.fill(id, k, (k += count));
  return { documents, participants, turns: { documentId, start, end, participantId, words } };
}

/** Attribute definitions and values: what `attributes` counts writes to. */
function readAttributes(db: Db, projectId: number): Attributes {
  return { definitions: attributesOf(db, projectId), documents: attributeMaps(db.$client, projectId, 'document'), participants: attributeMaps(db.$client, projectId, 'participant') };
}

function readStore(c: Database.Database, projectId: number): CodingStore {
  // codings_document_layer covers filter and order: the rows come from the index alone.
  const from = 'from codings where document_id in (select id from documents where project_id = ?) order by document_id, layer, coder_id, id';
  const [id, coderPlusOne] = unpack(c.prepare(`select ${pack('id', `case when layer = 'consensus' then 0 else coder_id + 1 end`)} ${from}`).pluck().all(projectId) as number[], 'the codings');
  const [documentId, codeId] = unpack(c.prepare(`select ${pack('document_id', 'code_id')} ${from}`).pluck().all(projectId) as number[], 'the codings');
  const [start, end] = unpack(c.prepare(`select ${pack('start', '"end"')} ${from}`).pluck().all(projectId) as number[], 'the codings');
  const coder = coderPlusOne.map((x) => (x === 0 ? CONSENSUS : x - 1));
  return new CodingStore({ id, documentId, codeId, coder, start, end });
}

function readRows(c: Database.Database, ids: number[]): StoredCoding[] {
  const out: StoredCoding[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = c
      .prepare(`select id, document_id, code_id, case when layer = 'consensus' then ${CONSENSUS} else coder_id end, start, "end" from codings where id in (${chunk.map(() => '?').join(',')})`)
      .raw()
      .all(...chunk) as number[][];
    for (const [id, documentId, codeId, coder, start, end] of rows) out.push({ id, documentId, codeId, coder, start, end });
  }
  return out;
}

function people(layout: Layout, attrs: Attributes): { documents: ModelDocument[]; participants: ModelParticipant[] } {
  return {
    documents: layout.documents.map(([id, title]) => ({ id, title, attributes: attrs.documents.get(id) ?? {} })),
    participants: layout.participants.map(([id, label, documentId]) => ({ id, label, documentId, attributes: attrs.participants.get(id) ?? {} })),
  };
}

function modelOf(db: Db, projectId: number, layout: Layout, attrs: Attributes): AnalysisModel {
  return buildModel({ attributes: attrs.definitions, codes: codesOf(db, projectId), ...people(layout, attrs), turns: layout.turns });
}

/** The codebook in display order (as codesOfProject), read synchronously: the refresh is one read transaction. */
function codesOf(db: Db, projectId: number): CodeRow[] {
  return db.select().from(codes).where(eq(codes.projectId, projectId)).orderBy(asc(codes.sortOrder), asc(codes.id)).all();
}

type Revisions = [structure: number, attributes: number, codebook: number];

function read(db: Db, projectId: number, rev: Revisions, seq: number): Snapshot {
  const layout = readLayout(db, projectId);
  const attrs = readAttributes(db, projectId);
  return { rev, seq, layout, attrs, model: modelOf(db, projectId, layout, attrs), store: readStore(db.$client, projectId), sets: new Map() };
}

/** Brings `s` up to the database's present state; returns it, or a fresh snapshot. */
function refresh(db: Db, projectId: number, s: Snapshot | undefined): Snapshot {
  const c = db.$client;
  const rev = (c.prepare('select structure, attributes, codebook from analysis_revisions where project_id = ?').raw().get(projectId) as Revisions | undefined) ?? [0, 0, 0];
  // Two subqueries: SQLite answers a lone max() or min() from the index, but both at once by a scan.
  const [last, oldest] = c.prepare('select coalesce((select max(seq) from analysis_changes), 0), coalesce((select min(seq) from analysis_changes), 0)').raw().get() as [number, number];
  if (!s || last < s.seq || (last > s.seq && oldest > s.seq + 1)) return read(db, projectId, rev, last);

  if (rev[0] !== s.rev[0]) {
    s.layout = readLayout(db, projectId);
    if (rev[1] !== s.rev[1]) s.attrs = readAttributes(db, projectId);
    s.model = modelOf(db, projectId, s.layout, s.attrs);
    s.sets.clear();
  } else if (rev[1] !== s.rev[1] || rev[2] !== s.rev[2]) {
    // Turns unchanged: the model keeps them (and who speaks where), and the layer sets keep
    // their document indices; attributes are not in the sets, and codes are renumbered.
    const before = s.model;
    if (rev[1] !== s.rev[1]) {
      s.attrs = readAttributes(db, projectId);
      const { documents, participants } = people(s.layout, s.attrs);
      s.model = withAttributes(s.model, s.attrs.definitions, documents, participants);
    }
    if (rev[2] !== s.rev[2]) {
      s.model = withCodebook(s.model, codesOf(db, projectId));
      for (const [key, set] of s.sets) {
        const recoded = recodeCodingSet(set, before, s.model);
        if (recoded) s.sets.set(key, recoded);
        else s.sets.delete(key);
      }
    }
  }
  s.rev = rev;
  if (last > s.seq) {
    const ids = c.prepare('select distinct coding_id from analysis_changes where seq > ? and project_id = ?').pluck().all(s.seq, projectId) as number[];
    const applied = ids.length > PATCH_LIMIT ? null : s.store.apply(ids, readRows(c, ids));
    s.coders = undefined;
    if (applied) {
      // A layer only added to (a coder's new highlights) has its set patched; any other change rebuilds it when next asked for.
      for (const [key, set] of s.sets) {
        if (!applied.touched.has(key)) continue;
        if (applied.rewritten.has(key)) s.sets.delete(key);
        else s.sets.set(key, addToCodingSet(s.model, set, columnsOf(applied.added, layerOfKey(key)), key === 'union'));
      }
    } else {
      s.store = readStore(c, projectId);
      s.sets.clear();
    }
    s.seq = last;
  }
  return s;
}

/** The project's snapshot at the database's present state. */
function snapshot(db: Db, projectId: number): Snapshot {
  let projects = caches.get(db.$client);
  if (!projects) caches.set(db.$client, (projects = new Map()));
  const before = projects.get(projectId);
  // One read transaction: the revisions, the log and the rows all come from the same state.
  const s = db.$client.transaction(() => refresh(db, projectId, before))();
  projects.delete(projectId);
  projects.set(projectId, s);
  while (projects.size > CAPACITY) projects.delete(projects.keys().next().value!);
  return s;
}

/** The project's model at the database's present state. */
export async function analysisModel(db: Db, projectId: number): Promise<AnalysisModel> {
  await dbReady(db);
  return snapshot(db, projectId).model;
}

/** A layer's codings as typed arrays (the union with identical ranges collapsed), at the database's present state. */
export async function layerCodings(db: Db, projectId: number, layer: AnalysisLayer): Promise<CodingSet> {
  await dbReady(db);
  const s = snapshot(db, projectId);
  const key = layerKey(layer);
  let set = s.sets.get(key);
  if (!set) s.sets.set(key, (set = buildCodingSet(s.model, s.store.columns(layer), layer.kind === 'union')));
  return set;
}

/** Ids of the users whose coder layer has codings in the project. */
export async function codersWithCodings(db: Db, projectId: number): Promise<number[]> {
  await dbReady(db);
  const s = snapshot(db, projectId);
  return (s.coders ??= s.store.coders());
}

/** Forgets every snapshot of this connection (benchmarks measure the first read with it). */
export async function clearAnalysisCache(db: Db): Promise<void> {
  await dbReady(db);
  caches.delete(db.$client);
}
