/**
 * The codebook and REFI-QDA codes, both ways. A code's criteria and example travel inside its
 * <Description> (see packDefinition), so a .qdc written here reads back with them, and other
 * tools still show them as text. Code guids are the app's ids ("code-12"); the writer turns
 * them into GUIDs.
 */
import type { RefiCode } from '../refi-qda';
import { packDefinition, unpackDefinition, type CodebookEntry } from './codebook';
import type { CodebookImportRow } from './codebook-table';

/** The app id a code has in a RefiProject/RefiCodebook we build. */
export function codeRefId(id: number): string {
  return `code-${id}`;
}

/** The codebook tree as REFI codes (archived codes included: codings may use them). */
export function codebookToRefiCodes(entries: readonly CodebookEntry[]): RefiCode[] {
  const nodes = new Map<number, RefiCode>();
  const roots: RefiCode[] = [];
  for (const e of entries) {
    const description = packDefinition(e);
    const node: RefiCode = { guid: codeRefId(e.id), name: e.name, color: e.color, isCodable: true, children: [] };
    if (description) node.description = description;
    nodes.set(e.id, node);
  }
  for (const e of entries) {
    const parent = e.parentId == null ? undefined : nodes.get(e.parentId);
    (parent ? parent.children : roots).push(nodes.get(e.id) as RefiCode);
  }
  return roots;
}

/** REFI codes as import rows, parents before children; `row` counts codes in file order from 1. */
export function refiCodesToRows(codes: readonly RefiCode[]): CodebookImportRow[] {
  const out: CodebookImportRow[] = [];
  const walk = (list: readonly RefiCode[], parents: string[]) => {
    for (const c of list) {
      const names = [...parents, c.name.trim()];
      const row: CodebookImportRow = { row: out.length + 1, names };
      const d = unpackDefinition(c.description ?? '');
      if (d.description) row.description = d.description;
      if (d.inclusion) row.inclusion = d.inclusion;
      if (d.exclusion) row.exclusion = d.exclusion;
      if (d.example) row.example = d.example;
      if (c.color) row.color = c.color;
      out.push(row);
      walk(c.children, names);
    }
  };
  walk(codes, []);
  return out;
}
