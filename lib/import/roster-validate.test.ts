import { describe, expect, it } from 'vitest';
import { headerKey, validateRoster } from './roster-validate';

const groups = ['Актау, группа 1', 'Актау, группа 2', 'Қызылорда, 1-топ'];

describe('validateRoster', () => {
  it('maps Russian, Kazakh and English headers case-insensitively and returns participants', () => {
    const rows = [
      { 'КОД УЧАСТНИКА': 'P1', 'Фокус-группа': 'актау, группа 1', 'Пол': 'Ж', 'Возраст': '34', 'Образование': 'высшее', 'Лет в городе': '12', 'Занятость': 'учитель' },
    ];
    expect(validateRoster(rows, { groups })).toEqual({
      ok: true,
      participants: [
        { label: 'P1', group: 'Актау, группа 1', row: 2, attributes: { gender: 'Ж', age: '34', education: 'высшее', yearsInCity: '12', 'Занятость': 'учитель' } },
      ],
      problems: [],
    });
    const kk = [{ 'Қатысушы': 'P2', 'Топ': 'Қызылорда, 1-топ', 'Жынысы': 'Е', 'Жасы': '40', 'Білімі': 'орта', 'Қалада тұрған жылы': '7' }];
    expect(validateRoster(kk, { groups }).participants[0].attributes).toEqual({ gender: 'Е', age: '40', education: 'орта', yearsInCity: '7' });
    const en = [{ Participant: 'P3', Group: 'Актау, группа 2', Gender: 'M', 'Age (years)': '19', 'Years in city': '0,5' }];
    expect(validateRoster(en, { groups }).participants[0].attributes).toEqual({ gender: 'M', age: '19', yearsInCity: '0.5' });
  });

  it('accepts extra header names', () => {
    const rows = [{ Who: 'P1', Where: 'Актау, группа 1' }];
    expect(validateRoster(rows, { groups, knownColumns: { label: ['who'], group: ['where'] } }).ok).toBe(true);
  });

  it('reports each row problem with the spreadsheet row (header = 1) and the column', () => {
    const rows = [
      { Код: 'P1', Группа: 'Актау, группа 1', Возраст: '34', 'Лет в городе': '10' },
      { Код: '', Группа: 'Актау, группа 1', Возраст: '', 'Лет в городе': '' },
      { Код: 'P2', Группа: 'Алматы', Возраст: '', 'Лет в городе': '' },
      { Код: 'p1', Группа: 'Актау, группа 1', Возраст: 'тридцать', 'Лет в городе': 'много' },
      { Код: '', Группа: '', Возраст: '', 'Лет в городе': '' },
      { Код: 'P3', Группа: 'Актау, группа 1', Возраст: '130', 'Лет в городе': '-1' },
      { Код: 'P4', Группа: 'Актау, группа 1', Возраст: '30', 'Лет в городе': '31' },
      { Код: 'P5', Группа: '', Возраст: '34,5', 'Лет в городе': 'с рождения' },
    ];
    const result = validateRoster(rows, { groups });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { row: 3, column: 'Код', message: 'the participant label is missing' },
      { row: 4, column: 'Группа', message: 'unknown group "Алматы" (the project\'s groups are "Актау, группа 1", "Актау, группа 2", "Қызылорда, 1-топ")' },
      { row: 5, column: 'Код', message: 'label "p1" is already used in group "Актау, группа 1" (row 2)' },
      { row: 5, column: 'Возраст', message: 'age "тридцать" is not a whole number' },
      { row: 5, column: 'Лет в городе', message: 'years in city "много" is not a number' },
      { row: 7, column: 'Возраст', message: 'age 130 is out of range (0–120)' },
      { row: 7, column: 'Лет в городе', message: 'years in city "-1" is not a number' },
      { row: 8, column: 'Лет в городе', message: 'years in city (31) exceed the age (30)' },
      { row: 9, column: 'Группа', message: 'the group is missing' },
      { row: 9, column: 'Возраст', message: 'age "34,5" is not a whole number' },
      { row: 9, column: 'Лет в городе', message: 'years in city "с рождения" needs the age to be known' },
    ]);
    expect(result.participants.map((p) => `${p.row}:${p.label}`)).toEqual(['2:P1', '5:p1', '7:P3', '8:P4']);
  });

  it('takes "since birth" answers as the age', () => {
    const rows = [{ Код: 'P1', Группа: 'Актау, группа 1', Возраст: '35', 'Лет в городе': 'С рождения' }];
    expect(validateRoster(rows, { groups }).participants[0].attributes.yearsInCity).toBe('35');
  });

  it('reports missing label and group columns on row 1', () => {
    const result = validateRoster([{ Имя: 'Айгерим', Возраст: '30' }], { groups });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.row)).toEqual([1, 1]);
    expect(result.problems[0].message).toMatch(/^no participant label column/);
    expect(result.problems[1].message).toMatch(/^no group column/);
  });

  it('uses the only group when there is no group column', () => {
    const result = validateRoster([{ Label: 'P1' }], { groups: ['Тараз, группа 1'] });
    expect(result).toEqual({ ok: true, participants: [{ label: 'P1', group: 'Тараз, группа 1', row: 2, attributes: {} }], problems: [] });
  });

  it('reports two columns for one field, and an empty roster', () => {
    const result = validateRoster([{ Label: 'P1', Code: 'X', Group: 'Актау, группа 1' }], { groups });
    expect(result.problems).toEqual([{ row: 1, column: 'Code', message: 'two columns give the participant label: "Label" and "Code"' }]);
    expect(validateRoster([], { groups: ['A'] }).problems).toEqual([{ row: 1, message: expect.stringMatching(/^no participant label column/) }]);
    expect(validateRoster([{ Label: '' }], { groups: ['A'] })).toEqual({ ok: false, participants: [], problems: [{ row: 1, message: 'the roster has no participants' }] });
  });
});

describe('headerKey', () => {
  it('ignores case, ё and punctuation', () => {
    expect(headerKey('  Фокус-Группа ')).toBe('фокус группа');
    expect(headerKey('Age (years)')).toBe('age years');
    expect(headerKey('Живёт в городе, лет')).toBe('живет в городе лет');
  });
});
