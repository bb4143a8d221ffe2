import { describe, expect, it } from 'vitest';
import { readProjectFile, readQdc, readQde, readQdpx } from './read';
import { sampleParts, sampleWith, zipOf } from './test-support';
import type { RefiSource } from './types';

// What real exporters do that the schema's happy path does not (NOTES.md, "Real files deviate").

const { qde: SAMPLE_QDE, sourceName: SAMPLE_SOURCE, source: SAMPLE_BYTES } = sampleParts();
const SAMPLE_TEXT = new TextDecoder().decode(SAMPLE_BYTES);
const QUOTES = [
  'e-Otinish, там отвечают за пару недель',
  'Пишу в e-Otinish',
  'Instagram арқылы, әкімдіктің парақшасына жазамыз 👍',
  'Коллективное обращение сильнее',
  'Коллективное обращение сильнее, одному ничего не добиться.',
];
const quotesOf = (s: RefiSource) => s.selections.map((x) => s.text.slice(x.start, x.end));
const fileName = SAMPLE_SOURCE.slice('sources/'.length);

const enc = (s: string) => new TextEncoder().encode(s);

describe('containers as real exporters write them', () => {
  it('accepts Sources/ in capitals and file names in another case than the XML', () => {
    const zip = zipOf({ 'project.qde': SAMPLE_QDE, [`Sources/${fileName.toLowerCase()}`]: SAMPLE_BYTES });
    expect(quotesOf(readQdpx(zip).project.sources[0])).toEqual(QUOTES);
  });

  it('accepts a single .qde of any name, and an empty sources/.root, stored or deflated', () => {
    for (const level of [0, 6] as const) {
      const zip = zipOf({ 'Семей тобы.qde': SAMPLE_QDE, 'sources/.root': new Uint8Array(0), [SAMPLE_SOURCE]: SAMPLE_BYTES }, level);
      expect(quotesOf(readQdpx(zip).project.sources[0])).toEqual(QUOTES);
    }
  });

  it('reads inline PlainTextContent, keeping a CR written as &#13;', () => {
    const inline = SAMPLE_TEXT.replace(/\r\n/g, '&#13;\n');
    const qde = SAMPLE_QDE.replace(/ plainTextPath="[^"]*"( [^>]*)>/, `$1><PlainTextContent>${inline}</PlainTextContent>`);
    const { project, readings } = readQde(enc(qde));
    expect(quotesOf(project.sources[0])).toEqual(QUOTES);
    expect(readings[0].reading).toEqual({ unit: 'codePoint', crlf: 'one' });
  });

  it('drops a UTF-8 BOM; reads UTF-16 with a BOM', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...SAMPLE_BYTES]);
    const withBom = readQdpx(sampleWith((q) => q, { [SAMPLE_SOURCE]: bom })).project.sources[0];
    expect(withBom.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(quotesOf(withBom)).toEqual(QUOTES);
    const utf16 = new Uint8Array(2 + SAMPLE_TEXT.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < SAMPLE_TEXT.length; i++) {
      utf16[2 + 2 * i] = SAMPLE_TEXT.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = SAMPLE_TEXT.charCodeAt(i) >> 8;
    }
    expect(quotesOf(readQdpx(sampleWith((q) => q, { [SAMPLE_SOURCE]: utf16 })).project.sources[0])).toEqual(QUOTES);
  });

  it('reads a bare .qde through readProjectFile, and a .qdpx through it too', () => {
    expect(readProjectFile(sampleWith((q) => q)).project.sources).toHaveLength(1);
    const qde = SAMPLE_QDE.replace(/ plainTextPath="[^"]*"( [^>]*)>/, `$1><PlainTextContent>x</PlainTextContent>`).replace(/<PlainTextSelection[\s\S]*?<\/PlainTextSelection>\n/g, '');
    expect(readProjectFile(enc(qde)).project.sources[0].text).toBe('x');
  });
});

describe('project files as real exporters write them', () => {
  it('compares GUIDs case-insensitively, with or without braces', () => {
    const mixed = SAMPLE_QDE.replace('<CodeRef targetGUID="0587420B-3BF9-4293-832A-A24ED8A26648"/>', '<CodeRef targetGUID="{0587420b-3bf9-4293-832a-a24ed8a26648}"/>').replace(
      'creatingUser="0A474F49-F294-4724-96F9-DC5B8B12FBD2" creationDateTime="2024-11-20T10:00:00Z"><Coding',
      'creatingUser="0a474f49-f294-4724-96f9-dc5b8b12fbd2" creationDateTime="2024-11-20T10:00:00Z"><Coding',
    );
    const { project, problems } = readQdpx(zipOf({ 'project.qde': mixed, [SAMPLE_SOURCE]: SAMPLE_BYTES }));
    expect(problems.filter((p) => p.severity !== 'info')).toEqual([]);
    const s = project.sources[0].selections;
    expect(s[0].codeGuids).toEqual(['0587420b-3bf9-4293-832a-a24ed8a26648']);
    expect(s.map((x) => x.creatingUserGuid)).toContain('0a474f49-f294-4724-96f9-dc5b8b12fbd2');
    expect(project.users).toHaveLength(2);
  });

  const U1 = '11111111-1111-4111-8111-111111111111';
  const U2 = '22222222-2222-4222-8222-222222222222';
  const C1 = 'c1c1c1c1-0000-4000-8000-000000000001';
  const C2 = 'c2c2c2c2-0000-4000-8000-000000000002';
  const SRC = '5e5e5e5e-0000-4000-8000-000000000005';
  const text = 'Біз петиция жазамыз.\nМен TikTok-та көремін 😀.';
  const sel = (guid: string, a: number, b: number, inner: string, extra = '') =>
    `<PlainTextSelection guid="${guid}" startPosition="${a}" endPosition="${b}"${extra}>${inner}</PlainTextSelection>`;
  const coding = (guid: string, code: string, user?: string) => `<Coding guid="${guid}"${user ? ` creatingUser="${user}"` : ''}><CodeRef targetGUID="${code}"/></Coding>`;
  const project = (selections: string, more = '') => `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Variants" origin="NVivo for Windows 12.6" basePath="C:\\Users\\someone\\Secret project">
<Users><User guid="${U1}" name="coder1"/><User guid="${U2}" name="coder2"/></Users>
<CodeBook><Codes><Code guid="${C1}" name="Petitions" isCodable="true"/><Code guid="${C2}" name="TikTok" isCodable="false"><Description>Video platform</Description></Code></Codes></CodeBook>
<Variables><Variable guid="aaaaaaaa-0000-4000-8000-00000000000a" name="city" typeOfVariable="Text"/></Variables>
<Sources><TextSource guid="${SRC}" name="Taraz 1"><PlainTextContent>${text}</PlainTextContent>${selections}<VariableValue><VariableRef targetGUID="AAAAAAAA-0000-4000-8000-00000000000A"/><TextValue>Тараз</TextValue></VariableValue></TextSource></Sources>
${more}</Project>`;

  it('merges NVivo’s one selection per coding by range and coder, with coding users winning', () => {
    const xml = project(
      sel('00000000-0000-4000-8000-0000000000a1', 4, 11, coding('00000000-0000-4000-8000-0000000000b1', C1, U1)) +
        sel('00000000-0000-4000-8000-0000000000a2', 4, 11, coding('00000000-0000-4000-8000-0000000000b2', C2, U1)) +
        sel('00000000-0000-4000-8000-0000000000a3', 4, 11, coding('00000000-0000-4000-8000-0000000000b3', C1), ` creatingUser="${U2}"`) +
        sel('00000000-0000-4000-8000-0000000000a4', 0, 20, coding('00000000-0000-4000-8000-0000000000b4', C1, U2) + coding('00000000-0000-4000-8000-0000000000b5', C2, U1), ` creatingUser="${U2}"`),
    );
    const { project: p, problems } = readQde(enc(xml));
    const s = p.sources[0];
    expect(s.selections.map((x) => [s.text.slice(x.start, x.end), x.codeGuids, x.creatingUserGuid, x.guid, x.mergedGuids])).toEqual([
      ['петиция', [C1, C2], U1, '00000000-0000-4000-8000-0000000000a1', ['00000000-0000-4000-8000-0000000000a2']],
      ['петиция', [C1], U2, '00000000-0000-4000-8000-0000000000a3', undefined],
      ['Біз петиция жазамыз.', [C1], U2, '00000000-0000-4000-8000-0000000000a4', undefined],
      ['Біз петиция жазамыз.', [C2], U1, '00000000-0000-4000-8000-0000000000b5', undefined], // a second coder on one selection
    ]);
    expect(problems.find((p) => p.kind === 'selections-merged')?.message).toContain('4 selections (5 codings) became 4');
    expect(s.variableValues).toEqual([{ variableGuid: 'aaaaaaaa-0000-4000-8000-00000000000a', value: 'Тараз' }]);
    expect(p.codes[1]).toMatchObject({ isCodable: false, description: 'Video platform' });
    expect(JSON.stringify(p)).not.toContain('Secret project');
  });

  it('keeps ATLAS.ti selections without codings, and works without colours or creatingUser', () => {
    const xml = project(sel('00000000-0000-4000-8000-0000000000a1', 21, 33, '<Description>why TikTok?</Description>', ' name="Мен TikTok-та"'));
    const s = readQde(enc(xml)).project.sources[0];
    expect(s.selections).toEqual([{ guid: '00000000-0000-4000-8000-0000000000a1', name: 'Мен TikTok-та', description: 'why TikTok?', start: 21, end: 33, codeGuids: [] }]);
  });

  it('reads NVivo’s UTF-16 positions after emoji', () => {
    const more = `${text}! Қош 👋 бол`;
    // UTF-16 positions: "Қош" is 48–51 and "бол" 55–58; in code points they would be 47–50
    // and 53–56, so read as code points 48–51 cuts "ош " and 55–58 runs past the end.
    const xml = project(sel('00000000-0000-4000-8000-0000000000a1', 48, 51, coding('00000000-0000-4000-8000-0000000000b1', C1, U1)) + sel('00000000-0000-4000-8000-0000000000a2', 55, 58, coding('00000000-0000-4000-8000-0000000000b2', C2, U1)));
    const { project: p, readings } = readQde(enc(xml.replace(`<PlainTextContent>${text}</PlainTextContent>`, `<PlainTextContent>${more}</PlainTextContent>`)));
    expect(quotesOf(p.sources[0])).toEqual(['Қош', 'бол']);
    expect(readings[0]).toMatchObject({ reading: { unit: 'utf16' }, basis: 'score' });
  });

  it('keeps codings by users missing from the user list under a placeholder user', () => {
    const stranger = '99999999-9999-4999-8999-999999999999';
    const xml = project(sel('00000000-0000-4000-8000-0000000000a1', 4, 11, coding('00000000-0000-4000-8000-0000000000b1', C1, stranger)));
    const { project: p, problems } = readQde(enc(xml));
    expect(p.users.find((u) => u.guid === stranger)?.name).toBe('Unknown user 99999999');
    expect(p.sources[0].selections[0].creatingUserGuid).toBe(stranger);
    expect(problems.find((x) => x.kind === 'unknown-user')?.severity).toBe('warning');
  });

  it('turns a coding of the whole source into a selection over all of it', () => {
    const xml = project(coding('00000000-0000-4000-8000-0000000000b9', C2, U2));
    const s = readQde(enc(xml)).project.sources[0];
    expect(s.selections).toEqual([{ guid: '00000000-0000-4000-8000-0000000000b9', start: 0, end: s.text.length, creatingUserGuid: U2, codeGuids: [C2] }]);
  });

  it('attaches notes to codes, sources, selections (also via their codings), cases and the project', () => {
    const N1 = 'eeeeeeee-0000-4000-8000-000000000001';
    const N2 = 'eeeeeeee-0000-4000-8000-000000000002';
    const CASE = 'cccccccc-0000-4000-8000-00000000000c';
    const xml = project(
      sel('00000000-0000-4000-8000-0000000000a1', 4, 11, `<Coding guid="00000000-0000-4000-8000-0000000000b1"><CodeRef targetGUID="${C1}"/><NoteRef targetGUID="${N2}"/></Coding>`) +
        sel('00000000-0000-4000-8000-0000000000a2', 4, 11, coding('00000000-0000-4000-8000-0000000000b2', C2) + `<NoteRef targetGUID="${N1}"/>`),
      `<Notes><Note guid="${N1}" name="Memo" creatingUser="${U1}"><PlainTextContent>Петициялар туралы.</PlainTextContent></Note><Note guid="${N2}"><PlainTextContent>Coding memo</PlainTextContent></Note></Notes>
<Links><Link guid="eeeeeeee-0000-4000-8000-0000000000f1" originGUID="${N1}" targetGUID="${CASE}"/></Links><NoteRef targetGUID="${N1}"/>`,
    )
      .replace('isCodable="true"/>', `isCodable="true"><NoteRef targetGUID="${N1}"/></Code>`)
      .replace('<Sources>', `<Cases><Case guid="${CASE}" name="P1"><SourceRef targetGUID="${SRC}"/><SelectionRef targetGUID="00000000-0000-4000-8000-0000000000a2"/></Case></Cases><Sources>`);
    const { project: p } = readQde(enc(xml));
    const merged = p.sources[0].selections[0].guid;
    expect(merged).toBe('00000000-0000-4000-8000-0000000000a1');
    expect(p.notes).toEqual([
      { guid: N1, name: 'Memo', text: 'Петициялар туралы.', creatingUserGuid: U1, targetGuids: [C1, merged, CASE], onProject: true },
      { guid: N2, text: 'Coding memo', targetGuids: [merged] },
    ]);
    expect(p.cases[0]).toMatchObject({ name: 'P1', sourceGuids: [SRC], selectionGuids: [merged] });
  });
});

describe('readQdc', () => {
  it('reads a codebook file', () => {
    const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder 3.5"><Codes>
<Code guid="C1C1C1C1-0000-4000-8000-000000000001" name="Арналар" isCodable="true" color="#abc"><Description>Мемлекетпен байланыс</Description>
<Code guid="C1C1C1C1-0000-4000-8000-000000000002" name="e-Otinish" isCodable="true"/></Code>
</Codes><Sets><Set guid="C1C1C1C1-0000-4000-8000-000000000009" name="s"/></Sets></CodeBook>`;
    const { codebook, problems } = readQdc(enc(qdc));
    expect(problems).toEqual([]);
    expect(codebook).toEqual({
      origin: 'QualCoder 3.5',
      codes: [
        {
          guid: 'c1c1c1c1-0000-4000-8000-000000000001',
          name: 'Арналар',
          color: '#AABBCC',
          description: 'Мемлекетпен байланыс',
          isCodable: true,
          children: [{ guid: 'c1c1c1c1-0000-4000-8000-000000000002', name: 'e-Otinish', isCodable: true, children: [] }],
        },
      ],
    });
  });

  it('refuses duplicate code GUIDs and other roots', () => {
    const dup = '<CodeBook><Codes><Code guid="C1C1C1C1-0000-4000-8000-000000000001" name="a" isCodable="true"/><Code guid="c1c1c1c1-0000-4000-8000-000000000001" name="b" isCodable="true"/></Codes></CodeBook>';
    expect(() => readQdc(enc(dup))).toThrow(/Code "b": its guid .* is used by another code/);
    expect(() => readQdc(enc('<Sets/>'))).toThrow(/not <CodeBook>/);
  });
});
