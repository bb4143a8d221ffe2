/**
 * A .qdpx (or bare .qde) uploaded to become a new project: read it (all or nothing, hostile
 * archives refused by lib/refi-qda), then write it in one transaction. When the file cannot
 * be read faithfully, the answer says whether leaving out what cannot be placed (missing
 * source files, selections outside their text, unknown codes) would work, so the user can
 * confirm that instead. A source whose text file is not UTF-8 text is refused outright, as a
 * DomainError (`import.source_not_text`) naming the source and its file: there is nothing to
 * omit-and-confirm, the project has to be exported again.
 */
import type { Db } from '@/db/client';
import { importRefiProject, type RefiImportReport } from '@/db/queries/refi-import';
import { DomainError } from '@/lib/errors';
import { readProjectFile, RefiImportError, type Problem } from '@/lib/refi-qda';

export type ProjectImportOutcome =
  | { ok: true; report: RefiImportReport; problems: Problem[] }
  | { ok: false; problems: Problem[]; canOmit: boolean };

export function importProjectFile(db: Db, userId: number, bytes: Uint8Array, options: { omit?: boolean; name?: string } = {}): ProjectImportOutcome {
  let read;
  try {
    read = readProjectFile(bytes, { onUnplaceable: options.omit ? 'omit' : 'reject' });
  } catch (e) {
    if (!(e instanceof RefiImportError)) throw e;
    const notText = e.problems.find((p) => p.kind === 'source-encoding');
    if (notText) throw new DomainError('import.source_not_text', { source: notText.name ?? '', file: notText.file ?? '' });
    let canOmit = false;
    if (!options.omit) {
      try {
        readProjectFile(bytes, { onUnplaceable: 'omit' });
        canOmit = true;
      } catch {
        canOmit = false;
      }
    }
    return { ok: false, problems: e.problems, canOmit };
  }
  const report = importRefiProject(db, read.project, userId, { name: options.name });
  return { ok: true, report, problems: read.problems };
}
