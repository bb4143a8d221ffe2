/**
 * fast-check generators of small random studies, and the naive unit-by-unit expansions the
 * range-based levels are checked against. Used by the tests only.
 */
import fc from 'fast-check';
import type { AgreementCoding, AgreementDocument, AgreementInput } from './document';
import type { RatingValue } from './types';

export const CODERS = ['ana', 'bek', 'cai'] as const;
export const CODES = ['akimat', 'egov'] as const;

const coding: fc.Arbitrary<{ codeId: string; start: number; length: number }> = fc.record({
  codeId: fc.constantFrom(...CODES),
  start: fc.nat({ max: 40 }),
  length: fc.integer({ min: -1, max: 14 }),
});

const document: fc.Arbitrary<AgreementDocument> = fc
  .record({
    turns: fc.array(fc.record({ length: fc.nat({ max: 7 }), isParticipant: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    assigned: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
    codings: fc.tuple(fc.array(coding, { maxLength: 6 }), fc.array(coding, { maxLength: 6 }), fc.array(coding, { maxLength: 6 })),
  })
  .map(({ turns, assigned, codings }) => {
    let offset = 0;
    const placed = turns.map((t) => {
      const turn = { start: offset, end: offset + t.length, isParticipant: t.isParticipant };
      offset += t.length + 1;
      return turn;
    });
    const byCoder: Record<string, AgreementCoding[]> = {};
    CODERS.forEach((coder, j) => {
      byCoder[coder] = codings[j].map((c) => ({ codeId: c.codeId, start: c.start, end: c.start + c.length }));
    });
    return {
      turns: placed.reverse(), // order must not matter
      assignedCoders: CODERS.filter((_, j) => assigned[j]),
      codings: byCoder,
    };
  });

/** A random study: 1–3 documents, up to three coders assigned to each. */
export const studyArbitrary: fc.Arbitrary<AgreementInput> = fc
  .array(document, { minLength: 1, maxLength: 3 })
  .map((documents) => ({ coders: [...CODERS], codes: [...CODES], documents }));

function covers(c: AgreementCoding, code: string, from: number, to: number): boolean {
  return c.codeId === code && c.end > c.start && c.start < to && c.end > from;
}

/** Character units, one row per character of each non-empty participant turn, per code. */
export function naiveCharacterData(input: AgreementInput): Record<string, RatingValue[][]> {
  const out: Record<string, RatingValue[][]> = {};
  for (const code of input.codes ?? []) {
    const rows: RatingValue[][] = [];
    for (const doc of input.documents) {
      for (const turn of doc.turns) {
        if (!turn.isParticipant) continue;
        for (let p = turn.start; p < turn.end; p++) {
          rows.push(
            input.coders.map((coder) =>
              doc.assignedCoders.includes(coder) ? ((doc.codings[coder] ?? []).some((c) => covers(c, code, p, p + 1)) ? 1 : 0) : null,
            ),
          );
        }
      }
    }
    out[code] = rows;
  }
  return out;
}

/** Turn units, one row per non-empty participant turn, per code. */
export function naiveTurnData(input: AgreementInput): Record<string, RatingValue[][]> {
  const out: Record<string, RatingValue[][]> = {};
  for (const code of input.codes ?? []) {
    const rows: RatingValue[][] = [];
    for (const doc of input.documents) {
      for (const turn of doc.turns) {
        if (!turn.isParticipant || turn.end <= turn.start) continue;
        rows.push(
          input.coders.map((coder) =>
            doc.assignedCoders.includes(coder)
              ? (doc.codings[coder] ?? []).some((c) => covers(c, code, turn.start, turn.end))
                ? 1
                : 0
              : null,
          ),
        );
      }
    }
    out[code] = rows;
  }
  return out;
}

/** Units with values of at least two coders. */
export function pairableUnits(rows: RatingValue[][]): number {
  return rows.filter((r) => r.filter((v) => v !== null).length >= 2).length;
}

/** Both NaN, or equal within 1e-9. */
export function sameNumber(actual: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= 1e-9;
}
