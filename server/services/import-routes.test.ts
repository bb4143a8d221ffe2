/**
 * The import and transcript-export routes called as the server calls them, with an API token
 * on a temporary database: who may use them, the upload limit (refused before the body is
 * read), and an import that is all or nothing.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '@/db/testing';
import { seedFixture } from '@/db/testing/fixture';
import { apiTokens, documents } from '@/db/schema';
import type { Db } from '@/db/client';
import { newApiToken } from '@/lib/auth/token';
import { fixture } from '@/lib/import/testing';
import { POST as preview } from '@/app/api/v1/projects/[projectId]/imports/preview/route';
import { POST as commit } from '@/app/api/v1/projects/[projectId]/imports/route';
import { POST as rosterCommit } from '@/app/api/v1/projects/[projectId]/imports/roster/route';
import { GET as transcript } from '@/app/api/v1/projects/[projectId]/documents/[documentId]/transcript/route';

const MB = 1024 * 1024;
let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
let leadToken: string;
let coderToken: string;
const globalForDb = globalThis as unknown as { __db?: Db };
const savedLimit = process.env.UPLOAD_LIMIT_MB;

beforeAll(() => {
  process.env.UPLOAD_LIMIT_MB = '1';
});
afterAll(() => {
  if (savedLimit === undefined) delete process.env.UPLOAD_LIMIT_MB;
  else process.env.UPLOAD_LIMIT_MB = savedLimit;
});
beforeEach(() => {
  ctx = openTestDatabase();
  globalForDb.__db = ctx.db;
  f = seedFixture(ctx.db);
  const token = (userId: number) => {
    const t = newApiToken();
    ctx.db.insert(apiTokens).values({ userId, name: 'test', tokenHash: t.hash, prefix: t.prefix }).run();
    return t.token;
  };
  leadToken = token(f.lead.id);
  coderToken = token(f.coder1.id);
});
afterEach(() => {
  globalForDb.__db = undefined;
  ctx.close();
});

const params = () => ({ params: Promise.resolve({ projectId: String(f.project.id) }) });
const docParams = (documentId: number) => ({ params: Promise.resolve({ projectId: String(f.project.id), documentId: String(documentId) }) });
const semeyFile = (name: string) => new File([new Uint8Array(fixture('semey-table.docx'))], name);

/** A multipart request as a browser sends it, with headers added. */
function formRequest(form: FormData, token: string | null, headers: Record<string, string> = {}): Request {
  const encoded = new Request('http://localhost/upload', { method: 'POST', body: form });
  const h = new Headers(encoded.headers);
  if (token) h.set('authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(headers)) h.set(k, v);
  return new Request('http://localhost/upload', { method: 'POST', body: encoded.body, headers: h, duplex: 'half' } as RequestInit);
}

function textFile(name: string, text: string): File {
  return new File([new TextEncoder().encode(text)], name);
}

describe('upload routes: access', () => {
  it('answers 401 to an unknown token and 404 to a member who is not a lead', async () => {
    const form = new FormData();
    form.append('files', textFile('a.txt', 'P1: да'));
    expect((await preview(formRequest(form, 'fgc_not-a-real-token'), params())).status).toBe(401);
    expect((await preview(formRequest(form, coderToken), params())).status).toBe(404);
    expect((await commit(formRequest(form, coderToken), params())).status).toBe(404);
    expect((await rosterCommit(formRequest(form, coderToken), params())).status).toBe(404);
  });
});

describe('upload routes: the limit', () => {
  it('refuses by Content-Length without reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const req = new Request('http://localhost/upload', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { authorization: `Bearer ${leadToken}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * MB) },
    } as RequestInit);
    const res = await preview(req, params());
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/^The upload is 50 MB, more than one request may carry \(6 MB: 1 MB per file/);
    expect(pulled).toBeLessThanOrEqual(1); // a stream may pre-pull one chunk; nothing is read
  });

  it('stops reading a body without a length once it passes the limit', async () => {
    const form = new FormData();
    form.append('files', new File([new Uint8Array(7 * MB)], 'huge.txt'));
    const res = await preview(formRequest(form, leadToken), params());
    expect(res.status).toBe(413);
  });

  it('names a file over the per-file limit and still previews the others', async () => {
    const form = new FormData();
    form.append('files', new File([new Uint8Array(MB + 1).fill(0x41)], 'big.txt'));
    form.append('files', textFile('ok.txt', 'Модератор: Вопрос?\nР1: Ответ.'));
    form.append('files', new File([new Uint8Array(0)], 'empty.txt'));
    form.append('files', textFile('nul.txt', 'Модератор: да\r\nР1: а\u0000б'));
    form.append('files', textFile('mixed.txt', 'Модератор: Вопрос?\r\nР1: Ответ.\rР2: Другой.\nР1: Ещё.'));
    const res = await preview(formRequest(form, leadToken), params());
    expect(res.status).toBe(200);
    const { previews } = await res.json();
    expect(previews.map((p: { ok: boolean; error?: string }) => (p.ok ? 'ok' : p.error))).toEqual([
      'big.txt: the file is 1 MB, larger than the 1 MB limit',
      'ok',
      'empty.txt: the file is empty',
      'nul.txt, line 2: contains NUL bytes: this looks like a binary file, not text (wrong file or wrong encoding?)',
      'ok',
    ]);
    expect(previews[1].preview.labels.map((l: { label: string }) => l.label)).toEqual(['Модератор', 'Р1']);
    expect(previews[4].preview.turnCount).toBe(4);
  });
});

describe('import route', () => {
  const manifestFor = (titles: string[]) =>
    JSON.stringify({
      items: titles.map((title, i) => ({
        source: { file: i },
        title,
        speakers: { Модератор: { kind: 'moderator' }, Р1: { kind: 'new', label: 'P1' }, Р2: { kind: 'new', label: 'P2' }, Р3: { kind: 'new', label: 'P3' } },
        unlabelled: { kind: 'unknown' },
      })),
    });

  it('imports nothing when one file of the batch is bad, naming it; then imports the batch', async () => {
    const bad = new FormData();
    bad.append('files', semeyFile('semey.docx'));
    bad.append('files', new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])], 'corrupt.docx'));
    bad.append('manifest', manifestFor(['Семей 12', 'Другой']));
    const refused = await commit(formRequest(bad, leadToken), params());
    expect(refused.status).toBe(422);
    const body = await refused.json();
    expect(body.error).toBe('Nothing was imported');
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0]).toMatch(/^corrupt\.docx: /);
    expect(ctx.db.select().from(documents).all()).toHaveLength(1);

    const good = new FormData();
    good.append('files', semeyFile('semey.docx'));
    good.append('manifest', manifestFor(['Семей 12']));
    const res = await commit(formRequest(good, leadToken), params());
    expect(res.status).toBe(200);
    const { documents: imported } = await res.json();
    expect(imported).toEqual([expect.objectContaining({ title: 'Семей 12', turns: 8, participantsCreated: 3 })]);

    const dup = new FormData();
    dup.append('files', semeyFile('again.docx'));
    dup.append('manifest', manifestFor(['семей 12']));
    const again = await commit(formRequest(dup, leadToken), params());
    expect(await again.json()).toEqual({ error: 'Nothing was imported', problems: ['again.docx: a document titled "Семей 12" already exists in this project'] });

    const txt = await transcript(new Request(`http://localhost/x?format=txt`, { headers: { authorization: `Bearer ${coderToken}` } }), docParams(imported[0].id));
    expect(txt.headers.get('content-disposition')).toBe(`attachment; filename="_ 12.txt"; filename*=UTF-8''${encodeURIComponent('Семей 12.txt')}`);
    const text = await txt.text();
    expect(text.split('\n').slice(0, 3)).toEqual(['Расшифровка аудиозаписи. Участники обозначены кодами.', 'Модератор: Как бы вы хотели участвовать в принятии политических решений?', 'P1: Через общественные слушания в акимате, если бы их объявляли заранее.']);
    const docx = await transcript(new Request(`http://localhost/x?format=docx`, { headers: { authorization: `Bearer ${coderToken}` } }), docParams(imported[0].id));
    expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/);
    expect(new Uint8Array(await docx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const bad404 = await transcript(new Request(`http://localhost/x?format=docx`, { headers: { authorization: `Bearer ${coderToken}` } }), docParams(999));
    expect(bad404.status).toBe(404);
  });
});
