import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptLabelLines, classifyLabel, listSpeakerLabels, readLabelLine } from './speakers';

describe('readLabelLine: the label forms transcripts use', () => {
  const cases: Array<[string, string, string, string?]> = [
    // line, label, rest, timestamp
    ['Модератор: Добрый вечер!', 'Модератор', 'Добрый вечер!'],
    ['М: Начнём.', 'М', 'Начнём.'],
    ['P3: Через eGov.', 'P3', 'Через eGov.'],
    ['Р3: Через eGov.', 'Р3', 'Через eGov.'], // Cyrillic Р
    ['Участник 3: Я пишу в акимат.', 'Участник 3', 'Я пишу в акимат.'],
    ['Участница №4: Да.', 'Участница №4', 'Да.'],
    ['Қатысушы 3: Мен сайлауға барамын.', 'Қатысушы 3', 'Мен сайлауға барамын.'],
    ['Жүргізуші: Рахмет!', 'Жүргізуші', 'Рахмет!'],
    ['Айгерим: Через Instagram.', 'Айгерим', 'Через Instagram.'],
    ['Айгерім Серікқызы: Иә.', 'Айгерім Серікқызы', 'Иә.'],
    ['Ержан Б.: Согласен.', 'Ержан Б.', 'Согласен.'],
    ['[00:12:03] P2: Пишу в e-Otinish.', 'P2', 'Пишу в e-Otinish.', '00:12:03'],
    ['(12:03) Модератор: Дальше.', 'Модератор', 'Дальше.', '00:12:03'],
    ['00:12:03 P2: Да.', 'P2', 'Да.', '00:12:03'],
    ['P2 (Ж, 34): Я из Тараза.', 'P2', 'Я из Тараза.'],
    ['Участник 5 (М, 51, высшее): Нет.', 'Участник 5', 'Нет.'],
    ['Moderator: What do elections mean to you?', 'Moderator', 'What do elections mean to you?'],
    ['Interviewer - Tell me more.', 'Interviewer', 'Tell me more.'],
    ['Модератор — Продолжим.', 'Модератор', 'Продолжим.'],
    ['P2 – Да.', 'P2', 'Да.'],
    ['**P2:** Репосты делаю.', 'P2', 'Репосты делаю.'],
    ['**P2**: Репосты делаю.', 'P2', 'Репосты делаю.'],
    ['__Модератор:__ Спасибо.', 'Модератор', 'Спасибо.'],
    ['*Айгерим*: Да.', 'Айгерим', 'Да.'],
    ['**P2 (Ж, 34):** Да.', 'P2', 'Да.'],
    ['P2\tТабуляция после метки.', 'P2', 'Табуляция после метки.'],
    ['Модератор :  С пробелом перед двоеточием.', 'Модератор', 'С пробелом перед двоеточием.'],
    ['Модератор:', 'Модератор', ''],
    ['P2:Без пробела.', 'P2', 'Без пробела.'],
    ['модератор: строчными', 'модератор', 'строчными'],
    ['Участник  3 : двойной пробел', 'Участник 3', 'двойной пробел'],
  ];
  it.each(cases)('%s', (line, label, rest, timestamp) => {
    const read = readLabelLine(line);
    expect(read).not.toBeNull();
    expect(read?.label).toBe(label);
    expect(read?.rest).toBe(rest);
    expect(read?.timestamp).toBe(timestamp);
  });
});

describe('readLabelLine: sentences with a colon are not labels', () => {
  it.each([
    'Я скажу так: выборы ничего не решают.',
    'Мәселе мынада: кезек өте ұзақ.',
    'Честно говоря: не знаю.',
    'Вопрос в том, что: никто не отвечает.',
    'Выборы — это формальность.',
    'Сайлау — бұл азаматтық борыш.',
    'Айгерим - моя соседка.', // a name with a dash is a sentence, not a label
    '[00:12:03] Выборы — это формальность.',
    '**Instagram** — главный источник.',
    'В 10:30 мы пришли в акимат.',
    '10:30: начало записи',
    'Счёт 2:1 в нашу пользу.',
    'Ссылка https://eotinish.kz/ там всё есть.',
    'Https://egov.kz',
    'Например: через eGov.',
    'Мысалы: eGov арқылы.',
    'Дата: 14.11.2024',
    'Город: Актау',
    'Note: audio was unclear here.',
    'Алматы, 12 ноября: встреча.',
    'Очень длинная метка больше тридцати символов: текст',
    'Один Два Три Четыре: четыре слова',
    '«Цитата»: текст',
    ': пусто',
    '',
    '   ',
    '**Не закрыто: текст',
  ])('%s', (line) => {
    expect(readLabelLine(line)).toBeNull();
  });
});

describe('classifyLabel', () => {
  it('calls codes and role labels strong, names weak', () => {
    expect(classifyLabel('P3')).toBe('strong');
    expect(classifyLabel('Р12')).toBe('strong');
    expect(classifyLabel('М')).toBe('strong');
    expect(classifyLabel('FG2')).toBe('strong');
    expect(classifyLabel('Модератор')).toBe('strong');
    expect(classifyLabel('Модератор Айгуль')).toBe('strong');
    expect(classifyLabel('Speaker 1')).toBe('strong');
    expect(classifyLabel('Айгерим')).toBe('weak');
    expect(classifyLabel('Вопрос')).toBe('weak');
    expect(classifyLabel('Да')).toBe('weak');
  });

  it('rejects lower-case words, long labels and metadata words', () => {
    expect(classifyLabel('Модератор сказал')).toBeNull();
    expect(classifyLabel('я')).toBeNull();
    expect(classifyLabel('Продолжительность')).toBeNull();
    expect(classifyLabel('Место проведения')).toBeNull();
    expect(classifyLabel('A'.repeat(31))).toBeNull();
    expect(classifyLabel('')).toBeNull();
  });
});

describe('acceptLabelLines', () => {
  const L = (line: string) => readLabelLine(line);

  it('always accepts strong labels, and weak ones that repeat', () => {
    const lines = [L('Модератор: Вопрос?'), null, null, null, L('Айгерим: Да.'), null, null, L('АЙГЕРИМ: Нет.'), L('Ержан: Может.'), null, null];
    expect(acceptLabelLines(lines)).toEqual([true, false, false, false, true, false, false, true, false, false, false]);
  });

  it('does not believe a one-off weak label in prose', () => {
    const prose = [null, null, L('Вопрос: что делать?'), null, null];
    expect(acceptLabelLines(prose)).toEqual([false, false, false, false, false]);
  });

  it('accepts one-off names in a document where most lines carry labels', () => {
    const lines = [L('Айгерим: Да.'), L('Ержан: Нет.'), L('Дина: Может быть.'), null];
    expect(acceptLabelLines(lines)).toEqual([true, true, true, false]);
  });

  it('accepts one-off names when nearly all labelled lines are already believed', () => {
    const lines = [L('М: а'), null, null, L('P1: б'), null, null, L('P2: в'), null, null, L('М: г'), null, L('Дина: д'), null, null];
    expect(acceptLabelLines(lines)[11]).toBe(true);
  });

  it('counts layout-given speakers (table rows) as labelled lines', () => {
    expect(acceptLabelLines([L('Айгерим: Да.'), null], 3)).toEqual([true, false]);
    expect(acceptLabelLines([L('Айгерим: Да.'), null], 0)).toEqual([false, false]);
  });

  it('returns one decision per line and never accepts a line without a label', () => {
    const line = fc.oneof(fc.constant(null), fc.constantFrom('P1: а', 'Айгерим: б', 'Модератор: в', 'Ержан: г').map(L));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.nat(5), (lines, structural) => {
        const accepted = acceptLabelLines(lines, structural);
        expect(accepted).toHaveLength(lines.length);
        accepted.forEach((a, i) => {
          if (lines[i] === null) expect(a).toBe(false);
          if (lines[i]?.strength === 'strong') expect(a).toBe(true);
        });
      }),
    );
  });
});

describe('readLabelLine on arbitrary input', () => {
  it('never throws, and a label it returns is a well-formed label', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (line) => {
        const read = readLabelLine(line);
        if (read) {
          expect(classifyLabel(read.label)).not.toBeNull();
          expect(read.rest).toBe(read.rest.trim());
        }
      }),
    );
  });
});

describe('listSpeakerLabels', () => {
  it('lists distinct labels in order of appearance with turn and word counts', () => {
    const turns = [
      { speaker: null, text: 'Фокус-группа № 5' },
      { speaker: 'Модератор', text: 'Что для вас значат выборы?' },
      { speaker: 'P2', text: 'Сайлау — азаматтық борыш.' },
      { speaker: 'Модератор', text: 'А вы?' },
      { speaker: 'P2 ', text: 'Да.' },
    ];
    expect(listSpeakerLabels(turns)).toEqual([
      { label: 'Модератор', turns: 2, words: 7 },
      { label: 'P2', turns: 1, words: 3 },
      { label: 'P2 ', turns: 1, words: 1 },
    ]);
  });
});
