/**
 * What every fuzzed parser must do with any input: return, or throw an Error with a message
 * a person can read (not empty, not "undefined"), of the kind its contract names; never throw
 * something that is not an Error, and never hang. Plus the inputs fuzzers share.
 *
 * "Never hang" is checked per case against a generous bound (HANG_MS). A parser cannot be
 * interrupted from the same thread, so a hang shows as a case that took too long; the bound
 * is far above any honest parse of these small inputs, so it detects runaway loops and
 * catastrophic backtracking, not slowness (performance figures belong to `npm run bench`).
 */
import fc from 'fast-check';

export const HANG_MS = 5000;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error };

/** Why the thrown value breaks the contract, or null when it is a clear error of the expected kind. */
export function unclearError(e: unknown, kind?: abstract new (...args: never[]) => Error): string | null {
  if (!(e instanceof Error)) return `threw a non-Error: ${typeof e} ${String(e).slice(0, 100)}`;
  const error: Error = e;
  if (kind && !((e as unknown) instanceof kind)) return `threw ${error.name} (${error.message.slice(0, 200)}), not ${kind.name}`;
  const message = e.message.trim();
  if (message === '' || /^(undefined|null|\[object Object\])$/.test(message)) return `threw ${e.name} with the message "${e.message}"`;
  return null;
}

function describe(input: unknown): string {
  const s = typeof input === 'string' ? JSON.stringify(input) : input instanceof Uint8Array ? `${input.length} bytes` : JSON.stringify(input);
  return (s ?? String(input)).slice(0, 300);
}

function timed<T>(started: number, input: unknown, outcome: Outcome<T>): Outcome<T> {
  const ms = performance.now() - started;
  if (ms > HANG_MS) throw new Error(`took ${Math.round(ms)} ms on ${describe(input)}: a hang?`);
  return outcome;
}

/** Runs a synchronous parser on one input under the contract. */
export function attempt<T>(input: unknown, run: () => T, kind?: abstract new (...args: never[]) => Error): Outcome<T> {
  const started = performance.now();
  try {
    return timed(started, input, { ok: true, value: run() });
  } catch (e) {
    const problem = unclearError(e, kind);
    if (problem) throw new Error(`${problem} on ${describe(input)}`, { cause: e });
    return timed(started, input, { ok: false, error: e as Error });
  }
}

/** Runs an asynchronous parser on one input under the contract. */
export async function attemptAsync<T>(input: unknown, run: () => Promise<T>, kind?: abstract new (...args: never[]) => Error): Promise<Outcome<T>> {
  const started = performance.now();
  try {
    return timed(started, input, { ok: true, value: await run() });
  } catch (e) {
    const problem = unclearError(e, kind);
    if (problem) throw new Error(`${problem} on ${describe(input)}`, { cause: e });
    return timed(started, input, { ok: false, error: e as Error });
  }
}

/** Text of every kind of character: Kazakh and Russian letters, emoji, controls, lone surrogates. */
export const anyText = (maxLength = 200) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: fc.constantFrom(...'әғқңөұүһі ӘҒҚҢӨҰҮҺІ абвгд АБВ e-Otinish 👍🏽\u200d\ufeff\u0000\t\r\n:;,."«»“”()[]*#-—>0123456789'.split('')), maxLength }),
  );

/**
 * Bytes: random, or a sample with bytes flipped, inserted, deleted or cut off (mutations keep
 * the structure mostly intact, so they reach deep into the parser).
 */
export function mutated(samples: readonly Uint8Array[], maxEdits = 8): fc.Arbitrary<Uint8Array> {
  const edit = fc.tuple(fc.constantFrom('set', 'insert', 'delete', 'truncate', 'duplicate'), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 64 }));
  return fc.tuple(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: maxEdits })).map(([sample, edits]) => {
    let b = Array.from(sample);
    for (const [kind, at, value, len] of edits) {
      const i = b.length === 0 ? 0 : at % b.length;
      if (kind === 'set' && b.length) b[i] = value;
      else if (kind === 'insert') b.splice(i, 0, value);
      else if (kind === 'delete') b.splice(i, len);
      else if (kind === 'truncate') b = b.slice(0, i);
      else b.splice(i, 0, ...b.slice(i, i + len));
    }
    return new Uint8Array(b);
  });
}

/** URL parameters: known names and random ones, interesting values and random ones, repeated or not. */
export function searchParams(names: readonly string[], interesting: readonly string[]): fc.Arbitrary<URLSearchParams> {
  const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: anyText(20) });
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...interesting, '', ' ', '0', '-1', '1.5', '1e3', '0x10', '007', '9007199254740993', '99999999999999999999', 'NaN', 'Infinity', ',', ',,', '1,,2', '%', '%00', '\u0000', 'null', 'undefined', '__proto__', 'constructor') },
    { weight: 1, arbitrary: anyText(60) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...interesting, '1', '2', 'x', ''), { maxLength: 5 }).map((a) => a.join(',')) },
  );
  return fc.array(fc.tuple(name, value), { maxLength: 8 }).map((pairs) => new URLSearchParams(pairs));
}
