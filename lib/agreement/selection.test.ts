import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from './random';
import { parseAgreementSelection, selectionQuery } from './selection';

const parse = (q: string) => parseAgreementSelection(new URLSearchParams(q));

describe('parseAgreementSelection', () => {
  it('has defaults for everything but the coders', () => {
    expect(parse('coders=3,4')).toEqual({
      ok: true,
      selection: { coders: [3, 4], codes: null, documents: null, level: null, thresholdPercent: 90, samples: 1000, seed: DEFAULT_SEED, excludeUncoded: false, unitized: false },
    });
  });

  it('takes comma-separated and repeated ids, dropping duplicates', () => {
    const r = parse('coders=3&coders=4,3&codes=7,8&documents=&level=segment&threshold=75.5&samples=0&seed=1');
    expect(r).toMatchObject({ ok: true, selection: { coders: [3, 4], codes: [7, 8], documents: null, level: 'segment', thresholdPercent: 75.5, samples: 0, seed: 1 } });
  });

  it('takes uncoded=exclude (and include) and writes it back into the query', () => {
    expect(parse('coders=3,4&uncoded=exclude')).toMatchObject({ ok: true, selection: { excludeUncoded: true } });
    expect(parse('coders=3,4&uncoded=include')).toMatchObject({ ok: true, selection: { excludeUncoded: false } });
    expect(selectionQuery({ coders: [3, 4], excludeUncoded: true })).toBe('coders=3%2C4&uncoded=exclude');
    expect(parse('coders=3,4&unitized=1')).toMatchObject({ ok: true, selection: { unitized: true } });
    expect(parse('coders=3,4&level=unitized')).toMatchObject({ ok: true, selection: { unitized: true } });
    expect(selectionQuery({ coders: [3, 4], unitized: true })).toBe('coders=3%2C4&unitized=1');
  });

  it.each([
    ['coders=3,x', "Parameter 'coders': 'x' is not an id"],
    ['codes=0', "Parameter 'codes': '0' is not an id"],
    ['level=word', "Parameter 'level': 'word' is not one of turn, character, segment, unitized"],
    ['uncoded=skip', "Parameter 'uncoded' must be 'include' or 'exclude', not 'skip'"],
    ['threshold=0.9', "Parameter 'threshold' must be a percentage between 1 and 100, e.g. 90, not '0.9'"],
    ['samples=1.5', "Parameter 'samples' must be a whole number of resamples from 0 to 10000, not '1.5'"],
    ['samples=100000', "Parameter 'samples' must be a whole number of resamples from 0 to 10000, not '100000'"],
  ])('names the bad parameter in %s', (q, error) => {
    expect(parse(q)).toEqual({ ok: false, error });
  });

  it('round-trips through selectionQuery', () => {
    const r = parse('coders=3,4&codes=9&threshold=80&samples=200');
    if (!r.ok) throw new Error(r.error);
    expect(selectionQuery(r.selection)).toBe('coders=3%2C4&codes=9&threshold=80&samples=200');
    expect(parse(selectionQuery(r.selection))).toEqual(r);
  });
});
