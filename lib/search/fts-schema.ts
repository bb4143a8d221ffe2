/**
 * The full-text index of turns, as SQL: SQLite FTS5 with the unicode61 tokenizer, adjusted
 * so that it cuts and folds words exactly as `tokenize.ts` does. The search-index migration
 * was written from `searchIndexMigrationSql()`; a test holds the two equal, so a change here
 * needs a new migration.
 *
 * What unicode61 does by itself (its tables are Unicode 6.1), and what is added:
 * - Case: it folds every Russian and Kazakh letter (Ә/ә Ғ/ғ Қ/қ Ң/ң Ө/ө Ұ/ұ Ү/ү Һ/һ І/і, Ё/ё);
 *   it does not fold capitals whose case pair is newer (Cyrillic Ԩ Ԫ Ԭ Ԯ Ᲊ Ꚙ Ꚛ, Latin
 *   Extended-D, Cherokee, Georgian Mtavruli, Osage, Adlam, …) nor İ. The index stores a copy
 *   of each turn's text with those folded (a `replace` chain, run only when the text holds
 *   one of them), so search stays case-insensitive for them too.
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

/** A GLOB character class covering every unfolded capital (and some neighbours: it only decides whether to fold). */
function guardClass(): string {
  const spans: Array<[number, number]> = [];
  for (const c of UNFOLDED_CAPITALS) {
    const last = spans[spans.length - 1];
    if (last && c - last[1] <= 64) last[1] = c;
    else spans.push([c, c]);
  }
  return `[${spans.map(([a, b]) => (a === b ? String.fromCodePoint(a) : `${String.fromCodePoint(a)}-${String.fromCodePoint(b)}`)).join('')}]`;
}

/**
 * The SQL expression for the text the index stores for a turn: `column` with the capitals
 * unicode61 does not fold folded. Every replacement keeps the UTF-16 length.
 */
export function ftsIndexedText(column: string): string {
  let chain = column;
  for (const c of UNFOLDED_CAPITALS) chain = `replace(${chain}, '${String.fromCodePoint(c)}', '${indexLowerCase(c)}')`;
  return `CASE WHEN ${column} GLOB '*${guardClass()}*' THEN ${chain} ELSE ${column} END`;
}

const BREAK = '\n--> statement-breakpoint\n';

/** The migration that creates the index, fills it from the turns and keeps it in step with them. */
export function searchIndexMigrationSql(): string {
  return [
    `-- Full-text index of turns for search (issue #8); written from lib/search/fts-schema.ts.\n` +
      `-- It stores each turn's text with the capitals unicode61 does not fold already folded.\n` +
      `CREATE VIRTUAL TABLE \`${FTS_TABLE}\` USING fts5(text, tokenize = "${ftsTokenizer()}");`,
    `INSERT INTO \`${FTS_TABLE}\`(rowid, text) SELECT id, ${ftsIndexedText('text')} FROM turns;`,
    `-- Anything that writes turns (imports, corrections, deletes) keeps the index in step.\n` +
      `CREATE TRIGGER \`turns_fts_insert\` AFTER INSERT ON \`turns\` BEGIN\n` +
      `  INSERT INTO \`${FTS_TABLE}\`(rowid, text) VALUES (new.id, ${ftsIndexedText('new.text')});\nEND;`,
    `CREATE TRIGGER \`turns_fts_delete\` AFTER DELETE ON \`turns\` BEGIN\n` +
      `  DELETE FROM \`${FTS_TABLE}\` WHERE rowid = old.id;\nEND;`,
    `CREATE TRIGGER \`turns_fts_update\` AFTER UPDATE OF id, text ON \`turns\` BEGIN\n` +
      `  DELETE FROM \`${FTS_TABLE}\` WHERE rowid = old.id;\n` +
      `  INSERT INTO \`${FTS_TABLE}\`(rowid, text) VALUES (new.id, ${ftsIndexedText('new.text')});\nEND;`,
  ].join(BREAK);
}
