/**
 * The full-text index of turns, as SQL: SQLite FTS5 with the unicode61 tokenizer, adjusted
 * so that it cuts and folds words exactly as `tokenize.ts` does. Migration 0003 (the index)
 * was written from `searchIndexMigrationSql()` and migration 0005 (its triggers as they are
 * now) from `searchTriggersMigrationSql()`; a test holds each equal to its file, so a change
 * here needs a new migration.
 *
 * What unicode61 does by itself (its tables are Unicode 6.1), and what is added:
 * - Case: it folds every Russian and Kazakh letter (Ә/ә Ғ/ғ Қ/қ Ң/ң Ө/ө Ұ/ұ Ү/ү Һ/һ І/і, Ё/ё);
 *   it does not fold capitals whose case pair is newer (Cyrillic Ԩ Ԫ Ԭ Ԯ Ᲊ Ꚙ Ꚛ, Latin
 *   Extended-D, Cherokee, Georgian Mtavruli, Osage, Adlam, …) nor İ. The index stores a copy
 *   of each turn's text with those folded (`foldedForIndex`), so search stays
 *   case-insensitive for them too. The triggers fold with `replace` in statements of at most
 *   16 nested calls, each run only when the text holds one of its capitals: SQLite before
 *   3.46 (Debian 12's 3.40.1, RSQLite's, Python's) overflows its parser stack on about 25
 *   nested calls and then cannot open the database at all (issue #18).
 * - Words: characters it does not know (everything newer than 6.1: 🥰, ₽, skin tones) count
 *   as word characters, so "спасибо🥰" would be one word. They are listed as separators, as
 *   is every other assigned character that is not a letter, digit or mark here.
 * - Marks: all combining marks belong to the word (as here), not only some.
 * - Diacritics are kept (remove_diacritics 0): "й" is not "и", "ё" is not "е".
 */
import { EXTRA_SEPARATOR_RANGES, UNFOLDED_CAPITALS } from './fts-data';

export const FTS_TABLE = 'turns_fts';

function separatorChars(): string {
  let out = '';
  for (const [from, to] of EXTRA_SEPARATOR_RANGES) {
    for (let c = from; c <= to; c++) out += String.fromCodePoint(c);
  }
  return out;
}

/** The `tokenize` argument of the FTS5 table. */
export function ftsTokenizer(): string {
  return `unicode61 remove_diacritics 0 categories 'L* N* Co M*' separators '${separatorChars()}'`;
}

/** The lower case the index gives an unfolded capital (İ → i; the rest as JavaScript does). */
export function indexLowerCase(capital: number): string {
  return capital === 0x130 ? 'i' : String.fromCodePoint(capital).toLowerCase();
}

/** The most `replace` calls one expression nests: stock SQLite 3.40 fails at about 25 inside a trigger. */
export const MAX_REPLACE_NESTING = 16;

/** A GLOB character class covering `capitals` (and some neighbours: it only decides whether to fold). */
function guardClass(capitals: readonly number[]): string {
  const spans: Array<[number, number]> = [];
  for (const c of capitals) {
    const last = spans[spans.length - 1];
    if (last && c - last[1] <= 64) last[1] = c;
    else spans.push([c, c]);
  }
  return `[${spans.map(([a, b]) => (a === b ? String.fromCodePoint(a) : `${String.fromCodePoint(a)}-${String.fromCodePoint(b)}`)).join('')}]`;
}

function replaceChain(column: string, capitals: readonly number[]): string {
  let chain = column;
  for (const c of capitals) chain = `replace(${chain}, '${String.fromCodePoint(c)}', '${indexLowerCase(c)}')`;
  return chain;
}

const FOLDS: ReadonlyMap<string, string> = new Map(UNFOLDED_CAPITALS.map((c) => [String.fromCodePoint(c), indexLowerCase(c)]));

/**
 * The text the index stores for a turn: `text` with the capitals unicode61 does not fold
 * folded. Every replacement keeps the UTF-16 length, so offsets into it are offsets into the turn.
 */
export function foldedForIndex(text: string): string {
  let out = '';
  for (const ch of text) out += FOLDS.get(ch) ?? ch;
  return out;
}

/** The unfolded capitals in groups of at most MAX_REPLACE_NESTING, in code-point order. */
function foldGroups(): number[][] {
  const groups: number[][] = [];
  for (let i = 0; i < UNFOLDED_CAPITALS.length; i += MAX_REPLACE_NESTING) groups.push(UNFOLDED_CAPITALS.slice(i, i + MAX_REPLACE_NESTING));
  return groups;
}

/**
 * Statements that fold, in the index, the text of the rows already written there: one UPDATE
 * per group of capitals, run only on rows whose text holds one of the group (`text` is the
 * column or value tested, `rowid` picks one row, or every row when absent). A capital folds
 * to a letter that is not one, so the groups can go in any order and give what
 * `foldedForIndex` gives.
 */
export function ftsFoldStatements(target: { rowid?: string; text: string }): string[] {
  return foldGroups().map((group) => {
    const where = [...(target.rowid ? [`rowid = ${target.rowid}`] : []), `${target.text} GLOB '*${guardClass(group)}*'`].join(' AND ');
    return `UPDATE \`${FTS_TABLE}\` SET text = ${replaceChain('text', group)} WHERE ${where};`;
  });
}

/** Statements that empty the index and fill it again from the turns. */
export function ftsRebuildStatements(): string[] {
  return [`DELETE FROM \`${FTS_TABLE}\`;`, `INSERT INTO \`${FTS_TABLE}\`(rowid, text) SELECT id, text FROM turns;`, ...ftsFoldStatements({ text: 'text' })];
}

const BREAK = '\n--> statement-breakpoint\n';

function triggerBody(statements: string[]): string {
  return statements.map((s) => `  ${s}\n`).join('');
}

/**
 * The triggers that keep the index in step with the turns, every statement shallow. Each write
 * has two, exactly one of which fires: a plain one for text without any of the capitals (almost
 * all text: one GLOB, no fold statements run) and a folding one for text with some.
 */
function triggersSql(): string[] {
  const holds = `new.text GLOB '*${guardClass(UNFOLDED_CAPITALS)}*'`;
  const insert = `INSERT INTO \`${FTS_TABLE}\`(rowid, text) VALUES (new.id, new.text);`;
  const folds = ftsFoldStatements({ rowid: 'new.id', text: 'new.text' });
  const remove = `DELETE FROM \`${FTS_TABLE}\` WHERE rowid = old.id;`;
  const trigger = (name: string, event: string, when: string, body: string[]) =>
    `CREATE TRIGGER \`${name}\` ${event} ON \`turns\` WHEN ${when} BEGIN\n${triggerBody(body)}END;`;
  return [
    trigger('turns_fts_insert', 'AFTER INSERT', `NOT (${holds})`, [insert]),
    trigger('turns_fts_insert_folding', 'AFTER INSERT', holds, [insert, ...folds]),
    trigger('turns_fts_update', 'AFTER UPDATE OF id, text', `NOT (${holds})`, [remove, insert]),
    trigger('turns_fts_update_folding', 'AFTER UPDATE OF id, text', holds, [remove, insert, ...folds]),
  ];
}

/**
 * Migration 0005: the insert and update triggers again, folding in shallow statements, and
 * the index rebuilt as they write it (its text comes out the same as 0003's, so search
 * finds the same). The delete trigger nests nothing and stays.
 */
export function searchTriggersMigrationSql(): string {
  return [
    `-- Search triggers that stock SQLite can read (issue #18); written from lib/search/fts-schema.ts.\n` +
      `-- 0003's triggers nested ${UNFOLDED_CAPITALS.length} replace() calls, and SQLite before 3.46 (Debian 12's sqlite3,\n` +
      `-- R's RSQLite, Python's sqlite3) could not open the database: "parser stack overflow".\n` +
      `-- These fold ${MAX_REPLACE_NESTING} capitals per statement, only when the text holds one.\n` +
      'DROP TRIGGER IF EXISTS `turns_fts_insert`;',
    'DROP TRIGGER IF EXISTS `turns_fts_update`;',
    ...triggersSql(),
    ...ftsRebuildStatements().map((statement, i) => (i === 0 ? `-- The index again, written as the new triggers write it.\n${statement}` : statement)),
  ].join(BREAK);
}

/**
 * Migration 0003 as it was written, frozen: it folds with one `replace` chain as deep as
 * there are capitals, which 0005 replaces. Kept only so that a test holds it equal to its file.
 */
export function searchIndexMigrationSql(): string {
  const unfolded = (column: string) => `CASE WHEN ${column} GLOB '*${guardClass(UNFOLDED_CAPITALS)}*' THEN ${replaceChain(column, UNFOLDED_CAPITALS)} ELSE ${column} END`;
  return [
    `-- Full-text index of turns for search (issue #8); written from lib/search/fts-schema.ts.\n` +
      `-- It stores each turn's text with the capitals unicode61 does not fold already folded.\n` +
      `CREATE VIRTUAL TABLE \`${FTS_TABLE}\` USING fts5(text, tokenize = "${ftsTokenizer()}");`,
    `INSERT INTO \`${FTS_TABLE}\`(rowid, text) SELECT id, ${unfolded('text')} FROM turns;`,
    `-- Anything that writes turns (imports, corrections, deletes) keeps the index in step.\n` +
      `CREATE TRIGGER \`turns_fts_insert\` AFTER INSERT ON \`turns\` BEGIN\n` +
      `  INSERT INTO \`${FTS_TABLE}\`(rowid, text) VALUES (new.id, ${unfolded('new.text')});\nEND;`,
    `CREATE TRIGGER \`turns_fts_delete\` AFTER DELETE ON \`turns\` BEGIN\n` +
      `  DELETE FROM \`${FTS_TABLE}\` WHERE rowid = old.id;\nEND;`,
    `CREATE TRIGGER \`turns_fts_update\` AFTER UPDATE OF id, text ON \`turns\` BEGIN\n` +
      `  DELETE FROM \`${FTS_TABLE}\` WHERE rowid = old.id;\n` +
      `  INSERT INTO \`${FTS_TABLE}\`(rowid, text) VALUES (new.id, ${unfolded('new.text')});\nEND;`,
  ].join(BREAK);
}
