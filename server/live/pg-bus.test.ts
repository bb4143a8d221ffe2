/**
 * The PostgreSQL live bus on a throwaway cluster (db/testing/pg-cluster.ts): two buses with
 * connections of their own stand for two app servers.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pgMissing, pgSkipped, startPgCluster, type PgCluster } from '@/db/testing/pg-cluster';
import type { CodingsEvent, LiveEvent } from '@/lib/live/events';
import { MAX_PAYLOAD_BYTES, payloadOf, pgBus, pgChannelOf, type PgBus } from './pg-bus';

const coding = (id: number) => ({ id, codeId: 3, layer: 'coder' as const, coderId: 7, coderName: 'Айгерім', start: id * 10, end: id * 10 + 5, memo: '', needsReview: false, updatedAt: '2026-12-08T01:00:00.000Z' });
const codingsEvent = (n: number, projectId = 1): CodingsEvent => ({
  kind: 'codings',
  projectId,
  documentId: 4,
  version: 1,
  layer: { kind: 'coder', coderId: 7 },
  actorId: 7,
  added: Array.from({ length: n }, (_, i) => coding(i + 1)),
  changed: [],
  removed: [],
});

describe('what goes on a PostgreSQL channel', () => {
  it('names channels as identifiers PostgreSQL keeps as they are', () => {
    expect(pgChannelOf('project:12')).toBe('fgc_project_12');
    expect(() => pgChannelOf(`project:${'9'.repeat(80)}`)).toThrow(/too long/);
  });

  it('sends an event as it is up to the payload limit, and many codings as a resync of their layer and document', () => {
    const small = codingsEvent(3);
    expect(JSON.parse(payloadOf(small))).toEqual(small);
    const big = codingsEvent(80);
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(MAX_PAYLOAD_BYTES);
    expect(JSON.parse(payloadOf(big))).toEqual({ kind: 'resync', projectId: 1, documentId: 4, layer: { kind: 'coder', coderId: 7 }, actorId: 7 });
  });
});

describe.skipIf(pgSkipped)(`LISTEN/NOTIFY between two app servers${pgMissing('server/live/pg-bus.test.ts')}`, () => {
  let cluster: PgCluster | undefined;
  const pools: pg.Pool[] = [];
  const buses: PgBus[] = [];
  const clients: pg.Client[][] = [];

  /** A bus as one app server has it: its pool publishes, its own connection listens. */
  const server = () => {
    const pool = new pg.Pool({ connectionString: cluster!.url, max: 2 });
    pools.push(pool);
    const made: pg.Client[] = [];
    clients.push(made);
    const bus = pgBus({
      query: (text, values) => pool.query(text, values),
      client: () => {
        const c = new pg.Client({ connectionString: cluster!.url });
        made.push(c);
        return c;
      },
      retryMs: 50,
      onError: () => {},
    });
    buses.push(bus);
    return { bus, pool, clients: made };
  };

  /** Two servers, the second listening on `channel` (what it hears in `heard`). */
  const listeningPair = async (channel: string) => {
    const a = server();
    const b = server();
    const heard: LiveEvent[] = [];
    const off = b.bus.subscribe(channel, (e) => heard.push(e));
    await b.bus.listening();
    return { a, b, heard, off };
  };

  beforeAll(async () => {
    cluster = await startPgCluster({ database: 'fgcoder_live_bus' });
  }, 180_000);

  afterAll(async () => {
    for (const b of buses) await b.close();
    for (const p of pools) await p.end();
    cluster?.stop();
  });

  it('fans an event out to every server listening to its project, the publisher included, once each and in order', async () => {
    const a = server();
    const b = server();
    const heardA: LiveEvent[] = [];
    const heardB: LiveEvent[] = [];
    const other: LiveEvent[] = [];
    a.bus.subscribe('project:1', (e) => heardA.push(e));
    b.bus.subscribe('project:1', (e) => heardB.push(e));
    b.bus.subscribe('project:2', (e) => other.push(e));
    await Promise.all([a.bus.listening(), b.bus.listening()]);
    const sent = Array.from({ length: 20 }, (_, i) => ({ ...codingsEvent(1), version: i + 1 }));
    for (const e of sent) a.bus.publish('project:1', e);
    await vi.waitFor(() => expect(heardB).toHaveLength(20), { timeout: 5000 });
    await vi.waitFor(() => expect(heardA).toHaveLength(20), { timeout: 5000 });
    expect(heardB).toEqual(sent);
    expect(heardA).toEqual(sent);
    expect(other).toEqual([]);
  });

  it('sends a burst of codings too big for a notification as a resync of that layer', async () => {
    const { a, heard } = await listeningPair('project:3');
    a.bus.publish('project:3', codingsEvent(500, 3));
    await vi.waitFor(() => expect(heard).toHaveLength(1), { timeout: 5000 });
    expect(heard[0]).toEqual({ kind: 'resync', projectId: 3, documentId: 4, layer: { kind: 'coder', coderId: 7 }, actorId: 7 });
  });

  it('stops listening to a channel once its last listener goes', async () => {
    const { a, b, heard, off } = await listeningPair('project:4');
    const listeningTo = async () => (await b.clients[0].query<{ c: string }>('select pg_listening_channels() as c')).rows.map((r) => r.c);
    expect(await listeningTo()).toEqual(['fgc_project_4']);
    off();
    await b.bus.listening();
    expect(await listeningTo()).toEqual([]);
    a.bus.publish('project:4', codingsEvent(1, 4));
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual([]);
  });

  it('reconnects when its connection is killed, tells its listeners to resync, and hears what comes after', async () => {
    const { a, b, heard } = await listeningPair('project:5');
    const pid = (b.clients[0] as unknown as { processID: number }).processID;
    await a.pool.query('select pg_terminate_backend($1)', [pid]);
    await vi.waitFor(() => expect(heard).toEqual([{ kind: 'resync', projectId: 5, documentId: null, actorId: 0 }]), { timeout: 5000 });
    expect(b.clients.length).toBe(2);
    await b.bus.listening();
    const after = codingsEvent(2, 5);
    a.bus.publish('project:5', after);
    await vi.waitFor(() => expect(heard).toHaveLength(2), { timeout: 5000 });
    expect(heard[1]).toEqual(after);
  });
});
