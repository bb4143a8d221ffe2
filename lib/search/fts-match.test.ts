import { describe, expect, it } from 'vitest';
import { ftsMatchExpression } from './fts-match';
import { parseQuery } from './query';

function fts(q: string): string {
  const r = parseQuery(q);
  if (!r.ok || !r.query) throw new Error('no query');
  return ftsMatchExpression(r.query);
}

describe('ftsMatchExpression', () => {
  it('quotes every term and writes every operator out', () => {
    expect(fts('Петиция')).toBe('"петиция"');
    expect(fts('әкім*')).toBe('"әкім" *');
    expect(fts('e-Otinish')).toBe('"e otinish"');
    expect(fts('a b OR c NOT d')).toBe('(("a") AND ("b")) OR (("c") NOT ("d"))');
  });

  it('lets no FTS5 syntax through', () => {
    expect(fts('NEAR(a b) col:x "q""uote"')).not.toMatch(/NEAR\(|:|""/);
  });
});
