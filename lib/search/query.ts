/**
 * The search box's query language, parsed into a tree; nothing the user types reaches
 * FTS5 as is (`fts-match.ts` writes the MATCH expression from the tree).
 *
 *   петиция                a word (any case)
 *   әкім*                  words starting with "әкім" (a star only at the end)
 *   "электронная петиция"  a phrase: these words in a row; «…» and “…” work too
 *   e-Otinish              a word with inner punctuation is a phrase of its parts
 *   a AND b, a b           both in the same turn
 *   a OR b                 either
 *   a NOT b                a, in turns without b (NOT needs something before it)
 *   ( … )                  grouping
 *
 * Operators are upper case, as in FTS5 ("and" is a word). NOT binds tighter than AND, and
 * AND than OR. The unit that must satisfy the query is the turn.
 */
import { foldedWordsOf, isSearchable } from './words';
import { translator } from '../i18n';

/** One term: the folded words of a word or phrase; with `prefix`, the last word is a prefix. */
export interface TermNode {
  kind: 'term';
  words: string[];
  prefix: boolean;
  /** As typed, for messages. */
  text: string;
}

export type QueryNode =
  | TermNode
  | { kind: 'and' | 'or' | 'not'; left: QueryNode; right: QueryNode };

export type QueryErrorCode =
  | 'unclosedQuote'
  | 'emptyQuote'
  | 'unclosedParen'
  | 'unexpectedParen'
  | 'emptyParens'
  | 'missingOperand'
  | 'leadingNot'
  | 'misplacedStar'
  | 'noWords'
  | 'tooLong'
  | 'tooManyTerms'
  | 'tooDeep';

/** What is wrong with a query: a code (for translated messages), where (0-based), the piece, and an English message. */
export interface QueryError {
  code: QueryErrorCode;
  at: number;
  text: string;
  message: string;
}

export type ParseResult = { ok: true; query: QueryNode | null } | { ok: false; error: QueryError };

export const MAX_QUERY_LENGTH = 1000;
export const MAX_TERMS = 50;
const MAX_DEPTH = 20;

const CLOSING: Record<string, string> = { '"': '"', '«': '»', '“': '”', '„': '“”' };
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

type Lexeme =
  | { type: 'open'; at: number; text: string }
  | { type: 'close'; at: number; text: string }
  | { type: 'op'; op: 'AND' | 'OR' | 'NOT'; at: number; text: string }
  | { type: 'word' | 'phrase'; at: number; text: string; body: string; prefix: boolean };

/** The English message of a syntax error (the catalogue's, as every screen shows it translated). */
export function queryErrorMessage(code: QueryErrorCode, at: number, text: string): string {
  return translator('en')(`error.search.${code}`, { at: at + 1, text });
}

class QuerySyntaxError extends Error {
  constructor(readonly error: QueryError) {
    super(error.message);
  }
}

function fail(code: QueryErrorCode, at: number, text = ''): never {
  throw new QuerySyntaxError({ code, at, text, message: queryErrorMessage(code, at, text) });
}

function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (isSpace(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      out.push(ch === '(' ? { type: 'open', at: i, text: ch } : { type: 'close', at: i, text: ch });
      i++;
    } else if (ch in CLOSING) {
      const closers = CLOSING[ch];
      let j = i + 1;
      while (j < input.length && !closers.includes(input[j])) j++;
      if (j >= input.length) fail('unclosedQuote', i, ch);
      const body = input.slice(i + 1, j);
      let end = j + 1;
      const prefix = input[end] === '*';
      if (prefix) end++;
      if (end < input.length && input[end] === '*') fail('misplacedStar', i, input.slice(i, end + 1));
      out.push({ type: 'phrase', at: i, text: input.slice(i, end), body, prefix });
      i = end;
    } else {
      let j = i;
      while (j < input.length && !isSpace(input[j]) && input[j] !== '(' && input[j] !== ')' && !(input[j] in CLOSING)) j++;
      const text = input.slice(i, j);
      if (OPERATORS.has(text)) {
        out.push({ type: 'op', op: text as 'AND' | 'OR' | 'NOT', at: i, text });
      } else {
        const star = text.indexOf('*');
        if (star !== -1 && star !== text.length - 1) fail('misplacedStar', i, text);
        const prefix = star === text.length - 1;
        out.push({ type: 'word', at: i, text, body: prefix ? text.slice(0, -1) : text, prefix });
      }
      i = j;
    }
  }
  return out;
}

/**
 * Parses a query. An empty (or blank) query gives `{ ok: true, query: null }`; a malformed
 * one gives the first problem, with where it is.
 */
export function parseQuery(input: string): ParseResult {
  const text = input.normalize('NFC');
  try {
    if (text.length > MAX_QUERY_LENGTH) fail('tooLong', MAX_QUERY_LENGTH);
    const lexemes = lex(text);
    if (lexemes.length === 0) return { ok: true, query: null };
    let pos = 0;
    let terms = 0;
    const peek = () => lexemes[pos];

    const startsOperand = (l: Lexeme | undefined) => !!l && (l.type === 'word' || l.type === 'phrase' || l.type === 'open');

    const primary = (depth: number): QueryNode => {
      const l = peek();
      if (!l) {
        const prev = lexemes[pos - 1];
        fail('missingOperand', prev.at, prev.text);
      }
      if (l.type === 'open') {
        if (depth >= MAX_DEPTH) fail('tooDeep', l.at, l.text);
        pos++;
        if (peek()?.type === 'close') fail('emptyParens', l.at, '()');
        const inner = or(depth + 1);
        if (peek()?.type !== 'close') fail('unclosedParen', l.at, l.text);
        pos++;
        return inner;
      }
      if (l.type === 'close') {
        const prev = lexemes[pos - 1];
        return prev?.type === 'op' ? fail('missingOperand', prev.at, prev.text) : fail('unexpectedParen', l.at, l.text);
      }
      if (l.type === 'op') return fail(l.op === 'NOT' ? 'leadingNot' : 'missingOperand', l.at, l.text);
      pos++;
      if (l.type === 'phrase' && l.body.trim() === '') fail('emptyQuote', l.at, l.text);
      if (l.type === 'word' && l.body === '') fail('misplacedStar', l.at, l.text);
      const words = foldedWordsOf(l.body);
      if (!words.some(isSearchable)) fail('noWords', l.at, l.text);
      if (++terms > MAX_TERMS) fail('tooManyTerms', l.at, l.text);
      return { kind: 'term', words, prefix: l.prefix, text: l.text };
    };

    const not = (depth: number): QueryNode => {
      let left = primary(depth);
      while (peek()?.type === 'op' && (peek() as { op: string }).op === 'NOT') {
        pos++;
        left = { kind: 'not', left, right: primary(depth) };
      }
      return left;
    };

    const and = (depth: number): QueryNode => {
      let left = not(depth);
      for (;;) {
        const l = peek();
        if (l?.type === 'op' && l.op === 'AND') {
          pos++;
          left = { kind: 'and', left, right: not(depth) };
        } else if (startsOperand(l)) {
          left = { kind: 'and', left, right: not(depth) };
        } else {
          return left;
        }
      }
    };

    const or = (depth: number): QueryNode => {
      let left = and(depth);
      while (peek()?.type === 'op' && (peek() as { op: string }).op === 'OR') {
        pos++;
        left = { kind: 'or', left, right: and(depth) };
      }
      return left;
    };

    const query = or(0);
    const rest = peek();
    if (rest) {
      // Only a stray ")" can stop the top level early.
      fail('unexpectedParen', rest.at, rest.text);
    }
    return { ok: true, query };
  } catch (e) {
    if (e instanceof QuerySyntaxError) return { ok: false, error: e.error };
    throw e;
  }
}

/** The terms of a query that a matching turn shows (those not under the right side of a NOT). */
export function positiveTerms(node: QueryNode): TermNode[] {
  if (node.kind === 'term') return [node];
  if (node.kind === 'not') return positiveTerms(node.left);
  return [...positiveTerms(node.left), ...positiveTerms(node.right)];
}
