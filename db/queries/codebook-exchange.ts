/**
 * The codebook leaving and entering a project: the codebook as the exports see it (paths,
 * definitions, counts per visible layer) and the import of rows read from a .qdc, CSV or
 * XLSX file into the project's codebook.
 *
 * The import is all or nothing: every row is tried under the codebook's own rules
 * (createCode/updateCode: names, colours, shortcuts), every refused row is named, and when
 * any is refused the whole import is rolled back.
 */
import type { Db } from '../client';
import { dbReady, transaction } from '../transaction';
import type { CodebookEntry, CodebookExport } from '@/lib/export/codebook';
import type { CodebookImportRow, RowProblem } from '@/lib/export/codebook-table';
import { withPaths } from '@/lib/coding/code-paths';
import { codeTree, type CodeNode } from './codes';
import { createCode, updateCode, type Actor, type CodeFields } from './codebook';
import { userById } from './users';
import { parseLayer } from '@/lib/access/layers';
import { CodebookError } from '@/lib/codebook/rules';

/** A count column: the layer key ('consensus' | 'coder:<id>') and its title. */
export interface CountColumn {
  key: string;
  label: string;
}

/**
 * The codebook in codebook order with counts for the layers `mayCount` allows: consensus
 * first, then each coder's layer that has codings, by name.
 */
export async function codebookExport(
  db: Db,
  projectId: number,
  projectName: string,
  mayCount: (key: string) => boolean,
  options: { consensusLabel?: string; now?: Date } = {},
): Promise<CodebookExport> {
  await dbReady(db);
  const tree = await codeTree(db, projectId);
  const flat: CodeNode[] = [];
  const collect = (nodes: CodeNode[]) => nodes.forEach((n) => (flat.push(n), collect(n.children)));
  collect(tree);
  const keys = new Set(flat.flatMap((n) => Object.keys(n.counts)));
  const columns: CountColumn[] = [];
  if (mayCount('consensus')) columns.push({ key: 'consensus', label: options.consensusLabel ?? 'Consensus' });
  const coders: CountColumn[] = [];
  for (const k of keys) {
    if (k === 'consensus' || !mayCount(k)) continue;
    const layer = parseLayer(k);
    coders.push({ key: k, label: (layer?.kind === 'coder' && (await userById(db, layer.coderId))?.name) || k });
  }
  coders.sort((a, b) => a.label.localeCompare(b.label));
  columns.push(...coders);

  const entries: CodebookEntry[] = withPaths(flat).map((n) => ({
    id: n.id,
    parentId: n.parentId,
    name: n.name,
    path: n.path,
    depth: n.depth,
    color: n.color,
    description: n.description,
    inclusion: n.inclusion,
    exclusion: n.exclusion,
    example: n.example,
    shortcut: n.shortcut,
    archived: n.archived,
    counts: columns.map((c) => n.counts[c.key] ?? 0),
  }));
  return { projectName, generatedAt: options.now ?? new Date(), countColumns: columns.map((c) => c.label), codes: entries };
}

/** Thrown when any row cannot be imported; `problems` names each (nothing was written). */
export class CodebookImportError extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(`The codebook was not imported:\n${problems.slice(0, 50).map((p) => `- ${p.message}`).join('\n')}${problems.length > 50 ? `\n- …and ${problems.length - 50} more` : ''}`);
    this.name = 'CodebookImportError';
  }
}

export interface CodebookImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports rows into the project's codebook, in one transaction: a row whose path exists
 * (names compared ignoring case) updates the fields the row gives; any other row creates
 * the code, and any missing parent on its path. Throws CodebookImportError naming every
 * refused row, and then writes nothing.
 */
export async function importCodebookRows(db: Db, actor: Actor, rows: readonly CodebookImportRow[]): Promise<CodebookImportResult> {
  await dbReady(db);
  const result: CodebookImportResult = { created: 0, updated: 0, unchanged: 0 };
  const problems: RowProblem[] = [];
  await transaction(db, async (tx) => {
    // createCode/updateCode open their own (nested: a savepoint) transaction on what they are given.
    const inner = tx as unknown as Db;
    const byPath = new Map<string, number>();
    const key = (names: readonly string[]) => names.map((n) => n.normalize('NFC').trim().toLowerCase()).join('\u0000');
    const existing = flatten(await codeTree(inner, actor.projectId));
    for (const e of existing) byPath.set(key(e.names), e.id);
    const createdHere = new Set<number>();
    const inFile = new Map<string, number>();
    for (const row of rows) {
      const earlier = inFile.get(key(row.names));
      if (earlier !== undefined) {
        problems.push({ row: row.row, message: `Row ${row.row} (${row.names.join(' / ')}): the same code is already on row ${earlier}` });
        continue;
      }
      inFile.set(key(row.names), row.row);
      try {
        let parentId: number | null = null;
        for (let depth = 0; depth < row.names.length - 1; depth++) {
          const k = key(row.names.slice(0, depth + 1));
          let id = byPath.get(k);
          if (id === undefined) {
            id = (await createCode(inner, actor, { name: row.names[depth], parentId })).id;
            byPath.set(k, id);
            createdHere.add(id);
            result.created++;
          }
          parentId = id;
        }
        const fields: Partial<CodeFields> = {};
        for (const f of ['description', 'inclusion', 'exclusion', 'example', 'color', 'shortcut'] as const) if (row[f] !== undefined) fields[f] = row[f];
        const k = key(row.names);
        const id = byPath.get(k);
        if (id === undefined) {
          const created = await createCode(inner, actor, { ...fields, name: row.names[row.names.length - 1], parentId });
          byPath.set(k, created.id);
          createdHere.add(created.id);
          result.created++;
        } else if (createdHere.has(id)) {
          // a parent this import created for an earlier row: now it gets its own fields
          await updateCode(inner, actor, id, fields);
        } else {
          const before = existing.find((e) => e.id === id)?.node;
          const after = await updateCode(inner, actor, id, fields);
          const changed = (Object.keys(fields) as (keyof CodeFields)[]).some((f) => before?.[f] !== after[f]);
          if (changed) result.updated++;
          else result.unchanged++;
        }
      } catch (e) {
        if (e instanceof CodebookError) problems.push({ row: row.row, message: `Row ${row.row} (${row.names.join(' / ')}): ${e.message}` });
        else throw e;
      }
    }
    if (problems.length > 0) throw new CodebookImportError(problems);
  });
  return result;
}

function flatten(tree: CodeNode[], parents: string[] = []): { id: number; names: string[]; node: CodeNode }[] {
  return tree.flatMap((n) => {
    const names = [...parents, n.name];
    return [{ id: n.id, names, node: n }, ...flatten(n.children, names)];
  });
}
