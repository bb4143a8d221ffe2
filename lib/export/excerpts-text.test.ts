import { describe, expect, it } from 'vitest';
import { excerptsToHtml } from './excerpts-html';
import { escapeHtml } from '../text/escape-html';
import { escapeMarkdown, excerptsToMarkdown } from './excerpts-markdown';
import { sampleExport } from './testing';

describe('excerptsToMarkdown', () => {
  it('writes a heading per code path and each quote as a block quote with its attribution', () => {
    const md = excerptsToMarkdown(sampleExport(), { definitions: true });
    expect(md).toContain('# Coded excerpts');
    expect(md).toContain('## Channels\n');
    expect(md).toContain('### Channels / e-Otinish\n');
    expect(md).toContain('> Мен әкімдікке e-Otinish арқылы жаздым 👍\n\n— (Female, 34, Higher, Aktobe)');
    expect(md).toContain('> Пишу в Instagram акимата,\n> потом звоню');
    expect(md).toContain('> Сайлау — бұл \\<b\\>таңдау\\</b\\> & жауапкершілік');
    expect(md).toContain('**Definition:** Online appeals via e-Otinish & eGov \\<portal\\>.');
  });

  it('puts translations beneath, or side by side in a table', () => {
    expect(excerptsToMarkdown(sampleExport(), { translations: true })).toContain('> _I wrote to the akimat via e-Otinish 👍 (English; Aigerim)_');
    const table = excerptsToMarkdown(sampleExport(), { language: 'en' });
    expect(table).toContain('| Original | Translation: English |');
    expect(table).toContain('| Мен әкімдікке e-Otinish арқылы жаздым 👍<br>(Female, 34, Higher, Aktobe) | I wrote to the akimat via e-Otinish 👍 |');
    expect(table).toContain('| Пишу в Instagram акимата,<br>потом звоню<br>(Male, 52, Taraz; Female, 23, Secondary, Taraz) | _No translation yet_ |');
  });

  it('escapes what would become structure', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('[link](x) *b* _i_ | `c` &amp;')).toBe('\\[link\\](x) \\*b\\* \\_i\\_ \\| \\`c\\` &amp;amp;');
  });

  it('says so when nothing matches', () => {
    expect(excerptsToMarkdown(sampleExport({ excerpts: [] }))).toContain('No excerpts match this selection.');
  });
});

describe('excerptsToHtml', () => {
  it('escapes everything and keeps Cyrillic intact', () => {
    const html = excerptsToHtml(sampleExport(), { definitions: true, translations: true, context: true });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<blockquote>Сайлау — бұл &lt;b&gt;таңдау&lt;/b&gt; &amp; жауапкершілік</blockquote>');
    expect(html).toContain('Online appeals via e-Otinish &amp; eGov &lt;portal&gt;.');
    expect(html).toContain('<title>Coded excerpts — Political participation — FG «2024»</title>');
    expect(html).toContain('<blockquote>Пишу в Instagram акимата,<br>потом звоню</blockquote>');
    expect(html).toContain('<figcaption>(Female, 34, Higher, Aktobe)</figcaption>');
    expect(html).toContain('<blockquote class="translation" lang="en">I wrote to the akimat via e-Otinish 👍 <small>(English; Aigerim)</small></blockquote>');
    expect(html).toContain('<p class="context">Moderator: Как вы обращаетесь к власти?</p>');
    expect(html).not.toMatch(/<script|<b>/);
  });

  it('sets original and translation side by side', () => {
    const html = excerptsToHtml(sampleExport(), { language: 'en' });
    expect(html).toContain('<th>Original</th><th>Translation: English</th>');
    expect(html).toContain('<blockquote lang="en">I wrote to the akimat via e-Otinish 👍</blockquote>');
    expect(html).toContain('<span class="missing">No translation yet</span>');
  });

  it('escapes quotes in attributes too', () => {
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });

  it('says so when nothing matches', () => {
    expect(excerptsToHtml(sampleExport({ excerpts: [] }))).toContain('<p class="empty">No excerpts match this selection.</p>');
  });
});
