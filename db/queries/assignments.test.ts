import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../testing';
import { seedFixture } from '../testing/fixture';
import { assignments, auditEvents, documents, members, projects } from '../schema';
import { AssignmentError, assignedCoders, assignmentGrid, myDocuments, setAssignments, setAssignmentStatus } from './assignments';
import { createCodings } from './codings';
import { setBlindMode } from './project-settings';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
let doc2: { id: number };
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
  doc2 = ctx.db.insert(documents).values({ projectId: f.project.id, title: 'FG02' }).returning().get();
});
afterEach(() => ctx.close());

const actions = () => ctx.db.select().from(auditEvents).all().map((a) => a.action);

describe('setAssignments', () => {
  it('assigns and unassigns many cells at once, audited, ignoring cells already so', async () => {
    const r = await setAssignments(
      ctx.db,
      f.project.id,
      [
        { documentId: doc2.id, coderId: f.coder1.id, assigned: true },
        { documentId: doc2.id, coderId: f.coder2.id, assigned: true },
        { documentId: f.doc.id, coderId: f.coder1.id, assigned: true }, // already assigned
        { documentId: f.doc.id, coderId: f.coder2.id, assigned: false },
      ],
      f.lead.id,
    );
    expect(r).toEqual({ added: 2, removed: 1 });
    expect(await assignedCoders(ctx.db, f.project.id)).toEqual(
      new Map([
        [f.doc.id, [f.coder1.id]],
        [doc2.id, [f.coder1.id, f.coder2.id]],
      ]),
    );
    expect(actions()).toEqual(['assignment.add', 'assignment.add', 'assignment.remove']);
  });

  it('starts a new assignment in progress when the coder already coded there', async () => {
    await setAssignments(ctx.db, f.project.id, [{ documentId: f.doc.id, coderId: f.coder2.id, assigned: false }], f.lead.id);
    await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id], start: 0, end: 3, layer: { kind: 'coder', coderId: f.coder2.id }, actorId: f.coder2.id });
    await setAssignments(ctx.db, f.project.id, [{ documentId: f.doc.id, coderId: f.coder2.id, assigned: true }], f.lead.id);
    expect(await myDocuments(ctx.db, f.project.id, f.coder2.id)).toMatchObject([{ documentId: f.doc.id, status: 'in_progress', codings: 1 }]);
  });

  it('names documents of other projects and users who are not coders, and writes nothing', async () => {
    const foreignDoc = ctx.db.insert(documents).values({ projectId: f.other.id, title: 'Foreign' }).returning().get();
    ctx.db.insert(members).values({ projectId: f.project.id, userId: f.outsider.id, role: 'viewer' }).run();
    await expect(setAssignments(
        ctx.db,
        f.project.id,
        [
          { documentId: doc2.id, coderId: f.coder1.id, assigned: true },
          { documentId: foreignDoc.id, coderId: f.outsider.id, assigned: true },
        ],
        f.lead.id,
      ),
    ).rejects.toThrow(`Cannot assign documents not in this project: ${foreignDoc.id}`);
    expect(ctx.db.select().from(assignments).where(eq(assignments.documentId, doc2.id)).all()).toEqual([]);
    expect(actions()).toEqual([]);
  });
});

describe('the grid, my documents and status', () => {
  it('shows every document × coder with the status of assigned cells', async () => {
    const grid = await assignmentGrid(ctx.db, f.project.id);
    expect(grid.documents.map((d) => d.title)).toEqual(['FG01', 'FG02']);
    expect(grid.coders.map((c) => c.name)).toEqual(['coder1', 'coder2']); // the lead codes nothing here
    expect(grid.cells.map((c) => [c.documentId, c.coderId, c.status])).toEqual([
      [f.doc.id, f.coder1.id, 'not_started'],
      [f.doc.id, f.coder2.id, 'not_started'],
    ]);
  });

  it('lets a coder mark their document done and reopen it', async () => {
    expect(await setAssignmentStatus(ctx.db, f.project.id, f.doc.id, f.coder1.id, 'done', f.coder1.id)).toBe('done');
    expect((await myDocuments(ctx.db, f.project.id, f.coder1.id))[0].status).toBe('done');
    expect(await setAssignmentStatus(ctx.db, f.project.id, f.doc.id, f.coder1.id, 'reopen', f.coder1.id)).toBe('not_started');
    await createCodings(ctx.db, { projectId: f.project.id, documentId: f.doc.id, codeIds: [f.channels.id], start: 0, end: 3, layer: { kind: 'coder', coderId: f.coder1.id }, actorId: f.coder1.id });
    await setAssignmentStatus(ctx.db, f.project.id, f.doc.id, f.coder1.id, 'done', f.coder1.id);
    expect(await setAssignmentStatus(ctx.db, f.project.id, f.doc.id, f.coder1.id, 'reopen', f.coder1.id)).toBe('in_progress');
    expect(actions().filter((a) => a === 'assignment.status')).toHaveLength(4);
  });

  it('refuses a document not assigned to the coder', async () => {
    await expect(setAssignmentStatus(ctx.db, f.project.id, doc2.id, f.coder1.id, 'done', f.coder1.id)).rejects.toThrow(AssignmentError);
    await expect(setAssignmentStatus(ctx.db, f.other.id, f.doc.id, f.coder1.id, 'done', f.coder1.id)).rejects.toThrow(AssignmentError);
    expect(await myDocuments(ctx.db, f.project.id, f.lead.id)).toEqual([]);
  });
});

describe('setBlindMode', () => {
  it('turns blind mode off and on, audited, and ignores a setting that does not change', async () => {
    expect(await setBlindMode(ctx.db, f.project.id, true, f.lead.id)).toBe(false);
    expect(await setBlindMode(ctx.db, f.project.id, false, f.lead.id)).toBe(true);
    expect(ctx.db.select().from(projects).where(eq(projects.id, f.project.id)).get()?.blindMode).toBe(false);
    const [event] = ctx.db.select().from(auditEvents).all();
    expect(event).toMatchObject({ action: 'project.blind_mode', userId: f.lead.id, before: { blindMode: true }, after: { blindMode: false } });
  });
});
