/**
 * One agreement comparison, from a parsed selection to the summary: checks the ids, gathers the
 * coders' layers, and computes — the same path for the page, the download and the API.
 * Callers have already checked that the user is a lead of the project.
 */
import type { Db } from '@/db/client';
import { agreementChoices, agreementInput, unknownSelectionIds } from '@/db/queries/agreement';
import { membersOfProject } from '@/db/queries/projects';
import { roundsOfProject } from '@/db/queries/training-rounds';
import type { AgreementInput } from '@/lib/agreement';
import type { ExportNames } from '@/lib/agreement/export-table';
import { agreementReadiness, type AgreementReadiness } from '@/lib/agreement/readiness';
import type { AgreementSelection } from '@/lib/agreement/selection';
import { agreementSummary, type AgreementSummary } from '@/lib/agreement/summary';
import type { AgreementChoices } from '@/lib/agreement/types';

export interface AgreementRun {
  choices: AgreementChoices;
  /** The compared coders, in order, with names. */
  coders: Array<{ id: number; name: string }>;
  codes: Array<{ id: number; name: string; color: string }>;
  documents: Array<{ id: number; title: string; assignedCoders: number[] }>;
  input: AgreementInput;
  readiness: AgreementReadiness;
  /** Null when `readiness.problem` says what is missing. */
  summary: AgreementSummary | null;
  names: ExportNames;
}

/** The message for ids not in the project, naming each kind of parameter; null when all are known. */
export async function unknownIdsMessage(db: Db, projectId: number, s: AgreementSelection): Promise<string | null> {
  const unknown = await unknownSelectionIds(db, projectId, s);
  const parts = [
    unknown.coders.length ? `Parameter 'coders': not a coder of this project: ${unknown.coders.join(', ')}` : '',
    unknown.codes.length ? `Parameter 'codes': not a code of this project: ${unknown.codes.join(', ')}` : '',
    unknown.documents.length ? `Parameter 'documents': not a document of this project: ${unknown.documents.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('. ') : null;
}

/**
 * Runs the comparison for a selection whose ids are known (see `unknownIdsMessage`). With no
 * coders chosen, compares every coder who has an assignment. The summary is computed only when
 * at least one document has two chosen coders assigned.
 */
export async function runAgreement(db: Db, projectId: number, selection: AgreementSelection): Promise<AgreementRun> {
  const choices = await agreementChoices(db, projectId);
  const coderIds = selection.coders.length ? selection.coders : choices.coders.map((c) => c.id);
  const memberNames = new Map((await membersOfProject(db, projectId)).map((m) => [m.userId, m.name]));
  const input = await agreementInput(db, projectId, { coders: coderIds, codes: selection.codes, documents: selection.documents });
  const readiness = agreementReadiness(input);
  const summary =
    readiness.problem === null
      ? agreementSummary(input, {
          segmentThreshold: selection.thresholdPercent / 100,
          bootstrap: selection.samples > 0 ? { samples: selection.samples, seed: selection.seed } : false,
          excludeUncoded: selection.excludeUncoded,
          unitized: selection.unitized,
          // semantic domains for cu-α and Cu-α: the top-level code of each code's branch
          domains: Object.fromEntries(choices.codes.map((c) => [String(c.id), String(c.domainId)])),
          rounds: (await roundsOfProject(db, projectId)).map((r) => ({ id: String(r.id), name: r.name, documents: r.documentIds.map(String) })),
        })
      : null;
  const codeById = new Map(choices.codes.map((c) => [c.id, c]));
  const docById = new Map(choices.documents.map((d) => [d.id, d]));
  const coders = coderIds.map((id) => ({ id, name: memberNames.get(id) ?? `#${id}` }));
  const codes = (input.codes ?? []).map((id) => {
    const c = codeById.get(Number(id));
    return { id: Number(id), name: c?.path ?? id, color: c?.color ?? '#888888' };
  });
  const documents = input.documents.map((d) => {
    const doc = docById.get(Number(d.id));
    return { id: Number(d.id), title: doc?.title ?? String(d.id), assignedCoders: doc?.coders ?? [] };
  });
  const coderName = new Map(coders.map((c) => [String(c.id), c.name]));
  const codeName = new Map(codes.map((c) => [String(c.id), c.name]));
  const docTitle = new Map(documents.map((d) => [String(d.id), d.title]));
  return {
    choices,
    coders,
    codes,
    documents,
    input,
    readiness,
    summary,
    names: {
      coder: (id) => coderName.get(id) ?? id,
      code: (id) => codeName.get(id) ?? id,
      document: (id) => (id === undefined ? '' : (docTitle.get(id) ?? id)),
    },
  };
}
