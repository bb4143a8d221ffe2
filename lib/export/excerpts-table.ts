/**
 * Coded excerpts as a table, one row per excerpt, for Excel and other tools: code path,
 * quote, the translation into a chosen language beside it (when one is chosen), every
 * translation with its translator, the attribution, participant labels and attributes,
 * document and its attributes, turn numbers, offsets, layer, coder, memo (and the context
 * turns when asked). Written as CSV (UTF-8 with BOM) or XLSX (with an "About" sheet saying
 * what was exported).
 */
import { languageName } from '../translation/language-tag';
import { attributionsFor, contextLine, headerLines, labelsOf, translationInto, translationLanguages, type ExcerptExport, type ExcerptFormatOptions } from './excerpts';
import { csvBytes, sheetToCsv } from '../tables/csv';
import type { CellValue, Sheet } from '../tables/sheet';
import { typedCell } from '../tables/typed-text';
import { sheetsToXlsx } from '../tables/xlsx';

/** The excerpts as a table (codebook order, as given). */
export function excerptsSheet(data: ExcerptExport, options: ExcerptFormatOptions = {}): Sheet {
  const attributions = attributionsFor(data, options.template);
  const codePath = new Map(data.codes.map((c) => [c.id, c.path]));
  const languages = translationLanguages(data.excerpts).filter((l) => l !== options.language);
  const pAttrs = data.attributes.filter((a) => a.scope === 'participant');
  const dAttrs = data.attributes.filter((a) => a.scope === 'document');

  const header: string[] = ['Code', 'Quote'];
  const widths: number[] = [28, 60];
  const wrap: number[] = [1];
  if (options.language) {
    header.push(`Quote (${options.language})`, `Translator (${options.language})`);
    widths.push(60, 16);
    wrap.push(2);
  }
  for (const l of languages) {
    header.push(`Translation (${l})`, `Translator (${l})`);
    widths.push(50, 16);
    wrap.push(header.length - 2);
  }
  header.push('Attribution', 'Participants');
  widths.push(30, 14);
  for (const a of pAttrs) {
    header.push(a.name);
    widths.push(14);
  }
  header.push('Document');
  widths.push(22);
  for (const a of dAttrs) {
    header.push(pAttrs.some((p) => p.name === a.name) ? `${a.name} (document)` : a.name);
    widths.push(14);
  }
  header.push('Turns', 'Start', 'End', 'Layer', 'Coder', 'Memo');
  widths.push(8, 8, 8, 10, 16, 40);
  wrap.push(header.length - 1);
  if (options.context) {
    header.push('Context before', 'Context after');
    widths.push(40, 40);
    wrap.push(header.length - 2, header.length - 1);
  }

  const rows = data.excerpts.map((e) => {
    const row: CellValue[] = [codePath.get(e.codeId) ?? `Code ${e.codeId}`, e.quote];
    if (options.language) {
      const t = translationInto(e, options.language);
      row.push(t?.text ?? '', t?.author ?? '');
    }
    for (const l of languages) {
      const t = translationInto(e, l);
      row.push(t?.text ?? '', t?.author ?? '');
    }
    row.push(attributions.get(e.codingId) ?? '', e.participants.map((p) => p.label).join('; '));
    for (const a of pAttrs) row.push(joinValues(a.type, e.participants.map((p) => p.attributes[a.name] ?? '')));
    row.push(e.documentTitle);
    for (const a of dAttrs) row.push(typedCell(a.type, e.documentAttributes[a.name] ?? ''));
    row.push(e.turns.join(', '), e.start, e.end, e.layer, e.layerName, e.memo);
    if (options.context) {
      row.push((e.contextBefore ?? []).map(contextLine).join('\n'), (e.contextAfter ?? []).map(contextLine).join('\n'));
    }
    return row;
  });
  return { name: 'Excerpts', header, rows, widths, wrap, emptyNote: labelsOf(options).empty };
}

/** Values of several participants: one (of its type) when they agree, else each in order, "; "-joined. */
function joinValues(type: string | undefined, values: string[]): CellValue {
  if (values.length === 0) return '';
  return values.every((v) => v === values[0]) ? typedCell(type, values[0]) : values.join('; ');
}

/** CSV bytes, UTF-8 with BOM; an empty selection gives the header and a row saying so. */
export function excerptsToCsv(data: ExcerptExport, options: ExcerptFormatOptions = {}): Uint8Array {
  return csvBytes(sheetToCsv(excerptsSheet(data, options)));
}

/** An .xlsx workbook: the "Excerpts" sheet and an "About" sheet with what was exported. */
export async function excerptsToXlsx(data: ExcerptExport, options: ExcerptFormatOptions = {}): Promise<Uint8Array> {
  const labels = labelsOf(options);
  const about: Sheet = {
    name: 'About',
    header: [labels.title, ''],
    rows: [
      ...headerLines(data, labels),
      ...(options.language ? [[labels.translation, languageName(options.language)] as [string, string]] : []),
      ['', labels.pseudonymised],
    ],
    widths: [18, 90],
    wrap: [1],
  };
  return sheetsToXlsx([excerptsSheet(data, options), about]);
}
