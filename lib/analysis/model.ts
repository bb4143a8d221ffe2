/**
 * The compact in-memory picture of a project that every analysis counts from: documents,
 * participants and their attributes, every document's turns as sorted ranges, and a layer's
 * codings as parallel typed arrays grouped by document. Built once per request (or cached),
 * then each table is a single pass over it — never a query per cell.
 */
import type { AttributeInfo, CodeInfo } from './types';
import { codebookOrder } from '../coding/code-paths';

export interface ModelDocument {
  id: number;
  title: string;
  /** Attribute name → value (document attributes). */
  attributes: Record<string, string>;
}

export interface ModelParticipant {
  id: number;
  label: string;
  /** The focus group the participant belongs to. */
  documentId: number | null;
  /** Attribute name → value (participant attributes). */
  attributes: Record<string, string>;
}

/** A document's turns in text order: [start[t], end[t]) is turn t's range. */
export interface DocumentTurns {
  start: Int32Array;
  end: Int32Array;
  /** Participant index per turn; -1 for the moderator or an unknown speaker. */
  participant: Int32Array;
  words: Int32Array;
}

export interface AnalysisModel {
  attributes: AttributeInfo[];
  /** Codebook order: depth first, siblings by sort order. */
  codes: CodeInfo[];
  /** Display order. */
  documents: ModelDocument[];
  participants: ModelParticipant[];
  /** By document index. */
  turns: DocumentTurns[];
  documentIndex: Map<number, number>;
  participantIndex: Map<number, number>;
  codeIndex: Map<number, number>;
  /**
   * Who is where: one entry per (participant, document) in which the participant speaks or to
   * which they belong, with the words they speak there. The population behind every
   * denominator.
   */
  presence: { participant: Int32Array; document: Int32Array; words: Float64Array };
}

/** Turns as columns, in (document, turn order) order. */
export interface TurnColumns {
  documentId: ArrayLike<number>;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  /** 0 or null for the moderator or an unknown speaker. */
  participantId: ArrayLike<number | null>;
  words: ArrayLike<number>;
}

export interface ModelInput {
  attributes: AttributeInfo[];
  codes: CodeInfo[];
  /** In display order. */
  documents: ModelDocument[];
  participants: ModelParticipant[];
  turns: TurnColumns;
}

/** Builds the model; turns of unknown documents and speakers outside the participant list are ignored. */
export function buildModel(input: ModelInput): AnalysisModel {
  const nDocs = input.documents.length;
  const documentIndex = new Map(input.documents.map((d, i) => [d.id, i]));
  const participantIndex = new Map(input.participants.map((p, i) => [p.id, i]));
  const codes = codebookOrder(input.codes);
  const codeIndex = new Map(codes.map((c, i) => [c.id, i]));

  // turns grouped by document (a counting sort), each document's in text order
  const t = input.turns;
  const n = t.documentId.length;
  const docOf = new Int32Array(n);
  const counts = new Int32Array(nDocs + 1);
  for (let i = 0; i < n; i++) {
    docOf[i] = documentIndex.get(t.documentId[i]) ?? -1;
    if (docOf[i] >= 0) counts[docOf[i] + 1]++;
  }
  for (let d = 0; d < nDocs; d++) counts[d + 1] += counts[d];
  const order = new Int32Array(counts[nDocs]);
  const fill = counts.slice(0, nDocs);
  for (let i = 0; i < n; i++) if (docOf[i] >= 0) order[fill[docOf[i]]++] = i;

  // presence: words per (participant, document), gathered document by document
  const wordsOf = new Float64Array(input.participants.length);
  const seenIn = new Int32Array(input.participants.length).fill(-1);
  const presence = { participant: [] as number[], document: [] as number[], words: [] as number[] };
  const turns: DocumentTurns[] = [];
  for (let d = 0; d < nDocs; d++) {
    let rows = order.subarray(counts[d], counts[d + 1]);
    for (let k = 1; k < rows.length; k++) {
      if (t.start[rows[k]] >= t.start[rows[k - 1]]) continue;
      rows = Int32Array.from(rows).sort((a, b) => t.start[a] - t.start[b]);
      break;
    }
    const doc: DocumentTurns = { start: new Int32Array(rows.length), end: new Int32Array(rows.length), participant: new Int32Array(rows.length), words: new Int32Array(rows.length) };
    const here: number[] = [];
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      const pid = t.participantId[row];
      const p = pid ? (participantIndex.get(pid) ?? -1) : -1;
      doc.start[k] = t.start[row];
      doc.end[k] = t.end[row];
      doc.participant[k] = p;
      doc.words[k] = t.words[row];
      if (p < 0) continue;
      if (seenIn[p] !== d) {
        seenIn[p] = d;
        wordsOf[p] = 0;
        here.push(p);
      }
      wordsOf[p] += t.words[row];
    }
    for (const p of here) {
      presence.participant.push(p);
      presence.document.push(d);
      presence.words.push(wordsOf[p]);
    }
    turns.push(doc);
  }
  // members of a group who never speak still belong to its population
  const present = new Set(presence.participant.map((p, k) => p * nDocs + presence.document[k]));
  input.participants.forEach((p, i) => {
    const d = p.documentId == null ? undefined : documentIndex.get(p.documentId);
    if (d === undefined || present.has(i * nDocs + d)) return;
    presence.participant.push(i);
    presence.document.push(d);
    presence.words.push(0);
  });
  return {
    attributes: input.attributes,
    codes,
    documents: input.documents,
    participants: input.participants,
    turns,
    documentIndex,
    participantIndex,
    codeIndex,
    presence: { participant: Int32Array.from(presence.participant), document: Int32Array.from(presence.document), words: Float64Array.from(presence.words) },
  };
}

/** Indices of the turns that [start, end) overlaps by at least one character (none for an empty range). */
export function turnsAt(turns: DocumentTurns, start: number, end: number): number[] {
  const out: number[] = [];
  if (end <= start) return out;
  let lo = 0;
  let hi = turns.end.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns.end[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < turns.end.length && turns.start[k] < end; k++) if (turns.end[k] > turns.start[k]) out.push(k);
  return out;
}

/** A layer's codings, grouped by document index (ascending), in text order (by start) within a document. */
export interface CodingSet {
  size: number;
  document: Int32Array;
  code: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

/** Codings as columns, by database ids. */
export interface CodingColumns {
  documentId: ArrayLike<number>;
  codeId: ArrayLike<number>;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
}

/** id → index lookups over many rows: a dense array when ids are small, else the map. */
function indexLookup(map: Map<number, number>): (id: number) => number {
  let max = 0;
  for (const id of map.keys()) max = Math.max(max, id);
  if (max > 4_000_000) return (id) => map.get(id) ?? -1;
  const dense = new Int32Array(max + 1).fill(-1);
  for (const [id, i] of map) dense[id] = i;
  return (id) => (id >= 0 && id <= max ? dense[id] : -1);
}

/**
 * The codings as a CodingSet. With `collapse` (the union of coders' layers), codings of the
 * same code on the same range of the same document count once. Codings of documents or codes
 * the model does not know are left out.
 */
export function buildCodingSet(model: AnalysisModel, c: CodingColumns, collapse: boolean): CodingSet {
  const nDocs = model.documents.length;
  const n = c.documentId.length;
  const docIndex = indexLookup(model.documentIndex);
  const codeIndex = indexLookup(model.codeIndex);
  const docOf = new Int32Array(n);
  const codeOf = new Int32Array(n);
  const counts = new Int32Array(nDocs + 1);
  for (let i = 0; i < n; i++) {
    const d = docIndex(c.documentId[i]);
    const k = codeIndex(c.codeId[i]);
    docOf[i] = k < 0 ? -1 : d;
    codeOf[i] = k;
    if (docOf[i] >= 0) counts[docOf[i] + 1]++;
  }
  for (let d = 0; d < nDocs; d++) counts[d + 1] += counts[d];
  const order = new Int32Array(counts[nDocs]);
  const fill = counts.slice(0, nDocs);
  for (let i = 0; i < n; i++) if (docOf[i] >= 0) order[fill[docOf[i]]++] = i;

  // Within a document, codings in text order (by start): the co-occurrence sweep needs it, and
  // it is paid once per load. A native sort of packed (start, position) keys — the position
  // keeps it stable and fits in 21 bits (2M codings per document).
  let longest = 0;
  for (let d = 0; d < nDocs; d++) longest = Math.max(longest, counts[d + 1] - counts[d]);
  const buffer = new Float64Array(longest);
  const local = new Int32Array(longest);
  for (let d = 0; d < nDocs; d++) {
    const from = counts[d];
    const len = counts[d + 1] - from;
    if (len < 2) continue;
    const k = buffer.subarray(0, len);
    for (let j = 0; j < len; j++) k[j] = c.start[order[from + j]] * 2097152 + j;
    k.sort();
    local.set(order.subarray(from, from + len));
    for (let j = 0; j < len; j++) order[from + j] = local[k[j] % 2097152];
  }

  const out = { document: new Int32Array(order.length), code: new Int32Array(order.length), start: new Int32Array(order.length), end: new Int32Array(order.length) };
  let size = 0;
  let docStart = 0;
  for (let x = 0; x < order.length; x++) {
    const i = order[x];
    const d = docOf[i];
    if (size === 0 || out.document[size - 1] !== d) docStart = size;
    if (collapse) {
      // identical codings share their start, so they sit together in text order
      let same = false;
      for (let q = size - 1; q >= docStart && out.start[q] === c.start[i] && !same; q--) same = out.code[q] === codeOf[i] && out.end[q] === c.end[i];
      if (same) continue;
    }
    out.document[size] = d;
    out.code[size] = codeOf[i];
    out.start[size] = c.start[i];
    out.end[size] = c.end[i];
    size++;
  }
  return { size, document: out.document.subarray(0, size), code: out.code.subarray(0, size), start: out.start.subarray(0, size), end: out.end.subarray(0, size) };
}

/**
 * `set` with codings added that come after all of its codings in id order (a coder's new
 * highlights): the same set buildCodingSet makes from all of them, in a single merge
 * instead of a rebuild. With `collapse`, one identical to a coding of the set (or to one
 * added before it) is left out, as buildCodingSet leaves it out.
 */
export function addToCodingSet(model: AnalysisModel, set: CodingSet, added: CodingColumns, collapse: boolean): CodingSet {
  const docIndex = indexLookup(model.documentIndex);
  const codeIndex = indexLookup(model.codeIndex);
  // Where each new coding goes: after every coding of its document that starts at or before it.
  const place: Array<{ at: number; d: number; code: number; start: number; end: number }> = [];
  for (let i = 0; i < added.documentId.length; i++) {
    const d = docIndex(added.documentId[i]);
    const code = codeIndex(added.codeId[i]);
    if (d < 0 || code < 0) continue;
    const start = added.start[i];
    const end = added.end[i];
    let lo = 0;
    let hi = set.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (set.document[mid] < d || (set.document[mid] === d && set.start[mid] <= start)) lo = mid + 1;
      else hi = mid;
    }
    if (collapse) {
      let same = place.some((p) => p.d === d && p.code === code && p.start === start && p.end === end);
      for (let q = lo - 1; q >= 0 && !same && set.document[q] === d && set.start[q] === start; q--) same = set.code[q] === code && set.end[q] === end;
      if (same) continue;
    }
    place.push({ at: lo, d, code, start, end });
  }
  if (place.length === 0) return set;
  // Several in one gap of the set go in document and text order; stable, so ties keep id order.
  place.sort((a, b) => a.at - b.at || a.d - b.d || a.start - b.start);
  const size = set.size + place.length;
  const out = { size, document: new Int32Array(size), code: new Int32Array(size), start: new Int32Array(size), end: new Int32Array(size) };
  let from = 0;
  let to = 0;
  const copy = (until: number) => {
    out.document.set(set.document.subarray(from, until), to);
    out.code.set(set.code.subarray(from, until), to);
    out.start.set(set.start.subarray(from, until), to);
    out.end.set(set.end.subarray(from, until), to);
    to += until - from;
    from = until;
  };
  for (const p of place) {
    copy(p.at);
    out.document[to] = p.d;
    out.code[to] = p.code;
    out.start[to] = p.start;
    out.end[to] = p.end;
    to++;
  }
  copy(set.size);
  return out;
}

/**
 * `set` (built against `from`) with its codes renumbered for `to`, a model of the same
 * documents whose codebook changed; null when one of its codes is no longer in `to`.
 */
export function recodeCodingSet(set: CodingSet, from: AnalysisModel, to: AnalysisModel): CodingSet | null {
  const map = Int32Array.from(from.codes, (c) => to.codeIndex.get(c.id) ?? -1);
  const code = new Int32Array(set.size);
  for (let i = 0; i < set.size; i++) if ((code[i] = map[set.code[i]]) < 0) return null;
  return { ...set, code };
}

/** `model` with another codebook: what a changed codebook needs, without going over the turns again. */
export function withCodebook(model: AnalysisModel, codes: CodeInfo[]): AnalysisModel {
  const ordered = codebookOrder(codes);
  return { ...model, codes: ordered, codeIndex: new Map(ordered.map((c, i) => [c.id, i])) };
}

/**
 * `model` with other attributes: `documents` and `participants` must be the model's own, in
 * its order, with their attribute values changed (only the values are taken).
 */
export function withAttributes(model: AnalysisModel, attributes: AttributeInfo[], documents: ModelDocument[], participants: ModelParticipant[]): AnalysisModel {
  const same = documents.length === model.documents.length && participants.length === model.participants.length && documents.every((d, i) => d.id === model.documents[i].id) && participants.every((p, i) => p.id === model.participants[i].id);
  if (!same) throw new Error('withAttributes: the documents and participants must be the model’s own');
  return { ...model, attributes, documents, participants };
}
