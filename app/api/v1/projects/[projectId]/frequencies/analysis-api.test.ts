/**
 * The analysis API (frequencies, excerpts, co-occurrence, case matrix) called as route
 * handlers with a temporary database and API tokens: authorisation like the pages, bad
 * parameters named, files as files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-analysis-api-'));
process.env.DATABASE_PATH = path.join(dir, 'api.db');

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let tokens: Record<string, string>;
let f: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const { getDb } = await import('@/db/client');
  const { seedFixture } = await import('@/db/testing/fixture');
  const { createApiToken } = await import('@/db/queries/users');
  const { createCodings } = await import('@/db/queries/codings');
  const { newApiToken } = await import('@/lib/auth/token');
  const { attributeDefinitions, participantAttributeValues, documentAttributeValues, members } = await import('@/db/schema');
  const db = getDb();
  const fixture = seedFixture(db);
  const [city, gender] = db
    .insert(attributeDefinitions)
    .values([
      { projectId: fixture.project.id, scope: 'document' as const, name: 'city', type: 'category' as const, values: ['Almaty'] },
      { projectId: fixture.project.id, scope: 'participant' as const, name: 'gender', type: 'category' as const, values: ['Female', 'Male'] },
    ])
    .returning()
    .all();
  db.insert(documentAttributeValues).values({ documentId: fixture.doc.id, attributeId: city.id, value: 'Almaty' }).run();
  db.insert(participantAttributeValues).values({ participantId: fixture.p1.id, attributeId: gender.id, value: 'Female' }).run();
  const { users } = await import('@/db/schema');
  const viewer = db.insert(users).values({ email: 'viewer@test.kz', name: 'viewer', passwordHash: 'x' }).returning().get();
  db.insert(members).values({ projectId: fixture.project.id, userId: viewer.id, role: 'viewer' }).run();
  // consensus: e-Otinish on P1's turn, Channels across P1 and P2; coder1: Channels on P2's turn
  const layer = { kind: 'consensus' as const };
  await createCodings(db, { projectId: fixture.project.id, documentId: fixture.doc.id, codeIds: [fixture.eotinish.id], start: fixture.ranges[1].start, end: fixture.ranges[1].start + 9, layer, actorId: fixture.lead.id });
  await createCodings(db, { projectId: fixture.project.id, documentId: fixture.doc.id, codeIds: [fixture.channels.id], start: fixture.ranges[1].start + 4, end: fixture.ranges[2].end, layer, actorId: fixture.lead.id });
  await createCodings(db, { projectId: fixture.project.id, documentId: fixture.doc.id, codeIds: [fixture.channels.id], start: fixture.ranges[2].start, end: fixture.ranges[2].end, layer: { kind: 'coder', coderId: fixture.coder1.id }, actorId: fixture.coder1.id });
  tokens = {};
  for (const u of [fixture.lead, fixture.coder1, fixture.outsider, viewer]) {
    const t = newApiToken();
    await createApiToken(db, u.id, 'test', t.hash, t.prefix);
    tokens[u.name] = t.token;
  }
  return fixture;
}

const routes = {
  frequencies: () => import('./route'),
  excerpts: () => import('../excerpts/route'),
  cooccurrence: () => import('../cooccurrence/route'),
  'case-matrix': () => import('../case-matrix/route'),
};
type Route = keyof typeof routes;

async function call(route: Route, query: string, who: string) {
  const handler = (await routes[route]()).GET as Handler;
  const res = await handler(new Request(`http://localhost/api/v1/projects/${f.project.id}/${route}?${query}`, { headers: { authorization: `Bearer ${tokens[who]}` } }), {
    params: Promise.resolve({ projectId: String(f.project.id) }),
  });
  return res;
}
const json = async (route: Route, query: string, who = 'lead') => {
  const res = await call(route, query, who);
  return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
  f = await setup();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('GET …/frequencies', () => {
  it('counts code × gender in the consensus layer, with denominators and the layer named', async () => {
    const { status, body } = await json('frequencies', 'rows=codes&cols=attr:gender&measure=participants&layer=consensus');
    expect(status).toBe(200);
    expect([body.layer, body.measure, body.cols, body.notes.Layer]).toEqual(['consensus', 'participants', 'attr:gender', 'Consensus']);
    // P1 is Female; P2 has no gender
    expect(body.columns.map((c: { outer: string; participants: number }) => [c.outer, c.participants])).toEqual([
      ['Female', 1],
      ['(missing)', 1],
    ]);
    expect(body.rows.map((r: { name: string; cells: Array<{ segments: number }>; total: { segments: number } }) => [r.name, r.cells.map((c) => c.segments), r.total.segments])).toEqual([
      ['Channels', [1, 1], 1], // one coding across P1 and P2: in both columns, once in the total
      ['e-Otinish', [1, 0], 1],
    ]);
  });

  it('names bad parameters (400), refuses hidden layers (403) and unreadable projects (404)', async () => {
    expect(await json('frequencies', 'cols=attr:religion')).toEqual({ status: 400, body: { error: "Parameter 'cols': unknown attribute 'religion'" } });
    expect(await json('frequencies', 'layer=coder:99999')).toEqual({ status: 400, body: { error: "Parameter 'layer': unknown layer 'coder:99999'" } });
    expect(await json('frequencies', 'subtree=99999')).toEqual({ status: 400, body: { error: "Parameter 'subtree': unknown code 99999" } });
    expect(await json('frequencies', 'measure=mean')).toMatchObject({ status: 400 });
    expect(await json('frequencies', 'format=csv&shape=tall')).toEqual({ status: 400, body: { error: "Parameter 'shape': 'tall' is not one of wide, long" } });
    expect(await json('frequencies', 'format=csv&sep=tab')).toEqual({ status: 400, body: { error: "Parameter 'sep': 'tab' is not one of comma, semicolon" } });
    expect(await json('frequencies', 'format=csv&values=presence')).toEqual({ status: 400, body: { error: "Parameter 'values': presence is offered for the case matrix only" } });
    expect(await json('case-matrix', 'format=xlsx&values=yes')).toEqual({ status: 400, body: { error: "Parameter 'values': 'yes' is not one of count, presence" } });
    expect((await json('frequencies', 'layer=union', 'coder1')).status).toBe(403);
    expect((await json('frequencies', `layer=coder:${f.coder2.id}`, 'coder1')).status).toBe(403);
    expect((await json('frequencies', '', 'coder1')).body.layer).toBe(`coder:${f.coder1.id}`);
    expect((await json('frequencies', 'layer=union', 'viewer')).status).toBe(403);
    expect((await json('frequencies', '', 'outsider')).status).toBe(404);
  });

  it('downloads CSV with a BOM and XLSX', async () => {
    const csv = await call('frequencies', 'cols=attr:city&format=csv', 'lead');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="frequencies-segments.csv"');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith('\uFEFF# ')).toBe(true);
    expect(text.slice(1).split('\r\n').filter((l) => !l.startsWith('#')).slice(0, 3)).toEqual(['Code,Code path,Almaty,Total', 'Channels,Channels,1,1', 'e-Otinish,e-Otinish,1,1']);
    const xlsx = await call('frequencies', 'cols=attr:city&format=xlsx&measure=per1000', 'lead');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets[0].getRow(1).getCell(3).value).toBe('Almaty');
  });
});

describe('GET …/excerpts', () => {
  it('pages the excerpts of a cell with quotes and speakers', async () => {
    const { status, body } = await json('excerpts', `code=${f.channels.id}&layer=consensus&attr.gender=(missing)`);
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.excerpts[0].participants.map((p: { label: string }) => p.label)).toEqual(['P1', 'P2']);
    expect(body.excerpts[0].quote).toBe(f.text.slice(f.ranges[1].start + 4, f.ranges[2].end));
    expect(body.excerpts[0].layerKeys).toEqual(['consensus']);
    expect((await json('excerpts', 'code=99999')).status).toBe(400);
  });
});

describe('GET …/cooccurrence and …/case-matrix', () => {
  it('gives the matrix and the passages of a cell', async () => {
    const m = await json('cooccurrence', 'layer=consensus');
    expect(m.body.counts).toEqual([
      [1, 1],
      [1, 1],
    ]);
    const p = await json('cooccurrence', `layer=consensus&pair=${f.channels.id},${f.eotinish.id}`);
    expect(p.body.total).toBe(1);
  });

  it('gives participants × codes, and a CSV', async () => {
    const m = await json('case-matrix', 'layer=consensus');
    expect(m.body.participants.map((p: { label: string; attributes: object }) => [p.label, p.attributes])).toEqual([
      ['P1', { gender: 'Female' }],
      ['P2', {}],
    ]);
    expect(m.body.counts).toEqual([
      [1, 1],
      [1, 0],
    ]);
    const csv = await (await call('case-matrix', 'layer=consensus&format=csv', 'lead')).text();
    expect(csv.replace('\uFEFF', '').split('\r\n').filter((l) => !l.startsWith('#'))[0]).toBe('Participant,Document,gender,Channels,e-Otinish,Total');
    const long = await call('case-matrix', 'layer=consensus&format=csv&shape=long&values=presence&sep=semicolon', 'lead');
    expect(long.headers.get('content-disposition')).toBe('attachment; filename="case-matrix-long-presence.csv"');
    const lines = (await long.text()).replace('\uFEFF', '').split('\r\n').filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toBe('Participant;Document;gender;Code;Present');
    expect(lines.length - 1).toBe(m.body.participants.length * m.body.codes.length);
  });
});
