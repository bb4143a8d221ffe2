import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { parseRoster, recordsToRoster } from './roster';
import { encodeUtf8, encodeWindows1251, fixture } from './testing';
import { cellText } from './xlsx';

describe('parseRoster', () => {
  it('reads the semicolon CSV fixture (UTF-8 with BOM)', async () => {
    const roster = await parseRoster(fixture('roster-ru.csv'), 'roster-ru.csv');
    expect(roster.columns).toEqual(['Код участника', 'Группа', 'Пол', 'Возраст', 'Образование', 'Лет в городе', 'Занятость']);
    expect(roster.rows).toHaveLength(6);
    expect(roster.rows[1]).toEqual({
      'Код участника': 'P2', 'Группа': 'Актау, группа 1', 'Пол': 'Ж', 'Возраст': '27', 'Образование': 'высшее', 'Лет в городе': '27', 'Занятость': 'частный сектор; фриланс',
    });
    expect(roster.rows[4]['Занятость']).toBe('студентка, "КГУ"');
  });

  it('reads a Windows-1251 comma-separated CSV, and UTF-8 without BOM', async () => {
    const text = 'Участник,Группа,Возраст\r\nP1,"Тараз, группа 2",33\r\n';
    const expected = { columns: ['Участник', 'Группа', 'Возраст'], rows: [{ 'Участник': 'P1', 'Группа': 'Тараз, группа 2', 'Возраст': '33' }] };
    expect(await parseRoster(encodeWindows1251(text), 'r.csv')).toEqual(expected);
    expect(await parseRoster(encodeUtf8(text), 'r.csv')).toEqual(expected);
  });

  it('reads the first sheet of the .xlsx fixture', async () => {
    const roster = await parseRoster(fixture('roster-kk.xlsx'), 'roster-kk.xlsx');
    expect(roster.columns).toEqual(['Қатысушы коды', 'Топ', 'Жынысы', 'Жасы', 'Білімі', 'Қалада тұрған жылы', 'Жұмыс']);
    expect(roster.rows).toHaveLength(4);
    expect(roster.rows[2]).toEqual({ 'Қатысушы коды': 'P3', 'Топ': 'Қызылорда, 1-топ', 'Жынысы': 'Ә', 'Жасы': '37', 'Білімі': 'жоғары', 'Қалада тұрған жылы': 'туғаннан', 'Жұмыс': '' });
  });

  it('reads formulas, dates and rich text from .xlsx cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Roster');
    ws.addRow(['Label', 'Age', 'Recruited', 'Note']);
    ws.addRow(['P1', { formula: '30+4', result: 34 }, new Date(Date.UTC(2024, 10, 14)), { richText: [{ text: 'Ақ' }, { text: 'тау', font: { bold: true } }] }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect((await parseRoster(bytes, 'r.xlsx')).rows).toEqual([{ Label: 'P1', Age: '34', Recruited: '2024-11-14', Note: 'Ақтау' }]);
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText({ text: 'egov.kz', hyperlink: 'https://egov.kz' })).toBe('egov.kz');
    expect(cellText(true)).toBe('true');
  });

  it('rejects unsupported, empty, corrupt and header-less files with the file named', async () => {
    await expect(parseRoster(encodeUtf8('x'), 'r.xls')).rejects.toThrow('r.xls: cannot import ".xls" files as a roster: old Excel 97–2003 files are not supported');
    await expect(parseRoster(encodeUtf8('x'), 'r.pdf')).rejects.toThrow(/r\.pdf: cannot import "\.pdf" files as a roster: use \.csv or \.xlsx/);
    await expect(parseRoster(new Uint8Array(), 'r.csv')).rejects.toThrow('r.csv: the file is empty');
    await expect(parseRoster(encodeUtf8('garbage'), 'r.xlsx')).rejects.toThrow('r.xlsx: is not a valid .xlsx file (not a zip archive)');
    await expect(parseRoster(zipSync({ 'a.txt': strToU8('x') }), 'r.xlsx')).rejects.toThrow('r.xlsx: is not an Excel workbook');
    await expect(parseRoster(encodeUtf8(';;\nP1;Актау;3'), 'r.csv')).rejects.toThrow('r.csv: row 1 should hold the column names, but it is empty');
  });
});

describe('recordsToRoster', () => {
  it('names blank and repeated headers, keeps inner blank rows, drops trailing ones', () => {
    const roster = recordsToRoster([['Код', '', 'Код', ''], ['P1', 'x', 'y'], [], ['P2', '', '', '', 'extra'], [''], ['', '']], 'r.csv');
    expect(roster.columns).toEqual(['Код', 'Column 2', 'Код (2)', 'Column 4', 'Column 5']);
    expect(roster.rows).toHaveLength(3);
    expect(roster.rows[1]).toEqual({ 'Код': '', 'Column 2': '', 'Код (2)': '', 'Column 4': '', 'Column 5': '' });
    expect(roster.rows[2]['Column 5']).toBe('extra');
  });
});
