import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, type SearchOptions } from '@/lib/search/options';
import { foldedWordsOf } from '@/lib/search/words';
import type { Db } from '../client';
import { seedDemo } from '../seed/demo';
import { openTestDatabase } from '../testing';
import { findHits } from './search';
import { searchProject, searchResultView } from './search-results';

let ctx: ReturnType<typeof openTestDatabase>;
let db: Db;
let projectId: number;
let language: number;
beforeAll(() => {
  ctx = openTestDatabase();
  db = ctx.db;
  ({ projectId } = seedDemo(db));
  language = db.$client.prepare("SELECT id FROM attribute_definitions WHERE project_id = ? AND name = 'language'").pluck().get(projectId) as number;
});
afterAll(() => ctx.close());

/** Queries made of the demo study's own words: mostly single words and prefixes (in any case), some phrases and combinations. */
function queries(n: number): string[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const texts = (db.$client.prepare('SELECT text FROM turns ORDER BY id').pluck().all() as string[]).map((t) => foldedWordsOf(t));
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
  const term = (): string => {
    const words = pick(texts.filter((w) => w.length >= 3));
    const i = Math.floor(rnd() * (words.length - 2));
    const kind = rnd();
    const w = rnd() < 0.3 ? words[i].toUpperCase() : words[i];
    if (kind < 0.35) return w;
    if (kind < 0.65) return `${w.slice(0, 1 + Math.floor(rnd() * 5))}*`;
    if (kind < 0.85) return `"${w} ${words[i + 1]}"`;
    if (kind < 0.95) return `"${w} ${words[i + 1]} ${words[i + 2]}"`;
    return `"${w} ${words[i + 1].slice(0, 2)}"*`;
  };
  const out: string[] = ['e-Otinish', 'әкімдік*', 'ӘКІМДІК', 'петиция OR өтініш', '(әкім* OR акимат*) NOT суд', 'и', 'а*', 'ә*', '"и и"', '"да да"', '"а и*"'];
  while (out.length < n) out.push(rnd() < 0.8 ? term() : `${term()}${pick([' ', ' OR ', ' NOT '])}${term()}`);
  return out;
}

describe('one-term searches counted from the index', () => {
  it('gives the same totals, counts per document and pages as matching every turn', async () => {
    const ctxSearch = { codedLayer: { kind: 'consensus' as const } };
    const options = (q: string, extra: Partial<SearchOptions> = {}): SearchOptions => ({ ...EMPTY_SEARCH, q, ...extra });
    let nonEmpty = 0;
    for (const q of queries(150)) {
      for (const extra of [{}, { speakers: 'participants' as const, document: [{ attributeId: language, values: ['Kazakh'] }] }]) {
        const full = await findHits(db, projectId, options(q, extra), ctxSearch);
        for (const page of [
          { offset: 0, limit: 7 },
          { offset: 5, limit: 3 },
        ]) {
          const expected = await searchResultView(db, projectId, full, page);
          const counted = await searchProject(db, projectId, options(q, extra), { ...ctxSearch, ...page, rarePhraseTurns: 0 });
          expect(counted, q).toEqual(expected);
        }
        if (full.hits.length) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(150);
  });
});
