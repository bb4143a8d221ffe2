/**
 * The one error type the importers throw. Its message always names the file (or "pasted
 * text") and, when the problem sits on a particular line, that line (1-based, as an editor
 * shows it), so the upload form can show it to the user as is.
 */
export class ImportError extends Error {
  /** The file's name as uploaded, or "pasted text". */
  readonly fileName: string;
  /** 1-based line of the problem, when there is one. */
  readonly line?: number;

  constructor(fileName: string, problem: string, options: { line?: number; cause?: unknown } = {}) {
    const where = options.line === undefined ? fileName : `${fileName}, line ${options.line}`;
    super(`${where}: ${problem}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ImportError';
    this.fileName = fileName;
    if (options.line !== undefined) this.line = options.line;
  }
}

/** Formats a byte count for messages: "20 MB", "512 KB", "17 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}
