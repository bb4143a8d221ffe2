/**
 * Importing .qdpx files as new projects through the API-level function: the shared samples
 * (a hand-written project, NVivo for Windows and Mac exports, an ATLAS.ti project without
 * its sources) and hostile or broken files, each refused with its problems named and no
 * project written.
 */
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '@/db/testing';
import { seedFixture } from '@/db/testing/fixture';
import { codings, documents, memos, projects, users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { checkIntegrity } from '@/db/queries/integrity';
import { sampleParts, sampleWith, sharedFile, zipOf } from '@/lib/refi-qda/test-support';
import { importProjectFile } from '@/server/services/project-import';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
});
afterEach(() => ctx.close());

const projectCount = () => ctx.db.select({ n: count() }).from(projects).get()!.n;

describe('the shared samples import cleanly', () => {
  it('sample-semey.qdpx: Windows line endings, Kazakh, an emoji, two coders', async () => {
    const out = await importProjectFile(ctx.db, f.lead.id, sharedFile('sample-semey.qdpx'));
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('\n'));
    expect(out.report).toMatchObject({ documents: 1, coders: 2 });
    expect(out.report.codings).toBeGreaterThanOrEqual(5);
    const quotes = ctx.db.select({ quote: codings.quote }).from(codings).where(eq(codings.projectId, out.report.projectId)).all();
    expect(quotes.every((q) => !q.quote.includes('\r'))).toBe(true);
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it.each([
    ['nvivo12.6-windows_oltas.qdpx', 1],
    ['nvivo12.7-mac_oltas-17june.qdpx', 2],
  ])('real/%s', async (name, sources) => {
    const out = await importProjectFile(ctx.db, f.lead.id, sharedFile(`real/${name}`));
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('\n'));
    expect(out.report.documents).toBe(sources);
    expect(out.report.codes).toBeGreaterThan(50);
    expect(out.report.codings).toBeGreaterThan(20);
    expect(out.report.coders).toBeGreaterThanOrEqual(1);
    const docs = ctx.db.select().from(documents).where(eq(documents.projectId, out.report.projectId)).all();
    expect(docs).toHaveLength(sources);
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('the ATLAS.ti project without its sources: problems named, then imported without them once confirmed', async () => {
    const bytes = sharedFile('real/atlasti8.4-mac_refi-standard-project.qde');
    const before = projectCount();
    const first = await importProjectFile(ctx.db, f.lead.id, bytes);
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.canOmit).toBe(true);
    expect(first.problems.some((p) => p.kind === 'missing-source-file')).toBe(true);
    expect(projectCount()).toBe(before);
    const second = await importProjectFile(ctx.db, f.lead.id, bytes, { omit: true });
    if (!second.ok) throw new Error(second.problems.map((p) => p.message).join('\n'));
    expect(second.report.codes).toBe(14);
    expect(second.problems.some((p) => p.severity === 'warning' && /Left out/.test(p.message))).toBe(true);
  });

  it('makes one disabled placeholder account per REFI user and reuses it on a second import', async () => {
    await importProjectFile(ctx.db, f.lead.id, sharedFile('sample-semey.qdpx'));
    const after1 = ctx.db.select().from(users).all().filter((u) => u.email.endsWith('@import.invalid'));
    await importProjectFile(ctx.db, f.coder1.id, sharedFile('sample-semey.qdpx'), { name: 'Second copy' });
    const after2 = ctx.db.select().from(users).all().filter((u) => u.email.endsWith('@import.invalid'));
    expect(after1).toHaveLength(2);
    expect(after2.map((u) => u.id)).toEqual(after1.map((u) => u.id));
    expect(after2.every((u) => u.disabled)).toBe(true);
    expect(ctx.db.select().from(projects).all().map((p) => p.name)).toContain('Second copy');
  });
});

describe('bad input: a report naming each problem, and no project', () => {
  const { sourceName } = sampleParts();
  const xxe = `<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>`;
  const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n<Project name="&lol3;"/>`;
  const cases: [string, () => Uint8Array, RegExp][] = [
    ['a file that is not a zip', () => new TextEncoder().encode('PK? no, just text'), /./],
    ['a zip bomb', () => zipOf({ 'project.qde': `<Project name="bomb">${' '.repeat(30 * 1024 * 1024)}</Project>` }), /compression ratio/],
    ['XML with an external entity', () => zipOf({ 'project.qde': xxe }), /DOCTYPE/],
    ['XML with entity expansion', () => zipOf({ 'project.qde': laughs }), /DOCTYPE/],
    ['a position past the end of its text', () => sampleWith((q) => q.replace('startPosition="181" endPosition="239"', 'startPosition="181" endPosition="9999"')), /falls outside its text/],
    ['a coding of an unknown code', () => sampleWith((q) => q.replace('<CodeRef targetGUID="931B776F-BB7B-45B8-A7F5-62C6EFAE8E6B"/>', '<CodeRef targetGUID="11111111-2222-3333-4444-555555555555"/>')), /11111111-2222-3333-4444-555555555555/],
    ['a missing source file', () => sampleWith((q) => q, { [sourceName]: null }), /is not in the project/],
    ['an archive without project.qde', () => zipOf({ 'notes.txt': 'hello' }), /project\.qde/],
  ];

  it.each(cases)('%s', async (_, make, message) => {
    const before = { projects: projectCount(), users: ctx.db.select({ n: count() }).from(users).get()!.n };
    const out = await importProjectFile(ctx.db, f.lead.id, make());
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems.length).toBeGreaterThan(0);
    expect(out.problems.map((p) => p.message).join('\n')).toMatch(message);
    expect(projectCount()).toBe(before.projects);
    expect(ctx.db.select({ n: count() }).from(users).get()!.n).toBe(before.users);
  });

  it('writes nothing when the database refuses part of an import (one transaction)', async () => {
    const before = projectCount();
    // A user id that does not exist makes the membership insert fail midway.
    await expect(importProjectFile(ctx.db, 999_999, sharedFile('sample-semey.qdpx'))).rejects.toThrow();
    expect(projectCount()).toBe(before);
    expect(ctx.db.select().from(users).all().filter((u) => u.email.endsWith('@import.invalid'))).toEqual([]);
  });
});

describe('bad input: a clear warning or a clear refusal, never half a project', () => {
  const NOTE = (attrs: string) => `<Notes><Note guid="5D0C2E7A-6B1F-4C43-9E5A-0F2B8C1D4E6F" name="Field note"${attrs}><PlainTextContent>Шумно было в зале</PlainTextContent></Note></Notes>\n</Project>`;
  const memoTexts = (projectId: number) => ctx.db.select({ text: memos.text }).from(memos).where(eq(memos.projectId, projectId)).all().map((m) => m.text);

  it('a Note without dates imports, with a warning saying so', async () => {
    const out = await importProjectFile(ctx.db, f.lead.id, sampleWith((qde) => qde.replace('</Project>', NOTE(''))));
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('\n'));
    const warning = out.problems.find((p) => p.kind === 'undated-note');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/1 note\(s\) have no creationDateTime or modifiedDateTime/);
    expect(memoTexts(out.report.projectId).join('\n')).toContain('Шумно было в зале');
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('codings and a note by a user GUID not in <Users> import under a placeholder, with warnings', async () => {
    const stranger = 'E1E1E1E1-2222-4333-8444-555555555555';
    const out = await importProjectFile(
      ctx.db,
      f.lead.id,
      sampleWith((qde) =>
        qde
          .replaceAll('0A474F49-F294-4724-96F9-DC5B8B12FBD2"', `${stranger}"`)
          .replace('<User guid="' + stranger + '" name="coder2"/>', '')
          .replace('</Project>', NOTE(` creatingUser="${stranger}" creationDateTime="2024-11-20T11:00:00Z"`)),
      ),
    );
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('\n'));
    const unknown = out.problems.filter((p) => p.kind === 'unknown-user');
    // one warning for the stranger; their note then goes to the same placeholder
    expect(unknown).toHaveLength(1);
    expect(unknown.every((p) => p.severity === 'warning')).toBe(true);
    expect(unknown.map((p) => p.message).join('\n')).toMatch(/not in the project's user list/);
    expect(out.problems.some((p) => p.kind === 'undated-note')).toBe(false);
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('a source whose text file is not UTF-8 text is a DomainError naming it, with or without omit, and nothing is written', async () => {
    const { sourceName, source } = sampleParts();
    const text = new TextDecoder().decode(source);
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(utf16.buffer).setUint16(2 * i, text.charCodeAt(i), true);
    const nul = new TextEncoder().encode(`${text.slice(0, 9)}\u0000${text.slice(10)}`);
    const invalid = new Uint8Array([...source.slice(0, 40), 0xc3, 0x28, ...source.slice(42)]);
    const tables = () => [projects, users, documents, codings, memos].map((t) => ctx.db.select({ n: count() }).from(t).get()!.n);
    const before = tables();
    for (const bytes of [utf16, nul, invalid]) {
      for (const omit of [false, true]) {
        let thrown: unknown;
        try {
          await importProjectFile(ctx.db, f.lead.id, sampleWith((q) => q, { [sourceName]: bytes }), { omit });
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeInstanceOf(DomainError);
        expect(thrown).toMatchObject({ reason: 'import.source_not_text', details: { source: 'Semey group 1', file: 'internal://08AB307E-CFF7-424C-AD34-8CF47AEBB6C4.txt' } });
        expect((thrown as DomainError).message).toMatch(/^Source "Semey group 1" cannot be imported: its text file internal:\/\/08AB307E-CFF7-424C-AD34-8CF47AEBB6C4\.txt is not UTF-8 text/);
        expect((thrown as DomainError).in('ru')).toContain('«Semey group 1»');
      }
    }
    expect(tables()).toEqual(before);
  });

  it('duplicate GUIDs are refused by name, and nothing is written', async () => {
    const before = { projects: projectCount(), users: ctx.db.select({ n: count() }).from(users).get()!.n, memos: ctx.db.select({ n: count() }).from(memos).get()!.n };
    const out = await importProjectFile(
      ctx.db,
      f.lead.id,
      sampleWith((qde) => qde.replace('guid="931B776F-BB7B-45B8-A7F5-62C6EFAE8E6B"', 'guid="B944AF90-6078-4C38-A81E-EB24BA3A757A"').replace('</Project>', NOTE(''))),
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems.find((p) => p.kind === 'duplicate-guid')?.message).toMatch(/B944AF90-6078-4C38-A81E-EB24BA3A757A/i);
    expect(projectCount()).toBe(before.projects);
    expect(ctx.db.select({ n: count() }).from(users).get()!.n).toBe(before.users);
    expect(ctx.db.select({ n: count() }).from(memos).get()!.n).toBe(before.memos);
  });
});
