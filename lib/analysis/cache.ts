/**
 * A small least-recently-used cache whose entries are valid for one "stamp" of the data
 * they were computed from: a lookup with a different stamp recomputes. The database layer
 * stamps with SQLite's change counters, so any write anywhere invalidates everything — never
 * a stale number, and repeated views of unchanged data (switching measure, split, filters)
 * skip reloading the project.
 */
export class StampedCache<V> {
  private readonly entries = new Map<string, { stamp: string; value: V }>();

  constructor(private readonly capacity: number) {}

  /** The value for `key` computed at `stamp`, computing (and remembering) it when absent or stale. */
  get(key: string, stamp: string, compute: () => V): V {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.stamp === stamp) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    this.entries.set(key, { stamp, value });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
