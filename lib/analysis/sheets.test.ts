import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetToCsv } from '../tables/csv';
import { compileFilter } from './filter';
import { computeFrequencies } from './frequencies';
import { buildCodingSet } from './model';
import { caseMatrixSheet, cooccurrencePairsSheet, frequencySheet, typedAttributeValue } from './sheets';
import { computeCaseMatrix } from './case-matrix';
import { computeCooccurrence } from './cooccurrence';
import { FIXTURE_ATTRIBUTES, fixtureCodings, fixtureModel } from './test-fixture';
import { EMPTY_FILTER } from './types';
import { sheetsToXlsx } from '../tables/xlsx';

function fixtureTable() {
  const model = fixtureModel();
  return computeFrequencies(model, buildCodingSet(model, fixtureCodings(['consensus']), false), {
    columns: { kind: 'attribute', attribute: FIXTURE_ATTRIBUTES[1] },
    split: null,
    rollup: true,
    subtree: null,
    filter: compileFilter(model, EMPTY_FILTER),
  });
}

describe('CSV', () => {
  it('starts with a BOM, quotes what needs quoting and defuses formulas but not dialogue dashes', () => {
    const csv = sheetToCsv({ name: 'x', header: ['a', 'b'], rows: [['Иә, "солай"', 1.5], ['=HYPERLINK("x")', null], ['- Да', '-1+2']], notes: [['Layer', 'Consensus']] });
    expect(csv).toBe('\uFEFF# Layer: Consensus\r\na,b\r\n"Иә, ""солай""",1.5\r\n"\'=HYPERLINK(""x"")",\r\n- Да,\'-1+2\r\n');
  });

  it('writes the frequency table with its denominators, the measure and the layer', () => {
    const csv = sheetToCsv(frequencySheet(fixtureTable(), 'percent', [['Layer', 'Consensus']]));
    const all = csv.slice(1).split('\r\n');
    // The notes come first, as # comment lines; then only the table.
    expect(all.slice(0, 3)).toEqual(['# Measure: % of participants in the column', '# Layer: Consensus', '# Totals: distinct codings, participants and documents (not the sum of the cells)']);
    const lines = all.slice(3);
    expect(lines[0]).toBe('Code,Code path,Female,Male,(missing),(no participant),Total');
    // Channels rolled up: Female P1, P3 of 2; Male P2, P4 of 2; missing P5 of 1; total 5/5
    expect(lines[1]).toBe('Channels (incl. subcodes),Channels,100,100,100,,100');
    expect(lines[2]).toBe('Akimat,Channels / Akimat,100,50,0,,60');
    expect(lines).toContain('Participants (denominator),,2,2,1,0,5');
    expect(lines.some((l) => l.startsWith('#'))).toBe(false);
  });

  it('lists co-occurring pairs', () => {
    const model = fixtureModel();
    const m = computeCooccurrence(model, buildCodingSet(model, fixtureCodings(['consensus']), false), { mode: 'overlap', subtree: null, filter: compileFilter(model, EMPTY_FILTER) });
    const lines = sheetToCsv(cooccurrencePairsSheet(m, [])).slice(1).split('\r\n');
    expect(lines[0]).toBe('# Co-occurrence: codings overlap');
    expect(lines[1]).toBe('Code A,Code B,Count,Jaccard');
    expect(lines).toContain('Channels / Akimat,Elections,1,0.4');
  });
});

describe('XLSX', () => {
  it('reads back with the same header, numbers as numbers, and the notes on their own sheet', async () => {
    const bytes = await sheetsToXlsx([frequencySheet(fixtureTable(), 'segments', [['Layer', 'Consensus']])]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    const ws = wb.getWorksheet('Frequencies')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Code', 'Code path', 'Female', 'Male', '(missing)', '(no participant)', 'Total']);
    expect(ws.getRow(3).getCell(1).value).toBe('Akimat');
    expect(ws.getRow(3).getCell(3).value).toBe(3);
    const texts: string[] = [];
    ws.eachRow((r) => texts.push(String(r.getCell(1).value)));
    expect(texts).not.toContain('Layer');
    const notes = wb.getWorksheet('Notes')!;
    expect(notes.getRow(1).values).toEqual([undefined, 'Note', 'Value']);
    expect(notes.getRow(3).values).toEqual([undefined, 'Layer', 'Consensus']);
  });
});

describe('typed attribute values', () => {
  const attrs = [
    { id: 1, name: 'age', scope: 'participant' as const, type: 'number' as const, values: [], bins: [], private: false },
    { id: 2, name: 'session', scope: 'participant' as const, type: 'date' as const, values: [], bins: [], private: false },
    { id: 3, name: 'gender', scope: 'participant' as const, type: 'category' as const, values: ['Female'], bins: [], private: false },
  ];
  const value = typedAttributeValue(attrs, 'participant');

  it('makes numbers of number attributes and dates of date attributes, leaving the rest text', () => {
    expect(value('age', '34')).toBe(34);
    expect(value('age', '2,5')).toBe(2.5);
    expect(value('age', 'about 30')).toBe('about 30');
    expect(value('age', undefined)).toBe(null);
    expect((value('session', '2024-11-05') as Date).toISOString()).toBe('2024-11-05T00:00:00.000Z');
    expect(value('session', '2024-02-30')).toBe('2024-02-30');
    expect(value('gender', '1')).toBe('1');
  });

  it('stores age as a number in the XLSX case matrix', async () => {
    const model = fixtureModel();
    const m = computeCaseMatrix(model, buildCodingSet(model, fixtureCodings(['consensus']), false), { subtree: null, rollup: false, filter: compileFilter(model, EMPTY_FILTER) });
    const bytes = await sheetsToXlsx([caseMatrixSheet(m, [['Layer', 'Consensus']], {}, typedAttributeValue(FIXTURE_ATTRIBUTES, 'participant'))]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    const ws = wb.getWorksheet('Case matrix')!;
    expect(ws.getRow(1).getCell(4).value).toBe('age');
    expect(ws.getRow(2).getCell(4).value).toBe(25);
    expect(ws.getRow(4).getCell(4).value).toBe(null);
  });
});
