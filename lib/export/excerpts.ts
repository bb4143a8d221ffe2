/**
 * Coded excerpts as the export formats see them: plain data, already pseudonymised (labels,
 * never real names; private attributes left out by whoever built it), in codebook order.
 * Every excerpt format (DOCX, XLSX/CSV, Markdown/HTML) is a function of an ExcerptExport and
 * ExcerptFormatOptions.
 */
import { compileAttribution, DEFAULT_ATTRIBUTION_TEMPLATE, type AttributeInfo } from './attribution';

export interface ExportParticipant {
  label: string;
  attributes: Readonly<Record<string, string>>;
}

export interface ExportTranslation {
  /** A language code: en, ru, kk, … */
  language: string;
  text: string;
  /** The translator's display name. */
  author: string;
}

/** A turn around an excerpt, for context. */
export interface ContextTurn {
  /** 1-based turn number. */
  turn: number;
  /** The participant label, "Moderator", or "" for an unknown speaker. */
  speaker: string;
  text: string;
}

export interface ExportExcerpt {
  codingId: number;
  codeId: number;
  documentId: number;
  documentTitle: string;
  documentAttributes: Readonly<Record<string, string>>;
  /** The participants whose turns the passage overlaps (moderator and unknown speakers excluded). */
  participants: readonly ExportParticipant[];
  /** 1-based numbers of the turns the passage overlaps. */
  turns: readonly number[];
  /** UTF-16 offsets into the document's canonical text, [start, end). */
  start: number;
  end: number;
  quote: string;
  layer: 'consensus' | 'coder';
  /** The coder's name for a coder layer; the consensus layer says "Consensus". */
  layerName: string;
  memo: string;
  translations: readonly ExportTranslation[];
  /** The turn before the first overlapped turn and the one after the last, when asked for. */
  contextBefore?: readonly ContextTurn[];
  contextAfter?: readonly ContextTurn[];
}

/** A code of the codebook, in codebook order. */
export interface ExportCode {
  id: number;
  parentId: number | null;
  name: string;
  /** "Parent / Child". */
  path: string;
  /** 0 for a top-level code. */
  depth: number;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
}

export interface ExcerptExport {
  projectName: string;
  generatedAt: Date;
  /** The layers the excerpts come from, as people read them ("Consensus", "Aigerim (coder)"). */
  layers: readonly string[];
  /** The filters applied, as people read them ("Code: Channels (and sub-codes)"). */
  filters: readonly string[];
  /** Every code of the project in codebook order (for headings and paths). */
  codes: readonly ExportCode[];
  /** Attributes that may be shown (never the private ones), in display order. */
  attributes: readonly AttributeInfo[];
  /** In codebook order of their code, then document order, then text order. */
  excerpts: readonly ExportExcerpt[];
}

/** Words the files use around the data, in the user's language. English by default. */
export interface ExportLabels {
  title: string;
  project: string;
  layers: string;
  filters: string;
  generated: string;
  count: string;
  empty: string;
  original: string;
  translation: string;
  noTranslation: string;
  context: string;
  definition: string;
  memo: string;
  moderator: string;
  pseudonymised: string;
}

export const ENGLISH_LABELS: ExportLabels = {
  title: 'Coded excerpts',
  project: 'Project',
  layers: 'Layers',
  filters: 'Filters',
  generated: 'Exported',
  count: 'Excerpts',
  empty: 'No excerpts match this selection.',
  original: 'Original',
  translation: 'Translation',
  noTranslation: 'No translation yet',
  context: 'Context',
  definition: 'Definition',
  memo: 'Memo',
  moderator: 'Moderator',
  pseudonymised: 'Participants are shown by pseudonymous labels; private attributes are left out.',
};

export interface ExcerptFormatOptions {
  /** The attribution template (see attribution.ts). */
  template?: string;
  /** Print each code's description under its heading. */
  definitions?: boolean;
  /** Print every translation beneath its quote. */
  translations?: boolean;
  /** Set the original and its translation into this language side by side. */
  language?: string;
  /** Print the turn before and after each excerpt. */
  context?: boolean;
  labels?: Partial<ExportLabels>;
}

/** One heading of the grouped output: a code, with its excerpts (possibly none, for an ancestor). */
export interface CodeSection {
  code: ExportCode;
  /** Heading level, 1 for a top-level code (capped at 6). */
  level: number;
  excerpts: readonly ExportExcerpt[];
}

/**
 * The excerpts grouped by code in codebook order. A code gets a section when it has excerpts,
 * and so does each of its ancestors (with no excerpts of its own) so the headings nest as
 * the codebook does. Excerpts of a code missing from `codes` come last under their own id.
 */
export function sectionsByCode(data: Pick<ExcerptExport, 'codes' | 'excerpts'>): CodeSection[] {
  const byCode = new Map<number, ExportExcerpt[]>();
  for (const e of data.excerpts) {
    const list = byCode.get(e.codeId) ?? [];
    list.push(e);
    byCode.set(e.codeId, list);
  }
  const codeById = new Map(data.codes.map((c) => [c.id, c]));
  const wanted = new Set<number>();
  for (const id of byCode.keys()) {
    let c = codeById.get(id);
    const seen = new Set<number>();
    while (c && !seen.has(c.id)) {
      seen.add(c.id);
      wanted.add(c.id);
      c = c.parentId == null ? undefined : codeById.get(c.parentId);
    }
  }
  const out: CodeSection[] = [];
  for (const code of data.codes) {
    if (!wanted.has(code.id)) continue;
    out.push({ code, level: Math.min(code.depth + 1, 6), excerpts: byCode.get(code.id) ?? [] });
  }
  for (const [id, excerpts] of byCode) {
    if (codeById.has(id)) continue;
    const code: ExportCode = { id, parentId: null, name: `Code ${id}`, path: `Code ${id}`, depth: 0, description: '', inclusion: '', exclusion: '', example: '' };
    out.push({ code, level: 1, excerpts });
  }
  return out;
}

/** The attribution of every excerpt under `options.template` (default: DEFAULT_ATTRIBUTION_TEMPLATE). */
export function attributionsFor(data: Pick<ExcerptExport, 'codes' | 'excerpts' | 'attributes'>, template = DEFAULT_ATTRIBUTION_TEMPLATE): Map<number, string> {
  const render = compileAttribution(template, data.attributes);
  const codeById = new Map(data.codes.map((c) => [c.id, c]));
  const out = new Map<number, string>();
  for (const e of data.excerpts) {
    const code = codeById.get(e.codeId);
    out.set(
      e.codingId,
      render({
        participants: e.participants,
        documentTitle: e.documentTitle,
        documentAttributes: e.documentAttributes,
        codeName: code?.name ?? '',
        codePath: code?.path ?? '',
        turn: e.turns[0],
      }),
    );
  }
  return out;
}

/** The translation of an excerpt into `language`, if there is one. */
export function translationInto(e: ExportExcerpt, language: string): ExportTranslation | undefined {
  return e.translations.find((t) => t.language === language);
}

/** Every language the excerpts have a translation into, in order of first appearance (en, ru, kk first). */
export function translationLanguages(excerpts: readonly ExportExcerpt[]): string[] {
  const seen = new Set<string>();
  for (const e of excerpts) for (const t of e.translations) seen.add(t.language);
  const first = ['en', 'ru', 'kk'].filter((l) => seen.has(l));
  return [...first, ...[...seen].filter((l) => !first.includes(l)).sort()];
}

/** The labels with defaults filled in. */
export function labelsOf(options: ExcerptFormatOptions): ExportLabels {
  return { ...ENGLISH_LABELS, ...options.labels };
}

/** The lines a file's header shows: project, layers, filters, date, count, the privacy note. */
export function headerLines(data: ExcerptExport, labels: ExportLabels): [string, string][] {
  return [
    [labels.project, data.projectName],
    [labels.layers, data.layers.join(', ') || '—'],
    [labels.filters, data.filters.join('; ') || '—'],
    [labels.generated, data.generatedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC'],
    [labels.count, String(data.excerpts.length)],
  ];
}

/** A turn of context as one line: "P3: text". */
export function contextLine(t: ContextTurn): string {
  return t.speaker ? `${t.speaker}: ${t.text}` : t.text;
}

/** A safe file name stem from a project name: letters (any script), digits, dashes. */
export function fileStem(name: string, suffix: string): string {
  const stem = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${stem || 'project'}-${suffix}`;
}
