import { describe, expect, it } from 'vitest';
import { buildCanonicalText } from './canonical';
import { applyTurnOp, type CorrectableTurn } from './corrections';
import { applyChange } from './remap';

const turn = (text: string, label = 'P1'): CorrectableTurn => ({ speakerKind: 'participant', participantId: 1, speakerLabel: label, timestamp: null, text });
const turns = [turn('Сәлеметсіз бе.', 'Модератор'), turn('Мен акімдікке жаздым. Жауап келмеді.'), turn('Мен де.', 'P2')];
const canonical = (ts: readonly CorrectableTurn[]) => buildCanonicalText(ts).text;

describe('applyTurnOp', () => {
  it.each([
    ['edit', { op: 'edit', index: 1, text: 'Мен әкімдікке жаздым. Жауап келмеді.' }],
    ['split', { op: 'split', index: 1, at: 'Мен акімдікке жаздым.'.length }],
    ['merge', { op: 'merge', index: 1 }],
  ] as const)('%s: the returned change turns the old canonical text into the new one', (_, op) => {
    const { turns: after, change } = applyTurnOp(turns, op);
    expect(applyChange(canonical(turns), change!)).toBe(canonical(after));
  });

  it('splits a turn into two turns of the same speaker, trimming the space at the cut', () => {
    const { turns: after } = applyTurnOp(turns, { op: 'split', index: 1, at: 21 });
    expect(after.map((t) => t.text)).toEqual(['Сәлеметсіз бе.', 'Мен акімдікке жаздым.', 'Жауап келмеді.', 'Мен де.']);
    expect(after[2].speakerLabel).toBe('P1');
  });

  it('merges a turn with the next, joined by a space', () => {
    expect(applyTurnOp(turns, { op: 'merge', index: 1 }).turns.map((t) => t.text)).toEqual(['Сәлеметсіз бе.', 'Мен акімдікке жаздым. Жауап келмеді. Мен де.']);
  });

  it('reassigns a speaker without touching the text', () => {
    const r = applyTurnOp(turns, { op: 'speaker', index: 2, speakerKind: 'moderator', participantId: 5, speakerLabel: 'Модератор' });
    expect(r.change).toBeNull();
    expect(r.turns[2]).toMatchObject({ speakerKind: 'moderator', participantId: null });
  });

  it('keeps an edited turn on one line', () => {
    expect(applyTurnOp(turns, { op: 'edit', index: 2, text: 'Мен\r\nде.' }).turns[2].text).toBe('Мен де.');
  });

  it('names the turn when an operation cannot apply', () => {
    expect(() => applyTurnOp(turns, { op: 'merge', index: 2 })).toThrow(/Turn 3 is the last one/);
    expect(() => applyTurnOp(turns, { op: 'split', index: 0, at: 0 })).toThrow(/Turn 1 can only be split inside/);
    expect(() => applyTurnOp(turns, { op: 'edit', index: 7, text: 'x' })).toThrow(/no turn 8/);
  });
});
