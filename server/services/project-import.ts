/**
 * A .qdpx (or bare .qde) uploaded to become a new project: read it (all or nothing, hostile
 * archives refused by lib/refi-qda), then write it in one transaction. When the file cannot
 * be read faithfully, the answer says whether leaving out what cannot be placed (missing
 * source files, selections outside their text, unknown codes) would work, so the user can
 * confirm that instead. A source whose text file is not UTF-8 text is refused outright, as a
 * DomainError (`import.source_not_text`) naming the source and its file: there is nothing to
 * omit-and-confirm, the project has to be exported again.
 *
 * Coders travel by email (our own exports carry a key of each coder's email in fgcoder.json,
 * not the email): a coder whose email is an account's here becomes that account. When the file names emails that match no account,
 * nothing is written until the user has mapped each such coder to an account they work with
 * (or to a new placeholder): the answer lists the coders and the accounts to choose from.
 */
import type { Db } from '@/db/client';
import { fileCoders, importRefiProject, mappingCandidates, type CoderMap, type FileCoder, type RefiImportReport } from '@/db/queries/refi-import';
import { DomainError } from '@/lib/errors';
import { readProjectFile, RefiImportError, type Problem } from '@/lib/refi-qda';

export type { CoderMap };

export interface CoderMapping {
  /** Every coder of the file; `account` when their email matched an account. */
  coders: FileCoder[];
  /** The accounts the user may map a coder to. */
  accounts: { id: number; name: string; email: string }[];
}

export type ProjectImportOutcome =
  | { ok: true; report: RefiImportReport; problems: Problem[] }
  | { ok: false; problems: Problem[]; canOmit: boolean; mapping?: CoderMapping };

export async function importProjectFile(db: Db, userId: number, bytes: Uint8Array, options: { omit?: boolean; name?: string; coders?: CoderMap } = {}): Promise<ProjectImportOutcome> {
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
  const coders = fileCoders(db, read.project);
  const accounts = await mappingCandidates(db, userId);
  const given = options.coders ?? {};
  const allowed = new Set([...accounts.map((a) => a.id), ...coders.flatMap((c) => (c.account ? [c.account.id] : []))]);
  const refused = Object.entries(given).filter(([guid, to]) => !coders.some((c) => c.guid === guid) || (to !== 'placeholder' && !allowed.has(to)));
  const unmapped = coders.filter((c) => c.byEmail && !c.account && given[c.guid] === undefined);
  if (refused.length > 0 || unmapped.length > 0) {
    const problems: Problem[] = refused.map(([guid]) => ({
      severity: 'error',
      kind: 'unknown-user',
      guid,
      message: `Coder ${guid} cannot be mapped so: the account is not one you work with, or the file has no such coder`,
    }));
    return { ok: false, problems, canOmit: false, mapping: { coders, accounts } };
  }
  const report = await importRefiProject(db, read.project, userId, { name: options.name, coders: given });
  return { ok: true, report, problems: read.problems };
}
