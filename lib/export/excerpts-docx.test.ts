import { XMLValidator } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { excerptsToDocx } from './excerpts-docx';
import { docxParagraphs, sampleExport, zipPart } from './testing';

describe('excerptsToDocx', () => {
  it('writes headings by code path, each quote in the Quote style followed by its attribution', async () => {
    const bytes = await excerptsToDocx(sampleExport(), { definitions: true });
    const ps = docxParagraphs(bytes);
    const headings = ps.filter((p) => /^Heading\d$/.test(p.style));
    expect(headings).toEqual([
      { style: 'Heading1', text: 'Channels' },
      { style: 'Heading2', text: 'Channels / e-Otinish' },
      { style: 'Heading1', text: 'Elections' },
    ]);
    const quotes = ps.filter((p) => p.style === 'Quote').map((p) => p.text);
    expect(quotes).toEqual(['Мен әкімдікке e-Otinish арқылы жаздым 👍', 'Пишу в Instagram акимата,\nпотом звоню', 'Сайлау — бұл <b>таңдау</b> & жауапкершілік']);
    const i = ps.findIndex((p) => p.style === 'Quote');
    expect(ps[i + 1]).toEqual({ style: 'Attribution', text: '(Female, 34, Higher, Aktobe)' });
    expect(ps.map((p) => p.text)).toContain('(Male, 52, Taraz; Female, 23, Secondary, Taraz)');
    expect(ps.map((p) => p.text)).toContain('(Aktobe)');
    // definitions under their headings; Title style for the title
    expect(ps.some((p) => p.text === 'Definition: Online appeals via e-Otinish & eGov <portal>.')).toBe(true);
    expect(ps[0]).toEqual({ style: 'Title', text: 'Coded excerpts' });
    // the styles are defined in the file, under Word's own names
    const styles = zipPart(bytes, 'word/styles.xml');
    expect(styles).toContain('w:styleId="Quote"');
    expect(styles).toContain('<w:name w:val="Quote"/>');
    expect(styles).toContain('w:styleId="Heading1"');
  });

  it('uses a custom attribution template', async () => {
    const ps = docxParagraphs(await excerptsToDocx(sampleExport(), { template: '[{label}, {document}]' }));
    expect(ps.filter((p) => p.style === 'Attribution').map((p) => p.text)).toEqual(['[P3, FG05 Aktobe]', '[P1, FG09 Taraz; P2, FG09 Taraz]', '[FG05 Aktobe]']);
  });

  it('prints translations beneath and context turns around when asked', async () => {
    const ps = docxParagraphs(await excerptsToDocx(sampleExport(), { translations: true, context: true }));
    const texts = ps.map((p) => `${p.style}|${p.text}`);
    const q = texts.indexOf('Quote|Мен әкімдікке e-Otinish арқылы жаздым 👍');
    expect(texts[q - 1]).toBe('Context|Moderator: Как вы обращаетесь к власти?');
    expect(texts[q + 1]).toBe('Translation|I wrote to the akimat via e-Otinish 👍 (English; Aigerim)');
    expect(texts[q + 2]).toBe('Translation|Я написала в акимат через e-Otinish 👍 (Russian; Aigerim)');
    expect(texts[q + 3]).toBe('Attribution|(Female, 34, Higher, Aktobe)');
    expect(texts[q + 4]).toBe('Context|P4: А я — в Instagram.');
  });

  it('sets the original beside its translation into a chosen language', async () => {
    const bytes = await excerptsToDocx(sampleExport(), { language: 'en' });
    const xml = zipPart(bytes, 'word/document.xml');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(2); // one table per code with excerpts
    const ps = docxParagraphs(bytes).map((p) => p.text);
    expect(ps).toContain('Original');
    expect(ps).toContain('Translation: English');
    const q = ps.indexOf('Мен әкімдікке e-Otinish арқылы жаздым 👍');
    expect(ps[q + 1]).toBe('(Female, 34, Higher, Aktobe)');
    expect(ps[q + 2]).toBe('I wrote to the akimat via e-Otinish 👍');
    expect(ps).toContain('[No translation yet]');
  });

  it('writes a valid file that says so when nothing matches', async () => {
    const bytes = await excerptsToDocx(sampleExport({ excerpts: [] }));
    const ps = docxParagraphs(bytes);
    expect(ps.map((p) => p.text)).toContain('No excerpts match this selection.');
    expect(ps.map((p) => p.text)).toContain('Excerpts: 0');
    expect(ps.some((p) => p.style.startsWith('Heading'))).toBe(false);
  });

  it('replaces characters XML cannot hold instead of writing a file Word refuses', async () => {
    const data = sampleExport();
    const bad = { ...data, excerpts: [{ ...data.excerpts[0], quote: 'a\u0001b\uD800c' }] };
    const ps = docxParagraphs(await excerptsToDocx(bad));
    expect(ps.find((p) => p.style === 'Quote')?.text).toBe('a\uFFFDb\uFFFDc');
  });

  it('is a well-formed package that a Word reader opens: headings, quotes, tables', async () => {
    for (const options of [{ context: true, translations: true, definitions: true }, { language: 'en' }]) {
      const bytes = await excerptsToDocx(sampleExport(), options);
      const parts = unzipSync(bytes);
      expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/styles.xml']);
      for (const [name, content] of Object.entries(parts)) expect(XMLValidator.validate(strFromU8(content)), name).toBe(true);
      const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
      expect(html).toContain('<h1>Channels</h1><');
      expect(html).toContain('<h2>Channels / e-Otinish</h2>');
      expect(html).toContain('Мен әкімдікке e-Otinish арқылы жаздым 👍');
      if (options.language) expect(html).toMatch(/<table><thead><tr><th><p><strong>Original<\/strong><\/p><\/th>/);
    }
  });
});
