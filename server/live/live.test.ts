/**
 * The live-update bus and who hears what: events published by the coding service after
 * its transaction commits, filtered for each open stream by the same layer rule as the
 * codings read (blind mode included), on a temp database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '@/db/testing';
import { seedFixture } from '@/db/testing/fixture';
import { members, projects } from '@/db/schema';
import { projectChannel, type LiveEvent } from '@/lib/live/events';
import { addCodings, removeCoding, type Writer } from '@/server/services/codings';
import { inProcessBus, liveBus } from './bus';
import { joinDocument, presentAt } from './presence';
import { eventForViewer, liveViewer, presenceForViewer, type LiveSubscriber } from './visibility';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
});
afterEach(() => ctx.close());

describe('inProcessBus', () => {
  it('delivers to the listeners of a channel only, in order, survives a throwing listener and forgets unsubscribed ones', () => {
    const bus = inProcessBus();
    const heard: string[] = [];
    const e = (projectId: number): LiveEvent => ({ kind: 'codebook', projectId, actorId: 1 });
    const offA = bus.subscribe('project:1', (x) => heard.push(`a${x.projectId}`));
    bus.subscribe('project:1', () => {
      throw new Error('boom');
    });
    bus.subscribe('project:2', (x) => heard.push(`c${x.projectId}`));
    const original = console.error;
    console.error = () => {};
    try {
      bus.publish('project:1', e(1));
      bus.publish('project:2', e(2));
      offA();
      offA();
      bus.publish('project:1', e(1));
    } finally {
      console.error = original;
    }
    expect(heard).toEqual(['a1', 'c2']);
    expect(bus.listenerCount('project:1')).toBe(1);
    expect(bus.listenerCount()).toBe(2);
  });

  it('lets a listener unsubscribe while it hears an event', () => {
    const bus = inProcessBus();
    let n = 0;
    const off = bus.subscribe('x', () => {
      n++;
      off();
    });
    bus.publish('x', { kind: 'codebook', projectId: 1, actorId: 1 });
    bus.publish('x', { kind: 'codebook', projectId: 1, actorId: 1 });
    expect(n).toBe(1);
    expect(bus.listenerCount('x')).toBe(0);
  });
});

describe('events of the coding service, as each viewer hears them', () => {
  const writer = (userId: number, role: 'lead' | 'coder'): Writer => ({ projectId: f.project.id, userId, role, blindMode: true });
  const layer = (id: number) => ({ kind: 'coder' as const, coderId: id });
  const sub = (userId: number, layers: LiveSubscriber['layers']): LiveSubscriber => ({ userId, projectId: f.project.id, documentId: f.doc.id, layers });
  const hear = async (s: LiveSubscriber, e: LiveEvent) => eventForViewer((await liveViewer(ctx.db, s.userId, s.projectId))!, s, e);

  async function publishedBy(run: () => unknown): Promise<LiveEvent[]> {
    const heard: LiveEvent[] = [];
    const off = liveBus().subscribe(projectChannel(f.project.id), (e) => heard.push(e));
    try {
      await run();
    } finally {
      off();
    }
    return heard;
  }

  it('publishes a committed coding with its layer and the document version; a refused one publishes nothing', async () => {
    const events = await publishedBy(() => addCodings(ctx.db, writer(f.coder1.id, 'coder'), { documentId: f.doc.id, version: 1, codeIds: [f.channels.id], start: 0, end: 4, layer: layer(f.coder1.id) }));
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e).toMatchObject({ kind: 'codings', documentId: f.doc.id, version: 1, layer: layer(f.coder1.id), actorId: f.coder1.id, removed: [], changed: [] });
    expect(e.kind === 'codings' && e.added.map((c) => [c.codeId, c.start, c.end])).toEqual([[f.channels.id, 0, 4]]);
    expect(e.kind === 'codings' && 'quote' in e.added[0]).toBe(false);
    // coder 2 may not write coder 1's layer: refused before anything commits, nothing published.
    expect(await publishedBy(async () => await expect(addCodings(ctx.db, writer(f.coder2.id, 'coder'), { documentId: f.doc.id, version: 1, codeIds: [f.channels.id], start: 0, end: 4, layer: layer(f.coder1.id) })).rejects.toThrow())).toEqual([]);
  });

  it('in blind mode a coder never hears another coder’s layer; the lead does; lifting blind mode lets the coder hear it', async () => {
    const [e] = await publishedBy(() => addCodings(ctx.db, writer(f.coder1.id, 'coder'), { documentId: f.doc.id, version: 1, codeIds: [f.channels.id], start: 0, end: 4, layer: layer(f.coder1.id) }));
    const lead = sub(f.lead.id, [layer(f.coder1.id), layer(f.coder2.id)]);
    const coder2 = sub(f.coder2.id, [layer(f.coder2.id), layer(f.coder1.id)]);
    expect(ctx.db.select().from(projects).where(eq(projects.id, f.project.id)).get()!.blindMode).toBe(true);
    expect(await hear(lead, e)).toBe(e);
    expect(await hear(coder2, e)).toBeNull();
    expect(await hear(sub(f.coder1.id, [layer(f.coder1.id)]), e)).toBe(e);
    // A layer not on screen is not sent, even to someone who may see it.
    expect(await hear(sub(f.lead.id, [{ kind: 'consensus' }]), e)).toBeNull();
    // Another document, or another project, is not theirs either.
    expect(await hear({ ...lead, documentId: f.doc.id + 1000 }, e)).toBeNull();
    ctx.db.update(projects).set({ blindMode: false }).where(eq(projects.id, f.project.id)).run();
    expect(await hear(coder2, e)).toBe(e);
  });

  it('a resync of one layer reaches only those who may see it; a resync of every layer (events lost) reaches everyone, and says nothing', async () => {
    const coder2 = sub(f.coder2.id, [layer(f.coder2.id), layer(f.coder1.id)]);
    const ofCoder1: LiveEvent = { kind: 'resync', projectId: f.project.id, documentId: f.doc.id, layer: layer(f.coder1.id), actorId: f.coder1.id };
    expect(await hear(coder2, ofCoder1)).toBeNull(); // blind mode
    const everything: LiveEvent = { kind: 'resync', projectId: f.project.id, documentId: null, actorId: 0 };
    expect(await hear(coder2, everything)).toBe(everything);
    expect(await hear({ ...coder2, projectId: f.project.id + 1000 }, everything)).toBeNull();
  });

  it('a removal carries the removed id; a viewer hears only consensus; someone no longer a member has no viewer', async () => {
    const [c] = await addCodings(ctx.db, writer(f.lead.id, 'lead'), { documentId: f.doc.id, version: 1, codeIds: [f.eotinish.id], start: 2, end: 6, layer: { kind: 'consensus' } });
    const [e] = await publishedBy(() => removeCoding(ctx.db, writer(f.lead.id, 'lead'), c.id));
    expect(e).toMatchObject({ kind: 'codings', removed: [c.id], layer: { kind: 'consensus' } });
    ctx.db.update(members).set({ role: 'viewer' }).where(eq(members.userId, f.coder2.id)).run();
    expect(await hear(sub(f.coder2.id, [{ kind: 'consensus' }]), e)).toBe(e);
    const codebook: LiveEvent = { kind: 'codebook', projectId: f.project.id, actorId: f.lead.id };
    expect(await hear(sub(f.coder2.id, [{ kind: 'consensus' }]), codebook)).toBe(codebook);
    ctx.db.delete(members).where(eq(members.userId, f.coder2.id)).run();
    expect(await liveViewer(ctx.db, f.coder2.id, f.project.id)).toBeNull();
  });

  it('presence: a lead sees everyone else, a coder in blind mode nobody else, without blind mode everyone; leaving removes them', async () => {
    const leave1 = joinDocument(f.project.id, f.doc.id, { id: f.coder1.id, name: 'coder1', role: 'coder' });
    const leave1b = joinDocument(f.project.id, f.doc.id, { id: f.coder1.id, name: 'coder1', role: 'coder' });
    const leave2 = joinDocument(f.project.id, f.doc.id, { id: f.coder2.id, name: 'coder2', role: 'coder' });
    const leaveLead = joinDocument(f.project.id, f.doc.id, { id: f.lead.id, name: 'lead', role: 'lead' });
    const here = () => presentAt(f.project.id, f.doc.id);
    const names = async (userId: number) => presenceForViewer((await liveViewer(ctx.db, userId, f.project.id))!, here()).users.map((u) => u.name);
    expect(await names(f.lead.id)).toEqual(['coder1', 'coder2']);
    expect(await names(f.coder1.id)).toEqual([]);
    ctx.db.update(projects).set({ blindMode: false }).where(eq(projects.id, f.project.id)).run();
    expect(await names(f.coder1.id)).toEqual(['coder2', 'lead']);
    leave2();
    leave2();
    leave1();
    expect(await names(f.lead.id)).toEqual(['coder1']);
    leave1b();
    leaveLead();
    expect(here()).toEqual([]);
  });
});
