import { describe, expect, it } from 'vitest';
import { RefiImportError, type ProblemKind } from './problems';
import { readQdc, readQde, readQdpx } from './read';
import { sampleParts, sampleWith, sharedFile, zipOf } from './test-support';

/** Runs `fn`, expecting a RefiImportError; returns it. */
function importError(fn: () => unknown): RefiImportError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RefiImportError);
    return e as RefiImportError;
  }
  throw new Error('expected the import to fail, and it returned a project');
}

function kinds(e: RefiImportError): ProblemKind[] {
  return e.problems.map((p) => p.kind);
}

/** Rewrites fields of a zip's central directory entry for `name` (sizes, method, flags, crc). */
function patchCentral(zip: Uint8Array, name: string, patch: { uncompressedSize?: number; method?: number; flags?: number; crc?: number }): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let p = 0; p + 46 < out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const nameLen = view.getUint16(p + 28, true);
    if (new TextDecoder().decode(out.subarray(p + 46, p + 46 + nameLen)) !== name) continue;
    if (patch.flags !== undefined) view.setUint16(p + 8, patch.flags, true);
    if (patch.method !== undefined) view.setUint16(p + 10, patch.method, true);
    if (patch.crc !== undefined) view.setUint32(p + 16, patch.crc, true);
    if (patch.uncompressedSize !== undefined) view.setUint32(p + 24, patch.uncompressedSize, true);
    return out;
  }
  throw new Error(`no central entry ${name}`);
}

const SAMPLE = sharedFile('sample-semey.qdpx');

describe('hostile containers', () => {
  it('refuses what is not a zip', () => {
    expect(kinds(importError(() => readQdpx(new TextEncoder().encode('just some text'))))).toEqual(['not-a-zip']);
    expect(kinds(importError(() => readQdpx(new Uint8Array(0))))).toEqual(['not-a-zip']);
    expect(kinds(importError(() => readQdpx(SAMPLE.slice(0, 900))))).toEqual(['zip-corrupt']); // truncated
  });

  it('refuses an entry declaring a huge size, before inflating anything', () => {
    const bomb = patchCentral(SAMPLE, 'project.qde', { uncompressedSize: 0xf0000000 });
    const e = importError(() => readQdpx(bomb));
    expect(kinds(e)).toEqual(['zip-too-large']);
    expect(e.message).toMatch(/project\.qde declares .* MB uncompressed/);
  });

  it('refuses a compression ratio no transcript has (a real bomb: 30 MB of spaces)', () => {
    const xml = `<Project name="bomb">${' '.repeat(30 * 1024 * 1024)}</Project>`;
    const bomb = zipOf({ 'project.qde': xml });
    expect(bomb.length).toBeLessThan(100_000);
    const e = importError(() => readQdpx(bomb));
    expect(kinds(e)).toEqual(['zip-too-large']);
    expect(e.message).toMatch(/compression ratio of \d+:1/);
  });

  it('stops inflating an entry that lies about its size', () => {
    const liar = patchCentral(zipOf({ 'project.qde': `<Project name="x">${' '.repeat(5_000_000)}</Project>` }), 'project.qde', { uncompressedSize: 50_000 });
    const e = importError(() => readQdpx(liar));
    expect(kinds(e)).toEqual(['zip-too-large']);
    expect(e.message).toMatch(/inflates past its declared size/);
  });

  it('enforces the total, per-entry and entry-count limits', () => {
    expect(importError(() => readQdpx(SAMPLE, { limits: { maxTotalBytes: 4500 } })).message).toMatch(/in total/);
    expect(importError(() => readQdpx(SAMPLE, { limits: { maxEntryBytes: 1000 } })).message).toMatch(/per entry/);
    expect(importError(() => readQdpx(SAMPLE, { limits: { maxEntries: 1 } })).message).toMatch(/lists 2 entries/);
  });

  it('refuses encrypted entries, unknown compression and bad checksums', () => {
    expect(importError(() => readQdpx(patchCentral(SAMPLE, 'project.qde', { flags: 1 }))).message).toMatch(/encrypted/);
    expect(importError(() => readQdpx(patchCentral(SAMPLE, 'project.qde', { method: 12 }))).message).toMatch(/compression method 12/);
    expect(importError(() => readQdpx(patchCentral(SAMPLE, 'project.qde', { crc: 12345 }))).message).toMatch(/checksum/);
  });

  it('needs exactly one project file at the root', () => {
    const { source, sourceName } = sampleParts();
    expect(kinds(importError(() => readQdpx(zipOf({ [sourceName]: source }))))).toEqual(['no-project-file']);
    const two = zipOf({ 'a.qde': '<Project name="a"/>', 'b.qde': '<Project name="b"/>' });
    expect(importError(() => readQdpx(two)).message).toMatch(/several \.qde files .*a\.qde, b\.qde/);
  });
});

describe('hostile XML', () => {
  const xxe = `<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>`;
  const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Project name="&lol9;"/>`;

  it('refuses any DOCTYPE: external entities (XXE) and entity expansion (billion laughs)', () => {
    for (const xml of [xxe, laughs, '<!DOCTYPE Project><Project name="x"/>']) {
      expect(kinds(importError(() => readQdpx(zipOf({ 'project.qde': xml }))))).toEqual(['xml-doctype']);
      expect(kinds(importError(() => readQde(new TextEncoder().encode(xml))))).toEqual(['xml-doctype']);
    }
    expect(kinds(importError(() => readQdc(new TextEncoder().encode(xxe))))).toEqual(['xml-doctype']);
  });

  it('refuses undefined entities and malformed XML', () => {
    expect(importError(() => readQde(new TextEncoder().encode('<Project name="&xxe;"/>'))).message).toMatch(/&xxe; is not defined/);
    expect(kinds(importError(() => readQde(new TextEncoder().encode('<Project name="x"><Users></Project>'))))).toEqual(['xml-malformed']);
    expect(kinds(importError(() => readQde(new TextEncoder().encode('<Project name="x"/><Project name="y"/>'))))).toEqual(['xml-malformed']);
    expect(kinds(importError(() => readQde(new TextEncoder().encode(''))))).toEqual(['xml-malformed']);
  });

  it('refuses nesting deep enough to exhaust the stack', () => {
    const deep = `<Project name="x"><CodeBook><Codes>${'<Code guid="00000000-0000-0000-0000-000000000000" name="c" isCodable="true">'.repeat(5000)}${'</Code>'.repeat(5000)}</Codes></CodeBook></Project>`;
    expect(kinds(importError(() => readQde(new TextEncoder().encode(deep))))).toEqual(['xml-malformed']);
  });

  it('refuses invalid UTF-8 and a root that is not a Project', () => {
    expect(kinds(importError(() => readQde(new Uint8Array([0x3c, 0x50, 0xff, 0xfe, 0x3e]))))).toEqual(['xml-encoding']);
    expect(kinds(importError(() => readQde(new TextEncoder().encode('<Other/>'))))).toEqual(['not-a-project']);
  });
});

describe('hostile projects: reported by name, never a half result', () => {
  it('a selection past the end of its text', () => {
    const bad = sampleWith((q) => q.replace('startPosition="181" endPosition="239"', 'startPosition="181" endPosition="9999"'));
    const e = importError(() => readQdpx(bad));
    expect(kinds(e)).toEqual(['selection-outside-text']);
    expect(e.problems[0]).toMatchObject({ guid: '524399f3-6398-4592-b34e-3bf984641f7f', name: 'Коллективное обращен' });
    expect(e.message).toContain('Source "Semey group 1": selection "Коллективное обращен" (positions 181–9999) falls outside its text');
  });

  it('a selection that ends before it starts, or has no whole-number positions', () => {
    const reversed = sampleWith((q) => q.replace('startPosition="64" endPosition="80"', 'startPosition="80" endPosition="64"'));
    expect(importError(() => readQdpx(reversed)).message).toContain('"Пишу в e-Otinish" (positions 80–64) ends before it starts');
    const fractional = sampleWith((q) => q.replace('startPosition="64"', 'startPosition="6.4"'));
    expect(importError(() => readQdpx(fractional)).message).toMatch(/"Пишу в e-Otinish" has positions "6\.4"–"80", which are not whole numbers/);
  });

  it('a coding of a code the codebook does not have', () => {
    const bad = sampleWith((q) => q.replace('<CodeRef targetGUID="931B776F-BB7B-45B8-A7F5-62C6EFAE8E6B"/>', '<CodeRef targetGUID="11111111-2222-3333-4444-555555555555"/>'));
    const e = importError(() => readQdpx(bad));
    expect(kinds(e)).toEqual(['unknown-code']);
    expect(e.message).toContain('selection "Instagram арқылы, әк" refers to the code 11111111-2222-3333-4444-555555555555, which is not in the codebook');
  });

  it('a missing source file', () => {
    const { sourceName } = sampleParts();
    const e = importError(() => readQdpx(sampleWith((q) => q, { [sourceName]: null })));
    expect(kinds(e)).toEqual(['missing-source-file']);
    expect(e.problems[0].name).toBe('Semey group 1');
    expect(e.message).toContain('Source "Semey group 1": its text file internal://08AB307E-CFF7-424C-AD34-8CF47AEBB6C4.txt is not in the project');
  });

  it('a source file that is not UTF-8', () => {
    const { sourceName } = sampleParts();
    const e = importError(() => readQdpx(sampleWith((q) => q, { [sourceName]: new Uint8Array([0x41, 0xc3, 0x28]) })));
    expect(kinds(e)).toEqual(['source-encoding']);
    expect(e.message).toContain('Source "Semey group 1"');
  });

  describe('a source file that is not UTF-8 text is refused, naming it, even when told to omit what cannot be placed', () => {
    const { sourceName, source } = sampleParts();
    const file = 'internal://08AB307E-CFF7-424C-AD34-8CF47AEBB6C4.txt';
    const text = new TextDecoder().decode(source).replace(/^\uFEFF/, '');
    const utf16 = (bigEndian: boolean) => {
      const out = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
        out[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
      }
      return out;
    };
    const withNul = new TextEncoder().encode(`${text.slice(0, 9)}\u0000${text.slice(10)}`); // the colon after "Модератор"
    const cases: [string, Uint8Array, RegExp][] = [
      ['UTF-16 LE without a BOM', utf16(false), /NUL bytes|control characters|not valid UTF-8/],
      ['UTF-16 BE without a BOM', utf16(true), /NUL bytes|control characters|not valid UTF-8/],
      ['a NUL byte in UTF-8 text', withNul, /line 1: contains NUL bytes/],
      ['an invalid byte sequence', new Uint8Array([...new TextEncoder().encode('Модератор: '), 0xd0, 0x28, 0xff, 0xfe]), /the bytes are not valid UTF-8/],
      ['mostly control characters', new Uint8Array(Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01))), /mostly control characters/],
    ];
    it.each(cases)('%s', (_, bytes, why) => {
      for (const onUnplaceable of ['reject', 'omit'] as const) {
        const e = importError(() => readQdpx(sampleWith((q) => q, { [sourceName]: bytes }), { onUnplaceable }));
        const problem = e.problems.find((p) => p.kind === 'source-encoding');
        expect(problem).toMatchObject({ severity: 'error', name: 'Semey group 1', file });
        expect(problem!.message).toContain(`Source "Semey group 1": its text file ${file} is not UTF-8 text — `);
        expect(problem!.message).toMatch(why);
      }
    });

    it('while UTF-16 with its BOM, and text of many short CRLF lines, still import', () => {
      const bom = new Uint8Array([0xff, 0xfe, ...utf16(false)]);
      const lf = (s: string) => s.replace(/\r\n/g, '\n'); // the project's text has LF line endings
      expect(readQdpx(sampleWith((q) => q, { [sourceName]: bom })).project.sources[0].text).toBe(lf(text));
      // Appended after every selection, so the positions still fit: 20 % of these characters are CR.
      const short = text + 'Да.\r\n'.repeat(2000);
      expect(readQdpx(sampleWith((q) => q, { [sourceName]: new TextEncoder().encode(short) })).project.sources[0].text).toBe(lf(short));
    });
  });

  it('names every problem at once', () => {
    const bad = sampleWith((q) =>
      q
        .replace('startPosition="181" endPosition="239"', 'startPosition="181" endPosition="9999"')
        .replace('<CodeRef targetGUID="931B776F-BB7B-45B8-A7F5-62C6EFAE8E6B"/>', '<CodeRef targetGUID="11111111-2222-3333-4444-555555555555"/>')
        .replace('</Sources>', '<TextSource guid="22222222-2222-2222-2222-222222222222" name="Semey group 2" plainTextPath="internal://gone.txt"/></Sources>'),
    );
    const e = importError(() => readQdpx(bad));
    expect(kinds(e).sort()).toEqual(['missing-source-file', 'selection-outside-text', 'unknown-code']);
    expect(e.message).toContain('"Коллективное обращен"');
    expect(e.message).toContain('"Instagram арқылы, әк"');
    expect(e.message).toContain('"Semey group 2"');
  });

  it('with onUnplaceable "omit", leaves the bad parts out and lists them', () => {
    const bad = sampleWith((q) => q.replace('startPosition="181" endPosition="239"', 'startPosition="181" endPosition="9999"'));
    const { project, problems } = readQdpx(bad, { onUnplaceable: 'omit' });
    expect(project.sources[0].selections).toHaveLength(4);
    const left = problems.find((p) => p.kind === 'selection-outside-text');
    expect(left).toMatchObject({ severity: 'warning', name: 'Коллективное обращен' });
    expect(left?.message).toMatch(/^Left out: /);
  });

  it('structural errors are fatal even with "omit"', () => {
    const bad = sampleWith((q) => q.replace('<User guid="A26E9938-0A59-4FDA-AE83-7F3462D68FB8"', '<User guid="zzz"'));
    expect(kinds(importError(() => readQdpx(bad, { onUnplaceable: 'omit' })))).toEqual(['invalid-attribute']);
  });
});
