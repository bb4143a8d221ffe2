import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCanonicalText } from '../text/canonical';
import { listDisagreements, type DisagreementInput, type ReviewCoding } from './disagreements';
import { prepareStudy, type AgreementDocument } from './document';
import { segmentAgreement } from './segment-level';
import { studyArbitrary, CODES } from './study.arbitrary';
import { turnUnits } from './turn-level';

/**
 * The hand-worked document of report.test.ts:
 *   T0 moderator [0, 10), T1 participant [11, 21), T2 participant [22, 32)
 *   akimat     ana [11,17) and [2,8) (T0)   bek [13,19)
 *   social     ana [24,30)                  bek [19,32)
 *   instagram  ana [22,32)                  bek [22,31)
 */
const { ranges } = buildCanonicalText([{ text: 'Қалай жаз?' }, { text: 'Әкімдікке.' }, { text: 'Инстаграм.' }]);
const input: DisagreementInput = {
  turns: ranges.map((r, i) => ({ ...r, isParticipant: i > 0 })),
  coders: ['ana', 'bek'],
  assignedCoders: ['ana', 'bek'],
  codings: {
    ana: [
      { id: 1, codeId: 'akimat', start: 11, end: 17 },
      { id: 2, codeId: 'akimat', start: 2, end: 8 },
      { id: 3, codeId: 'social', start: 24, end: 30 },
      { id: 4, codeId: 'instagram', start: 22, end: 32 },
    ],
    bek: [
      { id: 5, codeId: 'akimat', start: 13, end: 19 },
      { id: 6, codeId: 'social', start: 19, end: 32 },
      { id: 7, codeId: 'instagram', start: 22, end: 31 },
    ],
  },
};

describe('listDisagreements on the hand-worked document', () => {
  const { compared, items } = listDisagreements(input);

  it('lists each passage where the coders differ, in text order', () => {
    expect(compared).toEqual(['ana', 'bek']);
    expect(items.map((d) => [d.codeId, d.start, d.end, d.reasons])).toEqual([
      // ana alone, in the moderator's turn: no turn unit, but a segment bek did not match
      ['akimat', 2, 8, ['segment']],
      // both coded T1 (the turn agrees), but [11,17) and [13,19) overlap 4/8 = 50 % < 90 %
      ['akimat', 11, 19, ['segment']],
      // bek's [19,32) reaches into T1 where ana has nothing; overlap 6/13 < 90 %
      ['social', 19, 32, ['turn', 'segment']],
      // instagram: [22,32) and [22,31) overlap 90 %: no disagreement
    ]);
  });

  it('says which turns and which codings disagree, and each coder’s codings', () => {
    const [moderator, akimat, social] = items;
    expect(moderator.turns).toEqual([]);
    expect(moderator.unmatched).toEqual([2]);
    expect(moderator.coders).toEqual([
      { coder: 'ana', codings: [{ id: 2, start: 2, end: 8 }] },
      { coder: 'bek', codings: [] },
    ]);
    expect(akimat.unmatched).toEqual([1, 5]);
    expect(social.turns).toEqual([1]);
    expect(social.key).toBe('social:3.6');
  });

  it('honours the threshold', () => {
    const loose = listDisagreements({ ...input, threshold: 0.5 });
    expect(loose.items.map((d) => [d.codeId, d.start])).toEqual([
      ['akimat', 2],
      ['social', 19],
    ]);
  });

  it('leaves out coders not assigned, and needs two coders to compare', () => {
    expect(listDisagreements({ ...input, assignedCoders: ['ana'] })).toEqual({ compared: ['ana'], items: [] });
    const withCai = listDisagreements({ ...input, coders: ['ana', 'bek', 'cai'], codings: { ...input.codings, cai: [{ id: 9, codeId: 'akimat', start: 0, end: 30 }] } });
    expect(withCai.compared).toEqual(['ana', 'bek']);
    expect(withCai.items.flatMap((d) => d.coders.map((c) => c.coder))).not.toContain('cai');
  });

  it('keeps only the chosen codes', () => {
    expect(listDisagreements({ ...input, codes: ['social'] }).items.map((d) => d.codeId)).toEqual(['social']);
  });

  it('has keys that stay put when nothing changes and move when a coding does', () => {
    const again = listDisagreements(input).items.map((d) => d.key);
    expect(again).toEqual(items.map((d) => d.key));
    const recoded = listDisagreements({
      ...input,
      codings: { ...input.codings, bek: [...input.codings.bek!.filter((c) => c.id !== 6), { id: 8, codeId: 'social', start: 22, end: 32 }] },
    });
    expect(recoded.items.find((d) => d.codeId === 'social')?.key).toBe('social:3.8');
  });
});

describe('listDisagreements agrees with the report', () => {
  const withIds = (doc: AgreementDocument) => {
    let id = 1;
    const codings: Record<string, ReviewCoding[]> = {};
    for (const [coder, list] of Object.entries(doc.codings)) codings[coder] = (list ?? []).map((c) => ({ ...c, id: id++ }));
    return codings;
  };

  it('finds exactly the (turn, code) units on which coders differ', () => {
    fc.assert(
      fc.property(studyArbitrary, (study) => {
        for (const doc of study.documents) {
          const listing = listDisagreements({ turns: doc.turns, coders: study.coders, assignedCoders: doc.assignedCoders, codings: withIds(doc), codes: study.codes });
          const units = turnUnits(prepareStudy({ ...study, documents: [doc] }));
          const expected = new Set<string>();
          if (doc.assignedCoders.length >= 2) {
            units.byCode.forEach(({ codeId, data }) =>
              data.forEach((row, u) => {
                const values = new Set(row.filter((v) => v !== null));
                if (values.size > 1) expected.add(`${units.units[u].turn}:${codeId}`);
              }),
            );
          }
          const found = new Set(listing.items.flatMap((d) => d.turns.map((t) => `${t}:${d.codeId}`)));
          expect([...found].sort()).toEqual([...expected].sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('marks as unmatched exactly the segments the segment level does not match (two coders)', () => {
    fc.assert(
      fc.property(studyArbitrary, fc.constantFrom(0.5, 0.9, 1), (study, threshold) => {
        const coders = ['ana', 'bek'];
        for (const doc of study.documents) {
          if (!coders.every((c) => doc.assignedCoders.includes(c))) continue;
          const listing = listDisagreements({ turns: doc.turns, coders, assignedCoders: doc.assignedCoders, codings: withIds(doc), codes: [...CODES], threshold });
          const [pair] = segmentAgreement(prepareStudy({ coders, codes: [...CODES], documents: [doc] }), { threshold });
          const unmatched = pair.pooled.segmentsA - pair.pooled.matchedA + pair.pooled.segmentsB - pair.pooled.matchedB;
          expect(listing.items.reduce((n, d) => n + d.unmatched.length, 0)).toBe(unmatched);
        }
      }),
      { numRuns: 300 },
    );
  });
});
