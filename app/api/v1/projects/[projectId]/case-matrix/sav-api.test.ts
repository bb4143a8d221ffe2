/**
 * GET …/case-matrix?format=sav as a route handler on a temporary database: an SPSS file
 * download that R's foreign::read.spss reads (skipped without R, failing under CI=true);
 * format=sav is for the case matrix only, and an unknown format is a 400 naming the parameter.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-sav-api-'));
process.env.DATABASE_PATH = path.join(dir, 'api.db');
const ENV = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
const HAS_FOREIGN = spawnSync('Rscript', ['-e', 'library(foreign)'], { encoding: 'utf8', env: ENV }).status === 0;

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let token: string;
let projectId: number;

beforeAll(async () => {
  const { getDb } = await import('@/db/client');
  const { seedFixture } = await import('@/db/testing/fixture');
  const { createApiToken } = await import('@/db/queries/users');
  const { createCodings } = await import('@/db/queries/codings');
  const { newApiToken } = await import('@/lib/auth/token');
  const { attributeDefinitions, participantAttributeValues, documentAttributeValues } = await import('@/db/schema');
  const db = getDb();
  const f = seedFixture(db);
  projectId = f.project.id;
  const [language, city] = db
    .insert(attributeDefinitions)
    .values([
      { projectId, scope: 'participant' as const, name: 'Язык интервью', type: 'category' as const, values: ['Қазақ тілі', 'Русский'] },
      { projectId, scope: 'document' as const, name: 'город', type: 'category' as const, values: ['Алматы', 'Тараз'] },
    ])
    .returning()
    .all();
  db.insert(documentAttributeValues).values({ documentId: f.doc.id, attributeId: city.id, value: 'Тараз' }).run();
  db.insert(participantAttributeValues).values({ participantId: f.p1.id, attributeId: language.id, value: 'Қазақ тілі' }).run();
  const layer = { kind: 'consensus' as const };
  await createCodings(db, { projectId, documentId: f.doc.id, codeIds: [f.eotinish.id], start: f.ranges[1].start, end: f.ranges[1].start + 9, layer, actorId: f.lead.id });
  await createCodings(db, { projectId, documentId: f.doc.id, codeIds: [f.channels.id], start: f.ranges[1].start + 4, end: f.ranges[2].end, layer, actorId: f.lead.id });
  const t = newApiToken();
  await createApiToken(db, f.lead.id, 'test', t.hash, t.prefix);
  token = t.token;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function call(route: 'case-matrix' | 'frequencies', query: string) {
  const handler = (await (route === 'case-matrix' ? import('./route') : import('../frequencies/route'))).GET as Handler;
  return handler(new Request(`http://localhost/api/v1/projects/${projectId}/${route}?${query}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ projectId: String(projectId) }),
  });
}

describe('GET …/case-matrix?format=sav', () => {
  it('is a .sav download', async () => {
    const res = await call('case-matrix', 'layer=consensus&format=sav');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-spss-sav');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="case-matrix.sav"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('$FL2');
    const presence = await call('case-matrix', 'layer=consensus&format=sav&values=presence');
    expect(presence.headers.get('content-disposition')).toBe('attachment; filename="case-matrix-presence.sav"');
  });

  it.skipIf(!HAS_FOREIGN && !process.env.CI)(`reads in R as a case per participant${HAS_FOREIGN ? '' : ' (needs r-cran-foreign)'}`, async () => {
    if (!HAS_FOREIGN) throw new Error('Not installed: apt-get install r-base-core r-cran-foreign (.ci/run installs them)');
    const file = path.join(dir, 'm.sav');
    fs.writeFileSync(file, new Uint8Array(await (await call('case-matrix', 'layer=consensus&format=sav&values=presence')).arrayBuffer()));
    const script = `suppressPackageStartupMessages(library(foreign)); d <- read.spss(commandArgs(TRUE)[1], to.data.frame = TRUE, use.value.labels = TRUE)
writeLines(c(nrow(d), paste(names(d), collapse = "|"), paste(as.character(d[["Язык_интервью"]]), collapse = "|"), paste(as.character(d[["e_Otinish"]]), collapse = "|"), paste(as.character(d[["город"]]), collapse = "|")))`;
    const r = spawnSync('Rscript', ['-e', script, file], { encoding: 'utf8', env: ENV });
    expect(r.stderr).toBe('');
    const [rows, names, language, eotinish, city] = r.stdout.trimEnd().split('\n');
    expect(rows).toBe('2');
    expect(names.split('|')).toEqual(['participant', 'document', 'город', 'Язык_интервью', 'Channels', 'e_Otinish', 'total']);
    expect(language.split('|')).toEqual(['Қазақ тілі', 'NA']);
    expect(eotinish.split('|')).toEqual(['present', 'absent']);
    expect(city.split('|')).toEqual(['Тараз', 'Тараз']);
  });

  it('is refused elsewhere, and an unknown format is a 400 naming the parameter', async () => {
    const other = await call('frequencies', 'layer=consensus&format=sav');
    expect(other.status).toBe(400);
    expect(await other.text()).toContain("Parameter 'format'");
    const bad = await call('case-matrix', 'layer=consensus&format=dta');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/Parameter 'format'.*json, csv, xlsx, sav/);
  });
});
