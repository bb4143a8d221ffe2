/**
 * The agreement server actions as a lead and as a coder would call them (the session is mocked
 * to a chosen user; the database, queries and checks are real): resolving a disagreement into
 * the consensus layer, copying a layer, assignments, status and blind mode.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notFound } from 'next/navigation';
import type { Db } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { seedDemo } from '@/db/seed/demo';
import { auditEvents, codings, documents, projects, users } from '@/db/schema';
import { type Role } from '@/lib/access/layers';
import { userById } from '@/db/queries/users';
import { projectById, roleInProject } from '@/db/queries/projects';
import { loadReview } from '@/server/services/review';
import { correctTranscript } from '@/db/queries/corrections';

const session = vi.hoisted(() => ({ userId: 0, db: null as unknown }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/server/edge/session', () => ({
  requireProject: async (raw: string, roles: readonly Role[] = ['lead', 'coder', 'viewer']) => {
    const db = session.db as Db;
    const projectId = Number(raw);
    const role = await roleInProject(db, session.userId, projectId);
    if (!role || !roles.includes(role)) notFound();
    return { user: (await userById(db, session.userId))!, project: (await projectById(db, projectId))!, role, db };
  },
}));

const { resolveDisagreementAction, copyLayerAction } = await import('@/server/actions/agreement');
const { setAssignmentsAction, setMyStatusAction, setBlindModeAction } = await import('@/server/actions/assignments');

let ctx: ReturnType<typeof openTestDatabase>;
let projectId: number;
let p: string;
let ids: Record<'lead' | 'coder1' | 'coder2' | 'coder3', number>;
let doc: (prefix: string) => number;

beforeAll(() => {
  ctx = openTestDatabase();
  ({ projectId } = seedDemo(ctx.db));
  p = String(projectId);
  session.db = ctx.db;
  const byEmail = new Map(ctx.db.select().from(users).all().map((u) => [u.email.split('@')[0], u.id]));
  ids = { lead: byEmail.get('lead')!, coder1: byEmail.get('coder1')!, coder2: byEmail.get('coder2')!, coder3: byEmail.get('coder3')! };
  const docs = ctx.db.select().from(documents).all();
  doc = (prefix) => docs.find((d) => d.title.startsWith(prefix))!.id;
});
afterAll(() => ctx.close());

const versionOf = (documentId: number) => ctx.db.select().from(documents).where(eq(documents.id, documentId)).get()!.version;
const as = (who: keyof typeof ids) => (session.userId = ids[who]);
const consensusOf = (documentId: number) =>
  ctx.db.select().from(codings).where(and(eq(codings.documentId, documentId), eq(codings.layer, 'consensus'))).all();

describe('resolveDisagreementAction', () => {
  it('writes coder 1’s version of a disagreement to the consensus layer, and the progress counts it', async () => {
    as('lead');
    const fg09 = doc('FG09');
    const before = (await loadReview(ctx.db, projectId, fg09, [ids.coder1, ids.coder2], 90))!;
    const item = before.listing.items.find((d) => d.coders[0].codings.length > 0)!;
    const r = await resolveDisagreementAction(p, { documentId: fg09, version: versionOf(fg09), coders: [ids.coder1, ids.coder2], key: item.key, decision: { kind: 'accept', coder: String(ids.coder1) }, note: 'Narrower reading.' });
    expect(r).toEqual({ ok: true, value: { resolved: 1, total: before.listing.items.length } });
    const written = consensusOf(fg09);
    expect(written.map((c) => [c.codeId, c.start, c.end, c.coderId])).toEqual(
      item.coders[0].codings.map((c) => [Number(item.codeId), c.start, c.end, ids.lead]),
    );
    expect(written[0].memo).toBe('Narrower reading.');
    const after = (await loadReview(ctx.db, projectId, fg09, [ids.coder1, ids.coder2], 90))!;
    expect(after.resolved.size).toBe(1);
    expect(after.resolved.get(item.key)?.decision).toEqual({ kind: 'accept', coder: String(ids.coder1) });
  });

  it('refuses a stale key, a coder who is not compared, and bad input, writing nothing', async () => {
    as('lead');
    const fg09 = doc('FG09');
    const count = ctx.db.select().from(auditEvents).all().length;
    const stale = await resolveDisagreementAction(p, { documentId: fg09, version: versionOf(fg09), coders: [ids.coder1, ids.coder2], key: '1:1.2.3', decision: { kind: 'reject' } });
    expect(stale).toMatchObject({ ok: false, error: expect.stringMatching(/has changed since the page was loaded/) });
    const item = (await loadReview(ctx.db, projectId, fg09, [ids.coder1, ids.coder2], 90))!.listing.items[0];
    const stranger = await resolveDisagreementAction(p, { documentId: fg09, version: versionOf(fg09), coders: [ids.coder1, ids.coder2], key: item.key, decision: { kind: 'accept', coder: String(ids.coder3) } });
    expect(stranger).toMatchObject({ ok: false, error: `Coder ${ids.coder3} is not compared here` });
    const bad = await resolveDisagreementAction(p, { documentId: fg09, version: versionOf(fg09), coders: [ids.coder1], key: item.key, decision: { kind: 'reject' } });
    expect(bad.ok).toBe(false);
    const range = await resolveDisagreementAction(p, { documentId: fg09, version: versionOf(fg09), coders: [ids.coder1, ids.coder2], key: item.key, decision: { kind: 'edit', start: 5, end: 5 } });
    expect(range).toMatchObject({ ok: false, error: expect.stringMatching(/empty/) });
    expect(ctx.db.select().from(auditEvents).all()).toHaveLength(count);
  });

  it('refuses a decision made on a page read before a correction: 409 document.stale naming it, nothing written', async () => {
    as('lead');
    const fg09 = doc('FG09');
    const seen = versionOf(fg09);
    const item = (await loadReview(ctx.db, projectId, fg09, [ids.coder1, ids.coder2], 90))!.listing.items.at(-1)!;
    const firstTurn = (await loadReview(ctx.db, projectId, fg09, [ids.coder1, ids.coder2], 90))!.document.turns[0];
    await correctTranscript(ctx.db, { projectId, documentId: fg09, version: seen, op: { op: 'edit', index: 0, text: firstTurn.text + ' (corrected)' }, actorId: ids.lead });
    const count = ctx.db.select().from(auditEvents).all().length;
    const consensusBefore = consensusOf(fg09).length;
    const r = await resolveDisagreementAction(p, { documentId: fg09, version: seen, coders: [ids.coder1, ids.coder2], key: item.key, decision: { kind: 'reject' } });
    expect(r).toMatchObject({ ok: false, reason: 'document.stale', details: { seen, current: seen + 1, by: (await userById(ctx.db, ids.lead))!.name } });
    expect(r.ok === false && r.error).toMatch(/corrected since you opened it/);
    expect(ctx.db.select().from(auditEvents).all()).toHaveLength(count);
    expect(consensusOf(fg09)).toHaveLength(consensusBefore);
    // A bare call without the version is refused as bad input.
    const bare = await resolveDisagreementAction(p, { documentId: fg09, coders: [ids.coder1, ids.coder2], key: item.key, decision: { kind: 'reject' } } as never);
    expect(bare).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid_input/) });
  });

  it('is not found for a coder', async () => {
    as('coder1');
    await expect(resolveDisagreementAction(p, { documentId: doc('FG09'), version: versionOf(doc('FG09')), coders: [ids.coder1, ids.coder2], key: 'x', decision: { kind: 'reject' } })).rejects.toMatchObject({
      digest: expect.stringContaining('404'),
    });
  });
});

describe('copyLayerAction', () => {
  it('copies a lone coder’s layer, and refuses a document two coders coded', async () => {
    as('lead');
    const fg13 = doc('FG13');
    const refused = await copyLayerAction(p, { documentId: fg13, coderId: ids.coder3 });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/also coded this document/) });
    // coder 3 codes a document nobody else has coded: FG08 is assigned to coder 3
    const fg08 = doc('FG08');
    const { createCodings } = await import('@/db/queries/codings');
    await createCodings(ctx.db, { projectId, documentId: fg08, codeIds: [ctx.db.select().from(codings).get()!.codeId], start: 0, end: 10, layer: { kind: 'coder', coderId: ids.coder3 }, actorId: ids.coder3 });
    expect(await copyLayerAction(p, { documentId: fg08, coderId: ids.coder3 })).toEqual({ ok: true, value: { copied: 1, skipped: 0 } });
    expect(consensusOf(fg08)).toHaveLength(1);
    as('coder3');
    await expect(copyLayerAction(p, { documentId: fg08, coderId: ids.coder3 })).rejects.toMatchObject({ digest: expect.stringContaining('404') });
  });
});

describe('assignment actions', () => {
  it('lets the lead assign many at once and a coder mark their own document done', async () => {
    as('lead');
    const fg02 = doc('FG02');
    const fg03 = doc('FG03');
    const r = await setAssignmentsAction(p, {
      changes: [
        { documentId: fg02, coderId: ids.coder3, assigned: true },
        { documentId: fg03, coderId: ids.coder3, assigned: true },
      ],
    });
    expect(r).toEqual({ ok: true, value: { added: 2, removed: 0 } });
    as('coder3');
    expect(await setMyStatusAction(p, { documentId: fg02, change: 'done' })).toEqual({ ok: true, value: 'done' });
    expect(await setMyStatusAction(p, { documentId: doc('FG01'), change: 'done' })).toMatchObject({ ok: false, error: expect.stringMatching(/not assigned to you/) });
    await expect(setAssignmentsAction(p, { changes: [{ documentId: fg02, coderId: ids.coder3, assigned: false }] })).rejects.toMatchObject({ digest: expect.stringContaining('404') });
  });

  it('lets only the lead toggle blind mode, audited', async () => {
    as('coder1');
    await expect(setBlindModeAction(p, { blindMode: false })).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    as('lead');
    expect(await setBlindModeAction(p, { blindMode: false })).toEqual({ ok: true, value: false });
    expect(ctx.db.select().from(projects).where(eq(projects.id, projectId)).get()?.blindMode).toBe(false);
    expect(ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'project.blind_mode')).all()).toHaveLength(1);
    expect(await setBlindModeAction(p, { blindMode: 'no' })).toMatchObject({ ok: false, error: expect.stringMatching(/blindMode/) });
  });
});
