/**
 * Project exchange through REFI-QDA: our export validates against the schema, carries no
 * private data, and imports back (into a new project) with the same codings on the same
 * quotes, per layer, with participants, speakers, attributes and memos.
 */
import { strFromU8, unzipSync } from 'fflate';
import { asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { openTestDatabase } from '../testing';
import { SECRETS, seedExportFixture } from '../testing/export-fixture';
import { codes, codings, documents, members, memos, participants, turns, users } from '../schema';
import { seedDemo } from '../seed/demo';
import { checkIntegrity } from './integrity';
import { projectToRefi } from './refi-export';
import { importRefiProject } from './refi-import';
import { exportCodes } from './excerpts-export';
import { exportableDocumentValues, exportableParticipantValues } from './attribute-privacy';
import { readQdpx, writeQdpx } from '@/lib/refi-qda';
import { schemaTestMode, xmllint } from '@/lib/refi-qda/test-support';

/** Every coding of a project as comparable text: document, code path, layer, range, quote, memo. */
async function codingFacts(db: Db, projectId: number): Promise<string[]> {
  const paths = new Map((await exportCodes(db, projectId)).map((c) => [c.id, c.path]));
  return db
    .select({ title: documents.title, codeId: codings.codeId, layer: codings.layer, coder: users.name, start: codings.start, end: codings.end, quote: codings.quote, memo: codings.memo })
    .from(codings)
    .innerJoin(documents, eq(documents.id, codings.documentId))
    .innerJoin(users, eq(users.id, codings.coderId))
    .where(eq(codings.projectId, projectId))
    .all()
    .map((c) => JSON.stringify([c.title, paths.get(c.codeId), c.layer === 'consensus' ? 'consensus' : c.coder, c.start, c.end, c.quote, c.memo]))
    .sort();
}

function speakerFacts(db: Db, projectId: number): string[] {
  return db
    .select({ title: documents.title, seq: turns.seq, kind: turns.speakerKind, label: participants.label, text: turns.text })
    .from(turns)
    .innerJoin(documents, eq(documents.id, turns.documentId))
    .leftJoin(participants, eq(participants.id, turns.participantId))
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.title), asc(turns.seq))
    .all()
    .map((t) => `${t.title}|${t.kind}|${t.label ?? ''}|${t.text}`);
}

function allLayers(db: Db, projectId: number) {
  const rows = db.selectDistinct({ layer: codings.layer, coderId: codings.coderId }).from(codings).where(eq(codings.projectId, projectId)).all();
  return rows.map((r) => (r.layer === 'consensus' ? ({ kind: 'consensus' } as const) : ({ kind: 'coder', coderId: r.coderId } as const)));
}

describe('the fixture through .qdpx', () => {
  let ctx: ReturnType<typeof openTestDatabase>;
  let f: Awaited<ReturnType<typeof seedExportFixture>>;
  beforeEach(async () => {
    ctx = openTestDatabase();
    f = await seedExportFixture(ctx.db);
  });
  afterEach(() => ctx.close());

  const exportFile = async () => writeQdpx((await projectToRefi(ctx.db, f.project.id, allLayers(ctx.db, f.project.id))).project, { now: new Date('2025-01-01T00:00:00Z') });

  it.runIf(schemaTestMode() === 'run')('validates against the REFI-QDA project schema', async () => {
    const qde = strFromU8(unzipSync(await exportFile())['project.qde']);
    const result = xmllint(qde);
    expect(result.output).toMatch(/validates/);
    expect(result.valid).toBe(true);
  });

  it('holds no real name, private value or transcript speaker label', async () => {
    const files = unzipSync(await exportFile());
    const everything = Object.values(files).map((b) => strFromU8(b)).join('\n');
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('phone');
    expect(everything).not.toContain('interviewer');
    expect(everything).toContain('Female');
    expect(everything).toContain('<User guid=');
    expect(everything).toContain('name="Consensus"');
  });

  it('imports back into a new project with the same codings on the same quotes, speakers and attributes', async () => {
    const before = await codingFacts(ctx.db, f.project.id);
    const { project } = readQdpx(await exportFile());
    const report = await importRefiProject(ctx.db, project, f.outsider.id);
    // coders: coder1, coder2 and the lead, who wrote the code memo (a REFI user like any other)
    expect(report).toMatchObject({ documents: 1, participants: 2, codes: 2, codings: 4, coders: 3 });
    expect(await codingFacts(ctx.db, report.projectId)).toEqual(before);
    expect(speakerFacts(ctx.db, report.projectId)).toEqual([
      'FG01|moderator||Как вы обращаетесь к власти?',
      'FG01|participant|P1|Мен әкімдікке e-Otinish арқылы жаздым 👍',
      'FG01|participant|P2|А я пишу в Instagram акимата.',
    ]);
    const pValues = [...(await exportableParticipantValues(ctx.db, report.projectId)).values()];
    expect(pValues).toEqual([
      { gender: 'Female', age: '34' },
      { gender: 'Male', age: '52' },
    ]);
    expect([...(await exportableDocumentValues(ctx.db, report.projectId)).values()]).toEqual([{ city: 'Aktobe' }]);
    expect(ctx.db.select({ text: memos.text, kind: memos.targetKind }).from(memos).where(eq(memos.projectId, report.projectId)).all()).toEqual([{ text: 'Online appeals only', kind: 'code' }]);
    // the importer leads; coders are the accounts their emails name (no placeholders in the same instance)
    const team = ctx.db.select({ role: members.role, email: users.email, disabled: users.disabled }).from(members).innerJoin(users, eq(users.id, members.userId)).where(eq(members.projectId, report.projectId)).all();
    expect(team.find((m) => m.role === 'lead')?.email).toBe('outsider@test.kz');
    expect(team.filter((m) => m.role === 'coder').map((m) => m.email).sort()).toEqual(['coder1@test.kz', 'coder2@test.kz', 'lead@test.kz']);
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('exports only the layers it is given (a coder in blind mode: their own)', async () => {
    const { project } = await projectToRefi(ctx.db, f.project.id, [{ kind: 'coder', coderId: f.coder1.id }]);
    expect(project.users.map((u) => u.name)).toEqual(['lead', 'coder1']); // lead wrote the code memo
    expect(project.sources[0].selections).toHaveLength(1);
    expect(project.sources[0].selections[0].creatingUserGuid).toBe(`user-${f.coder1.id}`);
  });
});

describe('the demo study through .qdpx', () => {
  let ctx: ReturnType<typeof openTestDatabase>;
  let projectId: number;
  beforeAll(() => {
    ctx = openTestDatabase();
    ({ projectId } = seedDemo(ctx.db));
  });
  afterAll(() => ctx.close());

  it('round-trips every layer: export, import, the same codings on the same quotes', async () => {
    const { project, omitted } = await projectToRefi(ctx.db, projectId, allLayers(ctx.db, projectId));
    expect(omitted).toBe(0);
    const bytes = writeQdpx(project);
    const read = readQdpx(bytes);
    expect(read.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    const importer = ctx.db.select().from(users).where(eq(users.email, 'lead@demo.test')).get()!;
    const report = await importRefiProject(ctx.db, read.project, importer.id);
    expect(report.codings).toBe(ctx.db.select().from(codings).where(eq(codings.projectId, projectId)).all().length);
    expect(await codingFacts(ctx.db, report.projectId)).toEqual(await codingFacts(ctx.db, projectId));
    expect(speakerFacts(ctx.db, report.projectId)).toEqual(speakerFacts(ctx.db, projectId));
    expect(ctx.db.select().from(codes).where(eq(codes.projectId, report.projectId)).all()).toHaveLength(40);
    expect((await exportCodes(ctx.db, report.projectId)).map((c) => c.path)).toEqual((await exportCodes(ctx.db, projectId)).map((c) => c.path));
    expect(report.participants).toBe(98);
    expect(report.notes).toEqual([]);
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });
});
