/**
 * Fuzzing the search box's language (lib/search/query parseQuery, then ftsMatchExpression and
 * matchTurn on what it parses), the regex check (regexProblem) and the search URL parameters
 * (searchOptionsFromParams). None of them throws on any input: a query parses, or says what is
 * wrong and where; what parses becomes a well-formed MATCH expression and hits inside the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ftsMatchExpression } from '../search/fts-match';
import { matchTurn } from '../search/match';
import { searchOptionsFromParams, searchOptionsSchema } from '../search/options';
import { MAX_QUERY_LENGTH, parseQuery, type QueryNode } from '../search/query';
import { regexProblem } from '../search/regex';
import { anyText, attempt, searchParams } from './harness';

const token = fc.oneof(
  fc.constantFrom('AND', 'OR', 'NOT', 'and', '(', ')', '"', '«', '»', '“', '”', '„', '*', 'әкім*', '*әкім', 'e-Otinish', 'петиция', 'Instagram', 'акимат', '""', '()', '-', '+', ':', 'NEAR', '^', 'x"y'),
  anyText(12),
);
const query = fc.oneof(
  { weight: 3, arbitrary: fc.array(token, { maxLength: 25 }).chain((ts) => fc.constantFrom(' ', '', '  ').map((sep) => ts.join(sep))) },
  { weight: 1, arbitrary: anyText(120) },
  { weight: 1, arbitrary: fc.nat(60).map((n) => '('.repeat(n) + 'a' + ')'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 80 }).map((n) => Array.from({ length: n }, (_, i) => `w${i}`).join(' OR ')) },
  { weight: 1, arbitrary: fc.constant('a '.repeat(MAX_QUERY_LENGTH)) },
);
const TURN = 'Мен әкімдікке e-Otinish арқылы жаздым 👍, петицияға қол қойдым. Акимат ответил через Instagram.';

function depth(n: QueryNode): number {
  return n.kind === 'term' ? 1 : 1 + Math.max(depth(n.left), depth(n.right));
}

describe('parseQuery', () => {
  it('parses or names the problem and where it is; what parses is searchable', () => {
    fc.assert(
      fc.property(query, (q) => {
        const r = attempt(q, () => parseQuery(q));
        if (!r.ok) throw r.error;
        const parsed = r.value;
        if (!parsed.ok) {
          expect(parsed.error.message.trim()).not.toBe('');
          expect(parsed.error.at).toBeGreaterThanOrEqual(0);
          expect(parsed.error.at).toBeLessThanOrEqual(q.normalize('NFC').length);
          return;
        }
        if (parsed.query === null) return;
        expect(depth(parsed.query)).toBeLessThanOrEqual(60);
        const m = attempt(parsed.query, () => ftsMatchExpression(parsed.query!));
        if (!m.ok) throw m.error;
        // balanced quotes and parentheses: the expression FTS5 gets is well formed
        expect((m.value.match(/"/g) ?? []).length % 2).toBe(0);
        expect((m.value.match(/\(/g) ?? []).length).toBe((m.value.match(/\)/g) ?? []).length);
        const hits = attempt(parsed.query, () => matchTurn(TURN, parsed.query!));
        if (!hits.ok) throw hits.error;
        for (const [s, e] of hits.value) {
          expect(0 <= s && s < e && e <= TURN.length).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('matchTurn stays inside any text', () => {
    fc.assert(
      fc.property(query, anyText(200), (q, text) => {
        const parsed = parseQuery(q);
        if (!parsed.ok || !parsed.query) return;
        const hits = attempt({ q, text }, () => matchTurn(text, parsed.query!));
        if (!hits.ok) throw hits.error;
        for (const [s, e] of hits.value) expect(0 <= s && s < e && e <= text.length).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('regexProblem', () => {
  it('says whether a pattern is usable, and never throws', () => {
    const pattern = fc.oneof(
      anyText(40),
      fc.array(fc.constantFrom('(', ')', '[', ']', '{', '}', '*', '+', '?', '|', '\\', '^', '$', '.', 'a', 'ә', '\\p{L}', '\\u{1F44D}', '(?<n>', '\\k<n>', '{2,1}', '(?=', '(?<!'), { maxLength: 20 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(pattern, (p) => {
        const r = attempt(p, () => regexProblem(p));
        if (!r.ok) throw r.error;
        if (r.value !== null) expect(r.value.trim()).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('searchOptionsFromParams', () => {
  it('reads any parameters into options the schema accepts', () => {
    const params = searchParams(['q', 'regex', 'speakers', 'd', 'p', 'code', 'coded'], ['1', 'participants', 'moderator', 'all', '3:Almaty', '3:', ':x', '7:Female', 'coded', 'uncoded', 'true']);
    fc.assert(
      fc.property(params, (sp) => {
        const r = attempt(sp.toString(), () => searchOptionsFromParams(sp));
        if (!r.ok) throw r.error;
        // (a 16-digit id past 2^53 is the known problem of lib/fuzz/api-params.test.ts)
        if (/(^|[=:&])\d{16}/.test(sp.toString())) return;
        expect(searchOptionsSchema.safeParse(r.value).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
