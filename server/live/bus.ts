/**
 * The live-update bus: services publish what they changed, after their transaction has
 * committed, and every open event stream of the project hears it. In-process (one Node
 * process serves the app); the interface is two functions over JSON-serialisable events on
 * named channels, so that PostgreSQL LISTEN/NOTIFY (./pg-bus.ts) can take its place when
 * several app servers share one PostgreSQL.
 *
 * Kept on globalThis: Next.js may load this module once per route bundle, and the server
 * action that publishes and the route handler that streams must share one bus.
 */
import { projectChannel, type LiveEvent } from '@/lib/live/events';

type Listener = (event: LiveEvent) => void;

export interface LiveBus {
  publish(channel: string, event: LiveEvent): void;
  subscribe(channel: string, listener: Listener): () => void;
}

/** A bus within this process. A listener that throws does not stop the others. */
export function inProcessBus(): LiveBus & { listenerCount(channel?: string): number } {
  const channels = new Map<string, Set<Listener>>();
  return {
    publish(channel, event) {
      const listeners = channels.get(channel);
      if (!listeners) return;
      // A copy: a listener may unsubscribe (or subscribe another) while hearing it.
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (e) {
          console.error('live listener failed', e);
        }
      }
    },
    subscribe(channel, listener) {
      let listeners = channels.get(channel);
      if (!listeners) channels.set(channel, (listeners = new Set()));
      listeners.add(listener);
      return () => {
        const set = channels.get(channel);
        if (!set) return;
        set.delete(listener);
        if (set.size === 0) channels.delete(channel);
      };
    },
    listenerCount(channel) {
      if (channel != null) return channels.get(channel)?.size ?? 0;
      let n = 0;
      for (const set of channels.values()) n += set.size;
      return n;
    },
  };
}

const holder = globalThis as unknown as { __liveBus?: ReturnType<typeof inProcessBus> };

export function liveBus(): ReturnType<typeof inProcessBus> {
  return (holder.__liveBus ??= inProcessBus());
}

/** Publishes an event of a project on its channel. Call it only after the change has committed. */
export function publishLive(event: LiveEvent): void {
  liveBus().publish(projectChannel(event.projectId), event);
}
