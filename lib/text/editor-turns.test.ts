import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCanonicalText } from './canonical';
import { packTurns, unpackTurns, type EditorTurn } from './editor-turns';

const turn = fc.record({
  text: fc.string({ maxLength: 30 }).map((s) => s.replace(/\n/g, ' ')),
  speaker: fc.constantFrom('Moderator', 'P1', 'Р2', 'Айгерим'),
  kind: fc.constantFrom('participant' as const, 'moderator' as const, 'unknown' as const),
  info: fc.constantFrom('', 'P1\nage: 34', 'Р2\nқала: Semey'),
});

describe('packed editor turns', () => {
  it('give back the turns, with their offsets in the canonical text (property)', () => {
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 20 }), (raw) => {
        const { ranges } = buildCanonicalText(raw);
        const turns: EditorTurn[] = raw.map((t, i) => ({ seq: i + 1, ...ranges[i], ...t }));
        expect(unpackTurns(JSON.parse(JSON.stringify(packTurns(turns))))).toEqual(turns);
      }),
    );
  });

  it('name each speaker once', () => {
    const t = { speaker: 'P1', kind: 'participant' as const, info: 'P1\nage: 34', start: 0, end: 0 };
    const packed = packTurns([
      { ...t, seq: 1, text: 'Иә.' },
      { seq: 2, start: 0, end: 0, text: 'Why?', speaker: 'Moderator', kind: 'moderator', info: '' },
      { ...t, seq: 3, text: 'Иә, иә.' },
    ]);
    expect(packed.speakers).toHaveLength(2);
    expect(packed.turns.map(([seq, s]) => [seq, s])).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
    ]);
  });
});
