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
  const text = (i: number) => `Писал в e-Otinish номер ${i}. Ответили через неделю.`;
  const turns: ComposedTurn[] = [
    { speaker: null, kind: 'question', section: 'channels', text: 'Куда обращаетесь?', codes: [], segments: [] },
    ...Array.from({ length: 40 }, (_, i): ComposedTurn => ({
      speaker: i % 5,
      kind: 'answer',
      section: 'channels',
      text: text(i),
      codes: ['eotinish'],
      segments: [{ code: 'eotinish', start: 0, end: text(i).length, core: [0, text(i).indexOf('.') + 1] }],
    })),
    { speaker: 2, kind: 'reaction', section: 'channels', text: 'Да.', codes: [], segments: [] },
  ];
  const { ranges } = buildCanonicalText(turns);
  const doc = { key: 'test', turns, ranges };
  const careful: CoderProfile = {
    seed: 'careful',
    miss: 0,
    sibling: 0,
    sentence: 0,
    widen: 0,
    split: 0,
    shift: 0,
    extra: 0,
    overreach: 0,
    span: 0,
    doubtMemo: '',
    doubts: 0,
    quoteMemo: '',
  };

  it('codes every true segment exactly when it never errs', () => {
    const codings = simulateCoder(doc, careful);
    expect(codings).toHaveLength(40);
    codings.forEach((c, i) => expect(c).toMatchObject({ code: 'eotinish', start: ranges[i + 1].start, end: ranges[i + 1].end }));
  });

  it('stays inside participant turns, codes each unit at most once per code, and never codes «Да»', () => {
    const sloppy = { ...careful, seed: 'sloppy', miss: 0.2, sibling: 0.2, sentence: 0.3, shift: 0.3, extra: 0.2, span: 0.3 };
    const codings = simulateCoder(doc, sloppy);
    for (const c of codings) {
      expect(c.start).toBeGreaterThanOrEqual(ranges[1].start);
      expect(c.end).toBeGreaterThan(c.start);
      expect(c.end).toBeLessThanOrEqual(ranges[40].end);
    }
    expect(codings.some((c) => c.code !== 'eotinish')).toBe(true);
    expect(codings.some((c) => c.end - c.start < text(0).length - 1)).toBe(true); // a sentence or a shifted boundary
    const units = turnCodes(ranges, codings);
    expect(units.size).toBeLessThan(40 + codings.length);
    expect([...units].every((u) => !u.startsWith('0:') && !u.startsWith('41:'))).toBe(true);
  });

  it('runs a coding into the next turn when that turn goes on with the same code', () => {
    const codings = simulateCoder(doc, { ...careful, seed: 'spanning', span: 1 });
    const spanning = codings.filter((c) => c.end > ranges.find((r) => r.start <= c.start && c.start < r.end)!.end);
    expect(spanning.length).toBeGreaterThan(5);
    for (const c of spanning) expect(ranges.filter((r) => r.start < c.end && c.start < r.end)).toHaveLength(2);
  });
});
