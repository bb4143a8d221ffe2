/**
 * Transactions with an async body, and the gate that keeps them apart on SQLite.
 *
 * Why a gate: better-sqlite3 gives the process one connection, and a transaction is a state of
 * that connection, not of a handle. Once a body may await, another request's statements could
 * run on the connection between BEGIN and COMMIT: they would read its uncommitted rows, and their
 * writes would be committed — or rolled back — with it. So while a transaction is open, other
 * work waits at the first line of each query function (`await dbReady(db)`) until it ends. The
 * body itself, and whatever it calls (with the tx handle or the plain db), is recognised by its
 * async context and runs inline; a nested `transaction` becomes a savepoint.
 *
 * Why a turn: a query function that passed `dbReady` resumes a microtask later, and one that
 * calls others resumes after each of them; a transaction beginning in such a gap would capture
 * the statements that follow. So plain work marks the current event-loop turn busy, and a
 * transaction begins only in a turn no plain work has touched (a waiting transaction makes new
 * plain work queue behind it, so it cannot be starved). Work chained by promises stays within a
 * turn; only statements after an await of real I/O (a timer, a file, the network) would not be
 * covered — query functions do not do that.
 *
 * Cost with no transaction open: the `await` of undefined, and one setImmediate per busy turn.
 * A body must not await work started outside it that queries the database (it would wait for
 * the body to end). A PostgreSQL engine would take a pool client here instead, with no gate.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Db, Tx } from './client';

interface Waiter {
  /** A transaction waiting to begin, or undefined for plain work waiting for the gate. */
  owner?: object;
  wake: () => void;
}

interface Gate {
  /** The open transaction's token, or null. */
  owner: object | null;
  /** Plain work ran in this event-loop turn; a transaction waits for the next. */
  busyTurn: boolean;
  /** The turn's end is scheduled. */
  ending: boolean;
  /** Waiters in arrival order. */
  queue: Waiter[];
}

// Taken at load: a test faking timers must not stop transactions from beginning.
const nextTurn = setImmediate;
const gates = new WeakMap<Database.Database, Gate>();
const context = new AsyncLocalStorage<object>();

function gateOf(client: Database.Database): Gate {
  let g = gates.get(client);
  if (!g) gates.set(client, (g = { owner: null, busyTurn: false, ending: false, queue: [] }));
  return g;
}

function markTurn(g: Gate): void {
  g.busyTurn = true;
  if (!g.ending) {
    g.ending = true;
    nextTurn(endTurn, g);
  }
}

function endTurn(g: Gate): void {
  g.ending = false;
  g.busyTurn = false;
  drain(g);
}

/** Lets waiters in, in order: plain work up to the first transaction, which begins in a quiet turn. */
function drain(g: Gate): void {
  while (g.owner === null && g.queue.length > 0) {
    const w = g.queue[0];
    if (w.owner) {
      if (g.busyTurn) return;
      g.queue.shift();
      g.owner = w.owner;
      w.wake();
      return;
    }
    g.queue.shift();
    markTurn(g);
    w.wake();
  }
}

/**
 * Resolves when `db` may run statements: at once (undefined, no promise) when no transaction is
 * open or waiting, or when called from inside the open one; otherwise when it is plain work's turn.
 */
export function dbReady(db: Db): Promise<void> | undefined {
  const g = gateOf(db.$client);
  if (g.owner === null && g.queue.length === 0) {
    markTurn(g);
    return undefined;
  }
  if (g.owner !== null && context.getStore() === g.owner) return undefined;
  return new Promise<void>((wake) => g.queue.push({ wake }));
}

function take(g: Gate, owner: object): Promise<void> | undefined {
  if (g.owner === null && !g.busyTurn && g.queue.length === 0) {
    g.owner = owner;
    return undefined;
  }
  return new Promise<void>((wake) => g.queue.push({ owner, wake }));
}

function release(g: Gate): void {
  g.owner = null;
  drain(g);
}

let savepoints = 0;

/**
 * Runs `body` in one transaction (BEGIN IMMEDIATE … COMMIT; ROLLBACK and rethrow if it throws)
 * and returns its result. Called inside another transaction, it runs in a savepoint of it.
 */
export async function transaction<T>(db: Db, body: (tx: Tx) => Promise<T> | T): Promise<T> {
  const c = db.$client;
  const g = gateOf(c);
  const inside = context.getStore();
  if (inside && g.owner === inside) {
    const name = `sp${++savepoints}`;
    c.exec(`SAVEPOINT ${name}`);
    try {
      const result = await body(db);
      c.exec(`RELEASE ${name}`);
      return result;
    } catch (e) {
      c.exec(`ROLLBACK TO ${name}`);
      c.exec(`RELEASE ${name}`);
      throw e;
    }
  }
  const owner = {};
  await take(g, owner);
  try {
    c.exec('BEGIN IMMEDIATE');
    try {
      const result = await context.run(owner, body, db);
      c.exec('COMMIT');
      return result;
    } catch (e) {
      if (c.inTransaction) c.exec('ROLLBACK');
      throw e;
    }
  } finally {
    release(g);
  }
}
