/**
 * Fuzzing the id parameters of the API and the pages (parseId in ./api, idParam in
 * ./session): a positive integer, or a 400 naming the parameter (a 404 for pages), whatever
 * the path or query holds. The rest of the API's parameter parsers are fuzzed in lib/fuzz.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, attempt } from '@/lib/fuzz/harness';
import { HttpError, parseId } from '@/server/edge/api';
import { idParam } from '@/server/edge/session';

const raw = fc.oneof(
  anyText(30),
  fc.constantFrom('1', '42', '0', '-1', '01', '1.0', '1e3', '0x1F', ' 1', '1 ', '+1', '١٢', '１', '9007199254740991', '9999999999999999', '99999999999999999', 'NaN', 'Infinity', '', '%31'),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
);

describe('parseId', () => {
  it('returns a positive integer or a 400 naming the parameter', () => {
    fc.assert(
      fc.property(fc.option(raw, { nil: null }), (value) => {
        const r = attempt(value, () => parseId(value, 'documentId'), HttpError);
        if (r.ok) {
          expect(Number.isInteger(r.value) && r.value > 0).toBe(true);
          expect(String(value)).toMatch(/^[1-9][0-9]*$/);
        } else {
          expect((r.error as HttpError).status).toBe(400);
          expect(r.error.message).toMatch(/'documentId'/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  // Ids are at most 15 digits, so none is past 2^53 and read as a different number.
  it('refuses an id it cannot represent exactly', () => {
    expect(attempt('9007199254740993', () => parseId('9007199254740993', 'id'), HttpError).ok).toBe(false);
  });
});

describe('idParam', () => {
  it('returns a positive integer or calls notFound()', () => {
    fc.assert(
      fc.property(raw, (value) => {
        try {
          const id = idParam(value);
          expect(Number.isInteger(id) && id > 0).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect((e as { digest?: string }).digest).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
