/**
 * The export, exchange and translation routes called as the server calls them, with API
 * tokens on a temporary database: who may use them (blind mode included), what each format
 * holds, and the pseudonymisation guard — no real name, no private attribute, no speaker
 * label from the transcript in any file.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { SECRETS, seedExportFixture } from '@/db/testing/export-fixture';
import { apiTokens, codes, members, projects, users } from '@/db/schema';
import { newApiToken } from '@/lib/auth/token';
import { sampleParts, sampleWith, sharedFile } from '@/lib/refi-qda/test-support';
import { emailKey } from '@/lib/refi-qda';
import { GET as excerptsExport } from '@/app/api/v1/projects/[projectId]/excerpts-export/route';
import { GET as projectExport } from '@/app/api/v1/projects/[projectId]/export/route';
import { GET as codebookGet, POST as codebookPost } from '@/app/api/v1/projects/[projectId]/codebook/route';
import { POST as projectImport } from '@/app/api/v1/projects/import/route';
import { GET as translationsList } from '@/app/api/v1/projects/[projectId]/codings/[codingId]/translations/route';
import { DELETE as translationDelete, GET as translationGet, PUT as translationPut } from '@/app/api/v1/projects/[projectId]/codings/[codingId]/translations/[lang]/route';

let ctx: ReturnType<typeof openTestDatabase>;
let f: Awaited<ReturnType<typeof seedExportFixture>>;
const tokens: Record<string, string> = {};
const globalForDb = globalThis as unknown as { __db?: Db };

beforeEach(async () => {
  ctx = openTestDatabase();
  globalForDb.__db = ctx.db;
  f = await seedExportFixture(ctx.db);
  const viewer = ctx.db.insert(users).values({ email: 'viewer@test.kz', name: 'viewer', passwordHash: 'x' }).returning().get();
  ctx.db.insert(members).values({ projectId: f.project.id, userId: viewer.id, role: 'viewer' }).run();
  for (const [name, id] of Object.entries({ lead: f.lead.id, coder1: f.coder1.id, coder2: f.coder2.id, outsider: f.outsider.id, viewer: viewer.id })) {
    const t = newApiToken();
    ctx.db.insert(apiTokens).values({ userId: id, name: 'test', tokenHash: t.hash, prefix: t.prefix }).run();
    tokens[name] = t.token;
  }
});
afterEach(() => {
  globalForDb.__db = undefined;
  ctx.close();
});

const get = (path: string, who: string | null, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...headers } });
const p = () => ({ params: Promise.resolve({ projectId: String(f.project.id) }) });

/** All the text a file holds: every part of a zip (docx, xlsx, qdpx), or the file itself. */
function allText(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return Object.values(unzipSync(bytes)).map((b) => strFromU8(b)).join('\n');
  return new TextDecoder().decode(bytes);
}
async function body(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}

describe('every export route checks the session and the project role', () => {
  it('answers 401 to an unknown token and 404 to a non-member, on every entry point', async () => {
    const cp = { params: Promise.resolve({ projectId: String(f.project.id), codingId: String(f.codings.consensus.id), lang: 'en' }) };
    const entryPoints: [string, (who: string | null) => Promise<Response>][] = [
      ['GET excerpts-export', (w) => excerptsExport(get('/x?format=csv', w), p())],
      ['GET export', (w) => projectExport(get('/x?format=json', w), p())],
      ['GET codebook', (w) => codebookGet(get('/x?format=csv', w), p())],
      ['GET translations', (w) => translationsList(get('/x', w), cp)],
      ['GET translation', (w) => translationGet(get('/x', w), cp)],
      ['PUT translation', (w) => translationPut(new Request('http://localhost/x', { method: 'PUT', headers: { authorization: `Bearer ${w ? tokens[w] : 'fgc_nope'}` }, body: '{"text":"x"}' }), cp)],
      ['DELETE translation', (w) => translationDelete(new Request('http://localhost/x', { method: 'DELETE', headers: { authorization: `Bearer ${w ? tokens[w] : 'fgc_nope'}` } }), cp)],
    ];
    for (const [name, call] of entryPoints) {
      expect((await call('outsider')).status, `${name} as a non-member`).toBe(404);
    }
    const unknown = (path: string) => get(path, null, { authorization: 'Bearer fgc_not-a-real-token' });
    expect((await excerptsExport(unknown('/x?format=csv'), p())).status).toBe(401);
    expect((await projectExport(unknown('/x?format=json'), p())).status).toBe(401);
    expect((await codebookGet(unknown('/x?format=csv'), p())).status).toBe(401);
    expect((await translationsList(unknown('/x'), cp)).status).toBe(401);
  });
});

describe('GET excerpts-export', () => {
  it('answers 401 to an unknown token, 404 to a non-member, 400 naming a bad parameter', async () => {
    expect((await excerptsExport(get('/x?format=csv', null, { authorization: 'Bearer fgc_not-a-real-token' }), p())).status).toBe(401);
    expect((await excerptsExport(get('/x?format=csv', 'outsider'), p())).status).toBe(404);
    const bad = await excerptsExport(get('/x?format=pdf', 'lead'), p());
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/'format'/);
    const privateField = await excerptsExport(get(`/x?format=csv&template=${encodeURIComponent('({phone})')}`, 'lead'), p());
    expect(privateField.status).toBe(400);
    expect((await privateField.json()).error).toMatch(/no field named \{phone\}/);
    const privateFilter = await excerptsExport(get('/x?format=csv&attr.phone=1', 'lead'), p());
    expect(privateFilter.status).toBe(400);
  });

  it('downloads CSV with a BOM and a file name; the lead’s default is the consensus layer', async () => {
    const res = await excerptsExport(get('/x?format=csv', 'lead'), p());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Fixture-excerpts\.csv"; filename\*=UTF-8''Fixture-excerpts\.csv$/);
    expect(res.headers.get('cache-control')).toMatch(/(^|, )no-store(,|$)/);
    const bytes = await body(res);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('әкімдікке e-Otinish арқылы жаздым 👍');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2); // header + the one consensus excerpt
  });

  it('in blind mode gives a coder only their own layer, and refuses another’s', async () => {
    const own = new TextDecoder().decode(await body(await excerptsExport(get('/x?format=csv&layer=all', 'coder1'), p())));
    expect(own).toContain('coder1');
    expect(own).not.toContain('coder2');
    expect(own).not.toContain('Consensus');
    expect((await excerptsExport(get(`/x?format=csv&layer=coder:${f.coder2.id}`, 'coder1'), p())).status).toBe(403);
    expect((await excerptsExport(get('/x?format=csv&layer=consensus', 'coder1'), p())).status).toBe(403);
    expect((await excerptsExport(get('/x?format=csv&layer=consensus', 'viewer'), p())).status).toBe(200);
    expect((await excerptsExport(get(`/x?format=csv&layer=coder:${f.coder1.id}`, 'viewer'), p())).status).toBe(403);
  });

  it('writes the words of the file in the reader’s language', async () => {
    const res = await excerptsExport(get('/x?format=md&layer=consensus', 'lead', { 'accept-language': 'ru-RU,ru;q=0.9' }), p());
    expect(new TextDecoder().decode(await body(res))).toContain('# Закодированные фрагменты');
    const kk = await excerptsExport(get('/x?format=md&code=99999', 'lead', { cookie: 'locale=kk' }), p());
    expect(kk.status).toBe(400);
  });

  it('gives a valid, self-describing file for an empty selection', async () => {
    const res = await excerptsExport(get(`/x?format=xlsx&attr.gender=Nobody`, 'lead'), p());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await body(res)).slice().buffer);
    expect(wb.getWorksheet('Excerpts')!.getRow(2).getCell(1).value).toBe('No excerpts match this selection.');
  });
});

describe('the pseudonymisation guard', () => {
  const excerptFormats = ['docx', 'xlsx', 'csv', 'md', 'html'];
  it.each(excerptFormats)('excerpts as %s: labels and public attributes only, with context and translations', async (format) => {
    const res = await excerptsExport(get(`/x?format=${format}&layer=all&context=1&translations=1&definitions=1&template=${encodeURIComponent('({label}, {gender}, {age}, {city})')}`, 'lead'), p());
    expect(res.status).toBe(200);
    const text = allText(await body(res));
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toMatch(/P1/);
    expect(text).toMatch(/Female/);
  });

  it.each(['qdc', 'csv', 'xlsx', 'docx'])('codebook as %s', async (format) => {
    const res = await codebookGet(get(`/x?format=${format}`, 'lead'), p());
    expect(res.status).toBe(200);
    const text = allText(await body(res));
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain('e-Otinish');
  });

  it.each(['qdpx', 'json'])('the whole project as %s', async (format) => {
    const res = await projectExport(get(`/x?format=${format}`, 'lead'), p());
    expect(res.status).toBe(200);
    const text = allText(await body(res));
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/phone|interviewer|@test\.kz/);
    expect(text).toContain('P2');
  });

  it('keeps an attribute out once a lead marks it private', async () => {
    ctx.db.update((await import('@/db/schema')).attributeDefinitions).set({ private: true }).where(eq((await import('@/db/schema')).attributeDefinitions.id, f.attributes.gender.id)).run();
    for (const format of ['csv', 'html']) {
      const text = allText(await body(await excerptsExport(get(`/x?format=${format}&layer=all`, 'lead'), p())));
      expect(text).not.toMatch(/Female|Male/);
    }
    const json = allText(await body(await projectExport(get('/x?format=json', 'lead'), p())));
    expect(json).not.toMatch(/Female|"gender"/);
  });
});

describe('GET export (whole project)', () => {
  it('gives a coder in blind mode their own layer only', async () => {
    const res = await projectExport(get('/x?format=json', 'coder1'), p());
    const json = JSON.parse(new TextDecoder().decode(await body(res)));
    expect(json.format).toBe('fgcoder-project');
    expect(json.codings.map((c: { coder: string }) => c.coder)).toEqual(['coder1']);
    expect((await projectExport(get('/x?format=qdpx&layer=consensus', 'coder1'), p())).status).toBe(403);
    expect((await projectExport(get('/x?format=zip', 'coder1'), p())).status).toBe(400);
  });
});

describe('codebook import (POST codebook)', () => {
  const form = (name: string, content: string | Uint8Array) => {
    const fd = new FormData();
    fd.set('file', new File([typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content)], name));
    const encoded = new Request('http://localhost/x', { method: 'POST', body: fd });
    return (who: string) => {
      const h = new Headers(encoded.clone().headers);
      h.set('authorization', `Bearer ${tokens[who]}`);
      return new Request('http://localhost/x', { method: 'POST', body: encoded.clone().body, headers: h, duplex: 'half' } as RequestInit);
    };
  };

  it('is for leads; imports all rows or none, naming each refused row', async () => {
    const good = form('codes.csv', 'Path;Description\nChannels / Akimat reception;Visits\nElections;What elections mean\n');
    expect((await codebookPost(good('coder1'), p())).status).toBe(404);
    const ok = await codebookPost(good('lead'), p());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, created: 2, updated: 0, unchanged: 0 });
    const before = ctx.db.select({ n: count() }).from(codes).get()!.n;
    const bad = await codebookPost(form('codes.csv', 'Path,Colour,Shortcut\nNew one,#12345,\nAnother,#123456,xy\n')('lead'), p());
    expect(bad.status).toBe(422);
    const problems = (await bad.json()).problems.map((x: { message: string }) => x.message);
    expect(problems).toEqual([expect.stringMatching(/^Row 2 \(New one\): .*#RRGGBB/), expect.stringMatching(/^Row 3 \(Another\): .*single character/)]);
    expect(ctx.db.select({ n: count() }).from(codes).get()!.n).toBe(before);
  });

  it('reads back its own .qdc export', async () => {
    const qdc = await body(await codebookGet(get('/x?format=qdc', 'lead'), p()));
    // the fixture's colours are stored lower case: the first import normalises them
    expect((await codebookPost(form('book.qdc', qdc)('lead'), p())).status).toBe(200);
    const again = await codebookPost(form('book.qdc', qdc)('lead'), p());
    expect(await again.json()).toEqual({ ok: true, created: 0, updated: 0, unchanged: 2 });
  });
});

describe('POST projects/import', () => {
  const upload = (name: string, bytes: Uint8Array, who: string, fields: Record<string, string> = {}) => {
    const fd = new FormData();
    fd.set('file', new File([new Uint8Array(bytes)], name));
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    const encoded = new Request('http://localhost/x', { method: 'POST', body: fd });
    const h = new Headers(encoded.headers);
    h.set('authorization', `Bearer ${tokens[who]}`);
    return new Request('http://localhost/x', { method: 'POST', body: encoded.body, headers: h, duplex: 'half' } as RequestInit);
  };

  it('lets any signed-in user import a .qdpx as a new project they lead', async () => {
    const res = await projectImport(upload('sample.qdpx', sharedFile('sample-semey.qdpx'), 'viewer', { name: 'Semey pilot' }), { params: Promise.resolve({}) });
    expect(res.status).toBe(201);
    const json = await res.json();
    const project = ctx.db.select().from(projects).where(eq(projects.id, json.projectId)).get();
    expect(project?.name).toBe('Semey pilot');
    const lead = ctx.db.select().from(members).where(eq(members.projectId, json.projectId)).all().find((m) => m.role === 'lead');
    expect(lead?.userId).toBe(ctx.db.select().from(users).where(eq(users.email, 'viewer@test.kz')).get()!.id);
  });

  it('asks for a mapping (422, nothing written) when a coder’s email matches no account, then imports with it', async () => {
    const exported = await body(await projectExport(get('/x?format=qdpx&layer=all', 'lead'), p()));
    const files = unzipSync(exported);
    const ext = JSON.parse(strFromU8(files['fgcoder.json'])) as { users: { guid: string; emailKey: string }[] };
    const coder2 = ext.users.find((u) => u.emailKey === emailKey('coder2@test.kz'))!;
    coder2.emailKey = emailKey('coder2@elsewhere.kz');
    files['fgcoder.json'] = strToU8(JSON.stringify(ext));
    const file = zipSync(files);
    const before = ctx.db.select({ n: count() }).from(projects).get()!.n;
    const asked = await projectImport(upload('x.qdpx', file, 'lead'), { params: Promise.resolve({}) });
    expect(asked.status).toBe(422);
    const { mapping, problems } = await asked.json();
    expect(problems).toEqual([]);
    expect(mapping.coders.filter((c: { account?: unknown }) => !c.account).map((c: { guid: string }) => c.guid)).toEqual([coder2.guid]);
    expect(ctx.db.select({ n: count() }).from(projects).get()!.n).toBe(before);
    expect((await projectImport(upload('x.qdpx', file, 'lead', { coders: '{oops' }), { params: Promise.resolve({}) })).status).toBe(400);
    const done = await projectImport(upload('x.qdpx', file, 'lead', { coders: JSON.stringify({ [coder2.guid]: f.coder2.id }) }), { params: Promise.resolve({}) });
    expect(done.status).toBe(201);
    const { projectId } = await done.json();
    const team = ctx.db.select({ userId: members.userId }).from(members).where(eq(members.projectId, projectId)).all().map((m) => m.userId);
    expect(team).toEqual(expect.arrayContaining([f.coder1.id, f.coder2.id]));
  });

  it('answers 422 with the problems for a file that is not a project, writing nothing', async () => {
    const before = ctx.db.select({ n: count() }).from(projects).get()!.n;
    const res = await projectImport(upload('x.qdpx', new TextEncoder().encode('hello'), 'lead'), { params: Promise.resolve({}) });
    expect(res.status).toBe(422);
    expect((await res.json()).problems.length).toBeGreaterThan(0);
    expect(ctx.db.select({ n: count() }).from(projects).get()!.n).toBe(before);
  });

  it('answers 400 import.source_not_text naming the source file when its text is UTF-16 without a BOM, writing nothing', async () => {
    const { sourceName, source } = sampleParts();
    const text = new TextDecoder().decode(source);
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(utf16.buffer).setUint16(2 * i, text.charCodeAt(i), true);
    const before = ctx.db.select({ n: count() }).from(projects).get()!.n;
    for (const omit of [undefined, '1']) {
      const res = await projectImport(upload('x.qdpx', sampleWith((q) => q, { [sourceName]: utf16 }), 'lead', omit ? { omit } : {}), { params: Promise.resolve({}) });
      expect(res.status).toBe(400);
      const json = await res.json();
      expect(json).toMatchObject({ reason: 'import.source_not_text', details: { source: 'Semey group 1', file: 'internal://08AB307E-CFF7-424C-AD34-8CF47AEBB6C4.txt' } });
      expect(json.error).toContain('Source "Semey group 1" cannot be imported: its text file internal://08AB307E-CFF7-424C-AD34-8CF47AEBB6C4.txt is not UTF-8 text');
    }
    expect(ctx.db.select({ n: count() }).from(projects).get()!.n).toBe(before);
  });
});

describe('translations API', () => {
  const cp = (codingId: number, lang = '') => ({ params: Promise.resolve({ projectId: String(f.project.id), codingId: String(codingId), lang }) });
  const put = (who: string, text: unknown) =>
    new Request('http://localhost/x', { method: 'PUT', headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' }, body: JSON.stringify({ text }) });

  it('lists, reads, writes and deletes, by whoever may see the coding', async () => {
    const id = f.codings.coder1.id;
    const saved = await translationPut(put('coder1', 'And I write to the akimat’s Instagram.'), cp(id, 'en'));
    expect(saved.status).toBe(200);
    expect((await saved.json()).translation).toMatchObject({ language: 'en', authorName: 'coder1' });
    expect((await (await translationGet(get('/x', 'lead'), cp(id, 'en'))).json()).translation.text).toBe('And I write to the akimat’s Instagram.');
    expect((await (await translationsList(get('/x', 'coder1'), cp(id))).json()).translations).toHaveLength(1);
    // blind mode: coder2 cannot see coder1's coding at all
    expect((await translationsList(get('/x', 'coder2'), cp(id))).status).toBe(404);
    expect((await translationPut(put('coder2', 'x'), cp(id, 'en'))).status).toBe(404);
    // viewers read consensus codings but do not edit translations
    expect((await translationsList(get('/x', 'viewer'), cp(f.codings.consensus.id))).status).toBe(200);
    expect((await translationPut(put('viewer', 'x'), cp(f.codings.consensus.id, 'de'))).status).toBe(403);
    // validation
    expect((await translationPut(put('coder1', 'x'), cp(id, 'English'))).status).toBe(400);
    expect((await translationPut(put('coder1', ''), cp(id, 'de'))).status).toBe(400);
    expect((await translationPut(put('coder1', 42), cp(id, 'de'))).status).toBe(400);
    expect((await translationDelete(new Request('http://localhost/x', { method: 'DELETE', headers: { authorization: `Bearer ${tokens.coder1}` } }), cp(id, 'en'))).status).toBe(204);
    expect((await translationGet(get('/x', 'lead'), cp(id, 'en'))).status).toBe(404);
  });
});
