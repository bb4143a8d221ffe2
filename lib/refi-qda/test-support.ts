/**
 * Helpers for this module's tests: the shared sample files, building small .qdpx archives,
 * and schema validation with xmllint. Not used by the module itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';

/** shared/refi-qda beside the repository (CI clones the repo with shared/ next to it). */
export const SHARED = path.resolve(__dirname, '../../../shared/refi-qda');
export const XSD = path.join(SHARED, 'Project-mrt2019.xsd');

export function sharedFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SHARED, name)));
}

/** A zip of the given files (strings are written as UTF-8). */
export function zipOf(files: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const enc = new TextEncoder();
  const entries: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {};
  for (const [name, content] of Object.entries(files)) {
    entries[name] = [typeof content === 'string' ? enc.encode(content) : content, { level, mtime: new Date('2024-11-20T00:00:00Z') }];
  }
  return zipSync(entries);
}

/** The sample project's parts: its project.qde text and its one source file's name and bytes. */
export function sampleParts(): { qde: string; sourceName: string; source: Uint8Array } {
  const files = unzipSync(sharedFile('sample-semey.qdpx'));
  const sourceName = Object.keys(files).find((n) => n.startsWith('sources/')) as string;
  return { qde: new TextDecoder().decode(files['project.qde']), sourceName, source: files[sourceName] };
}

/** The sample rebuilt with a changed project.qde (and optionally other files). */
export function sampleWith(edit: (qde: string) => string, extra: Record<string, string | Uint8Array | null> = {}): Uint8Array {
  const { qde, sourceName, source } = sampleParts();
  const files: Record<string, string | Uint8Array> = { 'project.qde': edit(qde), [sourceName]: source };
  for (const [name, content] of Object.entries(extra)) {
    if (content === null) delete files[name];
    else files[name] = content;
  }
  return zipOf(files);
}

let xmllintPresent: boolean | undefined;

export function hasXmllint(): boolean {
  xmllintPresent ??= spawnSync('xmllint', ['--version']).status === 0;
  return xmllintPresent;
}

/**
 * Validates `xml` against `xsd` with xmllint. Throws when xmllint is missing: callers decide
 * (see schemaIt) whether a missing xmllint skips or fails.
 */
export function xmllint(xml: string, xsd = XSD): { valid: boolean; output: string } {
  if (!hasXmllint()) throw new Error('xmllint is not installed (apt-get install -y libxml2-utils); the schema tests need it');
  const dir = mkdtempSync(path.join(tmpdir(), 'refi-qda-'));
  try {
    const file = path.join(dir, 'doc.xml');
    writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], { encoding: 'utf8' });
    return { valid: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Schema tests run when xmllint is present; without it they are skipped locally but fail in
 * CI (process.env.CI set), so a missing xmllint can never pass silently there.
 */
export function schemaTestMode(): 'run' | 'skip' {
  return hasXmllint() || process.env.CI ? 'run' : 'skip';
}
