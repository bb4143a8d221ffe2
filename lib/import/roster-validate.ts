/**
 * Checking a roster against the project before anything is stored: which column is which
 * (header names in Russian, Kazakh or English, any case), which group (transcript) each
 * participant belongs to, and whether the values make sense. Every problem names the row as
 * the spreadsheet shows it (the header is row 1) and, where it is about one cell, the column.
 */

/** The roster columns the app understands; any other column becomes an extra attribute. */
export type RosterField = 'label' | 'group' | 'gender' | 'age' | 'education' | 'yearsInCity';

/** The understood fields, in the order they are reported. */
export const ROSTER_FIELDS: readonly RosterField[] = ['label', 'group', 'gender', 'age', 'education', 'yearsInCity'];

/**
 * Header names recognised for each field, compared after {@link headerKey} (lower case, ё as
 * е, punctuation as spaces): "Фокус-группа" matches "фокус группа", "Age (years)" "age years".
 */
const HEADER_ALIASES: Record<RosterField, readonly string[]> = {
  label: [
    'label', 'participant', 'participant id', 'participant code', 'participant label', 'id', 'code', 'pseudonym', 'speaker',
    'код', 'код участника', 'метка', 'участник', 'шифр', 'шифр участника', 'респондент', 'псевдоним', 'идентификатор', 'спикер',
    'қатысушы', 'қатысушы коды', 'қатысушының коды', 'белгі', 'код қатысушы',
  ],
  group: [
    'group', 'focus group', 'fg', 'document', 'transcript',
    'группа', 'фокус группа', 'фг', 'документ', 'транскрипт', 'расшифровка',
    'топ', 'фокус топ', 'құжат', 'транскрипция',
  ],
  gender: ['gender', 'sex', 'пол', 'гендер', 'жынысы', 'жыныс'],
  age: ['age', 'age years', 'возраст', 'возраст лет', 'полных лет', 'жасы', 'жас', 'жасы жыл'],
  education: ['education', 'education level', 'образование', 'уровень образования', 'білімі', 'білім', 'білім деңгейі'],
  yearsInCity: [
    'years in city', 'years in the city', 'years lived in city', 'years lived in the city', 'years living in city',
    'years of residence', 'residence years',
    'лет в городе', 'сколько лет в городе', 'сколько лет живет в городе', 'сколько лет проживает в городе',
    'стаж проживания', 'стаж проживания в городе', 'лет проживания', 'лет проживания в городе', 'срок проживания',
    'срок проживания в городе', 'проживает в городе лет',
    'қалада тұрған жылы', 'қалада тұратын жылы', 'қалада тұрған жылдары', 'қалада тұрған жыл', 'тұрған жылы',
    'қалада неше жыл', 'қалада тұру мерзімі',
  ],
};

/** Answers meaning "all my life" in the years-in-city column; the value becomes the age. */
const SINCE_BIRTH = new Set(['с рождения', 'всю жизнь', 'с детства рождения', 'since birth', 'all my life', 'all life', 'туғаннан', 'туғалы', 'туғаннан бері', 'өмір бойы']);

const MAX_AGE = 120;

/** Options for {@link validateRoster}. */
export interface ValidateRosterOptions {
  /** The project's groups (document titles); a roster row must name one of them. */
  groups: readonly string[];
  /** Extra header names per field, on top of the built-in Russian, Kazakh and English ones. */
  knownColumns?: Partial<Record<RosterField, readonly string[]>>;
}

/** A participant the roster defines. */
export interface RosterParticipant {
  /** The pseudonymous label ("P3") as written. */
  label: string;
  /** The group, spelled as in `options.groups`. */
  group: string;
  /**
   * Attribute values by key: "gender", "age", "education", "yearsInCity" for the understood
   * columns (numbers normalised: "34,0" → "34"), the column name for any other column. Blank
   * cells and invalid numbers are left out.
   */
  attributes: Record<string, string>;
  /** The participant's row in the spreadsheet (the header is row 1). */
  row: number;
}

/** A problem found in the roster: the spreadsheet row (header = 1), the column if one, and what is wrong. */
export interface RosterProblem {
  row: number;
  column?: string;
  message: string;
}

/** The outcome of {@link validateRoster}. */
export interface RosterValidation {
  /** True when there are no problems and at least one participant. */
  ok: boolean;
  /** Participants from every row that has a label and a known group, in row order. */
  participants: RosterParticipant[];
  problems: RosterProblem[];
}

/**
 * Checks roster rows (as {@link parseRoster} returns them: row i is spreadsheet row i + 2)
 * against the project's groups. Finds the understood columns by their headers; reports a
 * missing label column, a missing group column (unless the project has exactly one group,
 * which is then used), two columns for one field, and per row: a missing label, an unknown
 * group, a label repeated within a group, an age that is not a whole number in 0–120, years
 * in city that are not a number in 0–120 or exceed the age. Blank rows are skipped. Pure:
 * never throws.
 */
export function validateRoster(rows: ReadonlyArray<Record<string, string>>, options: ValidateRosterOptions): RosterValidation {
  const problems: RosterProblem[] = [];
  const participants: RosterParticipant[] = [];
  const columns = columnsOf(rows);
  const fieldOf = mapColumns(columns, options.knownColumns ?? {}, problems);
  const columnFor = (field: RosterField): string | undefined => columns.find((c) => fieldOf.get(c) === field);
  const labelColumn = columnFor('label');
  const groupColumn = columnFor('group');
  if (!labelColumn) problems.push({ row: 1, message: `no participant label column (expected a header such as ${quoteList(HEADER_ALIASES.label.slice(0, 4))})` });
  if (!groupColumn && options.groups.length !== 1) {
    problems.push({ row: 1, message: `no group column (expected a header such as ${quoteList(HEADER_ALIASES.group.slice(0, 4))}) naming each participant's transcript` });
  }
  const groupByKey = new Map(options.groups.map((g) => [valueKey(g), g]));
  const firstRowOf = new Map<string, number>();

  rows.forEach((record, i) => {
    const row = i + 2;
    if (Object.values(record).every((v) => (v ?? '').trim() === '')) return;
    const cell = (column: string | undefined): string => (column === undefined ? '' : (record[column] ?? '').trim());

    const label = cell(labelColumn).replace(/\s+/g, ' ');
    if (labelColumn && label === '') problems.push({ row, column: labelColumn, message: 'the participant label is missing' });

    let group: string | undefined;
    if (groupColumn) {
      const written = cell(groupColumn);
      group = groupByKey.get(valueKey(written));
      if (written === '') problems.push({ row, column: groupColumn, message: 'the group is missing' });
      else if (!group) problems.push({ row, column: groupColumn, message: `unknown group "${written}" (the project's groups are ${quoteList(options.groups, 8)})` });
    } else if (options.groups.length === 1) {
      group = options.groups[0];
    }

    if (label !== '' && group !== undefined) {
      const key = `${valueKey(group)}\u0000${valueKey(label)}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) problems.push({ row, column: labelColumn, message: `label "${label}" is already used in group "${group}" (row ${first})` });
      else firstRowOf.set(key, row);
    }

    const attributes: Record<string, string> = {};
    const ageColumn = columnFor('age');
    const age = readNumber(cell(ageColumn), { integer: true });
    if (ageColumn && cell(ageColumn) !== '') {
      if (age === null) problems.push({ row, column: ageColumn, message: `age "${cell(ageColumn)}" is not a whole number` });
      else if (age > MAX_AGE) problems.push({ row, column: ageColumn, message: `age ${age} is out of range (0–${MAX_AGE})` });
      else attributes.age = String(age);
    }
    const yearsColumn = columnFor('yearsInCity');
    const yearsWritten = cell(yearsColumn);
    if (yearsColumn && yearsWritten !== '') {
      const sinceBirth = SINCE_BIRTH.has(valueKey(yearsWritten));
      const years = sinceBirth ? (attributes.age === undefined ? null : Number(attributes.age)) : readNumber(yearsWritten, { integer: false });
      if (years === null) {
        const why = sinceBirth ? 'needs the age to be known' : 'is not a number';
        problems.push({ row, column: yearsColumn, message: `years in city "${yearsWritten}" ${why}` });
      } else if (years > MAX_AGE) {
        problems.push({ row, column: yearsColumn, message: `years in city ${years} is out of range (0–${MAX_AGE})` });
      } else if (attributes.age !== undefined && years > Number(attributes.age)) {
        problems.push({ row, column: yearsColumn, message: `years in city (${years}) exceed the age (${attributes.age})` });
      } else {
        attributes.yearsInCity = String(years);
      }
    }
    for (const field of ['gender', 'education'] as const) {
      const value = cell(columnFor(field));
      if (value !== '') attributes[field] = value;
    }
    for (const column of columns) {
      if (fieldOf.has(column)) continue;
      const value = cell(column);
      if (value !== '') attributes[column] = value;
    }
    if (label !== '' && group !== undefined) participants.push({ label, group, attributes, row });
  });

  if (participants.length === 0 && problems.length === 0) problems.push({ row: 1, message: 'the roster has no participants' });
  return { ok: problems.length === 0, participants, problems };
}

/** Header comparison key: lower case, ё as е, punctuation as spaces, spaces collapsed. */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function valueKey(value: string): string {
  return value.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

function columnsOf(rows: ReadonlyArray<Record<string, string>>): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** Maps each understood column to its field; a second column for the same field is a problem and stays an extra attribute. */
function mapColumns(
  columns: readonly string[],
  extra: Partial<Record<RosterField, readonly string[]>>,
  problems: RosterProblem[],
): Map<string, RosterField> {
  const aliasToField = new Map<string, RosterField>();
  for (const field of ROSTER_FIELDS) {
    for (const alias of [...(extra[field] ?? []), ...HEADER_ALIASES[field]]) {
      const key = headerKey(alias);
      if (!aliasToField.has(key)) aliasToField.set(key, field);
    }
  }
  const result = new Map<string, RosterField>();
  const taken = new Map<RosterField, string>();
  for (const column of columns) {
    const field = aliasToField.get(headerKey(column));
    if (!field) continue;
    const first = taken.get(field);
    if (first !== undefined) {
      problems.push({ row: 1, column, message: `two columns give the ${describeField(field)}: "${first}" and "${column}"` });
      continue;
    }
    taken.set(field, column);
    result.set(column, field);
  }
  return result;
}

function describeField(field: RosterField): string {
  return { label: 'participant label', group: 'group', gender: 'gender', age: 'age', education: 'education', yearsInCity: 'years in city' }[field];
}

/** A non-negative number written with a dot or comma ("34", "34,0", "2.5"); null otherwise or when `integer` and it has a fraction. */
function readNumber(text: string, { integer }: { integer: boolean }): number | null {
  if (!/^\d{1,4}(?:[.,]\d+)?$/.test(text)) return null;
  const n = Number(text.replace(',', '.'));
  if (!Number.isFinite(n)) return null;
  if (integer && !Number.isInteger(n)) return null;
  return n;
}

function quoteList(items: readonly string[], max = items.length): string {
  const shown = items.slice(0, max).map((s) => `"${s}"`);
  return items.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}
