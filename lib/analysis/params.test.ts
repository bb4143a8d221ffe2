import { describe, expect, it } from 'vitest';
import { AnalysisParamError, DEFAULT_PARAMS, parseAnalysisParams, toSearchParams } from './params';
import { cellExcerptParams, transcriptHref } from './links';

const parse = (q: string) => parseAnalysisParams(new URLSearchParams(q));
const error = (q: string) => {
  try {
    parse(q);
  } catch (e) {
    return e instanceof AnalysisParamError ? [e.status, e.message] : e;
  }
  return 'no error';
};

describe('parseAnalysisParams', () => {
  it('reads the frequency parameters of the API', () => {
    expect(parse('rows=codes&cols=attr:gender&split=attr:city&measure=participants&layer=coder:7&rollup=1')).toMatchObject({
      cols: { kind: 'attribute', name: 'gender' },
      split: { kind: 'attribute', name: 'city' },
      measure: 'participants',
      layer: { kind: 'coder', coderId: 7 },
      rollup: true,
    });
    expect(parse('cols=documents&layer=union').cols).toEqual({ kind: 'documents' });
    expect(parse('layer=union').layer).toEqual({ kind: 'union' });
    expect(parse('layer=consensus').layer).toEqual({ kind: 'consensus' });
  });

  it('defaults everything', () => {
    expect(parse('')).toEqual(DEFAULT_PARAMS);
  });

  it('reads filters: documents, repeated attribute values (names with spaces, en dashes, missing)', () => {
    const p = parse('doc=3&doc=4,5&attr.gender=Female&attr.age=18–29&attr.years%20in%20city=(missing)&attr.age=30–44&subtree=9&code=10&participant=11');
    expect(p.documents).toEqual([3, 4, 5]);
    expect(p.attributes).toEqual([
      { name: 'gender', values: ['Female'] },
      { name: 'age', values: ['18–29', '30–44'] },
      { name: 'years in city', values: ['(missing)'] },
    ]);
    expect([p.subtree, p.code, p.participant]).toEqual([9, 10, 11]);
  });

  it('reads co-occurrence and paging parameters', () => {
    expect(parse('mode=turn&pair=3,4&offset=100&limit=20&format=csv')).toMatchObject({ mode: 'turn', pair: [3, 4], offset: 100, limit: 20, format: 'csv' });
  });

  it.each([
    ['rows=participants', "Parameter 'rows': 'participants' is not supported (only codes)"],
    ['cols=gender', "Parameter 'cols': 'gender' is neither attr:<name> nor documents"],
    ['split=documents', "Parameter 'split': split by an attribute (attr:<name>), not by documents"],
    ['measure=mean', "Parameter 'measure': 'mean' is not one of segments, participants, percent, groups, per1000"],
    ['layer=coder:x', "Parameter 'layer': unknown layer 'coder:x' (consensus, coder:<id> or union)"],
    ['layer=everyone', "Parameter 'layer': unknown layer 'everyone' (consensus, coder:<id> or union)"],
    ['doc=abc', "Parameter 'doc': 'abc' is not an id"],
    ['code=0', "Parameter 'code': '0' is not an id"],
    ['attr.=x', "Parameter 'attr.': name the attribute, as attr.<name>=<value>"],
    ['pair=3', "Parameter 'pair': '3' is not two code ids"],
    ['limit=501', "Parameter 'limit': '501' is not a whole number up to 500"],
    ['limit=0', "Parameter 'limit': must be at least 1"],
    ['format=pdf', "Parameter 'format': 'pdf' is not one of json, csv, xlsx"],
    ['rollup=yes', "Parameter 'rollup': 'yes' is not 1 or 0"],
  ])('rejects %s with a 400 naming it', (q, message) => {
    expect(error(q)).toEqual([400, message]);
  });

  it('writes parameters back so that they parse to the same', () => {
    const q = 'cols=attr:gender&split=attr:city&measure=per1000&layer=coder:7&rollup=1&subtree=2&doc=3&doc=4&attr.age=18–29&attr.age=(missing)&mode=turn&pair=1,2&offset=50&format=xlsx';
    const p = parse(q);
    expect(parse(toSearchParams(p).toString())).toEqual(p);
    expect(toSearchParams(DEFAULT_PARAMS).toString()).toBe('');
  });
});

describe('links', () => {
  const base = { ...DEFAULT_PARAMS, layer: { kind: 'union' as const }, measure: 'percent' as const, attributes: [{ name: 'gender', values: ['Female', 'Male'] }, { name: 'age', values: ['18–29'] }] };

  it('sends a cell to its excerpts: the row’s code, the column’s values, the page’s layer and other filters', () => {
    const p = cellExcerptParams(base, { cols: { kind: 'attribute', name: 'gender' }, split: { kind: 'attribute', name: 'city' } }, { codeId: 5, rolledUp: true }, { outer: 'Female', inner: 'Almaty' });
    expect(p).toMatchObject({
      code: 5,
      rollup: true,
      layer: { kind: 'union' },
      attributes: [
        { name: 'age', values: ['18–29'] },
        { name: 'gender', values: ['Female'] },
        { name: 'city', values: ['Almaty'] },
      ],
    });
    expect(p.measure).toBe('segments');
  });

  it('sends a document column to that document, and the all-codes total to the page’s subtree', () => {
    const p = cellExcerptParams({ ...base, subtree: 9 }, { cols: { kind: 'documents' }, split: null }, null, { outer: '12', inner: null });
    expect([p.documents, p.code, p.rollup]).toEqual([[12], 9, true]);
    const total = cellExcerptParams(base, { cols: { kind: 'documents' }, split: null }, { codeId: 4, rolledUp: false }, null);
    expect([total.documents, total.code, total.rollup]).toEqual([null, 4, false]);
  });

  it('keeps the page’s sets in a cell’s excerpts, so the excerpts are the ones counted', () => {
    const p = cellExcerptParams({ ...base, sets: [3, 7] }, { cols: { kind: 'documents' }, split: null }, { codeId: 4, rolledUp: false }, { outer: '12', inner: null });
    expect(p.sets).toEqual([3, 7]);
    expect(toSearchParams(p).getAll('set')).toEqual(['3', '7']);
  });

  it('opens the transcript at the coding with its layers', () => {
    expect(transcriptHref(1, 2, 3, ['coder:4', 'coder:5'])).toBe('/projects/1/documents/2?focus=3&layers=coder%3A4%2Ccoder%3A5');
  });
});
