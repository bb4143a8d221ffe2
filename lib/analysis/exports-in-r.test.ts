/**
 * R reads every CSV export of the analysis tables into a data frame of the right shape: the
 * default (`,`, `#` notes header), long (tidy), 0/1 presence, and `;` with a decimal comma
 * through read.csv2. Rscript (Debian r-base-core) is the reader; without it the test is skipped
 * with a message, except under CI (CI=true, as .ci/run sets), where a missing Rscript fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sheetToCsv, type CsvOptions } from '../tables/csv';
import type { Sheet } from '../tables/sheet';
import { computeCaseMatrix } from './case-matrix';
import { compileFilter } from './filter';
import { computeFrequencies } from './frequencies';
import { buildCodingSet } from './model';
import { caseMatrixSheet, frequencyLongSheet, frequencySheet, typedAttributeValue } from './sheets';
import { FIXTURE_ATTRIBUTES, fixtureCodings, fixtureModel } from './test-fixture';
import { EMPTY_FILTER } from './types';

const RSCRIPT = spawnSync('Rscript', ['--version'], { encoding: 'utf8' }).status === 0 ? 'Rscript' : null;
const skipped = !RSCRIPT && !process.env.CI;
const note = RSCRIPT ? '' : process.env.CI ? ' (FAILS: not installed; apt-get install r-base-core)' : ' (SKIPPED: not installed; apt-get install r-base-core)';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-r-csv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface RFrame {
  rows: number;
  cols: number;
  names: string[];
  classes: string[];
  /** The column `probe`, as R prints its values (NA for missing). */
  probe: string[];
}

/** Writes the sheet as CSV, reads it with R's read.csv (or read.csv2 for ;) and reports the data frame. */
function readInR(sheet: Sheet, probe: string, options: CsvOptions = {}): RFrame {
  if (!RSCRIPT) throw new Error('Not installed: apt-get install r-base-core (.ci/run installs it)');
  const file = path.join(dir, `t${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, sheetToCsv(sheet, options));
  const reader = options.separator === ';' ? 'read.csv2' : 'read.csv';
  const script = `d <- ${reader}(commandArgs(TRUE)[1], comment.char = "#", fileEncoding = "UTF-8-BOM", check.names = FALSE)
writeLines(c(nrow(d), ncol(d), paste(names(d), collapse = "\\t"), paste(sapply(d, function(x) class(x)[1]), collapse = "\\t"), paste(trimws(format(d[[commandArgs(TRUE)[2]]])), collapse = "\\t")))`;
  const r = spawnSync(RSCRIPT, ['-e', script, file, probe], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
  if (r.status !== 0) throw new Error(`Rscript failed:\n${r.stderr}`);
  const [rows, cols, names, classes, values] = r.stdout.split('\n');
  return { rows: Number(rows), cols: Number(cols), names: names.split('\t'), classes: classes.split('\t'), probe: values.split('\t').map((s) => s.trim()) };
}

const model = fixtureModel();
const set = buildCodingSet(model, fixtureCodings(['consensus']), false);
const filter = compileFilter(model, EMPTY_FILTER);
const frequencies = computeFrequencies(model, set, { columns: { kind: 'attribute', attribute: FIXTURE_ATTRIBUTES[1] }, split: null, rollup: false, subtree: null, filter });
const matrix = computeCaseMatrix(model, set, { subtree: null, rollup: false, filter });
const notes: Array<[string, string]> = [['Layer', 'Consensus'], ['Filters', 'город # Алматы, "все"']];
const typed = typedAttributeValue(FIXTURE_ATTRIBUTES, 'participant');

describe(`R reads the CSV exports as data frames${note}`, () => {
  it.skipIf(skipped)('frequencies, wide: a row per code plus three summary rows, a column per gender', () => {
    const d = readInR(frequencySheet(frequencies, 'segments', notes), 'Female');
    expect([d.rows, d.cols]).toEqual([7, 7]);
    expect(d.names).toEqual(['Code', 'Code path', 'Female', 'Male', '(missing)', '(no participant)', 'Total']);
    expect(d.classes[2]).toBe('integer');
    // Channels 0, Akimat 3 (k1 P1, k2 k3 P3; k1 spans P2 too but is one coding), e-Otinish 0, Elections 0, all 3; participants 2; words 20
    expect(d.probe.slice(0, 4)).toEqual(['0', '3', '0', '0']);
  });

  it.skipIf(skipped)('frequencies, long: one row per code × group with a numeric Value', () => {
    const d = readInR(frequencyLongSheet(frequencies, 'segments', notes), 'Value');
    expect([d.rows, d.cols]).toEqual([5 * 4, 6]);
    expect(d.names).toEqual(['Code', 'Code path', 'Group', 'Value', 'Participants in group', 'Words in group']);
    expect(d.classes[3]).toBe('integer');
  });

  it.skipIf(skipped)('case matrix, wide: a row per participant, age numeric with NA for P3', () => {
    const d = readInR(caseMatrixSheet(matrix, notes, {}, typed), 'age');
    expect([d.rows, d.cols]).toEqual([5, 9]);
    expect(d.names).toEqual(['Participant', 'Document', 'gender', 'age', 'Channels', 'Channels / Akimat', 'Channels / e-Otinish', 'Elections', 'Total']);
    expect(d.classes[3]).toBe('integer');
    expect(d.probe).toEqual(['25', '40', 'NA', '52', '33']);
  });

  it.skipIf(skipped)('case matrix, long: one row per participant × code', () => {
    const d = readInR(caseMatrixSheet(matrix, notes, { shape: 'long' }, typed), 'Codings');
    expect([d.rows, d.cols]).toEqual([5 * 4, 6]);
    expect(d.names).toEqual(['Participant', 'Document', 'gender', 'age', 'Code', 'Codings']);
    expect(d.classes[5]).toBe('integer');
    // P1's row of counts [0, 1, 0, 0], then P2's [0, 1, 0, 1]
    expect(d.probe.slice(0, 8)).toEqual(['0', '1', '0', '0', '0', '1', '0', '1']);
  });

  it.skipIf(skipped)('case matrix, 0/1 presence: P3 has Akimat twice, written as 1', () => {
    const d = readInR(caseMatrixSheet(matrix, notes, { values: 'presence' }, typed), 'Channels / Akimat');
    expect([d.rows, d.cols]).toEqual([5, 9]);
    expect(d.names.at(-1)).toBe('Codes present');
    expect(d.probe).toEqual(['1', '1', '1', '0', '0']);
  });

  it.skipIf(skipped)('; with a decimal comma, read by read.csv2: a rate per 1,000 words stays numeric', () => {
    const sheet = frequencySheet(frequencies, 'per1000', notes);
    const d = readInR(sheet, 'Total', { separator: ';' });
    expect([d.rows, d.cols]).toEqual([7, 7]);
    expect(d.classes[6]).toBe('numeric');
    // Akimat: 3 codings over the 80 words participants speak (P1 10, P2 20, P3 10, P4 10 + 10, P5 20) = 37.5 per 1,000
    expect(sheet.rows[1][6]).toBe(37.5);
    expect(d.probe[1]).toBe('37.5');
  });
});
