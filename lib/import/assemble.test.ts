import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleTurns, type SourceItem } from './assemble';
import { parsePlainText } from './plain-text';

describe('parsePlainText', () => {
  it('opens a turn at each label and joins continuation lines with a space', () => {
    const text = [
      'Модератор: Какими каналами вы пользуетесь?',
      'Участник 1: Пишу в e-Otinish,',
      '   потому что там есть срок ответа.',
      'Я скажу так: это удобно.',
      'Участник 2: А я хожу на приём к акиму.',
    ].join('\n');
    expect(parsePlainText(text)).toEqual([
      { speaker: 'Модератор', text: 'Какими каналами вы пользуетесь?' },
      { speaker: 'Участник 1', text: 'Пишу в e-Otinish, потому что там есть срок ответа. Я скажу так: это удобно.' },
      { speaker: 'Участник 2', text: 'А я хожу на приём к акиму.' },
    ]);
  });

  it('continues a turn across blank lines (a speech in several paragraphs)', () => {
    const text = 'P1: Первый абзац.\n\nВторой абзац.\n\nP2: Ответ.';
    expect(parsePlainText(text)).toEqual([
      { speaker: 'P1', text: 'Первый абзац. Второй абзац.' },
      { speaker: 'P2', text: 'Ответ.' },
    ]);
  });

  it('handles a label on a line of its own', () => {
    const text = 'Модератор:\nЧто для вас значат выборы?\n\nP3:\nСайлау — азаматтық борыш.\n';
    expect(parsePlainText(text)).toEqual([
      { speaker: 'Модератор', text: 'Что для вас значат выборы?' },
      { speaker: 'P3', text: 'Сайлау — азаматтық борыш.' },
    ]);
  });

  it('gives text before the first label no speaker, one turn per paragraph', () => {
    const text = 'Фокус-группа № 5, Актау\nДата: 14.11.2024\n\nРасшифровка.\n\nМ: Начнём.';
    expect(parsePlainText(text)).toEqual([
      { speaker: null, text: 'Фокус-группа № 5, Актау Дата: 14.11.2024' },
      { speaker: null, text: 'Расшифровка.' },
      { speaker: 'М', text: 'Начнём.' },
    ]);
  });

  it('splits a text without speakers into paragraphs, or lines when there are no blank lines', () => {
    expect(parsePlainText('Первый абзац,\nего вторая строка.\n\nВторой абзац.')).toEqual([
      { speaker: null, text: 'Первый абзац, его вторая строка.' },
      { speaker: null, text: 'Второй абзац.' },
    ]);
    expect(parsePlainText('Первая строка.\nВторая строка.\n')).toEqual([
      { speaker: null, text: 'Первая строка.' },
      { speaker: null, text: 'Вторая строка.' },
    ]);
  });

  it('keeps timestamps, and starts a new turn of the same speaker at a timestamped line', () => {
    const text = '[00:12:03] P2: Пишу в акимат.\n[00:12:40] И ещё в Telegram.\nИ в WhatsApp.\n[00:13:00] М: Понятно.';
    expect(parsePlainText(text)).toEqual([
      { speaker: 'P2', text: 'Пишу в акимат.', timestamp: '00:12:03' },
      { speaker: 'P2', text: 'И ещё в Telegram. И в WhatsApp.', timestamp: '00:12:40' },
      { speaker: 'М', text: 'Понятно.', timestamp: '00:13:00' },
    ]);
  });

  it('drops a label with nothing said', () => {
    expect(parsePlainText('P1:\nP2: Да.\nP3:')).toEqual([{ speaker: 'P2', text: 'Да.' }]);
  });

  it('normalises to NFC and removes control characters', () => {
    expect(parsePlainText('P1: и\u0306\u0007 ok\u000bнет')).toEqual([{ speaker: 'P1', text: 'й ok нет' }]);
  });

  it('gives single-line, trimmed, non-empty turns for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('P1: а', 'Модератор:', '', '  ', '[00:01:02] б', 'Айгерим: в')), { maxLength: 30 }), (lines) => {
        for (const t of parsePlainText(lines.join('\n'))) {
          expect(t.text).not.toMatch(/[\n\r]/);
          expect(t.text).toBe(t.text.trim());
          expect(t.text).not.toBe('');
        }
      }),
    );
  });
});

describe('assembleTurns', () => {
  it('ends a turn at a heading; the heading is not a turn', () => {
    const items: SourceItem[] = [
      { kind: 'heading' },
      { kind: 'line', text: 'Расшифровка.' },
      { kind: 'line', text: 'P1: Да.' },
      { kind: 'heading' },
      { kind: 'line', text: 'Текст после заголовка.' },
      { kind: 'line', text: 'P2: Нет.' },
    ];
    expect(assembleTurns(items)).toEqual([
      { speaker: null, text: 'Расшифровка.' },
      { speaker: 'P1', text: 'Да.' },
      { speaker: null, text: 'Текст после заголовка.' },
      { speaker: 'P2', text: 'Нет.' },
    ]);
  });

  it('takes layout-given turns as they are and lets lines continue them', () => {
    const items: SourceItem[] = [
      { kind: 'turn', speaker: 'Айгерим', text: 'Пишу в eGov.' },
      { kind: 'line', text: 'И звоню в 109.' },
      { kind: 'turn', speaker: 'Ержан', text: 'Хожу на приём.', timestamp: '00:01:00' },
    ];
    expect(assembleTurns(items)).toEqual([
      { speaker: 'Айгерим', text: 'Пишу в eGov. И звоню в 109.' },
      { speaker: 'Ержан', text: 'Хожу на приём.', timestamp: '00:01:00' },
    ]);
  });
});
