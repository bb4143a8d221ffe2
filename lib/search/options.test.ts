import { describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, hitKey, searchOptionsFromParams, searchOptionsSchema, searchOptionsToParams, type SearchOptions } from './options';

describe('search options in the URL', () => {
  const options: SearchOptions = {
    q: 'әкім* OR "e-Otinish"',
    regex: false,
    speakers: 'participants',
    document: [{ attributeId: 3, values: ['Kazakh'] }],
    participant: [
      { attributeId: 6, values: ['18–29', '30–44'] },
      { attributeId: 5, values: ['Female'] },
    ],
    coded: { codeId: 12, state: 'uncoded' },
  };

  it('round-trips', () => {
    const params = searchOptionsToParams(options);
    expect(searchOptionsFromParams(new URLSearchParams(params.toString()))).toEqual(options);
    expect(searchOptionsFromParams(Object.fromEntries(new URLSearchParams('q=x&regex=1')))).toEqual({ ...EMPTY_SEARCH, q: 'x', regex: true });
  });

  it('leaves out malformed filters instead of failing', () => {
    const o = searchOptionsFromParams({ q: 'a', d: ['x:1', '0:a', '4:Almaty', '4:Almaty'], speakers: 'robots', code: '7', coded: 'maybe' });
    expect(o).toEqual({ ...EMPTY_SEARCH, q: 'a', document: [{ attributeId: 4, values: ['Almaty'] }] });
  });

  it('keeps defaults out of the URL, and parses as the schema says', () => {
    expect(searchOptionsToParams({ ...EMPTY_SEARCH, q: 'a' }).toString()).toBe('q=a');
    expect(searchOptionsSchema.parse({ q: 'a' })).toEqual({ ...EMPTY_SEARCH, q: 'a' });
  });

  it('keys hits by document and range', () => {
    expect(hitKey(3, 10, 17)).toBe('3:10:17');
  });
});
