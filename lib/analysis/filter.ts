/**
 * A filter compiled against the model: flags per document, participant and code, so a pass
 * over the codings asks an array, not a rule.
 */
import { valueKey } from './axis';
import type { AnalysisModel } from './model';
import { NO_PARTICIPANT, type AnalysisFilter } from './types';

export interface CompiledFilter {
  documentPass: Uint8Array;
  /** Participants kept by the participant attribute filters (and a participantId restriction). */
  participantPass: Uint8Array;
  /** Is any participant restriction in force? */
  participantFiltered: boolean;
  /** Do codings attributed to nobody pass? Only when every participant filter lists NO_PARTICIPANT. */
  nobodyPasses: boolean;
  codePass: Uint8Array;
  /** The codes that get rows (the members of the chosen code sets); null: every code (of the subtree). */
  rowCodes: ReadonlySet<number> | null;
}

/** Flags for the filter's documents, participants and codes (the code with its descendants when `descendants`). */
export function compileFilter(model: AnalysisModel, filter: Omit<AnalysisFilter, 'layer'>): CompiledFilter {
  const docFilters = filter.attributes.filter((f) => f.attribute.scope === 'document');
  const peopleFilters = filter.attributes.filter((f) => f.attribute.scope === 'participant');
  const docIds = filter.documentIds ? new Set(filter.documentIds) : null;
  const documentPass = new Uint8Array(model.documents.length);
  model.documents.forEach((d, i) => {
    if (docIds && !docIds.has(d.id)) return;
    for (const f of docFilters) if (!f.values.includes(valueKey(f.attribute, d.attributes[f.attribute.name]))) return;
    documentPass[i] = 1;
  });
  const participantPass = new Uint8Array(model.participants.length);
  const inSet = filter.participantIds ? new Set(filter.participantIds) : null;
  model.participants.forEach((p, i) => {
    if (filter.participantId != null && p.id !== filter.participantId) return;
    if (inSet && !inSet.has(p.id)) return;
    for (const f of peopleFilters) if (!f.values.includes(valueKey(f.attribute, p.attributes[f.attribute.name]))) return;
    participantPass[i] = 1;
  });
  const participantFiltered = peopleFilters.length > 0 || filter.participantId != null || inSet !== null;
  const nobodyPasses = filter.participantId == null && inSet === null && peopleFilters.every((f) => f.values.includes(NO_PARTICIPANT));

  const codePass = new Uint8Array(model.codes.length);
  if (filter.codeId == null) codePass.fill(1);
  else {
    const root = model.codeIndex.get(filter.codeId);
    if (root !== undefined) {
      codePass[root] = 1;
      if (filter.descendants) {
        // codebook order puts descendants after their parent
        for (let i = root + 1; i < model.codes.length; i++) {
          const parent = model.codes[i].parentId;
          const pi = parent == null ? undefined : model.codeIndex.get(parent);
          if (pi !== undefined && codePass[pi]) codePass[i] = 1;
        }
      }
    }
  }
  const rowCodes = filter.codeIds ? new Set(filter.codeIds) : null;
  if (rowCodes) {
    model.codes.forEach((c, i) => {
      if (!rowCodes.has(c.id)) codePass[i] = 0;
    });
  }
  return { documentPass, participantPass, participantFiltered, nobodyPasses, codePass, rowCodes };
}
