/**
 * Every coding of a project that analysis counts, held in memory as columns in id order, so a
 * cache can take in the few codings a write changed instead of reading 250,000 rows again.
 * A layer's codings (lib/analysis/model CodingSet) are then built from here without SQL.
 */
import type { AnalysisLayer } from './types';
import type { CodingColumns } from './model';
import { coderKey, parseLayer } from '../access/layers';

/** The coder column's value for a consensus coding (its writer does not matter to analysis). */
export const CONSENSUS = -1;

/** One coding as analysis sees it; `coder` is CONSENSUS for the consensus layer. */
export interface StoredCoding {
  id: number;
  documentId: number;
  codeId: number;
  coder: number;
  start: number;
  end: number;
}

const COLUMNS = ['id', 'documentId', 'codeId', 'coder', 'start', 'end'] as const;
type Column = (typeof COLUMNS)[number];

/** What a write changed: see CodingStore.apply. */
export interface Applied {
  /** Keys of every layer with a changed coding. */
  touched: Set<string>;
  /** Keys of the layers where a coding was moved or deleted (not only added). */
  rewritten: Set<string>;
  /** New codings, in id order. */
  added: StoredCoding[];
}

/** Is a coding with this coder column in the layer? The union is every coder's layer. */
function inLayer(coder: number, layer: AnalysisLayer): boolean {
  return layer.kind === 'consensus' ? coder === CONSENSUS : layer.kind === 'union' ? coder !== CONSENSUS : coder === layer.coderId;
}

/** The codings of `rows` in a layer, as columns. */
export function columnsOf(rows: readonly StoredCoding[], layer: AnalysisLayer): CodingColumns {
  const kept = rows.filter((r) => inLayer(r.coder, layer));
  return { documentId: kept.map((r) => r.documentId), codeId: kept.map((r) => r.codeId), start: kept.map((r) => r.start), end: kept.map((r) => r.end) };
}

/** The layer a key names (see layerKey). */
export function layerOfKey(key: string): AnalysisLayer {
  if (key === 'union') return { kind: 'union' };
  const layer = parseLayer(key);
  if (!layer) throw new Error(`Not a layer key: ${key}`);
  return layer;
}

function keysOf(coder: number): string[] {
  return coder === CONSENSUS ? ['consensus'] : ['union', coderKey(coder)];
}

/** Row indices in ascending id order. */
function idOrder(ids: ArrayLike<number>): Int32Array {
  const n = ids.length;
  const order = new Int32Array(n);
  let sorted = true;
  let max = 0;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && ids[i] < ids[i - 1]) sorted = false;
    max = Math.max(max, ids[i]);
  }
  if (sorted) return order;
  // A native sort of packed (id, row) keys when they fit in a double's 53 bits; else a comparator.
  if (n <= 2 ** 21 && max < 2 ** 31) {
    const keys = Float64Array.from(order, (i) => ids[i] * 2 ** 21 + i).sort();
    return Int32Array.from(keys, (k) => k % 2 ** 21);
  }
  return order.sort((a, b) => ids[a] - ids[b]);
}

export class CodingStore {
  private cols: Record<Column, Float64Array>;
  /** Slots in use (alive or deleted); slots hold ascending ids. */
  private used = 0;
  private dead = 0;
  private alive: Uint8Array;

  /** From columns in any row order; ids must be distinct. */
  constructor(columns: Record<Column, ArrayLike<number>>) {
    const n = columns.id.length;
    const order = idOrder(columns.id);
    this.cols = Object.fromEntries(COLUMNS.map((c) => [c, Float64Array.from(order, (i) => columns[c][i])])) as Record<Column, Float64Array>;
    for (let i = 1; i < n; i++) if (this.cols.id[i] === this.cols.id[i - 1]) throw new Error(`CodingStore: coding ${this.cols.id[i]} is listed twice`);
    this.alive = new Uint8Array(n).fill(1);
    this.used = n;
  }

  get size(): number {
    return this.used - this.dead;
  }

  private slotOf(id: number): number {
    const ids = this.cols.id;
    let lo = 0;
    let hi = this.used;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.used && ids[lo] === id ? lo : -1;
  }

  private grow(): void {
    const capacity = Math.max(16, this.cols.id.length * 2);
    for (const c of COLUMNS) {
      const next = new Float64Array(capacity);
      next.set(this.cols[c].subarray(0, this.used));
      this.cols[c] = next;
    }
    const alive = new Uint8Array(capacity);
    alive.set(this.alive.subarray(0, this.used));
    this.alive = alive;
  }

  /** Drops deleted slots once they are a quarter of the store, keeping id order. */
  private compact(): void {
    if (this.dead * 4 < this.used) return;
    let k = 0;
    for (let i = 0; i < this.used; i++) {
      if (!this.alive[i]) continue;
      for (const c of COLUMNS) this.cols[c][k] = this.cols[c][i];
      this.alive[k++] = 1;
    }
    this.alive.fill(0, k, this.used);
    this.used = k;
    this.dead = 0;
  }

  /**
   * Takes in a write: `changed` are the ids written since the store was read, `current` the
   * present rows of those that still exist (the others were deleted). Says which layers'
   * codings changed and how: `added` holds the new codings (after every other in id order),
   * `rewritten` the keys of the layers where a coding was moved or deleted. Null when the
   * rows cannot be placed in id order (a new coding with an id below one already held) and
   * the store must be read again.
   */
  apply(changed: Iterable<number>, current: StoredCoding[]): Applied | null {
    const rows = new Map(current.map((r) => [r.id, r]));
    const rewritten = new Set<string>();
    const added: StoredCoding[] = [];
    for (const id of new Set(changed)) {
      const slot = this.slotOf(id);
      const row = rows.get(id);
      const held = slot >= 0 && this.alive[slot] === 1;
      if (held) for (const k of keysOf(this.cols.coder[slot])) rewritten.add(k);
      if (row && slot >= 0) {
        for (const k of keysOf(row.coder)) rewritten.add(k);
        for (const c of COLUMNS) this.cols[c][slot] = row[c];
        if (!held) {
          this.alive[slot] = 1;
          this.dead--;
        }
      } else if (held) {
        this.alive[slot] = 0;
        this.dead++;
      } else if (row) added.push(row);
    }
    added.sort((a, b) => a.id - b.id);
    if (added.length && this.used > 0 && added[0].id <= this.cols.id[this.used - 1]) return null;
    for (const row of added) {
      if (this.used === this.cols.id.length) this.grow();
      for (const c of COLUMNS) this.cols[c][this.used] = row[c];
      this.alive[this.used++] = 1;
    }
    this.compact();
    const touched = new Set(rewritten);
    for (const row of added) for (const k of keysOf(row.coder)) touched.add(k);
    return { touched, rewritten, added };
  }

  /** A layer's codings as columns, in id order; the union is every coder's. */
  columns(layer: AnalysisLayer): CodingColumns {
    const keep = (i: number) => inLayer(this.cols.coder[i], layer);
    let n = 0;
    for (let i = 0; i < this.used; i++) if (this.alive[i] && keep(i)) n++;
    const out = { documentId: new Float64Array(n), codeId: new Float64Array(n), start: new Float64Array(n), end: new Float64Array(n) };
    let k = 0;
    for (let i = 0; i < this.used; i++) {
      if (!this.alive[i] || !keep(i)) continue;
      out.documentId[k] = this.cols.documentId[i];
      out.codeId[k] = this.cols.codeId[i];
      out.start[k] = this.cols.start[i];
      out.end[k] = this.cols.end[i];
      k++;
    }
    return out;
  }

  /** Ids of the coders with codings, ascending. */
  coders(): number[] {
    const seen = new Set<number>();
    for (let i = 0; i < this.used; i++) if (this.alive[i] && this.cols.coder[i] !== CONSENSUS) seen.add(this.cols.coder[i]);
    return [...seen].sort((a, b) => a - b);
  }
}
