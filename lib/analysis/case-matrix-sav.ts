/**
 * The case matrix as an SPSS system file: a case per participant. Variables: the participant
 * (string), the document (labelled numeric codes, in document order), each non-private
 * attribute of the participant's document, then each participant attribute, by type — a category as labelled numeric codes (declared values first, in
 * their order, then any other value met), a number as a number, a date as an SPSS date, text
 * as a string; a number or date attribute with a value that does not parse stays a string, so
 * nothing is lost — then a variable per code (codings, or 0/1 labelled absent/present) and the
 * total. Variable labels carry the names as shown in the app (code paths); the notes (layer,
 * filters) are the file's documents.
 */
import type { FileBody } from '../tables/files';
import { SAV_TYPE, savDate, writeSav, type SavDataset, type SavValue, type SavVariable } from '../tables/sav';
import { dateFromText, numberFromText } from '../tables/typed-text';
import type { CaseMatrix } from './case-matrix';
import type { Notes } from './sheets';
import type { AttributeInfo } from './types';

export interface CaseMatrixSavOptions {
  /** Cells as 1 (the participant has a coding of the code) or 0, labelled present/absent. */
  presence: boolean;
  /** The documents' attribute values (the analysis model's documents): their non-private attributes become variables after `document`. */
  documents?: ReadonlyArray<{ id: number; attributes: Record<string, string> }>;
  created?: Date;
}

const parseNumber = numberFromText;
const parseDate = (raw: string): number | null => {
  const d = dateFromText(raw);
  return d ? savDate(d) : null;
};
const decimalsOf = (raw: string) => {
  const m = /[.,](\d+)$/.exec(raw.trim());
  return m ? Math.min(m[1].length, 6) : 0;
};

interface Column {
  variable: SavVariable;
  value: (p: CaseMatrix['participants'][number], row: number) => SavValue;
}

type Person = CaseMatrix['participants'][number];

/** A column for an attribute whose value for a participant is `of(p)`, by the attribute's type. */
function attributeColumn(m: CaseMatrix, name: string, label: string, info: AttributeInfo | undefined, of: (p: Person) => string | undefined): Column {
  const present = (p: Person) => {
    const v = of(p);
    return v == null || v.trim() === '' ? null : v;
  };
  const raw = m.participants.map(present).filter((v): v is string => v != null);
  const asString: Column = { variable: { kind: 'string', name, label }, value: (p) => of(p) ?? '' };
  const type = info?.type ?? 'text';
  if (type === 'category') {
    const values = [...(info?.values ?? [])];
    for (const v of raw) if (!values.includes(v)) values.push(v);
    const code = new Map(values.map((v, k) => [v, k + 1]));
    return {
      variable: { kind: 'numeric', name, label, format: { type: 'F', width: Math.max(1, String(values.length).length), decimals: 0 }, valueLabels: values.map((v, k) => [k + 1, v]), measure: 'nominal' },
      value: (p) => code.get(of(p) ?? '') ?? null,
    };
  }
  if (type === 'number') {
    if (raw.some((v) => parseNumber(v) == null)) return asString;
    const decimals = Math.max(0, ...raw.map(decimalsOf));
    return {
      variable: { kind: 'numeric', name, label, format: { type: 'F', width: Math.min(40, 8 + decimals), decimals }, measure: 'scale' },
      value: (p) => {
        const v = present(p);
        return v == null ? null : parseNumber(v);
      },
    };
  }
  if (type === 'date') {
    if (raw.some((v) => parseDate(v) == null)) return asString;
    return {
      variable: { kind: 'numeric', name, label, format: { type: 'DATE' }, measure: 'scale' },
      value: (p) => {
        const v = present(p);
        return v == null ? null : parseDate(v);
      },
    };
  }
  return asString;
}

/** The case matrix as a dataset for writeSav. `attributes`: the project's attributes (their types and declared values). */
export function caseMatrixSav(m: CaseMatrix, attributes: readonly AttributeInfo[], notes: Notes, o: CaseMatrixSavOptions): SavDataset {
  const documents: Array<{ id: number | null; title: string }> = [];
  for (const p of m.participants) if (!documents.some((d) => d.id === p.documentId)) documents.push({ id: p.documentId, title: p.documentTitle });
  const documentCode = (p: CaseMatrix['participants'][number]) => documents.findIndex((d) => d.id === p.documentId) + 1;
  const participantInfo = (name: string) => attributes.find((a) => a.scope === 'participant' && a.name === name);
  const documentValues = new Map((o.documents ?? []).map((d) => [d.id, d.attributes]));
  const documentAttributes = o.documents ? attributes.filter((a) => a.scope === 'document' && !a.private) : [];
  const shared = (a: AttributeInfo) => m.attributes.includes(a.name);
  const cell = (n: number) => (o.presence ? (n > 0 ? 1 : 0) : n);
  const columns: Column[] = [
    { variable: { kind: 'string', name: 'participant', label: 'Participant' }, value: (p) => p.label },
    {
      variable: { kind: 'numeric', name: 'document', label: 'Document', format: { type: 'F', width: Math.max(1, String(documents.length).length), decimals: 0 }, valueLabels: documents.map((d, k) => [k + 1, d.title]), measure: 'nominal' },
      value: documentCode,
    },
    ...documentAttributes.map((a) =>
      attributeColumn(m, a.name, shared(a) ? `${a.name} (document)` : a.name, a, (p) => (p.documentId == null ? undefined : documentValues.get(p.documentId)?.[a.name])),
    ),
    ...m.attributes.map((name) => attributeColumn(m, name, name, participantInfo(name), (p) => p.attributes[name])),
    ...m.codes.map(
      (c, j): Column => ({
        variable: {
          kind: 'numeric',
          name: c.name,
          label: c.rolledUp ? `${c.path} (incl. subcodes)` : c.path,
          format: { type: 'F', width: 8, decimals: 0 },
          ...(o.presence ? { valueLabels: [[0, 'absent'], [1, 'present']] as const, measure: 'nominal' as const } : { measure: 'scale' as const }),
        },
        value: (_, row) => cell(m.counts[row][j]),
      }),
    ),
    { variable: { kind: 'numeric', name: 'total', label: 'Total codings (distinct)', format: { type: 'F', width: 8, decimals: 0 }, measure: 'scale' }, value: (_, row) => m.totals[row] },
  ];
  return {
    variables: columns.map((c) => c.variable),
    cases: m.participants.map((p, row) => columns.map((c) => c.value(p, row))),
    fileLabel: o.presence ? 'Case matrix (0/1 presence)' : 'Case matrix (codings per participant)',
    documents: [
      o.presence ? 'Cells: 1 when the participant has a coding of the code, else 0' : 'Cells: codings of the code attributed to the participant',
      ...notes.map(([label, value]) => `${label}: ${value}`),
    ],
    created: o.created,
  };
}

/** The .sav download of the case matrix. */
export function caseMatrixSavFile(m: CaseMatrix, attributes: readonly AttributeInfo[], notes: Notes, o: CaseMatrixSavOptions): FileBody {
  return { body: writeSav(caseMatrixSav(m, attributes, notes, o)), contentType: SAV_TYPE, fileName: o.presence ? 'case-matrix-presence.sav' : 'case-matrix.sav' };
}
