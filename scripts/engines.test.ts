/**
 * The Node.js versions the README promises (issue #18, item 7): every package the lock file
 * installs on Linux accepts each of them, so `npm install` shows no EBADENGINE warning, and
 * package.json's `engines` says the same. CI itself runs on one of them (the machine's Node).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// semver is in the tree already (typescript-eslint, better-sqlite3's prebuild-install); not a dependency of ours.
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean };

/** The oldest release of each supported line. */
const SUPPORTED = ['20.19.0', '22.13.0', '24.0.0'];
/** Releases just outside: something in the tree refuses each. */
const UNSUPPORTED = ['20.18.0', '22.12.0'];

type LockedPackage = { version?: string; engines?: { node?: string }; optional?: boolean; os?: string[]; cpu?: string[] };
const root = process.cwd();
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };

/** The packages npm installs on Linux, with the Node range each wants. */
function installedOnLinux(): Array<[string, string]> {
  return Object.entries(lock.packages)
    .filter(([where, p]) => where !== '' && p.engines?.node && !(p.os && !p.os.includes('linux')))
    .map(([where, p]) => [`${where.replace(/^.*node_modules\//, '')}@${p.version}`, p.engines!.node!]);
}

describe('supported Node.js versions', () => {
  it.each(SUPPORTED)('Node %s satisfies every locked package and package.json', (version) => {
    const refusing = installedOnLinux().filter(([, range]) => !semver.satisfies(version, range, { includePrerelease: true }));
    expect(refusing).toEqual([]);
    expect(semver.satisfies(version, manifest.engines.node)).toBe(true);
  });

  it.each(UNSUPPORTED)('package.json refuses Node %s, which some package refuses', (version) => {
    expect(installedOnLinux().some(([, range]) => !semver.satisfies(version, range))).toBe(true);
    expect(semver.satisfies(version, manifest.engines.node)).toBe(false);
  });

  it('pins docx to a nanoid that runs on Node 20 (nanoid 6 wants 22+; docx bundles its own copy anyway)', () => {
    expect(lock.packages['node_modules/docx/node_modules/nanoid']?.version).toMatch(/^5\./);
  });
});
