/**
 * The live-update bus across app servers (issue #20 item 4): PostgreSQL LISTEN/NOTIFY in
 * place of the in-process bus (./bus.ts), behind the same interface.
 *
 * - `publish` is `pg_notify(channel, event as JSON)` on the app's pool, after the change has
 *   committed, one after another so that the process's events keep their order. An event over NOTIFY's payload limit (8000 bytes: a paste of many codings)
 *   goes as a resync of its layer and document instead: the editors fetch it again.
 * - Each process holds one connection that LISTENs to the channels it has listeners for and
 *   hands what it hears to them — its own notifications too, so a process hears its events
 *   once, in commit order, exactly as the other processes do.
 * - When that connection drops, it reconnects (after 0.5 s, doubling up to 30 s), LISTENs
 *   again, and tells every listener to resync: what was published meanwhile is lost.
 */
import pg from 'pg';
import type { LiveBus } from './bus';
import type { LiveEvent } from '@/lib/live/events';

type Listener = (event: LiveEvent) => void;

/** PostgreSQL's limit on a notification's payload, in bytes. */
export const MAX_PAYLOAD_BYTES = 7999;

/** The PostgreSQL channel of a bus channel (`project:12` → `fgc_project_12`), an identifier as it is. */
export function pgChannelOf(channel: string): string {
  const name = `fgc_${channel.replace(/[^A-Za-z0-9_]/g, '_')}`.toLowerCase();
  if (name.length > 63) throw new Error(`Live channel name too long for PostgreSQL: ${channel}`);
  return name;
}

/** The payload that goes for an event: itself, or a resync of what it changed when it is too big. */
export function payloadOf(event: LiveEvent): string {
  const json = JSON.stringify(event);
  if (Buffer.byteLength(json) <= MAX_PAYLOAD_BYTES) return json;
  if (event.kind === 'codings') {
    return JSON.stringify({ kind: 'resync', projectId: event.projectId, documentId: event.documentId, layer: event.layer, actorId: event.actorId } satisfies LiveEvent);
  }
  // Nothing else grows with the data; still, a resync of the whole project says it safely.
  return JSON.stringify({ kind: 'resync', projectId: event.projectId, documentId: null, actorId: 'actorId' in event ? event.actorId : 0 } satisfies LiveEvent);
}

export interface PgBusOptions {
  /** Runs the publishing query (the app's pool: `pool.query`). */
  query: (text: string, values: unknown[]) => Promise<unknown>;
  /** A new, unconnected client for the listening connection. */
  client: () => pg.Client;
  /** The first wait before reconnecting, in ms (500); it doubles up to `maxRetryMs` (30,000). */
  retryMs?: number;
  maxRetryMs?: number;
  /** Told what went wrong with the listening connection (console.error by default). */
  onError?: (e: unknown) => void;
}

export interface PgBus extends LiveBus {
  /** Resolves once the process LISTENs to every channel subscribed so far. */
  listening(): Promise<void>;
  /** Closes the listening connection; nothing is heard after. */
  close(): Promise<void>;
}

export function pgBus(options: PgBusOptions): PgBus {
  const { query, retryMs = 500, maxRetryMs = 30_000, onError = (e) => console.error('live bus (PostgreSQL):', e) } = options;
  const channels = new Map<string, Set<Listener>>();
  const byPgName = new Map<string, string>();
  let client: pg.Client | null = null;
  let connected = false;
  let everConnected = false;
  let closed = false;
  let wait = retryMs;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // LISTEN and UNLISTEN one after another, in the order subscriptions came.
  let commands: Promise<void> = Promise.resolve();
  let connecting: Promise<void> | null = null;
  let published: Promise<void> = Promise.resolve();

  const deliver = (channel: string, event: LiveEvent) => {
    for (const listener of [...(channels.get(channel) ?? [])]) {
      try {
        listener(event);
      } catch (e) {
        console.error('live listener failed', e);
      }
    }
  };

  const command = (sql: (c: pg.Client) => string) => {
    commands = commands
      .then(async () => {
        if (client && connected) await client.query(sql(client));
      })
      .catch(onError);
    return commands;
  };

  const drop = (e?: unknown) => {
    if (e) onError(e);
    if (!client) return;
    const old = client;
    client = null;
    connected = false;
    old.removeAllListeners();
    old.on('error', () => {});
    old.end().catch(() => {});
    schedule();
  };

  const schedule = () => {
    if (closed || timer || channels.size === 0) return;
    timer = setTimeout(() => {
      timer = null;
      connecting = connect();
    }, wait);
    wait = Math.min(maxRetryMs, wait * 2);
  };

  const connect = async (): Promise<void> => {
    if (closed || client) return;
    const c = options.client();
    client = c;
    c.on('error', (e) => drop(e));
    c.on('end', () => drop());
    c.on('notification', (msg) => {
      const channel = byPgName.get(msg.channel);
      if (!channel || msg.payload == null) return;
      let event: LiveEvent;
      try {
        event = JSON.parse(msg.payload) as LiveEvent;
      } catch (e) {
        onError(e);
        return;
      }
      deliver(channel, event);
    });
    try {
      await c.connect();
      for (const channel of channels.keys()) await c.query(`LISTEN ${c.escapeIdentifier(pgChannelOf(channel))}`);
    } catch (e) {
      if (client === c) drop(e);
      return;
    }
    if (client !== c) return;
    connected = true;
    wait = retryMs;
    if (everConnected) {
      // Whatever was published while the connection was down did not reach this process.
      for (const channel of channels.keys()) {
        const projectId = Number(/^project:(\d+)$/.exec(channel)?.[1] ?? 0);
        deliver(channel, { kind: 'resync', projectId, documentId: null, actorId: 0 });
      }
    }
    everConnected = true;
  };

  const ensure = () => {
    if (!client && !timer && !closed) connecting = connect();
    return connecting ?? Promise.resolve();
  };

  return {
    publish(channel, event) {
      // One after another: on two of the pool's connections at once, a later event could be heard first.
      const payload = payloadOf(event);
      published = published.then(() => query('select pg_notify($1, $2)', [pgChannelOf(channel), payload])).then(
        () => {},
        onError,
      );
    },
    subscribe(channel, listener) {
      let set = channels.get(channel);
      if (!set) {
        channels.set(channel, (set = new Set()));
        byPgName.set(pgChannelOf(channel), channel);
        if (client) void command((c) => `LISTEN ${c.escapeIdentifier(pgChannelOf(channel))}`);
        else void ensure();
      }
      set.add(listener);
      return () => {
        const now = channels.get(channel);
        if (!now?.delete(listener) || now.size > 0) return;
        channels.delete(channel);
        byPgName.delete(pgChannelOf(channel));
        void command((c) => `UNLISTEN ${c.escapeIdentifier(pgChannelOf(channel))}`);
      };
    },
    async listening() {
      await ensure();
      await commands;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const c = client;
      client = null;
      connected = false;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => {});
        await c.end().catch(() => {});
      }
    },
  };
}
