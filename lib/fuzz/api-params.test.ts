/**
 * Fuzzing the parsers of API and page query parameters: the layer list (parseLayerList), the
 * analysis parameters (parseAnalysisParams, with toSearchParams as its inverse), the agreement
 * selection, the excerpt-export query and language codes. Each returns a value or a clear
 * error naming the parameter (of the kind the route turns into a 400), whatever is sent.
 * (parseId lives in server/edge/ and is fuzzed in server/edge/api-params.fuzz.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerKey, parseLayer, parseLayerList } from '../access/layers';
import { parseAgreementSelection } from '../agreement/selection';
import { AnalysisParamError, parseAnalysisParams, toSearchParams } from '../analysis/params';
import { ExcerptQueryError, parseExcerptQuery } from '../export/excerpt-query';
import { languageTagProblem, parseLanguageTag } from '../translation/language-tag';
import { anyText, attempt, searchParams } from './harness';

const layerPart = fc.oneof(
  fc.constantFrom('consensus', 'coder:1', 'coder:42', 'coder:0', 'coder:-1', 'coder:01', 'coder:', 'coder:abc', 'Consensus', ' consensus ', 'union', 'coder:9999999999999999', 'coder:1.5', 'coder:1e3'),
  anyText(15),
);
const layerList = fc.array(layerPart, { maxLength: 8 }).chain((parts) => fc.constantFrom(',', ', ', ',,').map((sep) => parts.join(sep)));

describe('parseLayerList', () => {
  it('sorts every part into a layer or an unknown, and layers read back the same', () => {
    fc.assert(
      fc.property(fc.oneof(layerList, anyText(80)), (raw) => {
        const r = attempt(raw, () => parseLayerList(raw));
        if (!r.ok) throw r.error;
        const parts = raw.split(',').map((p) => p.trim()).filter(Boolean);
        expect(r.value.layers.length + r.value.unknown.length).toBe(parts.length);
        for (const l of r.value.layers) {
          if (l.kind === 'coder') expect(Number.isInteger(l.coderId) && l.coderId > 0).toBe(true);
          // (ids past 2^53 are the known problem below)
          if (l.kind === 'consensus' || Number.isSafeInteger(l.coderId)) expect(parseLayer(layerKey(l))).toEqual(l);
        }
      }),
      { numRuns: 3000 },
    );
  });

  // Found by this fuzzer: ids used to be accepted up to 16 digits, past
  // Number.MAX_SAFE_INTEGER, and read as a different id ("coder:9007199254740993" → coder
  // 9007199254740992). Ids are now at most 15 digits everywhere, so such an id is refused.
  it('refuses an id it cannot represent exactly', () => {
    const layer = parseLayer('coder:9007199254740993');
    expect(layer === null || (layer.kind === 'coder' && Number.isSafeInteger(layer.coderId))).toBe(true);
  });
});

const ANALYSIS_NAMES = ['rows', 'cols', 'split', 'measure', 'layer', 'rollup', 'subtree', 'code', 'doc', 'attr.city', 'attr.', 'attr.age', 'participant', 'mode', 'pair', 'offset', 'limit', 'format'];
const ANALYSIS_VALUES = ['codes', 'documents', 'attr:city', 'attr:', 'attr:document:city', 'segments', 'participants', 'percent', 'groups', 'per1000', 'consensus', 'coder:3', 'union', '1', '0', 'true', 'overlap', 'turn', '3,4', '3', '500', '501', 'json', 'csv', 'xlsx', 'Almaty', '(missing)'];

describe('parseAnalysisParams', () => {
  it('reads any query into parameters, or an AnalysisParamError (400/403) naming the parameter', () => {
    fc.assert(
      fc.property(searchParams(ANALYSIS_NAMES, ANALYSIS_VALUES), (sp) => {
        const r = attempt(sp.toString(), () => parseAnalysisParams(sp), AnalysisParamError);
        if (!r.ok) {
          expect([400, 403]).toContain((r.error as AnalysisParamError).status);
          expect(r.error.message).toMatch(/Parameter '/);
          return;
        }
        // toSearchParams is its inverse: what it writes reads back the same
        expect(parseAnalysisParams(toSearchParams(r.value))).toEqual(r.value);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseAgreementSelection', () => {
  it('returns a selection or an error naming the parameter', () => {
    const names = ['coders', 'codes', 'documents', 'level', 'threshold', 'samples', 'seed'];
    const values = ['3,4', '3', '4', 'turn', 'character', 'segment', '90', '100', '101', '0.5', '1000', '10000', '10001', '4294967295', '4294967296', '20241101'];
    fc.assert(
      fc.property(searchParams(names, values), (sp) => {
        const r = attempt(sp.toString(), () => parseAgreementSelection(sp));
        if (!r.ok) throw r.error;
        if (!r.value.ok) {
          expect(r.value.error).toMatch(/Parameter '|'/);
          expect(r.value.error.trim()).not.toBe('');
          return;
        }
        const s = r.value.selection;
        for (const id of s.coders) expect(Number.isInteger(id) && id > 0).toBe(true);
        expect(s.thresholdPercent >= 1 && s.thresholdPercent <= 100).toBe(true);
        expect(Number.isInteger(s.samples) && s.samples >= 0 && s.samples <= 10_000).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseExcerptQuery', () => {
  it('reads any query, or throws an ExcerptQueryError naming the parameter', () => {
    const names = ['format', 'code', 'subtree', 'documents', 'attr.city', 'attr.', 'layer', 'lang', 'template', 'context', 'definitions', 'translations'];
    const values = ['docx', 'xlsx', 'csv', 'md', 'html', 'pdf', '3', '3,4', 'consensus', 'coder:3', 'all', 'en', 'kk', 'EN', '{participant}, {city}', '{nope}', '1', '0', 'on', 'yes'];
    fc.assert(
      fc.property(searchParams(names, values), fc.constantFrom(undefined, 'csv' as const), (sp, fallback) => {
        const r = attempt(sp.toString(), () => parseExcerptQuery(sp, fallback), ExcerptQueryError);
        if (!r.ok) expect(r.error.message).toMatch(/Parameter '|template|attribution/i);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('language codes', () => {
  it('parseLanguageTag and languageTagProblem agree, and never throw', () => {
    const tag = fc.oneof(anyText(50), fc.constantFrom('en', 'kk', 'ru', 'en-GB', 'EN', 'e', 'engl', 'zh-Hant-TW', 'kk-Cyrl-KZ', 'x-private', ' en ', 'en_GB', ''));
    fc.assert(
      fc.property(tag, (raw) => {
        const parsed = attempt(raw, () => parseLanguageTag(raw));
        const problem = attempt(raw, () => languageTagProblem(raw));
        if (!parsed.ok) throw parsed.error;
        if (!problem.ok) throw problem.error;
        expect(parsed.value === null).toBe(problem.value !== null);
        if (parsed.value !== null) expect(parsed.value.length).toBeLessThanOrEqual(35);
      }),
      { numRuns: 3000 },
    );
  });
});
