import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insideWord } from './detect';
import { RefiImportError } from './problems';
import { readProjectFile, readQde, readQdpx } from './read';
import { sharedFile } from './test-support';
import { flattenCodes, type RefiCode, type RefiSource } from './types';

const depth = (codes: RefiCode[]): number => (codes.length === 0 ? 0 : 1 + Math.max(...codes.map((c) => depth(c.children))));
const quotes = (s: RefiSource) => s.selections.map((x) => s.text.slice(x.start, x.end));
const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const codingCount = (s: RefiSource) => s.selections.reduce((n, x) => n + x.codeGuids.length, 0);

describe('sample-semey.qdpx (hand-written: CRLF, Kazakh, an emoji)', () => {
  const { project, problems, readings } = readQdpx(sharedFile('sample-semey.qdpx'));
  const source = project.sources[0];

  it('reads users, the two-level codebook, variables and cases', () => {
    expect(project.name).toBe('Sample: Semey group 1');
    expect(project.origin).toBe('hand-written sample');
    expect(project.users).toEqual([
      { guid: 'a26e9938-0a59-4fda-ae83-7f3462d68fb8', name: 'coder1' },
      { guid: '0a474f49-f294-4724-96f9-dc5b8b12fbd2', name: 'coder2' },
    ]);
    expect(flattenCodes(project.codes)).toHaveLength(4);
    expect(depth(project.codes)).toBe(2);
    const [channels, instagram] = project.codes;
    expect(channels).toMatchObject({ name: 'Channels to authorities', color: '#1F77B4', description: 'Any way participants contact the state.' });
    expect(channels.children.map((c) => c.name)).toEqual(['e-Otinish / eGov', 'Collective appeals']);
    expect(instagram).toMatchObject({ name: 'Information sources: Instagram', color: '#2CA02C', children: [] });
    expect(project.variables).toEqual([
      { guid: '88c263a2-eea6-482d-a78b-573cccd7acb4', name: 'gender', type: 'Text' },
      { guid: '67b7c3dd-0e64-4248-9f0b-ac085899b2e0', name: 'age', type: 'Integer' },
    ]);
    expect(project.cases.map((c) => [c.name, c.variableValues.map((v) => v.value), c.sourceGuids])).toEqual([
      ['P1', ['female', 34], [source.guid]],
      ['P2', ['male', 52], [source.guid]],
    ]);
  });

  it('reads the text as LF and detects code points with CRLF as one', () => {
    expect(source.name).toBe('Semey group 1');
    expect(source.text).not.toContain('\r');
    expect(source.text.startsWith('Модератор: Через какие каналы')).toBe(true);
    expect(readings).toHaveLength(1);
    expect(readings[0]).toMatchObject({ reading: { unit: 'codePoint', crlf: 'one' }, basis: 'score', selections: 5, fitted: 5 });
    expect(problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('gives every selection its exact quote, code and coder', () => {
    const coder1 = 'a26e9938-0a59-4fda-ae83-7f3462d68fb8';
    const coder2 = '0a474f49-f294-4724-96f9-dc5b8b12fbd2';
    const code = (name: string) => flattenCodes(project.codes).find((c) => c.name === name)?.guid;
    expect(source.selections.map((s) => [source.text.slice(s.start, s.end), s.codeGuids, s.creatingUserGuid])).toEqual([
      ['e-Otinish, там отвечают за пару недель', [code('e-Otinish / eGov')], coder1],
      ['Пишу в e-Otinish', [code('e-Otinish / eGov')], coder2],
      ['Instagram арқылы, әкімдіктің парақшасына жазамыз 👍', [code('Information sources: Instagram')], coder1],
      ['Коллективное обращение сильнее', [code('Collective appeals')], coder1],
      ['Коллективное обращение сильнее, одному ничего не добиться.', [code('Collective appeals')], coder2],
    ]);
  });
});

// The two NVivo exports are the same project on two platforms. Their public YouTube comments
// stay in shared/: quotes are checked by hash and against each other, never copied here.
describe('real/nvivo12.6-windows_oltas.qdpx (BOM, CRLF, UTF-16 positions, Sources/)', () => {
  const { project, problems, readings } = readQdpx(sharedFile('real/nvivo12.6-windows_oltas.qdpx'));
  const source = project.sources[0];

  it('reads 60 codes on 3 levels, 2 users, 1 source', () => {
    expect(project.origin).toBe('NVivo for Windows 12.6');
    expect(flattenCodes(project.codes)).toHaveLength(60);
    expect(depth(project.codes)).toBe(3);
    expect(project.users.map((u) => u.name)).toEqual(['Gergo', 'floriansipos']);
    expect(project.sources).toHaveLength(1);
    expect(source.name).toBe('videos_selection');
    expect(source.text).toHaveLength(621113);
    expect(source.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(source.text).not.toContain('\r');
  });

  it('detects UTF-16 units with CRLF as two, all 97 selections fitting', () => {
    expect(readings[0]).toMatchObject({ reading: { unit: 'utf16', crlf: 'two' }, basis: 'score', selections: 97, fitted: 97 });
    expect(problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('merges 97 one-coding selections into 20 ranges, keeping every coding and the coder', () => {
    expect(source.selections).toHaveLength(20);
    expect(codingCount(source)).toBe(97);
    expect(source.selections.reduce((n, s) => n + 1 + (s.mergedGuids?.length ?? 0), 0)).toBe(97);
    expect(new Set(source.selections.map((s) => s.creatingUserGuid))).toEqual(new Set(['f93ad076-5ca1-4f46-abf4-b4b67130a6e2']));
    const first = source.selections[0];
    expect(first).toMatchObject({ guid: 'fd960901-8191-4db1-a3dd-a91626d56c4b', start: 220, end: 396 });
    expect(first.codeGuids).toHaveLength(5);
    expect(sha(source.text.slice(first.start, first.end))).toBe('87275db71de1a587');
    for (const s of source.selections) {
      expect(insideWord(source.text, s.start) || insideWord(source.text, s.end)).toBe(false);
    }
  });

  it('places every quote exactly where the Mac export of the same text has it', () => {
    const mac = readQdpx(sharedFile('real/nvivo12.7-mac_oltas-17june.qdpx')).project.sources[0];
    expect(mac.name).toBe(source.name);
    for (const s of source.selections) expect(mac.text.slice(s.start, s.end)).toBe(source.text.slice(s.start, s.end));
  });
});

describe('real/nvivo12.7-mac_oltas-17june.qdpx (LF, UTF-16 positions, stored entries, sources/.root)', () => {
  const { project, problems, readings } = readQdpx(sharedFile('real/nvivo12.7-mac_oltas-17june.qdpx'));
  const [plain, coded] = project.sources;

  it('reads 152 codes on 4 levels, 2 users, 2 sources', () => {
    expect(project.origin).toBe('NVivo for Mac 12.7.0');
    expect(flattenCodes(project.codes)).toHaveLength(152);
    expect(depth(project.codes)).toBe(4);
    expect(flattenCodes(project.codes).filter((c) => c.color).map((c) => c.color)).toEqual(['#00FF7F']);
    expect(project.users.map((u) => u.name)).toEqual(['floriansipos', 'Gergo']);
    expect(project.sources.map((s) => [s.name, s.text.length, s.selections.length])).toEqual([
      ['videos_selection', 621114, 0],
      ['videos_10_selected', 586110, 187],
    ]);
  });

  it('detects UTF-16 units; 294 of 297 selections fit, the other 3 are reported by guid', () => {
    expect(readings[1]).toMatchObject({ reading: { unit: 'utf16' }, basis: 'score', matters: { unit: true, crlf: false }, selections: 297, fitted: 294 });
    expect(readings[0].basis).toBe('preference'); // no selections
    const misfits = problems.filter((p) => p.kind === 'selection-fits-no-reading');
    expect(misfits.map((p) => p.guid).sort()).toEqual(['1a183122-8760-40d6-bde7-66e60859ea32', '2dd43e04-cb13-4061-8ec0-68fc44327ea4', 'b24e057b-3792-442f-a6c6-f8944517809e']);
    expect(misfits.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('keeps all 297 codings on 187 ranges', () => {
    expect(codingCount(coded)).toBe(297);
    expect(plain.selections).toEqual([]);
    expect(sha(quotes(coded).join('\u0000'))).toBe('7da9067c0994a916');
  });

  it('shares 15 of the Windows export’s 20 quotes verbatim', () => {
    const win = readQdpx(sharedFile('real/nvivo12.6-windows_oltas.qdpx')).project.sources[0];
    const macQuotes = new Set(quotes(coded));
    expect(quotes(win).filter((q) => macQuotes.has(q))).toHaveLength(15);
  });
});

describe('real/atlasti8.4-mac_refi-standard-project.qde (bare XML, text files absent)', () => {
  const bytes = sharedFile('real/atlasti8.4-mac_refi-standard-project.qde');
  const missing = ['1960s Coca Cola commercial - Audio.docx', '1960s Coca Cola commercial - Visual.docx', '1994 Diet Coke-Diet Coke Break.docx', 'Mabêl 2ième.txt', 'Mabel.txt', 'Simon.docx'];

  it('is not a zip, so readQdpx refuses it; readProjectFile reads it as a .qde', () => {
    expect(() => readQdpx(bytes)).toThrow(/not a zip/);
    expect(() => readProjectFile(bytes)).toThrow(RefiImportError);
  });

  it('names every missing source file', () => {
    let error: unknown;
    try {
      readQde(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RefiImportError);
    const message = (error as Error).message.normalize('NFC'); // ATLAS.ti on macOS writes names decomposed
    for (const name of missing) expect(message).toContain(`"${name}"`);
    expect((error as RefiImportError).problems.filter((p) => p.kind === 'missing-source-file')).toHaveLength(6);
  });

  it('with onUnplaceable "omit", yields codebook, users and notes, listing what it left out', () => {
    const { project, problems } = readQde(bytes, { onUnplaceable: 'omit' });
    expect(flattenCodes(project.codes)).toHaveLength(14);
    expect(project.codes.find((c) => c.name === 'milk')?.color).toBeUndefined();
    expect(project.codes.find((c) => c.name === 'cornflakes')).toMatchObject({ color: '#DC0000', description: 'breakfast cereal made by Kellogg’s' });
    expect(project.codes.find((c) => c.name === '"rushed"')).toBeDefined();
    expect(project.users).toHaveLength(3);
    expect(project.sources).toEqual([]);
    expect(project.notes.map((n) => [n.name, n.text])).toEqual([
      ['Research Plan', 'This is a great project by a dynamic team of researcher-developers. '],
      ['My favorite Coke ad', 'This version is much better than the new Director’s cut '],
    ]);
    expect(problems.filter((p) => p.kind === 'missing-source-file').map((p) => p.name?.normalize('NFC'))).toEqual(missing);
    expect(problems.find((p) => p.kind === 'non-text-source-skipped')?.message).toMatch(/^6 non-text source/);
    expect(JSON.stringify(project)).not.toContain('/Users/sebpe'); // basePath is never kept
  });

  it('places ATLAS.ti selections by their quotes when the text is there (CRLF as one)', () => {
    // Simon.docx's text is absent from the REFI sample; rebuild one around the quotes the
    // selection names carry, at their positions counted with CRLF as one.
    const q1 = 'I did try the gluten free bread, but it was always so soggy,';
    const q2 = 'But to be honest, I used to have a much bigger breakfast, and these days I find myself snacking about';
    const filler = (n: number) => `${'breakfast is mayhem and\n'.repeat(Math.ceil(n / 24)).slice(0, n - 1)}\n`;
    let lf = filler(215) + q1;
    lf += filler(513 - lf.length) + q2;
    lf += filler(907 - lf.length) + 'The end.';
    expect(lf.slice(215, 275)).toBe(q1);
    const raw = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    const { project, readings } = readQde(bytes, {
      onUnplaceable: 'omit',
      files: (p) => (p === 'internal://C1C745F7-8E4D-48B2-9710-655AFE7E54FA.txt' ? new TextEncoder().encode(raw) : undefined),
    });
    const simon = project.sources.find((s) => s.name === 'Simon.docx') as RefiSource;
    expect(readings.find((r) => r.sourceName === 'Simon.docx')).toMatchObject({ reading: { crlf: 'one' }, basis: 'score' });
    const gluten = simon.selections.find((s) => s.guid === '789a62d6-a2ad-4b59-ab90-ef1d4ab1868f') as RefiSource['selections'][number];
    expect(simon.text.slice(gluten.start, gluten.end)).toBe(q1);
    expect(gluten.codeGuids).toEqual(['0f8a1907-7e42-4739-8610-a676b4d1b69f']);
    const honest = simon.selections.find((s) => s.guid === 'f4e8ff7e-1e00-4112-add1-37f087bb8598') as RefiSource['selections'][number];
    expect(simon.text.slice(honest.start, honest.end).startsWith(q2)).toBe(true);
    const fatty = simon.selections.find((s) => s.name === 'damage done by fatty foods');
    expect(fatty?.description).toBe('why does Simon feel the need to do this?');
  });
});
