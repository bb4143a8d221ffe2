/**
 * A small writer of Word (.docx) files: headings, paragraphs in named styles, line breaks,
 * simple tables. Written directly as WordprocessingML and zipped with fflate, because the
 * general-purpose `docx` library spends seconds (mostly allocation) on the tens of thousands
 * of paragraphs a 5,000-excerpt export has; this writer takes a fraction of that.
 *
 * The styles are Word's own (Normal, Title, Heading 1–6, Quote, under Word's style ids, so
 * an author restyles the manuscript as usual) plus a few of ours based on them (Attribution,
 * Translation, Context). Text is escaped, and characters XML cannot hold become U+FFFD.
 */
import { strToU8, zipSync } from 'fflate';

export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  /** RRGGBB */
  color?: string;
  /** Half-points. */
  size?: number;
}

export type StyleId = 'Normal' | 'Title' | `Heading${1 | 2 | 3 | 4 | 5 | 6}` | 'Quote' | 'Attribution' | 'Translation' | 'Context';

/** Characters XML 1.0 cannot hold (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
export function xmlSafe(s: string): string {
  // toWellFormed (ES2024) replaces lone surrogates; the cheap checks skip the common case.
  const str = s as string & { isWellFormed(): boolean; toWellFormed(): string };
  const whole = str.isWellFormed() ? s : str.toWellFormed();
  return XML_UNSAFE.test(whole) ? whole.replace(XML_UNSAFE_ALL, '\uFFFD') : whole;
}

const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const XML_UNSAFE_ALL = new RegExp(XML_UNSAFE.source, 'g');

function esc(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function runXml(r: Run): string {
  const props =
    (r.bold ? '<w:b/>' : '') +
    (r.italics === true ? '<w:i/>' : r.italics === false ? '<w:i w:val="0"/>' : '') +
    (r.color ? `<w:color w:val="${r.color}"/>` : '') +
    (r.size ? `<w:sz w:val="${r.size}"/><w:szCs w:val="${r.size}"/>` : '');
  const rPr = props ? `<w:rPr>${props}</w:rPr>` : '';
  // A line break inside the text (a passage over several turns) is a Word line break.
  const parts = r.text
    .split('\n')
    .map((line, i) => `${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(line)}</w:t>`)
    .join('');
  return `<w:r>${rPr}${parts}</w:r>`;
}

function paragraphXml(runs: readonly Run[], style?: StyleId): string {
  const pPr = style && style !== 'Normal' ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${pPr}${runs.map(runXml).join('')}</w:p>`;
}

/** A table cell: its paragraphs. */
export type Cell = { runs: readonly Run[]; style?: StyleId }[];

/** Builds a document body in order; `bytes()` writes the file. */
export class DocxBuilder {
  private readonly body: string[] = [];

  /** A paragraph of runs (a string is one plain run) in a style. */
  paragraph(content: string | readonly Run[], style?: StyleId): this {
    this.body.push(paragraphXml(typeof content === 'string' ? [{ text: content }] : content, style));
    return this;
  }

  heading(level: number, text: string): this {
    return this.paragraph(text, `Heading${Math.min(6, Math.max(1, level)) as 1 | 2 | 3 | 4 | 5 | 6}`);
  }

  /** A full-width table of equal columns; the first row repeats on each page as a header when `header`. */
  table(rows: readonly (readonly Cell[])[], header = false): this {
    const columns = Math.max(1, ...rows.map((r) => r.length));
    const width = Math.floor(5000 / columns);
    const grid = `<w:tblGrid>${'<w:gridCol/>'.repeat(columns)}</w:tblGrid>`;
    const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>`;
    const borders = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`;
    const xml = rows.map((row, r) => {
      const trPr = header && r === 0 ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
      const cells = row
        .map((cell) => {
          const shade = header && r === 0 ? '<w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/>' : '';
          const content = cell.length ? cell.map((p) => paragraphXml(p.runs, p.style)).join('') : '<w:p/>';
          return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="pct"/>${shade}</w:tcPr>${content}</w:tc>`;
        })
        .join('');
      return `<w:tr>${trPr}${cells}</w:tr>`;
    });
    this.body.push(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>${borders}<w:tblLayout w:type="autofit"/></w:tblPr>${grid}${xml.join('')}</w:tbl>`);
    // Word needs a paragraph between two tables, and after a table at the end of a cell or body.
    this.body.push('<w:p/>');
    return this;
  }

  /** The .docx file. `title` goes into the document properties. */
  bytes(meta: { title: string; creator?: string }): Uint8Array {
    const document =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
      this.body.join('') +
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>' +
      '</w:body></w:document>';
    const core =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${esc(meta.title)}</dc:title><dc:creator>${esc(meta.creator ?? 'fgcoder')}</dc:creator></cp:coreProperties>`;
    const mtime = new Date('1980-01-01T00:00:00Z');
    const file = (s: string): [Uint8Array, { mtime: Date }] => [strToU8(s), { mtime }];
    return zipSync(
      {
        '[Content_Types].xml': file(CONTENT_TYPES),
        '_rels/.rels': file(ROOT_RELS),
        'docProps/core.xml': file(core),
        'word/document.xml': file(document),
        'word/styles.xml': file(STYLES),
        'word/_rels/document.xml.rels': file(DOCUMENT_RELS),
      },
      // Fast deflate: the file is a little larger, and it is written several times faster.
      { level: 1 },
    );
  }
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '</Relationships>';

function style(id: string, name: string, o: { basedOn?: string; next?: string; ui?: number; pPr?: string; rPr?: string; isDefault?: boolean }): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"${o.isDefault ? ' w:default="1"' : ''}><w:name w:val="${name}"/>` +
    (o.basedOn ? `<w:basedOn w:val="${o.basedOn}"/>` : '') +
    (o.next ? `<w:next w:val="${o.next}"/>` : '') +
    (o.ui !== undefined ? `<w:uiPriority w:val="${o.ui}"/>` : '') +
    '<w:qFormat/>' +
    (o.pPr ? `<w:pPr>${o.pPr}</w:pPr>` : '') +
    (o.rPr ? `<w:rPr>${o.rPr}</w:rPr>` : '') +
    '</w:style>'
  );
}

const HEADING_SIZES = [32, 28, 26, 24, 22, 22];

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<w:styles xmlns:w="${W}">` +
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  style('Normal', 'Normal', { isDefault: true, ui: 0 }) +
  style('Title', 'Title', { basedOn: 'Normal', next: 'Normal', ui: 10, pPr: '<w:spacing w:after="240"/>', rPr: '<w:sz w:val="48"/><w:szCs w:val="48"/>' }) +
  HEADING_SIZES.map((size, i) =>
    style(`Heading${i + 1}`, `heading ${i + 1}`, {
      basedOn: 'Normal',
      next: 'Normal',
      ui: 9,
      pPr: `<w:keepNext/><w:keepLines/><w:spacing w:before="${i === 0 ? 360 : 240}" w:after="120"/><w:outlineLvl w:val="${i}"/>`,
      rPr: `<w:b/><w:color w:val="1F3864"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`,
    }),
  ).join('') +
  style('Quote', 'Quote', { basedOn: 'Normal', next: 'Normal', ui: 29, pPr: '<w:spacing w:before="200" w:after="80"/><w:ind w:left="864" w:right="864"/>', rPr: '<w:i/><w:color w:val="404040"/>' }) +
  style('Attribution', 'Attribution', { basedOn: 'Normal', next: 'Normal', pPr: '<w:spacing w:after="200"/><w:ind w:left="864" w:right="864"/><w:jc w:val="right"/>', rPr: '<w:sz w:val="20"/><w:szCs w:val="20"/>' }) +
  style('Translation', 'Translation', { basedOn: 'Quote', next: 'Normal', pPr: '<w:spacing w:before="40" w:after="80"/>', rPr: '<w:i/><w:color w:val="555555"/>' }) +
  style('Context', 'Context', { basedOn: 'Normal', next: 'Normal', pPr: '<w:spacing w:before="40" w:after="40"/><w:ind w:left="864" w:right="864"/>', rPr: '<w:color w:val="6B6B6B"/><w:sz w:val="18"/><w:szCs w:val="18"/>' }) +
  '</w:styles>';
