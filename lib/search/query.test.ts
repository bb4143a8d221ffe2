import { describe, expect, it } from 'vitest';
import { parseQuery, positiveTerms, type QueryErrorCode, type QueryNode } from './query';

function tree(q: string): QueryNode | null {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.query;
}

/** A compact picture of a tree: terms as their words (prefix with *), operators in prefix form. */
function show(node: QueryNode | null): string {
  if (!node) return '∅';
  if (node.kind === 'term') return (node.words.length > 1 ? `"${node.words.join(' ')}"` : node.words[0]) + (node.prefix ? '*' : '');
  return `${node.kind.toUpperCase()}(${show(node.left)}, ${show(node.right)})`;
}

function error(q: string): { code: QueryErrorCode; at: number; text: string; message: string } {
  const r = parseQuery(q);
  if (r.ok) throw new Error(`parsed: ${show(r.query)}`);
  return r.error;
}

describe('parseQuery', () => {
  it('reads words, folded, and an empty query as nothing', () => {
    expect(show(tree('Петиция'))).toBe('петиция');
    expect(show(tree('ӘКІМДІК'))).toBe('әкімдік');
    expect(show(tree('   '))).toBe('∅');
    expect(show(tree(''))).toBe('∅');
  });

  it('reads prefixes and phrases, in straight, angle and curly quotes', () => {
    expect(show(tree('әкім*'))).toBe('әкім*');
    expect(show(tree('"электронная петиция"'))).toBe('"электронная петиция"');
    expect(show(tree('«Электронное Правительство»'))).toBe('"электронное правительство"');
    expect(show(tree('“open data”'))).toBe('"open data"');
    expect(show(tree('„жаңа заң“'))).toBe('"жаңа заң"');
    expect(show(tree('"электрон үкі"*'))).toBe('"электрон үкі"*');
  });

  it('reads a word with inner punctuation as a phrase of its parts', () => {
    expect(show(tree('e-Otinish'))).toBe('"e otinish"');
    expect(show(tree('e-Oti*'))).toBe('"e oti"*');
  });

  it('reads AND, OR, NOT with FTS5 precedence (NOT, then AND, then OR) and implicit AND', () => {
    expect(show(tree('a b'))).toBe('AND(a, b)');
    expect(show(tree('a AND b OR c'))).toBe('OR(AND(a, b), c)');
    expect(show(tree('a OR b c'))).toBe('OR(a, AND(b, c))');
    expect(show(tree('a b NOT c'))).toBe('AND(a, NOT(b, c))');
    expect(show(tree('(a OR b) NOT c'))).toBe('NOT(OR(a, b), c)');
    expect(show(tree('петиция NOT онлайн'))).toBe('NOT(петиция, онлайн)');
  });

  it('takes lower-case operators as words, as FTS5 does', () => {
    expect(show(tree('a and b'))).toBe('AND(AND(a, and), b)');
    expect(show(tree('әкімдік OR "e-Otinish" OR петиция'))).toBe('OR(OR(әкімдік, "e otinish"), петиция)');
  });

  it('normalises the query to NFC (й typed as и + breve)', () => {
    expect(show(tree('и\u0306од'))).toBe('йод');
  });

  it('says what is wrong with a malformed query, and where', () => {
    expect(error('"e-Otinish')).toMatchObject({ code: 'unclosedQuote', at: 0 });
    expect(error('a ""')).toMatchObject({ code: 'emptyQuote', at: 2 });
    expect(error('(a OR b')).toMatchObject({ code: 'unclosedParen', at: 0 });
    expect(error('a OR b)')).toMatchObject({ code: 'unexpectedParen', at: 6 });
    expect(error('a ()')).toMatchObject({ code: 'emptyParens', at: 2 });
    expect(error('a OR')).toMatchObject({ code: 'missingOperand', at: 2, text: 'OR' });
    expect(error('OR a')).toMatchObject({ code: 'missingOperand', at: 0 });
    expect(error('a AND AND b')).toMatchObject({ code: 'missingOperand', at: 6 });
    expect(error('(a OR)')).toMatchObject({ code: 'missingOperand', at: 3 });
    expect(error('NOT a')).toMatchObject({ code: 'leadingNot', at: 0 });
    expect(error('a NOT')).toMatchObject({ code: 'missingOperand', at: 2 });
    expect(error('*кім')).toMatchObject({ code: 'misplacedStar', at: 0 });
    expect(error('ә*кім')).toMatchObject({ code: 'misplacedStar' });
    expect(error('әкім**')).toMatchObject({ code: 'misplacedStar' });
    expect(error('*')).toMatchObject({ code: 'misplacedStar' });
    expect(error('"a b"**')).toMatchObject({ code: 'misplacedStar' });
    expect(error('петиция —')).toMatchObject({ code: 'noWords', at: 8, text: '—' });
    expect(error('x'.repeat(1001))).toMatchObject({ code: 'tooLong' });
    expect(error(Array.from({ length: 51 }, (_, i) => `w${i}`).join(' '))).toMatchObject({ code: 'tooManyTerms' });
    expect(error('('.repeat(25) + 'a' + ')'.repeat(25))).toMatchObject({ code: 'tooDeep' });
    expect(error('NOT a').message).toMatch(/NOT at character 1 needs a word before it/);
    expect(error('"e-Otinish').message).toBe('The quotation mark at character 1 is not closed.');
  });

  it('treats FTS5 syntax characters as plain text, never as syntax', () => {
    expect(show(tree('NEAR(a b)'))).toBe('AND(near, AND(a, b))');
    expect(show(tree('col:value ^start +plus'))).toBe('AND(AND("col value", start), plus)');
  });
});

describe('positiveTerms', () => {
  it('leaves out what a NOT excludes', () => {
    expect(positiveTerms(tree('(a OR b) NOT c')!).map((t) => t.words[0])).toEqual(['a', 'b']);
  });
});
