/**
 * The case matrix as an SPSS system file, read back by real readers: R's foreign::read.spss
 * (Debian r-cran-foreign) with value labels as factor levels, and PSPP (Debian pspp). Without
 * a reader the test is skipped with a message, except under CI (CI=true, as .ci/run sets),
 * where a missing reader fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { savNames, writeSav } from '../tables/sav';
import type { CaseMatrix } from './case-matrix';
import { computeCaseMatrix } from './case-matrix';
import { caseMatrixSav, caseMatrixSavFile } from './case-matrix-sav';
import { compileFilter } from './filter';
import { buildCodingSet } from './model';
import { FIXTURE_ATTRIBUTES, fixtureCodings, fixtureModel } from './test-fixture';
import { EMPTY_FILTER, type AttributeInfo } from './types';

const ENV = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
const HAS_FOREIGN = spawnSync('Rscript', ['-e', 'library(foreign)'], { encoding: 'utf8', env: ENV }).status === 0;
const HAS_PSPP = spawnSync('pspp', ['--version'], { encoding: 'utf8' }).status === 0;
const mark = (ok: boolean, pkg: string) => (ok ? '' : process.env.CI ? ` (FAILS: not installed; apt-get install ${pkg})` : ` (SKIPPED: not installed; apt-get install ${pkg})`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-sav-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const save = (bytes: Uint8Array) => {
  const file = path.join(dir, `m${Math.random().toString(36).slice(2)}.sav`);
  fs.writeFileSync(file, bytes);
  return file;
};

interface RColumn {
  name: string;
  cls: string;
  label: string;
  levels: string[];
  /** As R prints them, trimmed; NA for missing; dates (DATE11 variables) as YYYY-MM-DD. */
  values: string[];
}

/** Reads the file with foreign::read.spss(to.data.frame = TRUE, use.value.labels = TRUE) and describes every column. */
function readInR(file: string, dateColumns: string[] = []): { rows: number; columns: RColumn[] } {
  if (!HAS_FOREIGN) throw new Error('Not installed: apt-get install r-base-core r-cran-foreign (.ci/run installs them)');
  const script = `options(warn = 1)
suppressPackageStartupMessages(library(foreign))
a <- commandArgs(TRUE)
d <- read.spss(a[1], to.data.frame = TRUE, use.value.labels = TRUE)
dates <- if (length(a) > 1) a[-1] else character(0)
labels <- attr(d, "variable.labels")
out <- c(nrow(d))
for (n in names(d)) {
  x <- d[[n]]
  v <- if (n %in% dates) format(as.Date(as.POSIXct(x, origin = "1582-10-14", tz = "UTC"))) else trimws(as.character(x))
  v[is.na(x)] <- "NA"
  out <- c(out, paste(n, class(x)[1], labels[[n]], paste(levels(x), collapse = "|"), paste(v, collapse = "|"), sep = "\\t"))
}
writeLines(out)`;
  const r = spawnSync('Rscript', ['-e', script, file, ...dateColumns], { encoding: 'utf8', env: ENV });
  if (r.status !== 0) throw new Error(`Rscript failed:\n${r.stderr}`);
  if (/warning/i.test(r.stderr)) throw new Error(`read.spss warned:\n${r.stderr}`);
  const [rows, ...lines] = r.stdout.replace(/\n$/, '').split('\n');
  return {
    rows: Number(rows),
    columns: lines.map((l) => {
      const [name, cls, label, levels, values] = l.split('\t');
      return { name, cls, label, levels: levels ? levels.split('|') : [], values: values.split('|') };
    }),
  };
}

/** PSPP's dictionary and data listing as CSV text. */
function readInPspp(file: string): string {
  if (!HAS_PSPP) throw new Error('Not installed: apt-get install pspp (.ci/run installs it)');
  const syntax = path.join(dir, 'read.sps');
  fs.writeFileSync(syntax, `GET FILE='${file}'.\nDISPLAY DICTIONARY.\nLIST.\n`);
  const r = spawnSync('pspp', ['-O', 'format=csv', syntax], { encoding: 'utf8', env: ENV, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`pspp failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const attr = (id: number, name: string, type: AttributeInfo['type'], values: string[] = []): AttributeInfo => ({ id, name, scope: 'participant', type, values, bins: [], private: false });
const ATTRIBUTES: AttributeInfo[] = [
  attr(1, 'Язык интервью', 'category', ['Қазақ тілі', 'Русский']),
  attr(2, 'age', 'number'),
  attr(3, 'дата', 'date'),
  attr(4, 'заметка', 'text'),
  attr(5, 'years in city', 'number'),
  { ...attr(6, 'Язык интервью', 'text'), scope: 'document' },
  { ...attr(7, 'город', 'category', ['Алматы', 'Тараз']), scope: 'document' },
  { ...attr(8, 'модератор', 'text'), scope: 'document', private: true },
];
const DOCUMENTS: Array<{ id: number; attributes: Record<string, string> }> = [
  { id: 10, attributes: { город: 'Алматы', 'Язык интервью': 'қазақша', модератор: 'А. Б.' } },
  { id: 20, attributes: { город: 'Тараз' } },
];
const code = (codeId: number, name: string, p: string) => ({ codeId, name, path: p, color: '#000', depth: 0, rolledUp: false });
/** Three participants, hand-made: names that are not SPSS names (spaces, Cyrillic, a leading digit, equal first 8 bytes, a clash with "participant"). */
const MATRIX: CaseMatrix = {
  codes: [
    code(1, 'Қазақ тілі', 'Тіл / Қазақ тілі'),
    code(2, 'Обращение в акимат', 'Каналы / Обращение в акимат'),
    code(3, '2nd wave', '2nd wave'),
    code(4, 'Participants A', 'Participants A'),
    code(5, 'Participants B', 'Participants B'),
    code(6, 'participant', 'participant'),
  ],
  attributes: ['Язык интервью', 'age', 'дата', 'заметка', 'years in city'],
  participants: [
    { participantId: 1, label: 'Қатысушы 1', documentId: 10, documentTitle: 'ФГ Алматы', attributes: { 'Язык интервью': 'Қазақ тілі', age: '25', дата: '2024-05-01', заметка: 'Работает в акимате, пишет в e-Otinish', 'years in city': '10' } },
    { participantId: 2, label: 'P2', documentId: 10, documentTitle: 'ФГ Алматы', attributes: { 'Язык интервью': 'смешанный', age: '40,5', 'years in city': 'около 10' } },
    { participantId: 3, label: 'P3', documentId: 20, documentTitle: 'FG Тараз', attributes: { 'Язык интервью': 'Русский', дата: '2024-11-05', заметка: 'Ә' } },
  ],
  counts: [
    [2, 0, 1, 0, 0, 3],
    [0, 1, 0, 4, 0, 0],
    [1, 1, 0, 0, 5, 0],
  ],
  totals: [5, 5, 7],
};
const NOTES: Array<[string, string]> = [['Layer', 'Consensus'], ['Filters', 'город: Алматы']];
const CREATED = new Date(Date.UTC(2026, 11, 7, 9, 30, 0));

describe('SPSS names', () => {
  it('gives every variable a valid, unique short name and a valid long name, whatever it was called', () => {
    const names = savNames(['participant', 'Participant', 'Язык интервью', '2nd wave', 'Participants A', 'Participants B', 'AND', 'a.', '', 'x'.repeat(80), 'Қазақ тілі', 'Қазақ тілі']);
    expect(names.map((n) => n.long)).toEqual([
      'participant',
      'Participant_2',
      'Язык_интервью',
      'V2nd_wave',
      'Participants_A',
      'Participants_B',
      'AND_2',
      'a_',
      'V',
      'x'.repeat(64),
      'Қазақ_тілі',
      'Қазақ_тілі_2',
    ]);
    const shorts = names.map((n) => n.short);
    expect(new Set(shorts.map((s) => s.toUpperCase())).size).toBe(shorts.length);
    for (const s of shorts) expect(s).toMatch(/^[A-Z][A-Z0-9_]{0,7}$/);
    for (const n of names) expect(new TextEncoder().encode(n.long).length).toBeLessThanOrEqual(64);
  });

  it('writes a $FL2 header with the case size in 8-byte segments and the number of cases', () => {
    const bytes = writeSav({ variables: [{ kind: 'numeric', name: 'n' }, { kind: 'string', name: 's', width: 20 }], cases: [[1, 'a'], [2, 'b']], created: CREATED });
    const v = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('$FL2');
    expect([v.getInt32(64, true), v.getInt32(68, true), v.getInt32(72, true), v.getInt32(80, true), v.getFloat64(84, true)]).toEqual([2, 1 + 3, 0, 2, 100]);
    expect(new TextDecoder().decode(bytes.slice(92, 109))).toBe('07 Dec 2609:30:00');
    // The cases close the file: 2 × (8 + 24) bytes, the second case's string space padded.
    expect(new TextDecoder().decode(bytes.slice(bytes.length - 24))).toBe(`b${' '.repeat(23)}`);
  });
});

describe(`R's foreign::read.spss reads the case matrix .sav${mark(HAS_FOREIGN, 'r-cran-foreign')}`, { skip: !HAS_FOREIGN && !process.env.CI }, () => {
  it('as a data frame of the right shape, with long names, variable labels, value labels as factor levels and numbers as numbers', () => {
    const file = save(writeSav(caseMatrixSav(MATRIX, ATTRIBUTES, NOTES, { presence: false, created: CREATED })));
    const r = readInR(file, ['дата']);
    expect(r.rows).toBe(3);
    const col = Object.fromEntries(r.columns.map((c) => [c.name, c]));
    expect(r.columns.map((c) => c.name)).toEqual([
      'participant',
      'document',
      'Язык_интервью',
      'age',
      'дата',
      'заметка',
      'years_in_city',
      'Қазақ_тілі',
      'Обращение_в_акимат',
      'V2nd_wave',
      'Participants_A',
      'Participants_B',
      'participant_2',
      'total',
    ]);
    expect(r.columns.map((c) => c.label)).toEqual([
      'Participant',
      'Document',
      'Язык интервью',
      'age',
      'дата',
      'заметка',
      'years in city',
      'Тіл / Қазақ тілі',
      'Каналы / Обращение в акимат',
      '2nd wave',
      'Participants A',
      'Participants B',
      'participant',
      'Total codings (distinct)',
    ]);
    expect(col.participant).toMatchObject({ cls: 'character', values: ['Қатысушы 1', 'P2', 'P3'] });
    expect(col.document).toMatchObject({ cls: 'factor', levels: ['ФГ Алматы', 'FG Тараз'], values: ['ФГ Алматы', 'ФГ Алматы', 'FG Тараз'] });
    // Declared values first, in order, then the undeclared one met in the data.
    expect(col['Язык_интервью']).toMatchObject({ cls: 'factor', levels: ['Қазақ тілі', 'Русский', 'смешанный'], values: ['Қазақ тілі', 'смешанный', 'Русский'] });
    expect(col.age).toMatchObject({ cls: 'numeric', values: ['25', '40.5', 'NA'] });
    expect(col['дата']).toMatchObject({ cls: 'numeric', values: ['2024-05-01', 'NA', '2024-11-05'] });
    expect(col['заметка']).toMatchObject({ cls: 'character', values: ['Работает в акимате, пишет в e-Otinish', '', 'Ә'] });
    // "около 10" is not a number: the attribute stays text rather than losing the value.
    expect(col.years_in_city).toMatchObject({ cls: 'character', values: ['10', 'около 10', ''] });
    expect(col['Қазақ_тілі']).toMatchObject({ cls: 'numeric', levels: [], values: ['2', '0', '1'] });
    expect(col.Participants_B.values).toEqual(['0', '0', '5']);
    expect(col.participant_2.values).toEqual(['3', '0', '0']);
    expect(col.total).toMatchObject({ cls: 'numeric', values: ['5', '5', '7'] });
  });

  it('with 0/1 presence labelled absent/present', () => {
    const file = save(caseMatrixSavFile(MATRIX, ATTRIBUTES, NOTES, { presence: true, created: CREATED }).body);
    const col = Object.fromEntries(readInR(file).columns.map((c) => [c.name, c]));
    expect(col['Қазақ_тілі']).toMatchObject({ cls: 'factor', levels: ['absent', 'present'], values: ['present', 'absent', 'present'] });
    expect(col.Participants_A.values).toEqual(['absent', 'present', 'absent']);
    expect(col.total.values).toEqual(['5', '5', '7']);
  });

  it('with the attributes of each participant’s document (not the private ones), labelled "(document)" when a participant attribute has the name', () => {
    const r = readInR(save(writeSav(caseMatrixSav(MATRIX, ATTRIBUTES, NOTES, { presence: false, documents: DOCUMENTS }))));
    expect(r.columns.slice(0, 5).map((c) => [c.name, c.label])).toEqual([
      ['participant', 'Participant'],
      ['document', 'Document'],
      ['Язык_интервью', 'Язык интервью (document)'],
      ['город', 'город'],
      ['Язык_интервью_2', 'Язык интервью'],
    ]);
    const col = Object.fromEntries(r.columns.map((c) => [c.name, c]));
    expect(col['Язык_интервью']).toMatchObject({ cls: 'character', values: ['қазақша', 'қазақша', ''] });
    expect(col['город']).toMatchObject({ cls: 'factor', levels: ['Алматы', 'Тараз'], values: ['Алматы', 'Алматы', 'Тараз'] });
    expect(col['Язык_интервью_2'].levels).toEqual(['Қазақ тілі', 'Русский', 'смешанный']);
  });

  it('cuts long text at a character boundary (strings 255 bytes, value labels 120), gives 200 look-alike names unique short names, and writes an empty matrix', () => {
    const long = 'Ә'.repeat(300);
    const codes = Array.from({ length: 200 }, (_, k) => code(k + 1, `Обращение ${k}`, `Каналы / Обращение ${k}`));
    const wide: CaseMatrix = {
      codes,
      attributes: ['заметка', 'Язык интервью'],
      participants: [{ participantId: 1, label: long, documentId: 10, documentTitle: long, attributes: { заметка: long, 'Язык интервью': long } }],
      counts: [codes.map((_, k) => k)],
      totals: [1],
    };
    const r = readInR(save(writeSav(caseMatrixSav(wide, ATTRIBUTES, NOTES, { presence: false }))));
    expect(r.columns).toHaveLength(2 + 2 + 200 + 1);
    const col = Object.fromEntries(r.columns.map((c) => [c.name, c]));
    expect(col.participant.values).toEqual(['Ә'.repeat(127)]);
    expect(col['заметка'].values).toEqual(['Ә'.repeat(127)]);
    expect(col.document.values).toEqual(['Ә'.repeat(60)]);
    expect(col['Язык_интервью'].levels).toEqual(['Қазақ тілі', 'Русский', 'Ә'.repeat(60)]);
    expect(col['Обращение_199']).toMatchObject({ label: 'Каналы / Обращение 199', values: ['199'] });
    const shorts = savNames(codes.map((c) => c.name)).map((n) => n.short);
    expect(new Set(shorts).size).toBe(200);

    const empty = readInR(save(writeSav(caseMatrixSav({ ...MATRIX, participants: [], counts: [], totals: [] }, ATTRIBUTES, NOTES, { presence: true }))));
    expect(empty.rows).toBe(0);
    expect(empty.columns.map((c) => c.name)).toContain('Қазақ_тілі');
  });

  it('the fixture study: counts as computed by hand in case-matrix.test.ts, gender as a factor, age as numbers', () => {
    const model = fixtureModel();
    const m = computeCaseMatrix(model, buildCodingSet(model, fixtureCodings(['consensus']), false), { subtree: null, rollup: false, filter: compileFilter(model, EMPTY_FILTER) });
    const r = readInR(save(caseMatrixSavFile(m, FIXTURE_ATTRIBUTES, NOTES, { presence: false, documents: model.documents }).body));
    expect(r.rows).toBe(5);
    expect(r.columns.map((c) => c.name)).toEqual(['participant', 'document', 'city', 'gender', 'age', 'Channels', 'Akimat', 'e_Otinish', 'Elections', 'total']);
    const col = Object.fromEntries(r.columns.map((c) => [c.name, c]));
    expect(col.gender).toMatchObject({ cls: 'factor', levels: ['Female', 'Male'], values: ['Female', 'Male', 'Female', 'Male', 'NA'] });
    expect(col.age).toMatchObject({ cls: 'numeric', values: ['25', '40', 'NA', '52', '33'] });
    expect(col.document.values).toEqual(['FG Almaty', 'FG Almaty', 'FG Almaty', 'FG Taraz', 'FG Taraz']);
    expect(col.city).toMatchObject({ cls: 'factor', levels: ['Almaty', 'Taraz'], values: ['Almaty', 'Almaty', 'Almaty', 'Taraz', 'Taraz'] });
    expect(['Channels', 'Akimat', 'e_Otinish', 'Elections'].map((n) => col[n].values.map(Number))).toEqual([
      [0, 0, 0, 1, 0],
      [1, 1, 2, 0, 0],
      [0, 0, 0, 1, 1],
      [0, 1, 0, 1, 0],
    ]);
    expect(col.total.values.map(Number)).toEqual([1, 2, 2, 3, 1]);
  });
});

describe(`PSPP reads the case matrix .sav${mark(HAS_PSPP, 'pspp')}`, { skip: !HAS_PSPP && !process.env.CI }, () => {
  it('without warnings, with the measurement levels, formats, labels and values', () => {
    const out = readInPspp(save(writeSav(caseMatrixSav(MATRIX, ATTRIBUTES, NOTES, { presence: true, created: CREATED }))));
    expect(out).not.toMatch(/warning|error/i);
    expect(out).toContain('Язык_интервью,3,Язык интервью,Nominal,');
    expect(out).toContain('age,4,age,Scale,Input,8,Right,F9.1,F9.1');
    expect(out).toContain('дата,5,дата,Scale,Input,8,Right,DATE11,DATE11');
    expect(out).toContain('Қазақ_тілі,8,Тіл / Қазақ тілі,Nominal,');
    expect(out).toMatch(/Язык интервью,1,Қазақ тілі\n,2,Русский\n,3,смешанный/);
    expect(out).toContain('Қатысушы 1,1,1,25.0,01-MAY-2024,"Работает в акимате, пишет в e-Otinish",10,1,0,1,0,0,1,5');
  });
});
