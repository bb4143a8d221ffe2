/**
 * Finds every server entry point in the source, so that the authorization matrix
 * (server/testing/authz-matrix.test.ts) cannot silently miss one: route handlers (each exported HTTP
 * method of every app/**\/route.ts), server actions (each export of every module whose first
 * statement is the 'use server' directive) and inline server actions (a 'use server'
 * directive inside a function body, which the matrix cannot call and so always reports).
 *
 * Reading the source rather than importing it keeps discovery independent of what a module
 * does when loaded; the matrix then imports each module and checks the exports agree.
 */
import fs from 'node:fs';
import path from 'node:path';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type EntryPoint =
  /** `GET /api/v1/projects/[projectId]/codes` */
  | { kind: 'route'; id: string; file: string; method: HttpMethod; path: string }
  /** `action codings.createCodingsAction` */
  | { kind: 'action'; id: string; file: string; name: string }
  /** `inline app/x/page.tsx:12`: an action the matrix cannot reach; move it to server/actions. */
  | { kind: 'inline'; id: string; file: string; line: number };

const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;
// Built from parts so that this file does not itself contain the directive it looks for.
const DIRECTIVE = ['use', 'server'].join(' ');
/** The directive as the module's first statement. */
const MODULE_DIRECTIVE = new RegExp(`^\\s*(['"])${DIRECTIVE}\\1\\s*(;|\\n|$)`);
/** The directive as a statement inside a function body: after `{` (or `;`) and alone on its line. */
const INLINE_DIRECTIVE = new RegExp(`[{;]\\s*(['"])${DIRECTIVE}\\1\\s*;?[ \\t]*(?=\\n|$)`, 'g');
const TEST = /\.(test|spec)\.[a-z]+$/;

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (SOURCE.test(entry.name) && !TEST.test(entry.name)) out.push(full);
  }
  return out;
}

/** The source with comments blanked (same length, so offsets and line numbers hold). */
export function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|(['"`])(?:\\[\s\S]|(?!\1)[^\\])*\1/g, (m) =>
    m.startsWith('/') ? m.replace(/[^\n]/g, ' ') : m,
  );
}

/** Whether the module's first statement is the 'use server' directive. */
export function isServerModule(src: string): boolean {
  return MODULE_DIRECTIVE.test(stripComments(src));
}

/** Names a module exports, read from its source (declarations, export lists, re-exports). */
export function exportedNames(src: string): { names: string[]; starExports: boolean } {
  const code = stripComments(src);
  const names = new Set<string>();
  for (const m of code.matchAll(/\bexport\s+(?:declare\s+)?(?:async\s+)?(?:function\s*\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of code.matchAll(/\bexport\s*(?!type\b)\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) {
      const p = part.trim().replace(/^type\s+/, '');
      if (!p) continue;
      const as = /\bas\s+([A-Za-z_$][\w$]*)$/.exec(p);
      names.add(as ? as[1] : p);
    }
  }
  return { names: [...names], starExports: /\bexport\s*\*\s*from\b/.test(code) };
}

/** The URL path of a route file: app/api/v1/projects/[projectId]/route.ts → /api/v1/projects/[projectId]. */
export function routePath(appDir: string, file: string): string {
  const rel = path.relative(appDir, path.dirname(file)).split(path.sep);
  // Route groups "(name)" and private folders "_name" do not appear in the URL.
  const parts = rel.filter((p) => p && !/^\(.*\)$/.test(p));
  return '/' + parts.join('/');
}

/** Module name of an action file: server/actions/codings.ts → codings; elsewhere the path without extension. */
function actionModule(root: string, file: string): string {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const m = /^server\/actions\/(.+)\.[a-z]+$/.exec(rel);
  return m ? m[1] : rel.replace(/\.[a-z]+$/, '');
}

/**
 * Every entry point under `root`/app (and server modules under `root`/server and `root`/components), sorted by
 * id. A route file that re-exports with `export *` yields a `*` method so it cannot slip by.
 */
export function discoverEntryPoints(root: string = process.cwd()): EntryPoint[] {
  const appDir = path.join(root, 'app');
  const found: EntryPoint[] = [];
  for (const file of [...walk(appDir), ...walk(path.join(root, 'server')), ...walk(path.join(root, 'components'))]) {
    const src = fs.readFileSync(file, 'utf8');
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (/^route\.(ts|tsx|js|mjs)$/.test(path.basename(file)) && file.startsWith(appDir + path.sep)) {
      const urlPath = routePath(appDir, file);
      const { names, starExports } = exportedNames(src);
      const methods = names.filter((n): n is HttpMethod => (HTTP_METHODS as readonly string[]).includes(n));
      if (starExports) methods.push('*' as HttpMethod);
      for (const method of methods) found.push({ kind: 'route', id: `${method} ${urlPath}`, file: rel, method, path: urlPath });
    }
    if (isServerModule(src)) {
      const mod = actionModule(root, file);
      const { names, starExports } = exportedNames(src);
      for (const name of names.filter((n) => n !== 'default')) found.push({ kind: 'action', id: `action ${mod}.${name}`, file: rel, name });
      if (starExports || names.includes('default')) found.push({ kind: 'action', id: `action ${mod}.*`, file: rel, name: '*' });
    } else {
      // A 'use server' directive that is not the module's first statement: an inline action.
      const code = stripComments(src);
      for (const m of code.matchAll(INLINE_DIRECTIVE)) {
        const at = m.index + m[0].indexOf(m[1]);
        const line = code.slice(0, at).split('\n').length;
        found.push({ kind: 'inline', id: `inline ${rel}:${line}`, file: rel, line });
      }
    }
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}
