/**
 * Our own round trip is lossless: the demo study exported as .qdpx and imported — into the
 * same instance as a new project, and into another instance where the same people have
 * accounts — compares equal on codes (with shortcuts), codings per layer, memos, documents
 * and their turns, participants, attributes (types, category values in order, number bins)
 * and their values, and assignments with their status; coders land on their accounts by
 * email. Where the file's emails match no account, the import asks for a mapping first.
 */
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { seedExportFixture } from '@/db/testing/export-fixture';
import { seedDemo } from '@/db/seed/demo';
import {
  assignments,
  attributeDefinitions,
  codes,
  codings,
  documentAttributeValues,
  documents,
  members,
  memos,
  participantAttributeValues,
  participants,
  projects,
  turns,
  users,
} from '@/db/schema';
import { checkIntegrity } from '@/db/queries/integrity';
import { exportCodes } from '@/db/queries/excerpts-export';
import { projectToRefi } from '@/db/queries/refi-export';
import { writeQdpx, EXTENSION_FILE, emailKey } from '@/lib/refi-qda';
import { schemaTestMode, xmllint } from '@/lib/refi-qda/test-support';
import { importProjectFile } from './project-import';

function allLayers(db: Db, projectId: number) {
  const rows = db.selectDistinct({ layer: codings.layer, coderId: codings.coderId }).from(codings).where(eq(codings.projectId, projectId)).all();
  return rows.map((r) => (r.layer === 'consensus' ? ({ kind: 'consensus' } as const) : ({ kind: 'coder', coderId: r.coderId } as const)));
}

const exportOf = async (db: Db, projectId: number) => writeQdpx((await projectToRefi(db, projectId, allLayers(db, projectId), { allAssignments: true })).project, { now: new Date('2026-01-01T00:00:00Z') });

const sorted = (xs: string[]) => [...xs].sort();

/** Everything the round trip must keep, keyed by what survives it (titles, code paths, labels, emails), never by ids. */
async function facts(db: Db, projectId: number) {
  const paths = new Map((await exportCodes(db, projectId)).map((c) => [c.id, c.path]));
  const docTitle = new Map(db.select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.projectId, projectId)).all().map((d) => [d.id, d.title]));
  const email = new Map(db.select({ id: users.id, email: users.email }).from(users).all().map((u) => [u.id, u.email]));
  const people = db.select().from(participants).where(eq(participants.projectId, projectId)).all();
  const personKey = new Map(people.map((p) => [p.id, `${p.label}@${p.documentId != null ? docTitle.get(p.documentId) : ''}`]));
  const attrs = db.select().from(attributeDefinitions).where(and(eq(attributeDefinitions.projectId, projectId), eq(attributeDefinitions.private, false))).orderBy(asc(attributeDefinitions.scope), asc(attributeDefinitions.sortOrder), asc(attributeDefinitions.id)).all();
  const attrName = new Map(attrs.map((a) => [a.id, `${a.scope}:${a.name}`]));
  const target = (kind: string, id: number | null) => (kind === 'document' ? docTitle.get(id as number) : kind === 'code' ? paths.get(id as number) : '');
  return {
    codes: db
      .select()
      .from(codes)
      .where(eq(codes.projectId, projectId))
      .all()
      .map((c) => JSON.stringify([paths.get(c.id), c.color, c.description, c.inclusion, c.exclusion, c.example, c.shortcut, c.sortOrder]))
      .sort(),
    codings: db
      .select()
      .from(codings)
      .where(eq(codings.projectId, projectId))
      .all()
      .map((c) => JSON.stringify([docTitle.get(c.documentId), paths.get(c.codeId), c.layer === 'consensus' ? 'consensus' : email.get(c.coderId), c.start, c.end, c.quote, c.memo]))
      .sort(),
    memos: db
      .select()
      .from(memos)
      .where(eq(memos.projectId, projectId))
      .all()
      .map((m) => JSON.stringify([m.targetKind, target(m.targetKind, m.targetId), email.get(m.authorId), m.text]))
      .sort(),
    documents: db.select({ title: documents.title }).from(documents).where(eq(documents.projectId, projectId)).orderBy(asc(documents.sortOrder), asc(documents.title)).all().map((d) => d.title),
    turns: db
      .select({ documentId: turns.documentId, seq: turns.seq, kind: turns.speakerKind, participantId: turns.participantId, text: turns.text, start: turns.start, end: turns.end })
      .from(turns)
      .innerJoin(documents, eq(documents.id, turns.documentId))
      .where(eq(documents.projectId, projectId))
      .all()
      .map((t) => JSON.stringify([docTitle.get(t.documentId), t.seq, t.kind, t.participantId != null ? personKey.get(t.participantId) : null, t.start, t.end, t.text]))
      .sort(),
    participants: sorted(people.map((p) => personKey.get(p.id) as string)),
    attributes: attrs.map((a) => JSON.stringify([a.scope, a.name, a.type, a.values, a.bins])),
    participantValues: db
      .select()
      .from(participantAttributeValues)
      .all()
      .filter((v) => personKey.has(v.participantId) && attrName.has(v.attributeId))
      .map((v) => JSON.stringify([personKey.get(v.participantId), attrName.get(v.attributeId), v.value, v.numValue]))
      .sort(),
    documentValues: db
      .select()
      .from(documentAttributeValues)
      .all()
      .filter((v) => docTitle.has(v.documentId) && attrName.has(v.attributeId))
      .map((v) => JSON.stringify([docTitle.get(v.documentId), attrName.get(v.attributeId), v.value, v.numValue]))
      .sort(),
    assignments: db
      .select()
      .from(assignments)
      .where(eq(assignments.projectId, projectId))
      .all()
      .map((a) => `${docTitle.get(a.documentId)}|${email.get(a.coderId)}|${a.status}`)
      .sort(),
  };
}

/** Who is on the project and how: email → role, sorted. */
function team(db: Db, projectId: number) {
  return db
    .select({ email: users.email, role: members.role })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.projectId, projectId))
    .all()
    .map((m) => `${m.email}:${m.role}`)
    .sort();
}

describe('the demo study round trip', () => {
  let ctx: ReturnType<typeof openTestDatabase>;
  let projectId: number;
  let bytes: Uint8Array;
  let before: Awaited<ReturnType<typeof facts>>;
  beforeAll(async () => {
    ctx = openTestDatabase();
    ({ projectId } = seedDemo(ctx.db));
    bytes = await exportOf(ctx.db, projectId);
    before = await facts(ctx.db, projectId);
  });
  afterAll(() => ctx.close());

  it('holds what the standard cannot carry in fgcoder.json, beside a project.qde that still validates', () => {
    const files = unzipSync(bytes);
    const ext = JSON.parse(strFromU8(files[EXTENSION_FILE])) as { format: string; variables: { bins: unknown[] }[]; codes: unknown[]; users: { emailKey: string }[]; assignments: { status: string }[] };
    expect(ext.format).toBe('fgcoder-refi-extension');
    expect(ext.variables.some((v) => v.bins.length > 0)).toBe(true);
    expect(ext.codes.length).toBeGreaterThan(0);
    // coders by a key of their email, no email in clear anywhere in the file
    expect(ext.users.map((u) => u.emailKey)).toContain(emailKey('lead@demo.test'));
    expect(Object.values(files).map((b) => strFromU8(b)).join('\n')).not.toMatch(/@demo\.test/);
    expect(new Set(ext.assignments.map((a) => a.status))).toEqual(new Set(['not_started', 'in_progress', 'done']));
    if (schemaTestMode() === 'run') expect(xmllint(strFromU8(files['project.qde'])).valid).toBe(true);
  });

  it('the demo has every field worth checking', () => {
    expect(before.codes.some((c) => JSON.parse(c)[6] !== null)).toBe(true);
    expect(before.attributes.some((a) => (JSON.parse(a)[4] as unknown[]).length > 0)).toBe(true);
    expect(before.assignments.some((a) => a.endsWith('|not_started'))).toBe(true);
    expect(before.memos.length).toBeGreaterThan(0);
    expect(Object.fromEntries(Object.entries(before).map(([k, v]) => [k, v.length]))).toEqual({
      assignments: 13,
      attributes: 8,
      codes: 40,
      codings: 7191,
      documentValues: 64,
      documents: 16,
      memos: 4,
      participantValues: 392,
      participants: 98,
      turns: 9709,
    });
  });

  it('into the same instance: a new project equal on every field, its coders the same accounts', async () => {
    const lead = ctx.db.select().from(users).where(eq(users.email, 'lead@demo.test')).get()!;
    const out = await importProjectFile(ctx.db, lead.id, bytes, { name: 'Round trip' });
    if (!out.ok) throw new Error(JSON.stringify(out));
    expect(out.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(await facts(ctx.db, out.report.projectId)).toEqual(before);
    // no placeholder account: every coder and memo author is the account they were
    expect(team(ctx.db, out.report.projectId).filter((m) => m.includes('@import.invalid'))).toEqual([]);
    const originalCoders = team(ctx.db, projectId).filter((m) => m.endsWith(':coder'));
    expect(team(ctx.db, out.report.projectId)).toEqual(expect.arrayContaining(originalCoders));
    expect((await checkIntegrity(ctx.db)).problems).toEqual([]);
  });

  it('into another instance where the same people have accounts: equal on every field', async () => {
    const other = openTestDatabase();
    try {
      const people = ctx.db.select({ email: users.email, name: users.name, passwordHash: users.passwordHash }).from(users).all();
      other.db.insert(users).values(people).run();
      const lead = other.db.select().from(users).where(eq(users.email, 'lead@demo.test')).get()!;
      const out = await importProjectFile(other.db, lead.id, bytes);
      if (!out.ok) throw new Error(JSON.stringify(out));
      expect(await facts(other.db, out.report.projectId)).toEqual(before);
      expect(other.db.select().from(users).all()).toHaveLength(people.length); // no placeholder made
      expect((await checkIntegrity(other.db)).problems).toEqual([]);
    } finally {
      other.close();
    }
  });

  it('without the extension (as another tool reads it) it still imports, with today’s defaults', async () => {
    const files = unzipSync(bytes);
    delete files[EXTENSION_FILE];
    const other = openTestDatabase();
    try {
      const importer = other.db.insert(users).values({ email: 'someone@else.kz', name: 'someone', passwordHash: 'x' }).returning().get();
      const out = await importProjectFile(other.db, importer.id, zipSync(files));
      if (!out.ok) throw new Error(JSON.stringify(out));
      const after = await facts(other.db, out.report.projectId);
      expect(after.codings).toHaveLength(before.codings.length);
      // what only the extension carries is lost without it: this is what the tests above guard
      expect(after.attributes).not.toEqual(before.attributes);
      expect(after.assignments).not.toEqual(before.assignments);
      expect(after.codes).not.toEqual(before.codes);
      expect(team(other.db, out.report.projectId).filter((m) => m.endsWith(':coder')).every((m) => m.includes('@import.invalid'))).toBe(true);
    } finally {
      other.close();
    }
  });
});

describe('mapping the file’s coders to accounts', () => {
  let ctx: ReturnType<typeof openTestDatabase>;
  let other: ReturnType<typeof openTestDatabase>;
  let bytes: Uint8Array;
  let source: Awaited<ReturnType<typeof facts>>;
  beforeEach(async () => {
    ctx = openTestDatabase();
    const f = await seedExportFixture(ctx.db);
    bytes = await exportOf(ctx.db, f.project.id);
    source = await facts(ctx.db, f.project.id);
    other = openTestDatabase();
  });
  afterEach(() => {
    ctx.close();
    other.close();
  });

  /** The other instance: the importer, a colleague on one of the importer's projects, a stranger, and coder1's account. */
  function otherInstance() {
    const [importer, colleague, stranger, coder1] = other.db
      .insert(users)
      .values([
        { email: 'me@other.kz', name: 'me', passwordHash: 'x' },
        { email: 'colleague@other.kz', name: 'colleague', passwordHash: 'x' },
        { email: 'stranger@other.kz', name: 'stranger', passwordHash: 'x' },
        { email: 'CODER1@test.kz', name: 'coder one', passwordHash: 'x' },
      ])
      .returning()
      .all();
    const p = other.db.insert(projects).values({ name: 'Ours' }).returning().get();
    other.db
      .insert(members)
      .values([
        { projectId: p.id, userId: importer.id, role: 'lead' },
        { projectId: p.id, userId: colleague.id, role: 'coder' },
      ])
      .run();
    return { importer, colleague, stranger, coder1 };
  }

  it('matches coders by email (ignoring case) and asks, writing nothing, for those that match no account', async () => {
    const { importer, colleague, coder1 } = otherInstance();
    const projectsBefore = other.db.select().from(projects).all().length;
    const out = await importProjectFile(other.db, importer.id, bytes);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems).toEqual([]);
    const byName = Object.fromEntries(out.mapping!.coders.map((c) => [c.name, c.account?.id ?? null]));
    expect(byName).toEqual({ lead: null, coder1: coder1.id, coder2: null });
    expect(out.mapping!.coders.every((c) => c.byEmail)).toBe(true);
    expect(out.mapping!.accounts.map((a) => a.email).sort()).toEqual(['colleague@other.kz', 'me@other.kz']); // never the stranger
    expect(other.db.select().from(projects).all()).toHaveLength(projectsBefore);
    expect(colleague.id).toBeGreaterThan(0);
  });

  it('applies the mapping: a coder to a colleague, another to a placeholder, the matched one to their account', async () => {
    const { importer, colleague, coder1 } = otherInstance();
    const first = await importProjectFile(other.db, importer.id, bytes);
    if (first.ok) throw new Error('expected a mapping step');
    const guidOf = (name: string) => first.mapping!.coders.find((c) => c.name === name)!.guid;
    const out = await importProjectFile(other.db, importer.id, bytes, { coders: { [guidOf('coder2')]: colleague.id, [guidOf('lead')]: 'placeholder' } });
    if (!out.ok) throw new Error(JSON.stringify(out));
    const members_ = team(other.db, out.report.projectId);
    expect(members_).toContain('me@other.kz:lead');
    expect(members_).toContain('colleague@other.kz:coder');
    expect(members_).toContain('CODER1@test.kz:coder');
    expect(members_.filter((m) => m.endsWith('@import.invalid:coder'))).toHaveLength(1);
    // the same codings, each in the layer of the account its coder was mapped to
    const renamed = (s: string) => s.replace('"coder2@test.kz"', '"colleague@other.kz"').replace('"coder1@test.kz"', '"CODER1@test.kz"');
    expect((await facts(other.db, out.report.projectId)).codings).toEqual(source.codings.map(renamed).sort());
    expect(other.db.select().from(codings).where(eq(codings.coderId, coder1.id)).all().length).toBeGreaterThan(0);
    expect((await checkIntegrity(other.db)).problems).toEqual([]);
  });

  it('refuses a mapping to an account the importer does not work with', async () => {
    const { importer, stranger } = otherInstance();
    const first = await importProjectFile(other.db, importer.id, bytes);
    if (first.ok) throw new Error('expected a mapping step');
    const guids = first.mapping!.coders.filter((c) => !c.account).map((c) => c.guid);
    const out = await importProjectFile(other.db, importer.id, bytes, { coders: Object.fromEntries(guids.map((g) => [g, stranger.id])) });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems.map((p) => p.kind)).toEqual(guids.map(() => 'unknown-user'));
  });
});
