import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatePattern, matchTurn, mergeRanges, type Range } from './match';
import { parseQuery, type QueryNode, type TermNode } from './query';
import { foldWord, wordsOf } from './words';

/** The hit texts of a query in a text. */
function hits(text: string, q: string): string[] {
  const r = parseQuery(q);
  if (!r.ok || !r.query) throw new Error('no query');
  return matchTurn(text, r.query).map(([s, e]) => text.slice(s, e));
}

const KK = 'Мен ӘКІМДІККЕ e-Otinish арқылы жаздым, бірақ әкімдік жауап бермеді. Әкім қабылдауына бардым.';
const RU = 'Я подписала электронную петицию, а Петиция про дороги собрала 500 подписей. ПЕТИЦИЯ — это голос.';

describe('matchTurn', () => {
  it('finds a Kazakh word in any case, as whole words only', () => {
    expect(hits(KK, 'әкімдік')).toEqual(['әкімдік']);
    expect(hits(KK, 'ӘКІМДІККЕ')).toEqual(['ӘКІМДІККЕ']);
    expect(hits(KK, 'әкім')).toEqual(['Әкім']);
  });

  it('finds every case pair of the Kazakh letters', () => {
    for (const [u, l] of ['Әә', 'Ғғ', 'Ққ', 'Ңң', 'Өө', 'Ұұ', 'Үү', 'Һһ', 'Іі'].map((p) => [...p])) {
      expect(hits(`x ${u}${u}${l} y`, `${l}${u}${l}`)).toEqual([`${u}${u}${l}`]);
    }
  });

  it('finds prefixes, marking the whole word', () => {
    expect(hits(KK, 'әкім*')).toEqual(['ӘКІМДІККЕ', 'әкімдік', 'Әкім']);
    expect(hits(RU, 'петиц*')).toEqual(['петицию', 'Петиция', 'ПЕТИЦИЯ']);
  });

  it('finds phrases across any separator, and e-Otinish as a phrase', () => {
    expect(hits(KK, 'e-Otinish')).toEqual(['e-Otinish']);
    expect(hits('через e Otinish и E–OTINISH', 'e-otinish')).toEqual(['e Otinish', 'E–OTINISH']);
    expect(hits(RU, '"электронную петицию"')).toEqual(['электронную петицию']);
    expect(hits(RU, '"петицию петиция"')).toEqual([]);
    expect(hits(KK, '"әкім қабылд"*')).toEqual(['Әкім қабылдауына']);
  });

  it('combines terms per turn with AND, OR and NOT', () => {
    expect(hits(RU, 'петиция AND дороги')).toEqual(['Петиция', 'дороги', 'ПЕТИЦИЯ']);
    expect(hits(RU, 'петиция AND выборы')).toEqual([]);
    expect(hits(RU, 'выборы OR голос')).toEqual(['голос']);
    expect(hits(RU, 'петиция NOT дороги')).toEqual([]);
    expect(hits(RU, 'петиция NOT выборы')).toEqual(['Петиция', 'ПЕТИЦИЯ']);
    expect(hits(RU, '(петиция OR петицию) NOT выборы')).toEqual(['петицию', 'Петиция', 'ПЕТИЦИЯ']);
  });

  it('merges overlapping hits of different terms', () => {
    expect(hits(KK, 'e-Otinish OR otinish')).toEqual(['e-Otinish']);
    expect(hits(KK, 'әкімдік* OR әкімдікке')).toEqual(['ӘКІМДІККЕ', 'әкімдік']);
  });

  it('gives exact UTF-16 offsets after emoji and İ', () => {
    const text = '👍🏻 İstanbul, 🥰 әкімдік';
    const r = parseQuery('istanbul OR ӘКІМДІК');
    if (!r.ok || !r.query) throw new Error();
    const ranges = matchTurn(text, r.query);
    expect(ranges).toEqual([
      [5, 13],
      [18, 25],
    ]);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['İstanbul', 'әкімдік']);
  });

  it('finds a word glued to a newer emoji or a bidi isolate', () => {
    expect(hits('спасибо🥰 и \u2068Айгүл\u2069', 'спасибо OR айгүл')).toEqual(['спасибо', 'Айгүл']);
  });
});

describe('candidatePattern', () => {
  it('finds every character whose fold is the pattern’s (the regex is a superset of folding)', () => {
    const missed: string[] = [];
    for (let c = 0; c < 0x110000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const x = String.fromCodePoint(c);
      const folded = foldWord(x);
      if (folded === x) continue;
      const re = candidatePattern([folded]);
      if (!re.test(x)) missed.push(`U+${c.toString(16)}`);
    }
    expect(missed).toEqual([]);
  });

  it('allows any separators between the words of a phrase', () => {
    const re = candidatePattern(['e', 'otinish']);
    expect('через E – OTİNİSH, e-otinish'.match(re)).toEqual(['E – OTİNİSH', 'e-otinish']);
  });
});

describe('mergeRanges', () => {
  it('merges overlaps and keeps touching ranges apart', () => {
    expect(mergeRanges([[5, 8], [0, 3], [2, 4], [8, 9]])).toEqual([[0, 4], [5, 8], [8, 9]]);
  });
});

/** The plain definition: cut the turn into words, fold each, compare word by word. */
function reference(text: string, query: QueryNode): Range[] {
  const words = wordsOf(text).map((w) => ({ ...w, folded: foldWord(text.slice(w.start, w.end)) }));
  const occurrences = (t: TermNode): Range[] => {
    const out: Range[] = [];
    for (let i = 0; i + t.words.length <= words.length; i++) {
      const ok = t.words.every((w, k) => {
        const f = words[i + k].folded;
        return t.prefix && k === t.words.length - 1 ? f.startsWith(w) : f === w;
      });
      if (ok) out.push([words[i].start, words[i + t.words.length - 1].end]);
    }
    return out;
  };
  const evaluate = (n: QueryNode): { matched: boolean; ranges: Range[] } => {
    if (n.kind === 'term') {
      const r = occurrences(n);
      return { matched: r.length > 0, ranges: r };
    }
    const l = evaluate(n.left);
    const r = evaluate(n.right);
    if (n.kind === 'and') return l.matched && r.matched ? { matched: true, ranges: [...l.ranges, ...r.ranges] } : { matched: false, ranges: [] };
    if (n.kind === 'or') return { matched: l.matched || r.matched, ranges: [...l.ranges, ...r.ranges] };
    return l.matched && !r.matched ? l : { matched: false, ranges: [] };
  };
  const e = evaluate(query);
  return e.matched ? mergeRanges(e.ranges) : [];
}

describe('matchTurn against the plain definition', () => {
  const pieces = ['әкім', 'ӘКІМ', 'дік', 'ке', 'e', 'Otinish', 'петиция', 'ПЕТ', 'İ', 'i', 'Σ', 'ς', 'σ', '🥰', '👍🏻', ' ', ' ', '-', '.', '\u0301', '\u2068', 'Ԩ', 'ԩ', '2024'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''));
  const term = fc
    .tuple(fc.array(fc.constantFrom('әкім', 'әкімдік', 'e', 'otinish', 'петиция', 'пет', 'i', 'σ', 'ԩ', '2024', 'ке'), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([words, prefix]) => (words.length > 1 ? `"${words.join(' ')}"` : words[0]) + (prefix ? '*' : ''));
  const query = fc.oneof(
    term,
    fc.tuple(term, fc.constantFrom(' ', ' OR ', ' NOT ', ' AND '), term).map(([a, op, b]) => a + op + b),
  );

  it('finds exactly the same hits', () => {
    fc.assert(
      fc.property(text, query, (t, q) => {
        const r = parseQuery(q);
        if (!r.ok || !r.query) throw new Error(q);
        expect(matchTurn(t, r.query)).toEqual(reference(t, r.query));
      }),
      { numRuns: 3000 },
    );
  });
});
