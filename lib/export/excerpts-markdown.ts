/**
 * Coded excerpts as Markdown for a quick read: a title and what was exported, then a heading
 * per code (## for a top-level code, ### below it, …), each excerpt a block quote followed by
 * its attribution. Text from the data is escaped so that a quote never turns into a heading,
 * a list, a link or HTML.
 */
import { languageName } from '../translation/language-tag';
import { attributionsFor, contextLine, headerLines, labelsOf, sectionsByCode, translationInto, type ExcerptExport, type ExcerptFormatOptions } from './excerpts';

/** Escapes Markdown syntax in inline text (line breaks are kept for the caller to handle). */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_[\]<>#|~{}]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
    .replace(/^(\s*)!/gm, '$1\\!');
}

/** Escaped text as block-quote lines ("> …"), one per line of the text. */
function quoteBlock(text: string, prefix = '> '): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${escapeMarkdown(line)}`.trimEnd())
    .join('\n');
}

/** One table cell: escaped, line breaks as <br>. */
function cell(text: string): string {
  return escapeMarkdown(text).replace(/\n/g, '<br>');
}

/** The excerpts as Markdown text. */
export function excerptsToMarkdown(data: ExcerptExport, options: ExcerptFormatOptions = {}): string {
  const labels = labelsOf(options);
  const attributions = attributionsFor(data, options.template);
  const out: string[] = [`# ${escapeMarkdown(labels.title)}`, ''];
  for (const [k, v] of headerLines(data, labels)) out.push(`- **${escapeMarkdown(k)}:** ${escapeMarkdown(v)}`);
  out.push('', `_${escapeMarkdown(labels.pseudonymised)}_`, '');
  if (data.excerpts.length === 0) out.push(escapeMarkdown(labels.empty), '');

  for (const section of sectionsByCode(data)) {
    out.push(`${'#'.repeat(Math.min(section.level + 1, 6))} ${escapeMarkdown(section.code.path)}`, '');
    if (options.definitions && section.code.description.trim()) {
      out.push(`**${escapeMarkdown(labels.definition)}:** ${escapeMarkdown(section.code.description.trim()).replace(/\n/g, ' ')}`, '');
    }
    if (section.excerpts.length === 0) continue;
    if (options.language) {
      out.push(`| ${escapeMarkdown(labels.original)} | ${escapeMarkdown(`${labels.translation}: ${languageName(options.language)}`)} |`, '| --- | --- |');
      for (const e of section.excerpts) {
        const attribution = attributions.get(e.codingId) ?? '';
        const t = translationInto(e, options.language);
        const left = cell(e.quote) + (attribution ? `<br>${cell(attribution)}` : '');
        out.push(`| ${left} | ${t ? cell(t.text) : `_${cell(labels.noTranslation)}_`} |`);
      }
      out.push('');
      continue;
    }
    for (const e of section.excerpts) {
      if (options.context) for (const t of e.contextBefore ?? []) out.push(`_${escapeMarkdown(contextLine(t)).replace(/\n/g, ' ')}_`, '');
      out.push(quoteBlock(e.quote));
      if (options.translations) {
        for (const t of e.translations) {
          out.push('>', quoteBlock(`${t.text} (${languageName(t.language)}${t.author ? `; ${t.author}` : ''})`, '> _') + '_');
        }
      }
      const attribution = attributions.get(e.codingId) ?? '';
      if (attribution) out.push('', `— ${escapeMarkdown(attribution)}`);
      out.push('');
      if (options.context) for (const t of e.contextAfter ?? []) out.push(`_${escapeMarkdown(contextLine(t)).replace(/\n/g, ' ')}_`, '');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
