/**
 * Coded excerpts as a standalone HTML page for a quick read (no scripts, no external
 * resources): a heading per code, each excerpt a <blockquote> with its attribution in a
 * <figcaption>. Everything from the data is HTML-escaped.
 */
import { languageName } from '../translation/language-tag';
import { attributionsFor, contextLine, headerLines, labelsOf, sectionsByCode, translationInto, type ExcerptExport, type ExcerptFormatOptions } from './excerpts';
import { escapeHtml } from '../text/escape-html';


/** Escaped text with its line breaks as <br>. */
function lines(s: string): string {
  return escapeHtml(s).replace(/\n/g, '<br>');
}

const STYLE = `
body { font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1d2330; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.note, .definition { color: #555; }
figure.excerpt { margin: 1.2rem 0; }
blockquote { margin: 0 0 0 1.5rem; padding-left: 0.8rem; border-left: 3px solid #c9ced8; font-style: italic; }
blockquote.translation { color: #555; border-left-style: dotted; margin-top: 0.3rem; }
figcaption { margin: 0.3rem 0 0 1.5rem; text-align: right; }
.context { color: #6b6b6b; font-size: 0.9em; margin: 0.2rem 0 0.2rem 1.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c9ced8; padding: 0.4rem; vertical-align: top; text-align: left; }
.missing { color: #999; }
`;

/** The excerpts as an HTML document (UTF-8). */
export function excerptsToHtml(data: ExcerptExport, options: ExcerptFormatOptions = {}): string {
  const labels = labelsOf(options);
  const attributions = attributionsFor(data, options.template);
  const out: string[] = [
    '<!doctype html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(`${labels.title} — ${data.projectName}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(labels.title)}</h1>`,
    '<dl class="meta">',
    ...headerLines(data, labels).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`),
    '</dl>',
    `<p class="note">${escapeHtml(labels.pseudonymised)}</p>`,
  ];
  if (data.excerpts.length === 0) out.push(`<p class="empty">${escapeHtml(labels.empty)}</p>`);
  const context = (turns: readonly { turn: number; speaker: string; text: string }[] | undefined) =>
    options.context ? (turns ?? []).map((t) => `<p class="context">${lines(contextLine(t))}</p>`) : [];

  for (const section of sectionsByCode(data)) {
    const h = `h${Math.min(section.level + 1, 6)}`;
    out.push(`<section><${h}>${escapeHtml(section.code.path)}</${h}>`);
    if (options.definitions && section.code.description.trim()) {
      out.push(`<p class="definition"><strong>${escapeHtml(labels.definition)}:</strong> ${lines(section.code.description.trim())}</p>`);
    }
    if (section.excerpts.length > 0 && options.language) {
      const language = options.language;
      out.push(
        '<table>',
        `<thead><tr><th>${escapeHtml(labels.original)}</th><th>${escapeHtml(`${labels.translation}: ${languageName(language)}`)}</th></tr></thead>`,
        '<tbody>',
      );
      for (const e of section.excerpts) {
        const attribution = attributions.get(e.codingId) ?? '';
        const t = translationInto(e, language);
        out.push(
          '<tr><td>',
          ...context(e.contextBefore),
          `<blockquote>${lines(e.quote)}</blockquote>`,
          attribution ? `<figcaption>${lines(attribution)}</figcaption>` : '',
          ...context(e.contextAfter),
          `</td><td>${t ? `<blockquote lang="${escapeHtml(language)}">${lines(t.text)}</blockquote>` : `<span class="missing">${escapeHtml(labels.noTranslation)}</span>`}</td></tr>`,
        );
      }
      out.push('</tbody></table>');
    } else {
      for (const e of section.excerpts) {
        const attribution = attributions.get(e.codingId) ?? '';
        out.push('<figure class="excerpt">', ...context(e.contextBefore), `<blockquote>${lines(e.quote)}</blockquote>`);
        if (options.translations) {
          for (const t of e.translations) {
            const by = `${languageName(t.language)}${t.author ? `; ${t.author}` : ''}`;
            out.push(`<blockquote class="translation" lang="${escapeHtml(t.language)}">${lines(t.text)} <small>(${escapeHtml(by)})</small></blockquote>`);
          }
        }
        if (attribution) out.push(`<figcaption>${lines(attribution)}</figcaption>`);
        out.push(...context(e.contextAfter), '</figure>');
      }
    }
    out.push('</section>');
  }
  out.push('</body>', '</html>', '');
  return out.filter((s) => s !== '').join('\n') + '\n';
}
