/**
 * bcrypt off the main thread: a small pool of worker threads (SIGNIN_WORKERS, default 1 —
 * one core stays free for everyone else's requests on a 2-core machine) and a global limit
 * on waiting work (SIGNIN_QUEUE, default 32). A sign-in flood therefore costs at most one
 * core, and the server's one JavaScript thread keeps answering other users. When a worker
 * cannot be started, bcryptjs's asynchronous API runs in-process instead.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { hashPasswordAsync, inProcessBcrypt, verifyPasswordAsync, type BcryptOps } from '@/lib/auth/password';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createRequire } = require('node:module');
const path = require('node:path');
const bcrypt = createRequire(path.join(process.cwd(), 'package.json'))('bcryptjs');
parentPort.on('message', (m) => {
  try {
    const value = m.op === 'compare' ? bcrypt.compareSync(m.input, m.hash) : bcrypt.hashSync(m.input, m.rounds);
    parentPort.postMessage({ id: m.id, value });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) });
  }
});
`;

type Pending = { resolve: (v: string | boolean) => void; reject: (e: Error) => void };
interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** The thrown error when the queue is full: the caller answers "throttled". */
export class PasswordQueueFull extends Error {}

class Pool implements BcryptOps {
  private slots: Slot[] = [];
  private broken = false;
  private next = 1;
  private running = 0;
  private waiting: Array<() => void> = [];

  constructor(
    private size: number,
    private queue: number,
  ) {}

  /** Work in progress or waiting, for tests and the benchmark. */
  get load(): number {
    return this.running + this.waiting.length;
  }

  private slot(): Slot | null {
    if (this.broken) return null;
    if (this.slots.length < this.size) {
      try {
        const worker = new Worker(WORKER_SOURCE, { eval: true });
        const slot: Slot = { worker, pending: new Map() };
        worker.on('message', (m: { id: number; value?: string | boolean; error?: string }) => {
          const p = slot.pending.get(m.id);
          slot.pending.delete(m.id);
          if (slot.pending.size === 0) worker.unref();
          if (!p) return;
          if (m.error !== undefined) p.reject(new Error(m.error));
          else p.resolve(m.value!);
        });
        worker.on('error', (e) => {
          this.broken = true;
          for (const p of slot.pending.values()) p.reject(e);
          slot.pending.clear();
        });
        // Never what keeps a process (a script, a test run) alive while idle.
        worker.unref();
        this.slots.push(slot);
      } catch {
        this.broken = true;
        return null;
      }
    }
    return this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  /** Waits for one of `size` places; throws PasswordQueueFull when `queue` already wait. */
  private async acquire(): Promise<void> {
    if (this.running < this.size) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.queue) throw new PasswordQueueFull('Too many sign-ins at once');
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private async run<T extends string | boolean>(message: Record<string, unknown>, fallback: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      const slot = this.slot();
      if (!slot) return await fallback();
      const id = this.next++;
      return await new Promise<T>((resolve, reject) => {
        slot.pending.set(id, { resolve: resolve as (v: string | boolean) => void, reject });
        slot.worker.ref();
        slot.worker.postMessage({ id, ...message });
      }).catch(async (e) => {
        if (this.broken) return fallback();
        throw e;
      });
    } finally {
      this.release();
    }
  }

  hash(input: string, rounds: number): Promise<string> {
    return this.run({ op: 'hash', input, rounds }, () => inProcessBcrypt.hash(input, rounds));
  }

  compare(input: string, hash: string): Promise<boolean> {
    return this.run({ op: 'compare', input, hash }, () => inProcessBcrypt.compare(input, hash));
  }
}

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

const holder = globalThis as unknown as { __passwordPool?: Pool };

/** The process's pool. */
export function passwordPool(): Pool {
  holder.__passwordPool ??= new Pool(envInt('SIGNIN_WORKERS', Math.max(1, Math.min(2, os.cpus().length - 1))), envInt('SIGNIN_QUEUE', 32));
  return holder.__passwordPool;
}

export function verifyPasswordOffThread(password: string, stored: string): Promise<boolean> {
  return verifyPasswordAsync(password, stored, passwordPool());
}

export function hashPasswordOffThread(password: string): Promise<string> {
  return hashPasswordAsync(password, passwordPool());
}
