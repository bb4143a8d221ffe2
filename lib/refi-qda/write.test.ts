import { unzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededGuids } from './guid';
import { EXPORT_READING } from './positions';
import { RefiExportError } from './problems';
import { readQdc, readQde, readQdpx } from './read';
import { schemaTestMode, sharedFile, xmllint } from './test-support';
import { flattenCodes, type RefiCodebook, type RefiProject, type RefiSelection } from './types';
import { decimal, writeQdc, writeQde, writeQdpx } from './write';

const NOW = new Date('2024-11-21T12:00:00Z');

const TEXT = [
  'Модератор: Мемлекетпен қалай байланысасыз?',
  'Айгерім: Мен e-Otinish арқылы жазамын 👍 жауап екі аптада келеді.',
  'Нұрлан: Инстаграмда 🔥🔥 әкімдіктің парақшасына пікір қалдырамыз.',
  'Айгерім: Ұжымдық өтініш күштірек, һәм іс жүзінде 😀 нәтиже береді.',
].join('\n');
const at = (quote: string) => {
  const start = TEXT.indexOf(quote);
  if (start < 0) throw new Error(quote);
  return { start, end: start + quote.length };
};

/** A project with app ids (not GUIDs), Kazakh text, emoji, overlaps and two coders. */
function appProject(): RefiProject {
  return {
    name: 'Семей, 1-топ',
    description: 'Фокус-топ, қараша 2024',
    users: [
      { guid: 'user:1', name: 'Айгерим' },
      { guid: 'user:2', name: 'Nurlan' },
    ],
    codes: [
      {
        guid: 'code:1',
        name: 'Арналар',
        color: '#1f77b4',
        description: 'Мемлекетпен байланыс & "арналар" <бәрі>',
        children: [
          { guid: 'code:2', name: 'e-Otinish / eGov', color: '#AEC7E8', children: [] },
          { guid: 'code:3', name: 'Ұжымдық өтініш', children: [] },
        ],
      },
      { guid: 'code:4', name: 'Instagram', isCodable: false, children: [] },
    ],
    variables: [
      { guid: 'var:1', name: 'жынысы', type: 'Text' },
      { guid: 'var:2', name: 'жасы', type: 'Integer' },
      { guid: 'var:3', name: 'салмақ', type: 'Float' },
      { guid: 'var:4', name: 'келісім', type: 'Boolean' },
      { guid: 'var:5', name: 'күні', type: 'Date' },
      { guid: 'var:6', name: 'жазылған', type: 'DateTime' },
      { guid: 'var:7', name: 'қала', type: 'Text' },
    ],
    cases: [
      {
        guid: 'case:1',
        name: 'P1',
        variableValues: [
          { variableGuid: 'var:1', value: 'әйел' },
          { variableGuid: 'var:2', value: 34 },
          { variableGuid: 'var:3', value: 0.0000001 },
          { variableGuid: 'var:4', value: true },
          { variableGuid: 'var:5', value: '2024-11-20' },
          { variableGuid: 'var:6', value: '2024-11-20T10:00:00Z' },
        ],
        sourceGuids: ['src:1'],
        selectionGuids: ['sel:1'],
      },
    ],
    sources: [
      {
        guid: 'src:1',
        name: 'Семей 1',
        text: TEXT,
        variableValues: [{ variableGuid: 'var:7', value: 'Семей' }],
        selections: [
          { guid: 'sel:1', ...at('e-Otinish арқылы жазамын 👍'), creatingUserGuid: 'user:1', codeGuids: ['code:2'] },
          { guid: 'sel:2', ...at('Мен e-Otinish арқылы'), creatingUserGuid: 'user:2', codeGuids: ['code:2', 'code:1'] },
          { guid: 'sel:3', ...at('🔥🔥 әкімдіктің парақшасына'), creatingUserGuid: 'user:1', codeGuids: ['code:4'], description: 'екі эмодзи' },
          { guid: 'sel:4', ...at('Ұжымдық өтініш күштірек, һәм іс жүзінде 😀 нәтиже береді.'), creatingUserGuid: 'user:2', codeGuids: ['code:3'] },
          { guid: 'sel:5', ...at('нәтиже'), codeGuids: [] },
        ],
      },
    ],
    notes: [
      { guid: 'note:1', name: 'Кодтау ескертпесі', text: 'Екі кодер бір үзіндіні әртүрлі кодтады.\nКелісу керек.', targetGuids: ['code:2', 'sel:2', 'case:1', 'src:1'], creatingUserGuid: 'user:1' },
      { guid: 'note:2', text: 'Жоба туралы', targetGuids: [], onProject: true },
    ],
  };
}

type Coding = [quote: string, codes: string[], user: string | undefined];

/** What a project says was coded where, in names rather than ids: comparable across ids. */
function codings(p: RefiProject): Coding[] {
  const code = new Map(flattenCodes(p.codes).map((c) => [c.guid, c.name]));
  const user = new Map(p.users.map((u) => [u.guid, u.name]));
  return p.sources.flatMap((s) =>
    s.selections.map((x): Coding => [s.text.slice(x.start, x.end), x.codeGuids.map((g) => code.get(g) as string).sort(), x.creatingUserGuid && user.get(x.creatingUserGuid)]),
  );
}

describe('writeQdpx → readQdpx', () => {
  const written = writeQdpx(appProject(), { newGuid: seededGuids('round trip'), now: NOW });
  const { project, problems, readings } = readQdpx(written);

  it('gives the same codings on the same quotes (Kazakh text, emoji, overlaps, two coders)', () => {
    expect(codings(project)).toEqual(codings(appProject()));
    expect(problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(readings[0]).toMatchObject({ reading: { unit: 'codePoint' }, basis: 'score', fitted: 5 });
  });

  it('keeps the codebook, variables, cases, notes and descriptions', () => {
    expect(project.name).toBe('Семей, 1-топ');
    expect(project.origin).toBe('fgcoder');
    expect(project.description).toBe('Фокус-топ, қараша 2024');
    const [channels, instagram] = project.codes;
    expect(channels).toMatchObject({ name: 'Арналар', color: '#1F77B4', description: 'Мемлекетпен байланыс & "арналар" <бәрі>' });
    expect(channels.children.map((c) => [c.name, c.color])).toEqual([
      ['e-Otinish / eGov', '#AEC7E8'],
      ['Ұжымдық өтініш', undefined],
    ]);
    expect(instagram.isCodable).toBe(false);
    expect(project.variables.map((v) => [v.name, v.type])).toEqual(appProject().variables.map((v) => [v.name, v.type]));
    expect(project.cases[0].variableValues.map((v) => v.value)).toEqual(['әйел', 34, 0.0000001, true, '2024-11-20', '2024-11-20T10:00:00Z']);
    expect(project.cases[0].sourceGuids).toEqual([project.sources[0].guid]);
    expect(project.cases[0].selectionGuids).toEqual([project.sources[0].selections[0].guid]);
    expect(project.sources[0].variableValues.map((v) => v.value)).toEqual(['Семей']);
    expect(project.sources[0].selections[2].description).toBe('екі эмодзи');
    const [memo, projectNote] = project.notes;
    expect(memo.text).toBe('Екі кодер бір үзіндіні әртүрлі кодтады.\nКелісу керек.');
    const ids = [flattenCodes(project.codes)[1].guid, project.sources[0].selections[1].guid, project.cases[0].guid, project.sources[0].guid];
    expect([...memo.targetGuids].sort()).toEqual([...ids].sort());
    expect(projectNote).toMatchObject({ text: 'Жоба туралы', onProject: true });
  });

  it('dates and names every note, and writes the stamps it is given', () => {
    const qde = new TextDecoder().decode(unzipSync(written)['project.qde']);
    const notes = [...qde.matchAll(/<Note [^>]*>/g)].map((m) => m[0]);
    expect(notes).toHaveLength(project.notes.length);
    for (const n of notes) {
      expect(n).toMatch(/ name="[^"]+"/);
      expect(n).toMatch(/ creationDateTime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
      expect(n).toMatch(/ modifiedDateTime="/);
      expect(n).toMatch(/ plainTextPath="internal:\/\/[0-9a-f-]+\.txt"/);
    }
    const app = appProject();
    app.sources[0].createdAt = new Date('2024-11-02T10:00:00Z');
    app.sources[0].modifiedAt = new Date('2024-11-03T10:00:00Z');
    app.notes[0].createdAt = new Date('2024-11-04T10:00:00Z');
    const stamped = writeQdpx(app, { newGuid: seededGuids('stamps'), now: NOW });
    const xml = new TextDecoder().decode(unzipSync(stamped)['project.qde']);
    expect(xml).toMatch(/<TextSource [^>]*creationDateTime="2024-11-02T10:00:00Z" modifiedDateTime="2024-11-03T10:00:00Z"/);
    const back = readQdpx(stamped).project;
    expect(back.sources[0].createdAt).toEqual(new Date('2024-11-02T10:00:00Z'));
    expect(back.notes[0]).toMatchObject({ createdAt: new Date('2024-11-04T10:00:00Z'), modifiedAt: new Date('2024-11-04T10:00:00Z') });
  });

  it('writes project.qde and sources/<guid>.txt: UTF-8, no BOM, LF, positions in code points', () => {
    const files = unzipSync(written);
    const names = Object.keys(files).sort();
    // the source's text, and each note's (QualCoder reads a note's text only from a file)
    expect(names).toEqual(['project.qde', ...[project.sources[0].guid, ...project.notes.map((n) => n.guid)].map((g) => `sources/${g}.txt`)].sort());
    const txt = files[`sources/${project.sources[0].guid}.txt`];
    expect([...txt.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(txt)).toBe(TEXT);
    const qde = new TextDecoder().decode(files['project.qde']);
    const { start, end } = at('Ұжымдық өтініш күштірек, һәм іс жүзінде 😀 нәтиже береді.');
    const cp = (o: number) => [...TEXT.slice(0, o)].length; // four emoji before the end, three before the start
    expect(cp(end)).toBe(end - 4);
    expect(qde).toContain(`startPosition="${cp(start)}" endPosition="${cp(end)}"`);
    expect(qde).not.toContain('basePath');
  });

  it('is deterministic for a seed and a time', () => {
    const again = writeQdpx(appProject(), { newGuid: seededGuids('round trip'), now: NOW });
    expect(again).toEqual(written);
  });

  it('keeps GUIDs it is given, and reads back to the same project', () => {
    const first = readQdpx(written).project;
    const second = readQdpx(writeQdpx(first, { newGuid: seededGuids('second'), now: NOW })).project;
    const sortTargets = (p: RefiProject) => ({ ...p, notes: p.notes.map((n) => ({ ...n, targetGuids: [...n.targetGuids].sort() })) });
    expect(sortTargets(second)).toEqual(sortTargets(first));
  });
});

describe('writer refuses what it cannot write faithfully', () => {
  it('lists every issue at once', () => {
    const p = appProject();
    p.sources[0].selections.push({ guid: 'bad:1', start: 5, end: TEXT.length + 1, codeGuids: [] });
    const emoji = TEXT.indexOf('👍');
    p.sources[0].selections.push({ guid: 'bad:2', start: emoji + 1, end: emoji + 2, codeGuids: ['code:99'], creatingUserGuid: 'user:9' });
    p.codes[0].color = 'blue';
    p.cases[0].variableValues.push({ variableGuid: 'var:2', value: 3.5 }, { variableGuid: 'var:5', value: '20.11.2024' });
    p.users.push({ guid: 'code:1', name: 'clash' });
    p.sources.push({ guid: 'src:2', name: 'CRLF', text: 'a\r\nb', variableValues: [], selections: [] });
    let error: unknown;
    try {
      writeQdpx(p);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RefiExportError);
    const issues = (error as RefiExportError).issues.join('\n');
    expect(issues).toContain(`selection "bad:1" has the range [5, ${TEXT.length + 1}), outside its text of ${TEXT.length} units`);
    expect(issues).toContain('selection "bad:2" has the range');
    expect(issues).toContain('which splits a character');
    expect(issues).toContain('coded with an unknown code "code:99"');
    expect(issues).toContain('names an unknown user "user:9"');
    expect(issues).toContain('has the colour "blue"');
    expect(issues).toContain('the value 3.5 of "жасы" is not a valid Integer');
    expect(issues).toContain('the value "20.11.2024" of "күні" is not a valid Date');
    expect(issues).toContain('has the id "code:1", already used by');
    expect(issues).toContain('source "CRLF": its text contains CR');
  });
});

describe('decimal', () => {
  it('writes numbers without an exponent, reading back to the same number', () => {
    for (const n of [0, 34, -2.5, 0.0000001, 1.2345e-10, -6.02e23, 1e21, 123456.789, Number.MIN_VALUE * 1e300]) {
      const s = decimal(n);
      expect(s).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(s)).toBe(n);
    }
    expect(decimal(0.0000001)).toBe('0.0000001');
    expect(decimal(1e21)).toBe('1000000000000000000000');
  });
});

describe('writeQdc → readQdc', () => {
  const book: RefiCodebook = { codes: appProject().codes };
  it('round-trips the code tree', () => {
    const { codebook } = readQdc(writeQdc(book, { newGuid: seededGuids('qdc') }));
    const shape = (codes: RefiCodebook['codes']): unknown => codes.map((c) => [c.name, c.color?.toUpperCase(), c.description, c.isCodable !== false, shape(c.children)]);
    expect(shape(codebook.codes)).toEqual(shape(book.codes));
    expect(codebook.origin).toBe('fgcoder');
  });
});

describe.runIf(schemaTestMode() === 'run')('schema validation with xmllint (Project-mrt2019.xsd)', () => {
  it('validates what we write', () => {
    const { xml } = writeQde(appProject(), { newGuid: seededGuids('xsd'), now: NOW });
    const r = xmllint(xml);
    expect(r.output).toContain('validates');
    expect(r.valid).toBe(true);
  });

  it('validates re-exports of the sample and the real NVivo projects', () => {
    for (const file of ['sample-semey.qdpx', 'real/nvivo12.6-windows_oltas.qdpx', 'real/nvivo12.7-mac_oltas-17june.qdpx']) {
      const { project } = readQdpx(sharedFile(file));
      const r = xmllint(writeQde(project, { newGuid: seededGuids(file), now: NOW }).xml);
      expect(r.valid, `${file}: ${r.output}`).toBe(true);
    }
    const atlas = readQde(sharedFile('real/atlasti8.4-mac_refi-standard-project.qde'), { onUnplaceable: 'omit' }).project;
    expect(xmllint(writeQde(atlas, { newGuid: seededGuids('atlas'), now: NOW }).xml).valid).toBe(true);
  });

  it('validates the codebook (.qdc) wrapped as a project', () => {
    // No codebook schema ships with shared/refi-qda. The codebook standard's CodeBook is the
    // project schema's CodeBookType (Codes of CodeType, minus NoteRef) as a root element in
    // namespace urn:QDA-XML:codebook:1.0, with an optional `origin`. So: check those rules
    // here, then validate the Codes unchanged inside a Project against Project-mrt2019.xsd.
    const qdc = new TextDecoder().decode(writeQdc({ codes: appProject().codes }, { newGuid: seededGuids('qdc') }));
    expect(qdc).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1\.0" origin="[^"]*"><Codes>/);
    expect(qdc.trimEnd().endsWith('</Codes></CodeBook>')).toBe(true);
    expect(qdc).not.toContain('<NoteRef');
    const wrapped = qdc
      .replace(/<CodeBook xmlns="urn:QDA-XML:codebook:1\.0" origin="[^"]*">/, '<Project xmlns="urn:QDA-XML:project:1.0" name="codebook"><CodeBook>')
      .replace('</CodeBook>', '</CodeBook></Project>');
    const r = xmllint(wrapped);
    expect(r.valid, r.output).toBe(true);
  });

  it('fails a document that breaks the schema (the check is real)', () => {
    const { xml } = writeQde(appProject(), { newGuid: seededGuids('xsd'), now: NOW });
    const broken = xml.replace(/<Users>.*?<\/Users>\n/s, '').replace('</CodeBook>\n', '</CodeBook>\n<Users><User guid="x"/></Users>');
    expect(xmllint(broken).valid).toBe(false);
  });
});

// The property tests build projects from these: Kazakh and Russian words, emoji, punctuation.
const WORDS = ['әкім', 'ғылым', 'қала', 'ұлт', 'үкімет', 'һәм', 'іс', 'өтініш', 'мен', 'петиция', 'Instagram', 'e-Otinish', '2024', 'обращение', 'жазамыз'];
const SEPS = [' ', ' ', ', ', '. ', '\n', ' 👍 ', ' 😀😀 ', ' 🇰🇿 ', ' — '];

const transcript = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPS)), { minLength: 1, maxLength: 40 })
  .map((parts) => {
    let text = '';
    const words: { start: number; end: number }[] = [];
    for (const [w, sep] of parts) {
      words.push({ start: text.length, end: text.length + w.length });
      text += w + sep;
    }
    return { text, words };
  });

function projectOf(text: string, selections: RefiSelection[]): RefiProject {
  return {
    name: 'prop',
    users: [
      { guid: 'u1', name: 'one' },
      { guid: 'u2', name: 'two' },
    ],
    codes: [
      { guid: 'c1', name: 'A', children: [{ guid: 'c2', name: 'B', children: [] }] },
      { guid: 'c3', name: 'C', children: [] },
    ],
    variables: [],
    cases: [],
    sources: [{ guid: 's1', name: 'T', text, variableValues: [], selections }],
    notes: [],
  };
}

const codeSets = fc.subarray(['c1', 'c2', 'c3'], { minLength: 1 });
const users = fc.constantFrom('u1', 'u2');

describe('round trip properties', () => {
  it('word-aligned selections come back on the same quotes with detection', () => {
    fc.assert(
      fc.property(
        transcript.chain(({ text, words }) =>
          fc.tuple(
            fc.constant(text),
            fc.array(
              fc.tuple(fc.nat(words.length - 1), fc.nat(words.length - 1), codeSets, users).map(([a, b, codes, user]) => ({
                start: words[Math.min(a, b)].start,
                end: words[Math.max(a, b)].end,
                codeGuids: codes,
                creatingUserGuid: user,
              })),
              { maxLength: 8 },
            ),
          ),
        ),
        ([text, raw]) => {
          // One selection per range and coder, as the reader produces them.
          const seen = new Set<string>();
          const selections = raw
            .filter((s) => !seen.has(`${s.start}:${s.end}:${s.creatingUserGuid}`) && seen.add(`${s.start}:${s.end}:${s.creatingUserGuid}`))
            .map((s, i) => ({ ...s, guid: `sel${i}` }));
          const p = projectOf(text, selections);
          const back = readQdpx(writeQdpx(p, { newGuid: seededGuids('p'), now: NOW })).project;
          expect(codings(back)).toEqual(codings(p));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('arbitrary ranges come back at the same offsets when read in the export reading', () => {
    fc.assert(
      fc.property(
        transcript.chain(({ text }) =>
          fc.tuple(
            fc.constant(text),
            fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), codeSets), { maxLength: 8 }),
          ),
        ),
        ([text, ranges]) => {
          const clean = (o: number) => (o > 0 && /[\uDC00-\uDFFF]/.test(text[o] ?? '') ? o - 1 : o); // never split an emoji
          const selections = ranges.map(([a, b, codes], i) => ({ guid: `sel${i}`, start: clean(Math.min(a, b)), end: clean(Math.max(a, b)), codeGuids: codes }));
          const p = projectOf(text, selections);
          const back = readQdpx(writeQdpx(p, { newGuid: seededGuids('q'), now: NOW }), { reading: EXPORT_READING }).project;
          const key = (s: { start: number; end: number }) => `${s.start}:${s.end}`;
          expect(new Set(back.sources[0].selections.map(key))).toEqual(new Set(selections.map(key)));
        },
      ),
      { numRuns: 150 },
    );
  });
});
