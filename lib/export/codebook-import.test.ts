import { describe, expect, it } from 'vitest';
import { writeQdc } from '../refi-qda';
import { zipOf } from '../refi-qda/test-support';
import { readCodebookFile } from './codebook-import';
import { codebookToRefiCodes } from './codebook-refi';
import { codebookToXlsx } from './codebook-table';

const enc = (s: string) => new TextEncoder().encode(s);

describe('readCodebookFile', () => {
  it('reads a .qdc', async () => {
    const qdc = writeQdc({
      codes: codebookToRefiCodes([
        { id: 1, parentId: null, name: 'Арналар', path: 'Арналар', depth: 0, color: '#112233', description: 'd', inclusion: 'i', exclusion: '', example: '', shortcut: null, archived: false, counts: [] },
        { id: 2, parentId: 1, name: 'eGov', path: 'Арналар / eGov', depth: 1, color: '#445566', description: '', inclusion: '', exclusion: '', example: '', shortcut: null, archived: false, counts: [] },
      ]),
    });
    const { rows, problems } = await readCodebookFile(qdc, 'book.qdc');
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.names)).toEqual([['Арналар'], ['Арналар', 'eGov']]);
    expect(rows[0]).toMatchObject({ description: 'd', inclusion: 'i', color: '#112233' });
  });

  it('reads a semicolon CSV written in windows-1251', async () => {
    const text = 'Path;Description\r\nКаналы;Обращения\r\nКаналы / Акимат;Приемная\r\n';
    const bytes = new Uint8Array([...text].map((ch) => {
      const c = ch.charCodeAt(0);
      return c >= 0x410 && c <= 0x44f ? c - 0x410 + 0xc0 : c;
    }));
    const { rows, problems } = await readCodebookFile(bytes, 'codes.csv');
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.names.join(' / '), r.description])).toEqual([['Каналы', 'Обращения'], ['Каналы / Акимат', 'Приемная']]);
  });

  it('reads an .xlsx', async () => {
    const bytes = await codebookToXlsx({
      projectName: 'x',
      generatedAt: new Date(0),
      countColumns: [],
      codes: [{ id: 1, parentId: null, name: 'Сайлау', path: 'Сайлау', depth: 0, color: '#000000', description: 'Elections', inclusion: '', exclusion: '', example: '', shortcut: 's', archived: false, counts: [] }],
    });
    const { rows } = await readCodebookFile(bytes, 'codes.xlsx');
    expect(rows).toEqual([{ row: 2, names: ['Сайлау'], description: 'Elections', color: '#000000', shortcut: 's' }]);
  });

  it('names problems instead of throwing: hostile XML, not a zip, an unknown extension, a broken CSV', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="11111111-1111-1111-1111-111111111111" name="&x;" isCodable="true"/></Codes></CodeBook>';
    expect((await readCodebookFile(enc(xxe), 'evil.qdc')).problems[0].message).toMatch(/DOCTYPE|entit/i);
    expect((await readCodebookFile(enc('not a zip'), 'p.qdpx')).problems.length).toBeGreaterThan(0);
    expect((await readCodebookFile(zipOf({ 'a.txt': 'x' }), 'p.qdpx')).problems[0].message).toMatch(/project\.qde/);
    expect((await readCodebookFile(enc('x'), 'codes.pdf')).problems[0].message).toMatch(/\.qdc, \.qdpx/);
    expect((await readCodebookFile(enc('Path\n"unterminated'), 'c.csv')).problems[0].message).toMatch(/c\.csv/);
  });
});
