import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError, STATUS_OF_KIND } from '.';
import { invalidInput } from './zod';
import { en } from '../i18n/messages/en';
import { kk } from '../i18n/messages/kk';
import { ru } from '../i18n/messages/ru';

describe('DomainError', () => {
  it('carries its reason and details, with the English text as message and the others on request', () => {
    const e = new DomainError('range.outside', { start: 5, end: 11, length: 10 });
    expect(e.message).toBe('The range [5, 11) lies outside the text (length 10)');
    expect(e.in('ru')).toMatch(/5.*11.*10/);
    expect(e.in('ru')).not.toBe(e.message);
    expect(e.in('kk')).not.toBe(e.message);
  });

  it.each([
    ['document.not_found', 404],
    ['assignment.unknown_coders', 404],
    ['coding.layer_forbidden', 403],
    ['coding.not_assigned', 403],
    ['memo.only_author_edits', 403],
    ['document.stale', 409],
    ['review.changed', 409],
    ['range.empty', 400],
    ['request.body_too_large', 413],
    ['import.busy', 429],
    ['codebook.name_taken', 400],
  ] as const)('answers %s with %i', (reason, status) => {
    expect(STATUS_OF_KIND[new DomainError(reason).kind]).toBe(status);
  });

  it('has Russian and Kazakh text for every reason, naming the same details', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const keys = Object.keys(en).filter((k) => k.startsWith('error.'));
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) {
      for (const [name, other] of [['ru', ru], ['kk', kk]] as const) {
        const text = (other as unknown as Record<string, string>)[key];
        expect(text, `${name} ${key}`).toBeTruthy();
        expect(placeholders(text), `${name} ${key}`).toEqual(placeholders((en as unknown as Record<string, string>)[key]));
      }
    }
  });
});

describe('invalidInput', () => {
  const schema = z.object({ name: z.string().min(2).max(4), tags: z.array(z.string()).min(1), n: z.number().int(), kind: z.enum(['a', 'b']) });
  const refusal = (input: unknown) => {
    const r = schema.safeParse(input, { reportInput: true });
    return r.success ? null : invalidInput(r.error);
  };
  const ok = { name: 'abc', tags: ['x'], n: 1, kind: 'a' };

  it('names the field and what is wrong with it', () => {
    expect(refusal({ ...ok, name: undefined })).toMatchObject({ reason: 'invalid_input.missing', details: { field: 'name' } });
    expect(refusal({ ...ok, name: 7 })).toMatchObject({ reason: 'invalid_input.type', details: { field: 'name' } });
    expect(refusal({ ...ok, name: 'a' })).toMatchObject({ reason: 'invalid_input.too_short', details: { field: 'name', min: '2' } });
    expect(refusal({ ...ok, name: 'abcde' })).toMatchObject({ reason: 'invalid_input.too_long', details: { max: '4' } });
    expect(refusal({ ...ok, tags: [] })).toMatchObject({ reason: 'invalid_input.too_few', details: { field: 'tags' } });
    expect(refusal({ ...ok, kind: 'c' })).toMatchObject({ reason: 'invalid_input.value', details: { field: 'kind' } });
    expect(refusal(ok)).toBeNull();
  });
});
