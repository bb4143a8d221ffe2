import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../import/csv';
import { excerptsSheet, excerptsToCsv, excerptsToXlsx } from './excerpts-table';
import { sampleExport } from './testing';

function csvText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

describe('excerptsSheet', () => {
  it('has a row per excerpt with code path, quote, translations, participants, attributes, offsets, layer and memo', () => {
    const t = excerptsSheet(sampleExport());
    expect(t.header).toEqual([
      'Code', 'Quote', 'Translation (en)', 'Translator (en)', 'Translation (ru)', 'Translator (ru)', 'Attribution', 'Participants',
      'gender', 'age', 'education', 'Document', 'city', 'language', 'Turns', 'Start', 'End', 'Layer', 'Coder', 'Memo',
    ]);
    expect(t.rows[0]).toEqual([
      'Channels / e-Otinish', 'Мен әкімдікке e-Otinish арқылы жаздым 👍', 'I wrote to the akimat via e-Otinish 👍', 'Aigerim',
      'Я написала в акимат через e-Otinish 👍', 'Aigerim', '(Female, 34, Higher, Aktobe)', 'P3', 'Female', '34', 'Higher',
      'FG05 Aktobe', 'Aktobe', 'Kazakh', '4', 10, 50, 'consensus', 'Consensus', 'Good <quote> & "clear"',
    ]);
    // two speakers: labels and their differing values, in order
    expect(t.rows[1].slice(7, 11)).toEqual(['P1; P2', 'Male; Female', '52; 23', '; Secondary']);
    expect(t.rows[1][14]).toBe('7, 8');
  });

  it('writes number and date attributes as numbers and dates (what does not parse, and differing speakers, as text)', () => {
    const base = sampleExport();
    const data = sampleExport({
      attributes: [
        ...base.attributes.map((a) => (a.name === 'age' ? { ...a, type: 'number' } : a)),
        { scope: 'document', name: 'held', type: 'date' },
      ],
      excerpts: base.excerpts.map((e, i) => ({ ...e, documentAttributes: { ...e.documentAttributes, held: ['2024-11-05', '2024-02-30', ''][i] } })),
    });
    const t = excerptsSheet(data);
    const age = t.header.indexOf('age');
    const held = t.header.indexOf('held');
    expect(t.rows[0][age]).toBe(34);
    expect(t.rows[0][held]).toEqual(new Date(Date.UTC(2024, 10, 5)));
    expect(t.rows[1][age]).toBe('52; 23');
    expect(t.rows[1][held]).toBe('2024-02-30');
    expect(t.rows[2][held]).toBe('');
  });

  it('sets the chosen language beside the quote', () => {
    const t = excerptsSheet(sampleExport(), { language: 'en', context: true });
    expect(t.header.slice(0, 6)).toEqual(['Code', 'Quote', 'Quote (en)', 'Translator (en)', 'Translation (ru)', 'Translator (ru)']);
    expect(t.rows[0][2]).toBe('I wrote to the akimat via e-Otinish 👍');
    expect(t.rows[1][2]).toBe('');
    expect(t.header.slice(-2)).toEqual(['Context before', 'Context after']);
    expect(t.rows[0].slice(-2)).toEqual(['Moderator: Как вы обращаетесь к власти?', 'P4: А я — в Instagram.']);
  });
});

describe('excerptsToCsv', () => {
  it('starts with a BOM and reads back to the same cells, Cyrillic, line breaks and quotes intact', () => {
    const bytes = excerptsToCsv(sampleExport());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csvText(bytes).slice(1).replace(/\r\n/g, '\n'), 'x.csv');
    expect(rows).toHaveLength(4);
    expect(rows[1][1]).toBe('Мен әкімдікке e-Otinish арқылы жаздым 👍');
    expect(rows[2][1]).toBe('Пишу в Instagram акимата,\nпотом звоню');
    expect(rows[1][19]).toBe('Good <quote> & "clear"');
  });

  it('says so when nothing matches, still with its header', () => {
    const text = csvText(excerptsToCsv(sampleExport({ excerpts: [] })));
    expect(text.startsWith('\uFEFFCode,Quote,')).toBe(true);
    expect(text).toContain('No excerpts match this selection.');
  });
});

describe('excerptsToXlsx', () => {
  it('reads back with exceljs: the same cells, and an About sheet', async () => {
    const bytes = await excerptsToXlsx(sampleExport(), { language: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Excerpts', 'About']);
    const ws = wb.getWorksheet('Excerpts')!;
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(1).getCell(3).value).toBe('Quote (en)');
    expect(ws.getRow(2).getCell(2).value).toBe('Мен әкімдікке e-Otinish арқылы жаздым 👍');
    expect(ws.getRow(2).getCell(3).value).toBe('I wrote to the akimat via e-Otinish 👍');
    expect(ws.getRow(4).getCell(2).value).toBe('Сайлау — бұл <b>таңдау</b> & жауапкершілік');
    const about = wb.getWorksheet('About')!;
    const aboutText = about.getSheetValues().flat().join(' ');
    expect(aboutText).toContain('Political participation — FG «2024»');
    expect(aboutText).toContain('English');
  });

  it('writes a valid workbook saying it is empty', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await excerptsToXlsx(sampleExport({ excerpts: [] }))).slice().buffer);
    const ws = wb.getWorksheet('Excerpts')!;
    expect(ws.getRow(2).getCell(1).value).toBe('No excerpts match this selection.');
  });
});
