/** The notes a downloaded table carries (in English, like its headers): layer, columns, filters. */
import type { ColumnSource, AnalysisFilter } from './types';

export interface DescribeInput {
  layerLabel: string;
  columns?: ColumnSource;
  split?: ColumnSource | null;
  rollup?: boolean;
  filter: AnalysisFilter;
  codePath: (id: number) => string;
  documentTitle: (id: number) => string;
}

const columnName = (c: ColumnSource) => (c.kind === 'documents' ? 'documents' : c.attribute.name);

/** Label–value notes: the layer, then columns and roll-up when given, then the filters ("none" when there are none). */
export function describeQuery(q: DescribeInput): Array<[string, string]> {
  const notes: Array<[string, string]> = [['Layer', q.layerLabel]];
  if (q.columns) notes.push(['Columns', q.split ? `${columnName(q.columns)} × ${columnName(q.split)}` : columnName(q.columns)]);
  if (q.rollup != null) notes.push(['Roll-up', q.rollup ? 'parents include their subcodes' : 'no']);
  const f = q.filter;
  const filters: string[] = [];
  if (f.codeId != null) filters.push(`codes: ${q.codePath(f.codeId)}${f.descendants ? ' and its subcodes' : ''}`);
  if (f.documentIds) filters.push(`documents: ${f.documentIds.map(q.documentTitle).join(', ')}`);
  for (const a of f.attributes) filters.push(`${a.attribute.name}: ${a.values.join(' or ')}`);
  if (f.participantId != null) filters.push(`participant ${f.participantId}`);
  for (const set of f.sets ?? []) filters.push(`${set.kind} set: ${set.name}`);
  notes.push(['Filters', filters.length ? filters.join('; ') : 'none']);
  return notes;
}

/** The layer in English, for files: "Consensus", "Coder: Aigerim", or the union with its rule. */
export function layerLabelEn(layer: AnalysisFilter['layer'], coders: ReadonlyArray<{ id: number; name: string }>): string {
  if (layer.kind === 'union') return "All coders' layers (union; the same code on an identical range counts once)";
  if (layer.kind === 'consensus') return 'Consensus';
  return `Coder: ${coders.find((c) => c.id === layer.coderId)?.name ?? layer.coderId}`;
}
