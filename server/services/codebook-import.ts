/** The codebook import shared by the API route: read the uploaded file, import all or nothing. */
import type { Db } from '@/db/client';
import { CodebookImportError, importCodebookRows, type CodebookImportResult } from '@/db/queries/codebook-exchange';
import { exportCodes } from '@/db/queries/excerpts-export';
import { readCodebookFile } from '@/lib/export/codebook-import';
import type { RowProblem } from '@/lib/export/codebook-table';

export type CodebookImportOutcome = ({ ok: true } & CodebookImportResult) | { ok: false; problems: RowProblem[] };

/** Reads and imports; problems (in the file, or refused by the codebook's rules) come back, never half an import. */
export async function importCodebookFile(db: Db, actor: { projectId: number; userId: number }, bytes: Uint8Array, fileName: string): Promise<CodebookImportOutcome> {
  const byId = new Map((await exportCodes(db, actor.projectId)).map((c) => [c.id, c]));
  const namesOf = (id: number): string[] => {
    const c = byId.get(id)!;
    return c.parentId != null && byId.has(c.parentId) ? [...namesOf(c.parentId), c.name] : [c.name];
  };
  const { rows, problems } = await readCodebookFile(bytes, fileName, [...byId.keys()].map(namesOf));
  if (problems.length > 0) return { ok: false, problems };
  try {
    return { ok: true, ...await importCodebookRows(db, actor, rows) };
  } catch (e) {
    if (e instanceof CodebookImportError) return { ok: false, problems: e.problems };
    throw e;
  }
}
