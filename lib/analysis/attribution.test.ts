import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { turnsOverlapping } from '../text/canonical';
import { attributedParticipants, attributeInto, countInto, people } from './attribution';
import { compileFilter } from './filter';
import { buildModel, turnsAt } from './model';
import { EMPTY_FILTER } from './types';

function doc(speakers: Array<number | null>, lengths: number[]) {
  let at = 0;
  const turns = lengths.map((len) => {
    const r = { start: at, end: at + len };
    at += len + 1;
    return r;
  });
  const model = buildModel({
    attributes: [],
    codes: [],
    documents: [{ id: 1, title: 'd', attributes: {} }],
    participants: [10, 11, 12].map((id) => ({ id, label: `P${id}`, documentId: 1, attributes: {} })),
    turns: { documentId: turns.map(() => 1), start: turns.map((t) => t.start), end: turns.map((t) => t.end), participantId: speakers, words: turns.map(() => 1) },
  });
  return { model, turns };
}

describe('attribution', () => {
  it('attributes a coding to every participant whose turn it overlaps, not the moderator, each once', () => {
    const { model } = doc([null, 10, 11, 10, 12], [5, 5, 5, 5, 5]); // turns at 0, 6, 12, 18, 24
    expect(attributedParticipants(model.turns[0], 0, 5)).toEqual([]); // the moderator's turn
    expect(attributedParticipants(model.turns[0], 3, 8)).toEqual([0]); // moderator and P10
    expect(attributedParticipants(model.turns[0], 8, 20)).toEqual([0, 1]); // P10, P11, P10 again
    expect(attributedParticipants(model.turns[0], 11, 12)).toEqual([]); // just the line break
    expect(attributedParticipants(model.turns[0], 7, 7)).toEqual([]); // empty
  });

  it('agrees with turnsOverlapping on any range (and so does turnsAt)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 }), fc.nat(80), fc.nat(40), (lengths, start, len) => {
        const speakers = lengths.map((_, i) => (i % 4 === 0 ? null : 10 + (i % 3)));
        const { model, turns } = doc(speakers, lengths);
        const expected: number[] = [];
        for (const t of turnsOverlapping(turns, start, start + len)) {
          const p = model.turns[0].participant[t];
          if (p >= 0 && !expected.includes(p)) expected.push(p);
        }
        expect(attributedParticipants(model.turns[0], start, start + len)).toEqual(expected);
        expect(turnsAt(model.turns[0], start, start + len)).toEqual(turnsOverlapping(turns, start, start + len));
      }),
    );
  });

  it('keeps the filtered participants, and lets nobody’s codings through only when asked', () => {
    const { model } = doc([null, 10, 11], [5, 5, 5]);
    const all = compileFilter(model, EMPTY_FILTER);
    const one = compileFilter(model, { ...EMPTY_FILTER, participantId: 11 });
    const [a, out] = [people(1), people(1)];
    attributeInto(model.turns[0], 0, 17, a);
    expect(countInto(one, a, out)).toBe(true);
    expect(Array.from(out.ids.subarray(0, out.n))).toEqual([1]);
    attributeInto(model.turns[0], 0, 3, a);
    expect(countInto(all, a, out)).toBe(true);
    expect(countInto(one, a, out)).toBe(false);
  });
});
