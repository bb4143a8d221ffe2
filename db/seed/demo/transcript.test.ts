import { describe, expect, it } from 'vitest';
import { assembleTurn, type Unit } from './transcript';
import { contradicts, forGender, opposite, positions } from './utterances';

describe('assembleTurn', () => {
  const opener: Unit = { sentences: [{ text: 'Ну, смотрите.', codes: [] }], whole: [], core: 0 };
  const story: Unit = {
    sentences: [
      { text: 'Зимой не горели фонари.', codes: [] },
      { text: 'Я написала в e-Otinish.', codes: [] },
      { text: 'Через неделю починили.', codes: ['local_solvable'] },
    ],
    whole: ['eotinish'],
    core: 1,
  };
  const claim: Unit = { sentences: [{ text: 'Через eGov удобно.', codes: [] }], whole: ['eotinish'], core: 0 };

  it('codes a unit’s whole codes over the unit and a step’s codes over its sentence', () => {
    const turn = assembleTurn([opener, story]);
    expect(turn.text).toBe('Ну, смотрите. Зимой не горели фонари. Я написала в e-Otinish. Через неделю починили.');
    const slice = (code: string) => turn.segments.filter((s) => s.code === code).map((s) => turn.text.slice(s.start, s.end));
    expect(slice('eotinish')).toEqual(['Зимой не горели фонари. Я написала в e-Otinish. Через неделю починили.']);
    expect(slice('local_solvable')).toEqual(['Через неделю починили.']);
    const eotinish = turn.segments.find((s) => s.code === 'eotinish')!;
    expect(turn.text.slice(...eotinish.core)).toBe('Я написала в e-Otinish.');
    expect(turn.codes).toEqual(['eotinish', 'local_solvable']);
  });

  it('joins a code said in two units one after the other into one segment, not across other talk', () => {
    const joined = assembleTurn([story, claim]);
    expect(joined.segments.filter((s) => s.code === 'eotinish')).toHaveLength(1);
    expect(joined.segments.find((s) => s.code === 'eotinish')).toMatchObject({ start: 0, end: joined.text.length });
    const apart = assembleTurn([story, opener, claim]);
    expect(apart.segments.filter((s) => s.code === 'eotinish')).toHaveLength(2);
  });
});

describe('forGender', () => {
  it('picks the masculine or feminine side of each alternation', () => {
    const text = 'Я {написал|написала} и {сам|сама} подписал{|а}.';
    expect(forGender(text, 'Male')).toBe('Я написал и сам подписал.');
    expect(forGender(text, 'Female')).toBe('Я написала и сама подписала.');
    expect(forGender('{city} без альтернатив', 'Female')).toBe('{city} без альтернатив');
  });
});

describe('stance positions', () => {
  it('find a speaker contradicting themselves, but not one utterance holding both sides', () => {
    expect(contradicts(['duty'], ['pointless'])).toBe(true);
    expect(contradicts(['duty', 'pointless'], ['pointless'])).toBe(false);
    expect(contradicts(['eotinish'], ['pointless'])).toBe(false);
    expect(positions(['duty'])).toEqual(['duty>pointless']);
    expect(opposite('duty>pointless')).toBe('pointless>duty');
  });
});
