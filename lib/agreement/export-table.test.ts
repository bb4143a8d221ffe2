import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { agreementRows, agreementSheets, TIDY_COLUMNS } from './export-table';
import { sheetToCsv } from '../tables/csv';
import { agreementSummary } from './summary';
import { syntheticStudy } from './synthetic';
import { sheetsToXlsx } from '../tables/xlsx';

const input = syntheticStudy({ documents: 2, turns: 40, codes: 3, coders: 2, seed: 11 });
input.codes = [...input.codes!, 'unused'];
const summary = agreementSummary(input, { bootstrap: { samples: 20, seed: 1 } });
const names = { coder: (id: string) => `Coder "${id}"`, code: (id: string) => `Code, ${id}`, document: (id: string | undefined) => `Doc ${id}` };
const settings = { thresholdPercent: 90, samples: 20, seed: 1 };

describe('agreementRows', () => {
  const rows = agreementRows(summary, names, settings);

  it('has one value per row in the tidy columns, with flags instead of numbers where undefined', () => {
    expect(rows.every((r) => r.length === TIDY_COLUMNS.length)).toBe(true);
    const unused = rows.find((r) => r[0] === 'turn' && r[1] === 'code' && r[2] === 'Code, unused' && r[6] === 'alpha')!;
    expect(unused[7]).toBeNull();
    expect(unused[11]).toBe('no-variation');
    const codings = rows.find((r) => r[0] === 'meta' && r[2] === 'Code, unused')!;
    expect(codings.slice(6, 8)).toEqual(['codings', 0]);
    const pooled = rows.find((r) => r[0] === 'turn' && r[1] === 'pooled' && r[6] === 'alpha')!;
    expect(pooled[7]).toBeCloseTo(summary.report.turn.pooled.alpha, 6);
    expect(pooled[8]).not.toBeNull(); // the bootstrap interval
  });

  it('writes CSV that quotes commas and quotes, with a BOM and CRLF', () => {
    const csv = sheetToCsv({ name: 'Agreement', header: TIDY_COLUMNS, rows });
    expect(csv.startsWith('\uFEFFlevel,scope,code,')).toBe(true);
    expect(csv).toContain('"Code, unused"');
    expect(csv).toContain('"Coder ""coder-1"""');
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
  });

  it('guards code, coder and document names a spreadsheet would run as formulas', () => {
    const hostile = { coder: (id: string) => `=cmd|'${id}'`, code: (id: string) => `@${id}`, document: (id: string | undefined) => `-1*A1 ${id}` };
    const csv = sheetToCsv({ name: 'Agreement', header: TIDY_COLUMNS, rows: agreementRows(summary, hostile, settings) });
    const cells = csv.split('\r\n').flatMap((line) => line.split(','));
    expect(cells.some((c) => c.startsWith("'@"))).toBe(true);
    expect(cells.some((c) => c.startsWith("'=cmd"))).toBe(true);
    expect(cells.some((c) => c.startsWith("'-1*A1"))).toBe(true);
    expect(cells.filter((c) => /^[=@]|^-1\*/.test(c))).toEqual([]);
  });
});

describe('agreementSheets and sheetsToXlsx', () => {
  it('write a workbook that reads back', async () => {
    const sheets = agreementSheets(summary, names, settings);
    const bytes = await sheetsToXlsx(sheets, { title: 'Agreement' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'By code', 'Cohen kappa', 'By document', 'By coder pair', 'Segments']);
    const byCode = wb.getWorksheet('By code')!;
    expect(byCode.getRow(1).getCell(1).value).toBe('Code');
    expect(byCode.rowCount).toBe(1 + summary.report.codes.length);
    const last = byCode.getRow(byCode.rowCount);
    expect(last.getCell(1).value).toBe('Code, unused');
    expect(last.getCell(2).value).toBe(0);
    expect(last.getCell(5).value).toBeNull(); // α undefined: an empty cell
  });
});

describe('the unitizing section and training rounds in the exports', () => {
  const withU = agreementSummary(input, {
    bootstrap: { samples: 20, seed: 1 },
    unitized: true,
    rounds: [{ id: '1', name: 'Round 1', documents: [input.documents[0].id!] }],
  });
  const rows = agreementRows(withU, names, settings);
  const find = (level: string, scope: string, statistic: string, code = '') => rows.find((r) => r[0] === level && r[1] === scope && r[6] === statistic && r[2] === code);

  it('writes αu, α-binary, cu-α and Cu-α with intervals, and each round’s α as tidy rows', () => {
    expect(rows.every((r) => r.length === TIDY_COLUMNS.length)).toBe(true);
    const u = withU.unitized!;
    expect(find('unitized', 'pooled', 'alpha_u')![7]).toBeCloseTo(u.alphaU.overall.alpha!, 6);
    expect(find('unitized', 'pooled', 'alpha_u')![8]).toBeCloseTo(u.alphaUCi!.overall.low!, 6);
    expect(find('unitized', 'pooled', 'alpha_u_observed_disagreement')![7]).toBeCloseTo(u.alphaU.overall.observed!, 6);
    const code = u.alphaU.byCode[0];
    expect(find('unitized', 'code', 'alpha_u', names.code(code.codeId))![7]).toBeCloseTo(code.alpha!, 6);
    expect(find('unitized', 'code', 'alpha_binary', names.code(code.codeId))).toBeDefined();
    expect(find('unitized', 'global', 'Cu_alpha')).toBeDefined();
    expect(rows.filter((r) => r[6] === 'cu_alpha')).toHaveLength(u.family.byDomain.length);
    const round = rows.find((r) => r[0] === 'turn' && r[1] === 'round' && r[6] === 'alpha')!;
    expect(round[12]).toBe('Round 1');
    expect(round[7]).toBeCloseTo(withU.rounds[0].turn.alpha, 6);
    expect(rows.find((r) => r[0] === 'unitized' && r[1] === 'round')![7]).toBeCloseTo(withU.rounds[0].unitized!.overall.alpha!, 6);
    // without the switch there is no unitizing row
    expect(agreementRows(summary, names, settings).some((r) => r[0] === 'unitized')).toBe(false);
  });

  it('adds Unitized and By round sheets to the workbook, numbers as numbers', async () => {
    const sheets = agreementSheets(withU, names, settings);
    expect(sheets.map((s) => s.name).slice(-2)).toEqual(['Unitized', 'By round']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sheetsToXlsx(sheets)).slice().buffer);
    const unitized = wb.getWorksheet('Unitized')!;
    expect(unitized.getRow(2).getCell(1).value).toBe('αu');
    expect(unitized.getRow(2).getCell(6).value).toBeCloseTo(withU.unitized!.alphaU.overall.alpha!, 6);
    const byRound = wb.getWorksheet('By round')!;
    expect(byRound.getRow(2).getCell(1).value).toBe('Round 1');
    expect(typeof byRound.getRow(2).getCell(5).value).toBe('number');
  });
});
