/**
 * The codebook as the codebook exports see it, and the one convention for carrying a code's
 * inclusion and exclusion criteria and example through formats that only have a description
 * (REFI-QDA's <Description>): labelled paragraphs after the description, read back the same
 * way.
 */

import { PATH_SEPARATOR } from '../coding/code-paths';

export interface CodebookEntry {
  id: number;
  parentId: number | null;
  name: string;
  /** "Parent / Child". */
  path: string;
  depth: number;
  /** #RRGGBB */
  color: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  shortcut: string | null;
  archived: boolean;
  /** Codings per layer column (same order as CodebookExport.countColumns). */
  counts: readonly number[];
}

export interface CodebookExport {
  projectName: string;
  generatedAt: Date;
  /** Column titles of the counts ("Consensus", a coder's name), layers the reader may see. */
  countColumns: readonly string[];
  /** In codebook order (depth first). */
  codes: readonly CodebookEntry[];
}

export interface CodeDefinition {
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
}

const SECTIONS = [
  ['inclusion', 'Inclusion'],
  ['exclusion', 'Exclusion'],
  ['example', 'Example'],
] as const;

/**
 * One text holding the description and, as labelled paragraphs after it, the criteria and
 * the example: "…\n\nInclusion: …\n\nExclusion: …\n\nExample: …". Empty parts are left out.
 */
export function packDefinition(d: CodeDefinition): string {
  const parts = d.description.trim() ? [d.description.trim()] : [];
  for (const [key, label] of SECTIONS) if (d[key].trim()) parts.push(`${label}: ${d[key].trim()}`);
  return parts.join('\n\n');
}

/** Reads back what packDefinition wrote; a plain description comes back as the description alone. */
export function unpackDefinition(text: string): CodeDefinition {
  const out: CodeDefinition = { description: '', inclusion: '', exclusion: '', example: '' };
  const normal = text.replace(/\r\n?/g, '\n');
  // Find the labelled paragraphs from the end, in the fixed order.
  let rest = `\n\n${normal}`;
  for (let i = SECTIONS.length - 1; i >= 0; i--) {
    const [key, label] = SECTIONS[i];
    const at = rest.lastIndexOf(`\n\n${label}: `);
    if (at < 0) continue;
    out[key] = rest.slice(at + label.length + 4).trim();
    rest = rest.slice(0, at);
  }
  out.description = rest.trim();
  return out;
}

/** A code path split into its names (trimmed; empty names kept, for the caller to report). */
export function splitPath(path: string): string[] {
  return path.split(PATH_SEPARATOR).map((s) => s.trim());
}
