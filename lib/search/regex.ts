/**
 * Regular-expression search, with a time limit. JavaScript's regex engine backtracks, so a
 * pattern like (a+)+$ can run for ages on an unlucky text, and it cannot be interrupted from
 * the same thread. The matching therefore runs in a worker thread that is terminated when
 * the limit passes; the caller gets a `RegexSearchError` saying so, and the server stays
 * responsive meanwhile. Starting a worker costs some tens of milliseconds, which is
 * acceptable for this mode only.
 *
 * Patterns use JavaScript syntax with the flags `giu`: case-insensitive, Unicode-aware
 * (\p{L} works; Ә and ә match each other), applied to each turn on its own.
 */
import { Worker } from 'node:worker_threads';

export type RegexErrorCode = 'invalidRegex' | 'regexTimeout' | 'regexEmpty';

export class RegexSearchError extends Error {
  constructor(
    readonly code: RegexErrorCode,
    message: string,
    readonly detail = '',
  ) {
    super(message);
  }
}

export const REGEX_FLAGS = 'giu';
export const DEFAULT_REGEX_TIME_LIMIT_MS = 2000;

/** Why the pattern is not a valid regular expression, or null when it is. */
export function regexProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'The regular expression is empty';
  try {
    new RegExp(pattern, REGEX_FLAGS);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

// Plain JavaScript, run with `eval: true` so no separate file has to be bundled. Matches of
// zero length are skipped (they would code nothing); lastIndex then steps a whole code point.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pattern, flags, texts, maxMatches } = workerData;
const re = new RegExp(pattern, flags);
const ranges = [];
let total = 0;
let truncated = false;
for (let i = 0; i < texts.length && !truncated; i++) {
  const text = texts[i];
  const found = [];
  re.lastIndex = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      const cp = text.codePointAt(re.lastIndex);
      re.lastIndex += cp !== undefined && cp > 0xffff ? 2 : 1;
      if (re.lastIndex > text.length) break;
      continue;
    }
    found.push(m.index, m.index + m[0].length);
    if (++total >= maxMatches) { truncated = true; break; }
  }
  ranges.push(found);
}
parentPort.postMessage({ ranges, truncated });
`;

export interface RegexMatches {
  /** Per text, its matches as flat [start, end, start, end, …] UTF-16 offsets. */
  ranges: number[][];
  /** Stopped at `maxMatches`. */
  truncated: boolean;
}

/**
 * Runs `pattern` over each text in a worker, stopping it after `timeLimitMs`. Rejects with
 * a `RegexSearchError`: 'invalidRegex' for a bad pattern, 'regexTimeout' when stopped.
 */
export function regexMatches(
  pattern: string,
  texts: readonly string[],
  options: { timeLimitMs?: number; maxMatches?: number } = {},
): Promise<RegexMatches> {
  const problem = regexProblem(pattern);
  if (problem) {
    return Promise.reject(
      new RegexSearchError(pattern.trim() === '' ? 'regexEmpty' : 'invalidRegex', `The regular expression is not valid: ${problem}`, problem),
    );
  }
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_REGEX_TIME_LIMIT_MS;
  const maxMatches = options.maxMatches ?? 100_000;
  if (texts.length === 0) return Promise.resolve({ ranges: [], truncated: false });
  return new Promise<RegexMatches>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { pattern, flags: REGEX_FLAGS, texts, maxMatches },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      settle(() =>
        reject(
          new RegexSearchError(
            'regexTimeout',
            `The regular expression was stopped after ${timeLimitMs / 1000} s. Nested repetition such as (a+)+ can take practically forever; simplify the pattern.`,
            String(timeLimitMs / 1000),
          ),
        ),
      );
      void worker.terminate();
    }, timeLimitMs);
    worker.once('message', (msg: RegexMatches) => {
      settle(() => resolve(msg));
      void worker.terminate();
    });
    worker.once('error', (e) => settle(() => reject(new RegexSearchError('invalidRegex', `The regular expression failed: ${e.message}`, e.message))));
    worker.once('exit', (code) => settle(() => reject(new RegexSearchError('regexTimeout', `The regular expression search stopped (exit ${code})`, ''))));
  });
}
