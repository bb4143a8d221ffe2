/**
 * Whether a comparison can be made at all, and if not, what is missing: the agreement page and
 * API say this instead of showing a table of "not enough data".
 */
import type { AgreementInput } from './document';

/** Why no agreement can be computed for the chosen coders and documents. */
export type AgreementProblem =
  /** Fewer than two distinct coders were chosen. */
  | { kind: 'too-few-coders'; chosen: number }
  /** No document was chosen. */
  | { kind: 'no-documents' }
  /** No chosen document has two chosen coders assigned; each document with who is assigned. */
  | { kind: 'no-shared-documents'; documents: Array<{ id: string | undefined; assigned: string[] }> };

export interface AgreementReadiness {
  /** The first problem found, or null when at least one document can be compared. */
  problem: AgreementProblem | null;
  /** Documents with two or more chosen coders assigned: the ones that count. */
  compared: number;
  /** Chosen coders who share no compared document with another chosen coder: always missing. */
  idle: string[];
}

/** Checks a comparison before it is computed. Never throws. */
export function agreementReadiness(input: AgreementInput): AgreementReadiness {
  const coders = [...new Set(input.coders)];
  const assignedOf = input.documents.map((d) => coders.filter((c) => d.assignedCoders.includes(c)));
  const comparedDocs = assignedOf.filter((a) => a.length >= 2);
  const active = new Set(comparedDocs.flat());
  const idle = coders.filter((c) => !active.has(c));
  let problem: AgreementProblem | null = null;
  if (coders.length < 2) problem = { kind: 'too-few-coders', chosen: coders.length };
  else if (input.documents.length === 0) problem = { kind: 'no-documents' };
  else if (comparedDocs.length === 0) {
    problem = { kind: 'no-shared-documents', documents: input.documents.map((d, i) => ({ id: d.id, assigned: assignedOf[i] })) };
  }
  return { problem, compared: comparedDocs.length, idle };
}
