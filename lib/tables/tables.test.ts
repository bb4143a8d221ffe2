import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetToCsv } from './csv';
import { looksLikeFormula } from './formula-guard';
import { sheetsToXlsx } from './xlsx';

describe('the formula guard', () => {
  it.each(['=1+1', '=HYPERLINK("http://x","y")', '+7 701', '@SUM(A1)', '\t=1', '\r=1', '-1*A1 (shown as a quote)', "-2+3+cmd|' /C calc'!A0", '-5'])('guards %j', (s) => {
    expect(looksLikeFormula(s)).toBe(true);
  });

  it.each(['- Да, пишу в акимат (иногда)', '— Иә, солай', '—Жоқ', '-- ну', 'Обычный текст', '', '1+1', ' =1'])('leaves %j alone', (s) => {
    expect(looksLikeFormula(s)).toBe(false);
  });
});

describe('sheetToCsv', () => {
  it('guards text cells (header, rows) but not numbers; notes are # comment lines before the header', () => {
    const csv = sheetToCsv({ name: 'x', header: ['=code', 'n'], rows: [['-1*A1', -1], ['@x', 2]], notes: [['+Layer', '=1'], ['Filter', 'a\r\nb']] });
    expect(csv).toBe("\uFEFF# +Layer: =1\r\n# Filter: a b\r\n'=code,n\r\n'-1*A1,-1\r\n'@x,2\r\n");
  });

  it("quotes a cell holding # so that R's comment.char never cuts a row", () => {
    expect(sheetToCsv({ name: 'x', header: ['a#', 'b'], rows: [['#1', 2]] })).toBe('\uFEFF"a#",b\r\n"#1",2\r\n');
  });

  it('writes ; with a decimal comma, quoting ; but not ,', () => {
    const csv = sheetToCsv({ name: 'x', header: ['a', 'b'], rows: [['x;y, z', 1.5], ['w', -0.25]], notes: [['Layer', 'Consensus']] }, { separator: ';' });
    expect(csv).toBe('\uFEFF# Layer: Consensus\r\na;b\r\n"x;y, z";1,5\r\nw;-0,25\r\n');
  });

  it('quotes what RFC 4180 needs quoted, writes dates as YYYY-MM-DD and an empty note when there are no rows', () => {
    expect(sheetToCsv({ name: 'x', header: ['a', 'b'], rows: [['Иә, "солай"', new Date(Date.UTC(2024, 10, 5))], [' padded', Number.NaN]] })).toBe(
      '\uFEFFa,b\r\n"Иә, ""солай""",2024-11-05\r\n" padded",\r\n',
    );
    expect(sheetToCsv({ name: 'x', header: ['a'], rows: [], emptyNote: 'Nothing matches.' })).toBe('\uFEFFa\r\n# Nothing matches.\r\n');
  });
});

describe('sheetsToXlsx', () => {
  it('stores numbers as numbers, dates as dates and formula-like text as text, with print setup', async () => {
    const bytes = await sheetsToXlsx([
      { name: 'Cases: one/two', header: ['Label', 'Age', 'Date', 'Note'], rows: [['P1', 34, new Date(Date.UTC(2024, 10, 5)), '=1+1']] },
      { name: 'Cases: one/two', header: ['x'], rows: [] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    const [ws, second] = wb.worksheets;
    expect(ws.name).toBe('Cases  one two');
    expect(second.name).toBe('Cases  one two 2');
    const row = ws.getRow(2);
    expect(row.getCell(2).value).toBe(34);
    expect(row.getCell(3).value).toBeInstanceOf(Date);
    expect((row.getCell(3).value as Date).toISOString().slice(0, 10)).toBe('2024-11-05');
    expect(row.getCell(4).value).toBe('=1+1');
    expect(row.getCell(4).formula).toBeUndefined();
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.getRow(1).font?.bold).toBe(true);
  });
});
