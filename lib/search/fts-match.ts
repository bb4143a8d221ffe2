/**
 * The FTS5 MATCH expression for a parsed query. Every term becomes a quoted FTS5 string of
 * its folded words (which hold only word characters, so never a quote), a prefix adds " *",
 * and every operator is written out with its operands in parentheses: whatever the user
 * typed, the expression is well formed and means what the tree means.
 */
import type { QueryNode } from './query';

export function ftsMatchExpression(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return `"${node.words.join(' ')}"${node.prefix ? ' *' : ''}`;
    case 'and':
      return `(${ftsMatchExpression(node.left)}) AND (${ftsMatchExpression(node.right)})`;
    case 'or':
      return `(${ftsMatchExpression(node.left)}) OR (${ftsMatchExpression(node.right)})`;
    case 'not':
      return `(${ftsMatchExpression(node.left)}) NOT (${ftsMatchExpression(node.right)})`;
  }
}
