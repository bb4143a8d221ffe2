/**
 * The read API, called as route handlers with a temporary database and personal API
 * tokens: who may read what, and how bad parameters are answered.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-api-'));
process.env.DATABASE_PATH = path.join(dir, 'api.db');

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let tokens: Record<string, string>;
let f: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const { getDb } = await import('@/db/client');
  const { seedFixture } = await import('@/db/testing/fixture');
  const { createApiToken } = await import('@/db/queries/users');
  const { newApiToken } = await import('@/lib/auth/token');
  const db = getDb();
  const fixture = seedFixture(db);
  tokens = {};
  for (const u of [fixture.lead, fixture.coder1, fixture.outsider]) {
    const t = newApiToken();
    await createApiToken(db, u.id, 'test', t.hash, t.prefix);
    tokens[u.name] = t.token;
  }
  return fixture;
}

async function call(handler: Handler, url: string, params: Record<string, string>, who?: string, init?: RequestInit) {
  const headers = new Headers(init?.headers);
  if (who) headers.set('authorization', `Bearer ${tokens[who]}`);
  const res = await handler(new Request(`http://localhost${url}`, { ...init, headers }), { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  f = await setup();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('GET /api/v1/projects', () => {
  it('answers 401 without a session or token, and 401 for a revoked or unknown token', async () => {
    const { GET } = await import('./projects/route');
    expect((await call(GET as Handler, '/api/v1/projects', {})).status).toBe(401);
    const res = await GET(new Request('http://localhost/api/v1/projects', { headers: { authorization: 'Bearer fgc_not-a-real-token' } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(401);
  });

  it('lists only the caller’s projects', async () => {
    const { GET } = await import('./projects/route');
    const lead = await call(GET as Handler, '/api/v1/projects', {}, 'lead');
    expect(lead.body.projects.map((p: { name: string; role: string }) => [p.name, p.role])).toEqual([['Fixture', 'lead']]);
    const outsider = await call(GET as Handler, '/api/v1/projects', {}, 'outsider');
    expect(outsider.body.projects.map((p: { name: string }) => p.name)).toEqual(['Other']);
  });
});

describe('documents, participants and codes', () => {
  it('returns documents with counts, and a document with its turns and offsets', async () => {
    const list = (await import('./projects/[projectId]/documents/route')).GET as Handler;
    const one = (await import('./projects/[projectId]/documents/[documentId]/route')).GET as Handler;
    const docs = await call(list, '', { projectId: String(f.project.id) }, 'coder1');
    expect(docs.status).toBe(200);
    expect(docs.body.documents).toEqual([
      // words: Как вы обращаетесь к власти (5) + Мен әкімдікке e-Otinish арқылы жаздым (5; the emoji is no word) + А я пишу в Instagram акимата (6)
      expect.objectContaining({ title: 'FG01', participantCount: 2, turnCount: 3, wordCount: 5 + 5 + 6 }),
    ]);
    const doc = await call(one, '', { projectId: String(f.project.id), documentId: String(f.doc.id) }, 'coder1');
    expect(doc.body.document.text).toBe(f.text);
    expect(doc.body.document.turns[1]).toEqual({
      seq: 2,
      speaker: { kind: 'participant', label: 'P1', participantId: f.p1.id },
      timestamp: null,
      start: f.ranges[1].start,
      end: f.ranges[1].end,
      text: 'Мен әкімдікке e-Otinish арқылы жаздым 👍',
    });
  });

  it('answers 404 for a foreign or missing project or document, never revealing which', async () => {
    const list = (await import('./projects/[projectId]/documents/route')).GET as Handler;
    const one = (await import('./projects/[projectId]/documents/[documentId]/route')).GET as Handler;
    const foreign = await call(list, '', { projectId: String(f.project.id) }, 'outsider');
    const missing = await call(list, '', { projectId: '999999' }, 'outsider');
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    expect(foreign.body).toEqual(missing.body);
    expect((await call(one, '', { projectId: String(f.project.id), documentId: '424242' }, 'lead')).status).toBe(404);
    // a document of another project, asked through a project the caller is in
    expect((await call(one, '', { projectId: String(f.other.id), documentId: String(f.doc.id) }, 'outsider')).status).toBe(404);
  });

  it('answers 400 naming a malformed parameter', async () => {
    const one = (await import('./projects/[projectId]/documents/[documentId]/route')).GET as Handler;
    const r = await call(one, '', { projectId: 'abc', documentId: '1' }, 'lead');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/projectId/);
    const r2 = await call(one, '', { projectId: String(f.project.id), documentId: '-3' }, 'lead');
    expect(r2.body.error).toMatch(/documentId/);
  });

  it('returns participants by pseudonymous label and the codebook tree', async () => {
    const people = (await import('./projects/[projectId]/participants/route')).GET as Handler;
    const codes = (await import('./projects/[projectId]/codes/route')).GET as Handler;
    const p = await call(people, '', { projectId: String(f.project.id) }, 'lead');
    expect(p.body.participants.map((x: { label: string }) => x.label)).toEqual(['P1', 'P2']);
    expect(JSON.stringify(p.body)).not.toMatch(/realName/);
    const c = await call(codes, '', { projectId: String(f.project.id) }, 'lead');
    expect(c.body.codes.map((x: { name: string }) => x.name)).toEqual(['Channels', 'e-Otinish']);
  });
});

describe('coding through the API', () => {
  it('codes a range, refuses a bad range with 400 and another coder’s layer with 403, and hides blind layers', async () => {
    const post = (await import('./projects/[projectId]/codings/route')).POST as Handler;
    const listCodings = (await import('./projects/[projectId]/documents/[documentId]/codings/route')).GET as Handler;
    const pid = String(f.project.id);
    const body = (x: object) => ({ method: 'POST', body: JSON.stringify(x), headers: { 'content-type': 'application/json' } });
    const ok = await call(post, '', { projectId: pid }, 'coder1', body({ documentId: f.doc.id, version: 1, codeIds: [f.eotinish.id], start: f.ranges[1].start, end: f.ranges[1].end }));
    expect(ok.status).toBe(201);
    expect(ok.body.codings[0].quote).toBe('Мен әкімдікке e-Otinish арқылы жаздым 👍');
    const bad = await call(post, '', { projectId: pid }, 'coder1', body({ documentId: f.doc.id, version: 1, codeIds: [f.eotinish.id], start: 5, end: 100000 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/outside the text/);
    const consensus = await call(post, '', { projectId: pid }, 'coder1', body({ documentId: f.doc.id, version: 1, codeIds: [f.eotinish.id], start: 0, end: 4, layer: 'consensus' }));
    expect(consensus.status).toBe(403);
    // A range without the version it was chosen in, or chosen before a correction, is never re-anchored silently.
    const unversioned = await call(post, '', { projectId: pid }, 'coder1', body({ documentId: f.doc.id, codeIds: [f.eotinish.id], start: 0, end: 4 }));
    expect(unversioned.status).toBe(400);
    expect(unversioned.body).toMatchObject({ reason: 'invalid_input.missing', details: { field: 'version' } });
    const stale = await call(post, '', { projectId: pid }, 'coder1', body({ documentId: f.doc.id, version: 7, codeIds: [f.eotinish.id], start: 0, end: 4 }));
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(/corrected since you opened it \(version 7 → 1/);
    const notJson = await call(post, '', { projectId: pid }, 'coder1', { method: 'POST', body: 'nope' });
    expect(notJson.status).toBe(400);
    // blind mode (on by default): coder 1 may not read the lead's or another coder's layer
    const hidden = await call(listCodings, `/x?layers=coder:${f.coder2.id}`, { projectId: pid, documentId: String(f.doc.id) }, 'coder1');
    expect(hidden.status).toBe(403);
    const own = await call(listCodings, '/x', { projectId: pid, documentId: String(f.doc.id) }, 'coder1');
    expect(own.body.codings).toHaveLength(1);
    const unknown = await call(listCodings, '/x?layers=coder:abc', { projectId: pid, documentId: String(f.doc.id) }, 'lead');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/coder:abc/);
  });
});
