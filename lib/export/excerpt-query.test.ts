import { describe, expect, it } from 'vitest';
import { excerptQueryString, parseExcerptQuery } from './excerpt-query';

const q = (s: string) => parseExcerptQuery(new URLSearchParams(s));

describe('parseExcerptQuery', () => {
  it('reads every filter and switch', () => {
    const parsed = q(
      'format=docx&code=3,4&subtree=1&documents=7&documents=8&set=5&set=6,5&attr.gender=Female&attr.age=30–39&attr.age=40–49&attr.years%20in%20city=5&layer=consensus,coder:12&lang=en-GB&template=({gender})&context=1&definitions=true&translations=0',
    );
    expect(parsed).toEqual({
      format: 'docx',
      codeIds: [3, 4],
      subtreeIds: [1],
      documentIds: [7, 8],
      setIds: [5, 6],
      attributes: [
        { name: 'gender', values: ['Female'] },
        { name: 'age', values: ['30–39', '40–49'] },
        { name: 'years in city', values: ['5'] },
      ],
      layers: [{ kind: 'consensus' }, { kind: 'coder', coderId: 12 }],
      language: 'en-GB',
      template: '({gender})',
      context: true,
      definitions: true,
      translations: false,
    });
  });

  it('has defaults: no filters, the reader’s default layer', () => {
    expect(q('format=csv')).toMatchObject({ codeIds: [], layers: undefined, context: false });
    expect(q('format=csv&layer=all').layers).toBe('all');
    expect(parseExcerptQuery(new URLSearchParams(''), 'docx').format).toBe('docx');
  });

  it.each([
    ['', /'format' must be one of/],
    ['format=pdf', /'format' must be one of/],
    ['format=csv&code=abc', /'code': "abc" is not an id/],
    ['format=csv&code=0', /is not an id/],
    ['format=csv&layer=coder:x', /'layer': "coder:x" is not a layer/],
    ['format=csv&lang=English', /'lang': "English" is not a language code/],
    ['format=csv&template=({gender', /'template': .*without a "}"/],
    ['format=csv&context=yes', /'context' must be 1 or 0/],
    ['format=csv&attr.=x', /name the attribute/],
  ])('refuses %j naming the parameter', (s, message) => {
    expect(() => q(s)).toThrow(message);
  });

  it('writes the query string back', () => {
    const parsed = q('format=md&code=3&attr.gender=Female&layer=coder:2&context=1&lang=kk&template=[{label}]');
    expect(q(excerptQueryString(parsed))).toEqual(parsed);
  });
});
