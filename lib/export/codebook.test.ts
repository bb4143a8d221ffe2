import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readQdc, writeQdc } from '../refi-qda';
import { parseCsv } from '../import/csv';
import { packDefinition, unpackDefinition, type CodebookExport } from './codebook';
import { codebookToDocx } from './codebook-docx';
import { codebookToRefiCodes, refiCodesToRows } from './codebook-refi';
import { codebookToCsv, codebookToXlsx, readCodebookRecords } from './codebook-table';
import { docxParagraphs } from './testing';

const BOOK: CodebookExport = {
  projectName: 'Demo',
  generatedAt: new Date('2025-01-01T00:00:00Z'),
  countColumns: ['Consensus', 'Aigerim'],
  codes: [
    { id: 1, parentId: null, name: 'Channels', path: 'Channels', depth: 0, color: '#1F77B4', description: 'Ways to the state', inclusion: '', exclusion: '', example: '', shortcut: null, archived: false, counts: [3, 5] },
    {
      id: 2, parentId: 1, name: 'e-Otinish', path: 'Channels / e-Otinish', depth: 1, color: '#D62728', description: 'Онлайн-өтініш',
      inclusion: 'Names the portal', exclusion: 'Phone calls\nand letters', example: '«Жаздым e-Otinish арқылы»', shortcut: 'e', archived: false, counts: [1, 2],
    },
    { id: 3, parentId: null, name: 'Old', path: 'Old', depth: 0, color: '#888888', description: '', inclusion: '', exclusion: '', example: '', shortcut: null, archived: true, counts: [0, 0] },
  ],
};

describe('packDefinition / unpackDefinition', () => {
  it('carries criteria and example through one description', () => {
    const d = { description: 'Онлайн-өтініш', inclusion: 'Names the portal', exclusion: 'Phone calls\nand letters', example: 'Жаздым' };
    expect(packDefinition(d)).toBe('Онлайн-өтініш\n\nInclusion: Names the portal\n\nExclusion: Phone calls\nand letters\n\nExample: Жаздым');
    expect(unpackDefinition(packDefinition(d))).toEqual(d);
    expect(unpackDefinition('Just a description.\r\nSecond line')).toEqual({ description: 'Just a description.\nSecond line', inclusion: '', exclusion: '', example: '' });
    expect(unpackDefinition('Inclusion: only this')).toEqual({ description: '', inclusion: 'only this', exclusion: '', example: '' });
  });

  it('round-trips any trimmed texts', () => {
    const text = fc.string({ maxLength: 30 }).map((s) => s.replace(/\r/g, '').trim());
    fc.assert(
      fc.property(fc.record({ description: text, inclusion: text, exclusion: text, example: text }), (d) => {
        // a description that itself contains a labelled paragraph is ambiguous by design
        fc.pre(!/\n\n(Inclusion|Exclusion|Example): /.test(`\n\n${Object.values(d).join('\n\n')}`));
        expect(unpackDefinition(packDefinition(d))).toEqual(d);
      }),
    );
  });
});

describe('codebook as .qdc', () => {
  it('writes a codebook that reads back to the same paths, colours and definitions', () => {
    const bytes = writeQdc({ codes: codebookToRefiCodes(BOOK.codes) });
    const rows = refiCodesToRows(readQdc(bytes).codebook.codes);
    expect(rows.map((r) => r.names.join(' / '))).toEqual(['Channels', 'Channels / e-Otinish', 'Old']);
    expect(rows[1]).toMatchObject({ description: 'Онлайн-өтініш', inclusion: 'Names the portal', exclusion: 'Phone calls\nand letters', example: '«Жаздым e-Otinish арқылы»', color: '#D62728' });
  });
});

describe('codebook as a table', () => {
  it('writes CSV with a BOM that reads back as import rows', () => {
    const bytes = codebookToCsv(BOOK);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(new TextDecoder().decode(bytes).replace(/\r\n/g, '\n'), 'c.csv');
    expect(records[0]).toEqual(['Path', 'Name', 'Description', 'Inclusion', 'Exclusion', 'Example', 'Colour', 'Shortcut', 'Archived', 'Codings: Consensus', 'Codings: Aigerim']);
    expect(records[2].slice(-2)).toEqual(['1', '2']);
    const { rows, problems } = readCodebookRecords(records);
    expect(problems).toEqual([]);
    expect(rows[1]).toMatchObject({ row: 3, names: ['Channels', 'e-Otinish'], exclusion: 'Phone calls\nand letters', shortcut: 'e', color: '#D62728' });
  });

  it('writes XLSX that exceljs reads back', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await codebookToXlsx(BOOK)).slice().buffer);
    const ws = wb.getWorksheet('Codebook')!;
    expect(ws.getRow(3).getCell(1).value).toBe('Channels / e-Otinish');
    expect(ws.getRow(3).getCell(3).value).toBe('Онлайн-өтініш');
  });

  it('keeps names that contain the separator whole', () => {
    const { rows, problems } = readCodebookRecords(
      [
        ['Path', 'Name'],
        ['Channels', 'Channels'],
        ['Channels / e-Otinish / eGov', 'e-Otinish / eGov'],
        ['Channels / e-Otinish / eGov / Complaints', 'Complaints'],
        ['Known / With / Slash / Child', ''],
        ['Channels / e-Otinish / eGov / Replies', ''],
      ],
      [['Known', 'With / Slash']],
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.names)).toEqual([
      ['Channels'],
      ['Channels', 'e-Otinish / eGov'],
      ['Channels', 'e-Otinish / eGov', 'Complaints'],
      ['Known', 'With / Slash', 'Child'],
      ['Channels', 'e-Otinish / eGov', 'Replies'],
    ]);
  });

  it('names a problem per row and reads Name + Parent columns', () => {
    const { rows, problems } = readCodebookRecords([
      ['Name', 'Parent', 'Description'],
      ['Channels', '', ''],
      ['', '', 'orphan description'],
      ['eGov', 'Channels', 'Portal'],
      ['EGOV', 'channels', 'again'],
      ['x', 'Channels /  / y', ''],
      ['', '', ''],
    ]);
    expect(rows.map((r) => r.names)).toEqual([['Channels'], ['Channels', 'eGov']]);
    expect(problems.map((p) => p.message)).toEqual([
      'Row 3: no code path or name',
      'Row 5: the code "Channels / EGOV" is already on row 4',
      'Row 6: the path "Channels /  / y / x" has an empty name in it',
    ]);
    expect(readCodebookRecords([['Code name?', 'x']]).problems[0].message).toMatch(/neither a "Path" nor a "Name"/);
    expect(readCodebookRecords([]).problems[0].message).toBe('The file is empty');
  });
});

describe('codebookToDocx', () => {
  it('writes a heading per code with its definition, example and counts', async () => {
    const ps = docxParagraphs(await codebookToDocx(BOOK));
    expect(ps.filter((p) => p.style.startsWith('Heading')).map((p) => `${p.style}|${p.text}`)).toEqual([
      'Heading1|Channels',
      'Heading2|Channels / e-Otinish',
      'Heading1|Old (archived)',
    ]);
    const texts = ps.map((p) => p.text);
    expect(texts).toContain('Description: Онлайн-өтініш');
    expect(texts).toContain('Include when: Names the portal');
    expect(texts).toContain('Exclude when: Phone calls\nand letters');
    expect(ps).toContainEqual({ style: 'Quote', text: '«Жаздым e-Otinish арқылы»' });
    expect(texts).toContain('Codings: Consensus: 1; Aigerim: 2');
  });

  it('says so when the codebook is empty', async () => {
    expect(docxParagraphs(await codebookToDocx({ ...BOOK, codes: [] })).map((p) => p.text)).toContain('The codebook is empty.');
  });
});
