/**
 * Fuzzing the roster importer (lib/import: parseRoster, validateRoster) and the codebook
 * importer (lib/export/codebook-import: readCodebookFile): CSV in every dialect with broken
 * quoting, random bytes, and the fixture .csv and .xlsx with bytes changed. parseRoster ends
 * in rows or an ImportError naming the file; validateRoster and readCodebookFile never throw
 * and say what is wrong row by row.
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCodebookFile } from '../export/codebook-import';
import { ImportError, parseRoster, validateRoster } from '../import';
import { encodeUtf16, encodeUtf8, fixture } from '../import/testing';
import { anyText, attempt, attemptAsync, mutated } from './harness';

const HEADERS = ['Код участника', 'Группа', 'Пол', 'Возраст', 'Образование', 'Лет в городе', 'label', 'group', 'gender', 'age', 'education', 'years in city', 'Қатысушы', 'Топ', 'Жасы', 'Name', 'Path', 'Parent', 'Description', 'Colour', 'Shortcut', ''];
const GROUPS = ['FG01', 'Актау, группа 1', 'Семей 12', 'fg01'];
const cell = fc.oneof(
  fc.constantFrom(...HEADERS, ...GROUPS, 'P1', 'Р1', 'P1', 'Ж', 'М', 'F', '34', '34,0', '-3', '121', 'с рождения', 'высшее', '#1f77b4', 'Channels / e-Otinish', '"', '""', '"a""b"', '=1+1', '\u0000'),
  anyText(30),
);
const csvText = fc
  .tuple(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([rows, sep, eol, quote]) => rows.map((r) => r.map((c) => (quote && /[",;\t\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join(eol));
const csvBytes = fc.tuple(csvText, fc.constantFrom('utf8', 'utf8bom', 'utf16le')).map(([t, how]) => (how === 'utf16le' ? encodeUtf16(t, 'le') : encodeUtf8(t, how === 'utf8bom')));
const FIXTURES = [fixture('roster-ru.csv'), fixture('roster-kk.xlsx')];
const NAMES = ['roster.csv', 'roster.tsv', 'roster.xlsx', 'roster.xls', 'roster', 'roster.CSV'];

async function rosterCleanly(bytes: Uint8Array, name: string, encoding?: string) {
  const r = await attemptAsync({ name, bytes }, () => parseRoster(bytes, name, { encoding, maxBytes: 1 << 20 }), ImportError);
  if (!r.ok) return;
  const { columns, rows } = r.value;
  expect(new Set(columns.map((c) => c.toLowerCase())).size).toBe(columns.length);
  // (compared as sets: an object lists integer-like keys such as "34" first)
  for (const row of rows) expect(Object.keys(row).sort()).toEqual([...columns].sort());
  const groups = GROUPS.slice(0, 1 + (bytes.length % GROUPS.length));
  const v = attempt(rows, () => validateRoster(rows, { groups }));
  if (!v.ok) throw v.error;
  expect(v.value.ok).toBe(v.value.problems.length === 0 && v.value.participants.length > 0);
  for (const p of v.value.problems) {
    expect(p.row).toBeGreaterThanOrEqual(1);
    expect(p.message.trim()).not.toBe('');
  }
  for (const p of v.value.participants) expect(groups).toContain(p.group);
}

describe('parseRoster and validateRoster', () => {
  it('read CSV of any dialect, quoting and encoding', async () => {
    await fc.assert(
      fc.asyncProperty(csvBytes, fc.constantFrom(...NAMES), fc.constantFrom(undefined, undefined, 'windows-1251', 'utf-16le', 'no-such-encoding'), rosterCleanly),
      { numRuns: 500 },
    );
  });

  it('survive mutated fixture rosters and random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(mutated(FIXTURES), fc.uint8Array({ maxLength: 400 })), fc.constantFrom(...NAMES), (b, n) => rosterCleanly(b, n)), { numRuns: 400 });
  });

  // Edits to the worksheet and shared-string XML, zipped again, reach the spreadsheet reader.
  it('survive mutated worksheet XML inside a valid .xlsx', async () => {
    const parts = unzipSync(FIXTURES[1]);
    const targets = Object.keys(parts).filter((n) => /^xl\/(worksheets\/sheet1|sharedStrings)\.xml$/.test(n));
    const edit = fc.tuple(
      fc.constantFrom(...targets),
      fc.constantFrom('replace', 'delete', 'duplicate'),
      fc.nat(),
      fc.constantFrom('<', '>', '"', '&', '/', ' ', 'x', '0', '-1', '1E+308', '<c r="ZZZ99999">', '</row>', '<v>', 't="s"', 't="e"', '&#0;'),
      fc.integer({ min: 1, max: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const files = { ...parts };
        for (const [name, kind, pos, text, len] of edits) {
          let x = strFromU8(files[name]);
          const at = pos % (x.length || 1);
          if (kind === 'replace') x = x.slice(0, at) + text + x.slice(at + 1);
          else if (kind === 'delete') x = x.slice(0, at) + x.slice(at + len);
          else x = x.slice(0, at) + x.slice(at, at + len) + x.slice(at);
          files[name] = strToU8(x);
        }
        await rosterCleanly(zipSync(files, { level: 0 }), 'roster.xlsx');
      }),
      { numRuns: 120 },
    );
  });

  it('validateRoster never throws on any rows', () => {
    const row = fc.dictionary(fc.constantFrom(...HEADERS), cell, { maxKeys: 8 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.array(fc.constantFrom(...GROUPS), { maxLength: 4 }), (rows, groups) => {
        const v = attempt(rows, () => validateRoster(rows, { groups }));
        if (!v.ok) throw v.error;
        for (const p of v.value.problems) expect(p.message.trim()).not.toBe('');
      }),
      { numRuns: 800 },
    );
  });
});

describe('readCodebookFile', () => {
  it('never throws: rows, or problems saying what is wrong', async () => {
    const names = ['codebook.csv', 'codebook.txt', 'codebook.xlsx', 'codebook.qdc', 'codebook.qdpx', 'codebook.qde', 'codebook.pdf'];
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvBytes, mutated(FIXTURES), fc.uint8Array({ maxLength: 300 })), fc.constantFrom(...names), async (bytes, name) => {
        const r = await attemptAsync({ name, bytes }, () => readCodebookFile(bytes, name, [['Channels'], ['Channels', 'e-Otinish']]));
        if (!r.ok) throw r.error;
        for (const p of r.value.problems) expect(String(p.message ?? '').trim()).not.toBe('');
      }),
      { numRuns: 400 },
    );
  });
});
