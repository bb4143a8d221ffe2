/**
 * Comma- or semicolon-separated values as spreadsheets write them (RFC 4180: fields may be
 * quoted with ", a quote inside is doubled, quoted fields may span lines). Excel in Russian
 * and Kazakh locales writes semicolons, because the comma is the decimal separator.
 */
import { ImportError } from './errors';

/**
 * Picks the delimiter from the header line: whichever of ";", "," and tab occurs most often
 * outside quotes (a comma on a tie, and when none occurs).
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * Splits CSV text (line endings already \n) into records of fields, with the delimiter
 * detected by {@link detectDelimiter} unless given. A record spanning several lines (a quoted
 * field with line breaks) is still one record, as a spreadsheet shows it as one row; a
 * trailing empty line makes no record. Throws an {@link ImportError} naming the line where an
 * unterminated quoted field starts.
 */
export function parseCsv(text: string, fileName: string, delimiter: ',' | ';' | '\t' = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let quoteLine = 0;
  let line = 1;
  let i = 0;
  const endField = (): void => {
    record.push(field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\n') {
      endField();
      records.push(record);
      record = [];
      line++;
    } else {
      field += ch;
    }
    i++;
  }
  if (quoted) throw new ImportError(fileName, 'a quoted field is never closed (missing ")', { line: quoteLine });
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}
