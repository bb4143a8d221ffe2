/**
 * The query of an agreement report — which coders, codes and documents, which level, the
 * segment threshold and the bootstrap — as URL parameters, shared by the page, the download and
 * the API so that a link to one is a link to the others.
 *
 *   coders=3,4           ids, comma-separated or repeated (coders=3&coders=4)
 *   codes=…, documents=… ids; omitted or empty: all of the project
 *   level=turn|character|segment|unitized   omitted: all four
 *   uncoded=exclude      leave out text no compared coder coded (character level, αu, cu-α)
 *   unitized=1           also compute the unitizing coefficients (αu, cu-α family; implied by level=unitized)
 *   threshold=90         segment overlap in per cent, 1–100 (default 90)
 *   samples=1000         bootstrap resamples, 0–10000 (0: no interval)
 *   seed=20241101        bootstrap seed
 */
import { DEFAULT_SEED } from './random';

export const AGREEMENT_LEVELS = ['turn', 'character', 'segment', 'unitized'] as const;
export type AgreementLevel = (typeof AGREEMENT_LEVELS)[number];

export const DEFAULT_SAMPLES = 1000;
export const MAX_SAMPLES = 10_000;
export const DEFAULT_THRESHOLD_PERCENT = 90;

export interface AgreementSelection {
  coders: number[];
  /** null: every code of the project. */
  codes: number[] | null;
  /** null: every document of the project. */
  documents: number[] | null;
  /** null: every level. */
  level: AgreementLevel | null;
  /** Segment overlap threshold in per cent. */
  thresholdPercent: number;
  samples: number;
  seed: number;
  /** Leave out text none of the compared coders coded (character level and unitizing coefficients). */
  excludeUncoded: boolean;
  /** Compute Krippendorff's αu and the cu-α family (they cost more than the other levels together). */
  unitized: boolean;
}

/** Anything with URLSearchParams' `getAll` (URLSearchParams itself, or a wrapper of a page's searchParams). */
export interface ParamSource {
  getAll(name: string): string[];
}

/**
 * Parses the parameters. Returns the selection, or an error naming the parameter and the bad
 * value. Duplicate ids are dropped, order is kept.
 */
export function parseAgreementSelection(params: ParamSource): { ok: true; selection: AgreementSelection } | { ok: false; error: string } {
  try {
    const codes = ids(params, 'codes');
    const documents = ids(params, 'documents');
    return {
      ok: true,
      selection: {
        coders: ids(params, 'coders'),
        codes: codes.length ? codes : null,
        documents: documents.length ? documents : null,
        level: level(params),
        thresholdPercent: number(params, 'threshold', DEFAULT_THRESHOLD_PERCENT, 1, 100, false, 'a percentage between 1 and 100, e.g. 90'),
        samples: number(params, 'samples', DEFAULT_SAMPLES, 0, MAX_SAMPLES, true, `a whole number of resamples from 0 to ${MAX_SAMPLES}`),
        seed: number(params, 'seed', DEFAULT_SEED, 0, 2 ** 32 - 1, true, 'a whole number from 0 to 4294967295'),
        excludeUncoded: uncoded(params),
        unitized: flag(params, 'unitized') || level(params) === 'unitized',
      },
    };
  } catch (e) {
    if (e instanceof SelectionError) return { ok: false, error: e.message };
    throw e;
  }
}

/** The selection as a query string (without '?'); defaults are left out. */
export function selectionQuery(s: Partial<AgreementSelection>): string {
  const q = new URLSearchParams();
  if (s.coders?.length) q.set('coders', s.coders.join(','));
  if (s.codes?.length) q.set('codes', s.codes.join(','));
  if (s.documents?.length) q.set('documents', s.documents.join(','));
  if (s.level) q.set('level', s.level);
  if (s.thresholdPercent != null && s.thresholdPercent !== DEFAULT_THRESHOLD_PERCENT) q.set('threshold', String(s.thresholdPercent));
  if (s.samples != null && s.samples !== DEFAULT_SAMPLES) q.set('samples', String(s.samples));
  if (s.seed != null && s.seed !== DEFAULT_SEED) q.set('seed', String(s.seed));
  if (s.excludeUncoded) q.set('uncoded', 'exclude');
  if (s.unitized && s.level !== 'unitized') q.set('unitized', '1');
  return q.toString();
}

class SelectionError extends Error {}

function ids(params: ParamSource, name: string): number[] {
  const out: number[] = [];
  for (const raw of params.getAll(name)) {
    for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
      if (!/^[1-9][0-9]{0,14}$/.test(part)) throw new SelectionError(`Parameter '${name}': '${part}' is not an id`);
      const id = Number(part);
      if (!out.includes(id)) out.push(id);
    }
  }
  return out;
}

function level(params: ParamSource): AgreementLevel | null {
  const raw = params.getAll('level').filter(Boolean);
  if (raw.length === 0) return null;
  if (raw.length > 1) throw new SelectionError(`Parameter 'level': give one level, not ${raw.length}`);
  if (!(AGREEMENT_LEVELS as readonly string[]).includes(raw[0])) {
    throw new SelectionError(`Parameter 'level': '${raw[0]}' is not one of ${AGREEMENT_LEVELS.join(', ')}`);
  }
  return raw[0] as AgreementLevel;
}

function flag(params: ParamSource, name: string): boolean {
  const raw = params.getAll(name).filter((v) => v.trim() !== '');
  if (raw.length === 0) return false;
  const last = raw[raw.length - 1];
  if (last === '1' || last === 'true') return true;
  if (last === '0' || last === 'false') return false;
  throw new SelectionError(`Parameter '${name}' must be 1 or 0, not '${last}'`);
}

function uncoded(params: ParamSource): boolean {
  const raw = params.getAll('uncoded').filter((v) => v.trim() !== '');
  if (raw.length === 0) return false;
  const last = raw[raw.length - 1];
  if (last === 'exclude') return true;
  if (last === 'include') return false;
  throw new SelectionError(`Parameter 'uncoded' must be 'include' or 'exclude', not '${last}'`);
}

function number(params: ParamSource, name: string, fallback: number, min: number, max: number, integer: boolean, what: string): number {
  const raw = params.getAll(name).filter((v) => v.trim() !== '');
  if (raw.length === 0) return fallback;
  const value = Number(raw[raw.length - 1]);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new SelectionError(`Parameter '${name}' must be ${what}, not '${raw[raw.length - 1]}'`);
  }
  return value;
}
