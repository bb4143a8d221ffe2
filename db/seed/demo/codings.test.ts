import { describe, expect, it } from 'vitest';
import { buildCanonicalText } from '../../../lib/text/canonical';
import { sentenceRanges, simulateCoder, turnCodes, type CoderProfile } from './codings';
import type { ComposedTurn } from './transcript';

const slices = (text: string) => sentenceRanges(text).map(([s, e]) => text.slice(s, e));

describe('sentenceRanges', () => {
  it('splits at sentence ends followed by a space', () => {
    expect(slices('Я хожу. А вы? Ну да!')).toEqual(['Я хожу.', 'А вы?', 'Ну да!']);
  });

  it('keeps dots inside names and closing quotes with their sentence', () => {
    expect(slices('Читаю Orda.kz и 24KZ. Ответ: «рассмотрено». Всё.')).toEqual([
      'Читаю Orda.kz и 24KZ.',
      'Ответ: «рассмотрено».',
      'Всё.',
    ]);
  });

  it('keeps a last sentence without final punctuation, trimmed', () => {
    expect(slices('Вот если бы они встречались с людьми… Иә, солай ')).toEqual([
      'Вот если бы они встречались с людьми…',
      'Иә, солай',
    ]);
  });
});

describe('simulateCoder', () => {
  const turns: ComposedTurn[] = [
    { speaker: null, kind: 'question', section: 'channels', text: 'Куда обращаетесь?', codes: [] },
    ...Array.from({ length: 40 }, (_, i): ComposedTurn => ({
      speaker: i % 5,
      kind: 'answer',
      section: 'channels',
      text: `Писал в e-Otinish номер ${i}. Ответили через неделю.`,
      codes: ['eotinish'],
    })),
  ];
  const { ranges } = buildCanonicalText(turns);
  const doc = { key: 'test', turns, ranges };
  const careful: CoderProfile = {
    seed: 'careful',
    miss: 0,
    sibling: 0,
    sentence: 0,
    extra: 0,
    overreach: 0,
    span: 0,
    doubtMemo: '',
  };

  it('codes every expressed code over the whole turn when it never errs', () => {
    const codings = simulateCoder(doc, careful);
    expect(codings).toHaveLength(40);
    codings.forEach((c, i) => expect(c).toMatchObject({ code: 'eotinish', start: ranges[i + 1].start, end: ranges[i + 1].end }));
  });

  it('stays inside participant turns and covers every tagged turn at most once per code', () => {
    const sloppy = { ...careful, seed: 'sloppy', miss: 0.2, sibling: 0.2, sentence: 0.3, extra: 0.2, span: 0.3 };
    const codings = simulateCoder(doc, sloppy);
    for (const c of codings) {
      expect(c.start).toBeGreaterThanOrEqual(ranges[1].start);
      expect(c.end).toBeGreaterThan(c.start);
    }
    expect(codings.some((c) => c.code !== 'eotinish')).toBe(true);
    const units = turnCodes(ranges, codings);
    expect(units.size).toBeLessThan(40 + codings.length);
    expect([...units].every((u) => !u.startsWith('0:'))).toBe(true);
  });
});
