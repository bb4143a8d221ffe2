/**
 * What an import found wrong. `error` problems stop the import (unless the caller chose to
 * omit what cannot be placed, see ReadOptions.onUnplaceable); `warning` and `info` travel with
 * the result so the app can show them.
 */
export type ProblemSeverity = 'error' | 'warning' | 'info';

export type ProblemKind =
  | 'not-a-zip'
  | 'zip-unsupported'
  | 'zip-corrupt'
  | 'zip-too-large'
  | 'no-project-file'
  | 'xml-malformed'
  | 'xml-doctype'
  | 'xml-encoding'
  | 'not-a-project'
  | 'invalid-attribute'
  | 'duplicate-guid'
  | 'missing-source-file'
  | 'source-encoding'
  | 'selection-outside-text'
  | 'selection-fits-no-reading'
  | 'selections-merged'
  | 'unknown-code'
  | 'unknown-reference'
  | 'unknown-user'
  | 'non-text-source-skipped'
  | 'reading-detected'
  | 'not-imported'
  | 'undated-note';

export interface Problem {
  severity: ProblemSeverity;
  kind: ProblemKind;
  /** A sentence for people, naming the thing concerned. */
  message: string;
  /** The element concerned, when there is one. */
  guid?: string;
  name?: string;
  /** The file in the archive concerned (a source's text file), when there is one. */
  file?: string;
}

/**
 * A note of an import's report, on what was changed or left out on the way in: `message` in
 * English (for the API and scripts), `key` and `vars` for the screen to say it in the
 * reader's language (`exports.import.note.<key>`).
 */
export interface ImportNote {
  key: 'sets' | 'renamed' | 'noSpeakers' | 'emptySelections' | 'uncodedSelections' | 'caseNotes';
  vars: Record<string, string | number>;
  message: string;
}

/** Thrown when an import cannot produce a faithful project; `problems` lists every reason. */
export class RefiImportError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[], what = 'REFI-QDA import failed') {
    super(formatProblems(problems, what));
    this.name = 'RefiImportError';
    this.problems = problems;
  }
}

/** Thrown by the writer when a project cannot be written faithfully. */
export class RefiExportError extends Error {
  readonly issues: string[];

  constructor(issues: string[]) {
    super(`REFI-QDA export failed:\n${issues.map((s) => `- ${s}`).join('\n')}`);
    this.name = 'RefiExportError';
    this.issues = issues;
  }
}

// The message names every problem up to this many; the rest are in `problems`. A hostile
// file can hold millions of bad selections, and an exception message is not the place.
const MESSAGE_LIMIT = 50;

function formatProblems(problems: Problem[], what: string): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const shown = (errors.length > 0 ? errors : problems).slice(0, MESSAGE_LIMIT);
  const more = (errors.length > 0 ? errors : problems).length - shown.length;
  const lines = shown.map((p) => `- ${p.message}`);
  if (more > 0) lines.push(`- …and ${more} more`);
  return `${what}:\n${lines.join('\n')}`;
}

/** Shorthand for building an error problem. */
export function fatal(kind: ProblemKind, message: string, subject: { guid?: string; name?: string } = {}): Problem {
  return { severity: 'error', kind, message, ...definedOnly(subject) };
}

function definedOnly(subject: { guid?: string; name?: string }): { guid?: string; name?: string } {
  const out: { guid?: string; name?: string } = {};
  if (subject.guid !== undefined) out.guid = subject.guid;
  if (subject.name !== undefined) out.name = subject.name;
  return out;
}
