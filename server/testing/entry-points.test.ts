/** Discovery of entry points on a made-up app/ tree: the shapes a new route or action may take. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverEntryPoints, exportedNames, isServerModule } from '@/server/testing/entry-points';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-entry-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

const q = "'";
const directive = `${q}use server${q}`;

describe('discoverEntryPoints', () => {
  it('lists each exported method of each route file, however it is exported', () => {
    write('app/api/v1/things/route.ts', 'export const GET = apiRoute(async () => x);\nexport async function POST(req: Request) {}\n');
    write('app/api/auth/[...nextauth]/route.ts', 'const handler = NextAuth(o);\nexport { handler as GET, handler as POST };\n');
    write('app/(group)/feed/route.ts', '// export const PUT = nothing\nexport function DELETE() {}\nexport const dynamic = "force-dynamic";\n');
    write('app/api/star/route.ts', "export * from './impl';\n");
    const routes = discoverEntryPoints(root).filter((e) => e.kind === 'route').map((e) => e.id);
    expect(routes).toEqual(['* /api/star', 'DELETE /feed', 'GET /api/auth/[...nextauth]', 'GET /api/v1/things', 'POST /api/auth/[...nextauth]', 'POST /api/v1/things']);
  });

  it("lists every export of a 'use server' module, after leading comments, and nothing of other modules", () => {
    write('server/actions/things.ts', `/** Actions. */\n// more\n${directive};\nimport x from 'y';\nexport async function makeThing(input: unknown) {}\nexport const dropThing = async () => {};\n`);
    write('server/helpers.ts', `export async function notAnAction() { return '${'use server'}'; }\n`);
    const actions = discoverEntryPoints(root).filter((e) => e.kind === 'action').map((e) => e.id);
    expect(actions).toEqual(['action things.dropThing', 'action things.makeThing']);
  });

  it('reports an inline server action, which the matrix cannot call', () => {
    write('app/things/page.tsx', `export default function Page() {\n  async function save(form: FormData) {\n    ${directive};\n    await db.write(form);\n  }\n  return null;\n}\n`);
    expect(discoverEntryPoints(root).filter((e) => e.kind === 'inline').map((e) => e.id)).toEqual(['inline app/things/page.tsx:3']);
  });

  it('ignores tests', () => {
    write('app/api/v1/things/route.test.ts', 'export const GET = 1;');
    expect(discoverEntryPoints(root).filter((e) => e.file.endsWith('.test.ts'))).toEqual([]);
  });
});

describe('exportedNames and isServerModule', () => {
  it('reads declarations and export lists, not types', () => {
    expect(exportedNames('export type A = 1;\nexport interface B {}\nexport { c, d as e };\nexport class F {}').names.sort()).toEqual(['F', 'c', 'e']);
    expect(isServerModule(`\n/* a */\n${directive}\n`)).toBe(true);
    expect(isServerModule(`import x from 'y';\n${directive};`)).toBe(false);
  });
});
