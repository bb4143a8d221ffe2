/**
 * Training rounds through the service and the action, as a lead and as a coder would call
 * them (the session is mocked to a chosen user; database, queries and checks are real), and the
 * per-round agreement the report computes from the stored rounds.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { notFound } from 'next/navigation';
import type { Db } from '@/db/client';
import { auditEvents, codings, documents } from '@/db/schema';
import { openTestDatabase } from '@/db/testing';
import { seedFixture } from '@/db/testing/fixture';
import { projectById, roleInProject } from '@/db/queries/projects';
import { createRound, roundsOfProject, setRoundDocuments } from '@/db/queries/training-rounds';
import { userById } from '@/db/queries/users';
import { DomainError, STATUS_OF_KIND } from '@/lib/errors';
import type { Role } from '@/lib/access/layers';
import { parseAgreementSelection } from '@/lib/agreement/selection';
import { runAgreement } from './agreement';
import { changeRounds } from './training-rounds';

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
vi.mock('@/server/edge/i18n', () => ({ getLocale: async () => 'en' }));
const { changeRoundsAction } = await import('@/server/actions/training-rounds');

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
  session.db = ctx.db;
});
afterEach(() => ctx.close());

const addDocument = (db: Db, projectId: number, title: string) => db.insert(documents).values({ projectId, title }).returning().get().id;

describe('changing training rounds', () => {
  it('lets a lead create, assign, rename and delete rounds through the action, with an audit trail', async () => {
    session.userId = f.lead.id;
    const p = String(f.project.id);
    const created = await changeRoundsAction(p, { kind: 'create', name: 'Round 1' });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.value[0].id : 0;
    expect(await changeRoundsAction(p, { kind: 'documents', roundId: id, documentIds: [f.doc.id] })).toMatchObject({ ok: true, value: [{ name: 'Round 1', documentIds: [f.doc.id] }] });
    expect(await changeRoundsAction(p, { kind: 'create', name: 'Round 1' })).toMatchObject({ ok: false, reason: 'round.name_taken' });
    expect(await changeRoundsAction(p, { kind: 'rename', roundId: id, name: 'Pilot' })).toMatchObject({ ok: true, value: [{ name: 'Pilot' }] });
    expect(await changeRoundsAction(p, { kind: 'create', name: '' })).toMatchObject({ ok: false, reason: 'invalid_input.too_short' });
    expect(await changeRoundsAction(p, { kind: 'delete', roundId: id })).toEqual({ ok: true, value: [] });
    expect(ctx.db.select().from(auditEvents).all().map((e) => e.action)).toEqual(['round.create', 'round.documents', 'round.rename', 'round.delete']);
  });

  it('refuses a coder: the action is not found, the service a 403 DomainError', async () => {
    session.userId = f.coder1.id;
    await expect(changeRoundsAction(String(f.project.id), { kind: 'create', name: 'Round 1' })).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    let error: unknown;
    try {
      await changeRounds(ctx.db, f.project.id, { userId: f.coder1.id, role: 'coder' }, { kind: 'create', name: 'Round 1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).reason).toBe('round.only_lead_manages');
    expect(STATUS_OF_KIND[(error as DomainError).kind]).toBe(403);
    expect(await roundsOfProject(ctx.db, f.project.id)).toEqual([]);
  });
});

describe('agreement per round', () => {
  it('gives the report each round’s α, computed by hand', async () => {
    // FG01's participant turns P1 and P2; codes Channels and e-Otinish.
    // coder1: Channels on P1. coder2: Channels on P1 and P2.
    const [, p1, p2] = f.ranges;
    const code = (coderId: number, r: { start: number; end: number }) =>
      ({ projectId: f.project.id, documentId: f.doc.id, codeId: f.channels.id, layer: 'coder' as const, coderId, start: r.start, end: r.end, quote: f.text.slice(r.start, r.end) });
    ctx.db.insert(codings).values([code(f.coder1.id, p1), code(f.coder2.id, p1), code(f.coder2.id, p2)]).run();
    const fg02 = addDocument(ctx.db, f.project.id, 'FG02');
    const r1 = await createRound(ctx.db, f.project.id, 'Round 1');
    const r2 = await createRound(ctx.db, f.project.id, 'Round 2');
    await setRoundDocuments(ctx.db, f.project.id, r1.id, [f.doc.id]);
    await setRoundDocuments(ctx.db, f.project.id, r2.id, [fg02]);
    const parsed = parseAgreementSelection({ getAll: (name) => (name === 'samples' ? ['100'] : name === 'unitized' ? ['1'] : []) });
    if (!parsed.ok) throw new Error(parsed.error);
    const run = await runAgreement(ctx.db, f.project.id, parsed.selection);
    const [a, b] = run.summary!.rounds;
    // Round 1, turn level: units (turn, code) = (P1, Channels) (1,1), (P2, Channels) (0,1),
    // (P1, e-Otinish) (0,0), (P2, e-Otinish) (0,0). n = 8 values, n1 = 3, n0 = 5, o01 = 1:
    // α = 1 − (n − 1)·o01/(n0·n1) = 1 − 7/15 = 8/15.
    expect(a.name).toBe('Round 1');
    expect(a.turn.alpha).toBeCloseTo(8 / 15, 12);
    expect(a.turn.ci).not.toBeNull();
    expect(a.unitized).not.toBeNull();
    // Round 2: FG02 has no coder assigned — nothing compared, α undefined rather than 1.
    expect(b.compared).toBe(0);
    expect(b.turn.alpha).toBeNaN();
    expect(b.unitized!.overall.alpha).toBeNull();
  });
});

describe('changing sets', () => {
  it('lets a lead create and refill a set through the action; a coder is refused (404 action, 403 service)', async () => {
    const { changeSetsAction } = await import('@/server/actions/item-sets');
    const { changeSets } = await import('./item-sets');
    session.userId = f.lead.id;
    const p = String(f.project.id);
    const made = await changeSetsAction(p, { kind: 'create', setKind: 'code', name: 'Digital', memberIds: [f.eotinish.id] });
    expect(made).toMatchObject({ ok: true, value: [{ kind: 'code', name: 'Digital', memberIds: [f.eotinish.id] }] });
    const setId = made.ok ? made.value[0].id : 0;
    expect(await changeSetsAction(p, { kind: 'members', setId, memberIds: [f.doc.id + 999] })).toMatchObject({ ok: false, reason: 'set.unknown_member' });
    session.userId = f.coder1.id;
    await expect(changeSetsAction(p, { kind: 'delete', setId })).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    await expect(changeSets(ctx.db, f.project.id, { userId: f.coder1.id, role: 'coder' }, { kind: 'delete', setId })).rejects.toThrow(DomainError);
    try {
      await changeSets(ctx.db, f.project.id, { userId: f.coder1.id, role: 'coder' }, { kind: 'delete', setId });
    } catch (e) {
      expect(STATUS_OF_KIND[(e as DomainError).kind]).toBe(403);
    }
  });
});
