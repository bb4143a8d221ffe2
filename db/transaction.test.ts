import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from './testing';
import { createUser, listUsers, userByEmail } from './queries/users';
import { dbReady, transaction } from './transaction';
import type { Db } from './client';
import { users } from './schema';

let ctx: ReturnType<typeof openTestDatabase>;
let db: Db;
beforeEach(() => {
  ctx = openTestDatabase();
  db = ctx.db;
});
afterEach(() => ctx.close());

const user = (name: string) => ({ email: `${name}@tx.test`, name, passwordHash: 'x' });
const emails = async () => (await listUsers(db)).map((u) => u.email).sort();
/** Lets other promise chains and one event-loop turn run, as a request's I/O would. */
const elsewhere = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

describe('transaction', () => {
  it('commits the body and returns its value', async () => {
    const id = await transaction(db, async (tx) => (await createUser(tx, user('a'))).id);
    expect((await userByEmail(db, 'a@tx.test'))?.id).toBe(id);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('rolls back everything the body wrote when it throws, and rethrows', async () => {
    await expect(
      transaction(db, async (tx) => {
        await createUser(tx, user('a'));
        await elsewhere();
        await createUser(tx, user('b'));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await emails()).toEqual([]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('keeps a read issued while it is open from its uncommitted rows; the read runs after it', async () => {
    const order: string[] = [];
    let inside!: () => void;
    const started = new Promise<void>((resolve) => (inside = resolve));
    const tx = transaction(db, async (t) => {
      await createUser(t, user('a'));
      inside();
      await elsewhere();
      order.push('tx end');
      throw new Error('rolled back');
    });
    await started;
    // Another request, on the same connection, while the body is awaiting.
    const read = (async () => {
      const seen = await emails();
      order.push('read');
      return seen;
    })();
    await expect(tx).rejects.toThrow('rolled back');
    expect(await read).toEqual([]);
    expect(order).toEqual(['tx end', 'read']);
  });

  it('keeps a write issued while it is open out of it: a rollback does not take it along', async () => {
    let inside!: () => void;
    const started = new Promise<void>((resolve) => (inside = resolve));
    const tx = transaction(db, async (t) => {
      await createUser(t, user('a'));
      inside();
      await elsewhere();
      throw new Error('rolled back');
    });
    await started;
    const write = createUser(db, user('outside'));
    await expect(tx).rejects.toThrow('rolled back');
    await write;
    expect(await emails()).toEqual(['outside@tx.test']);
  });

  it('runs two concurrent transactions one after the other', async () => {
    const log: string[] = [];
    const body = (name: string) => async (tx: Db) => {
      log.push(`${name} begin`);
      const before = (await listUsers(tx)).length;
      await elsewhere();
      await createUser(tx, user(`${name}${before}`));
      log.push(`${name} end`);
    };
    await Promise.all([transaction(db, body('x')), transaction(db, body('y'))]);
    expect(log).toEqual(['x begin', 'x end', 'y begin', 'y end']);
    // y saw x's committed row: no lost update.
    expect(await emails()).toEqual(['x0@tx.test', 'y1@tx.test']);
  });

  it('does not let a transaction begin in the gap after a query function, before the statements that follow', async () => {
    let tx: Promise<void> | undefined;
    // A query function of several steps: its own statement comes a few microtasks after the
    // query it awaited returned.
    const plain = (async () => {
      await dbReady(db);
      const read = listUsers(db);
      // Another request starts a transaction the moment that read has returned.
      void read.then(() => {
        tx = transaction(db, async (t) => {
          await createUser(t, user('t'));
          throw new Error('rolled back');
        });
      });
      await read;
      await Promise.resolve();
      await Promise.resolve();
      db.insert(users).values(user('plain')).run();
    })();
    await plain;
    await expect(tx).rejects.toThrow('rolled back');
    expect(await emails()).toEqual(['plain@tx.test']);
  });

  it('runs a nested transaction as a savepoint: its throw, caught, undoes only its own writes', async () => {
    await transaction(db, async (tx) => {
      await createUser(tx, user('outer'));
      await expect(
        transaction(tx, async (inner) => {
          await createUser(inner, user('inner'));
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
      await transaction(tx, async (inner) => {
        await createUser(inner, user('inner2'));
      });
    });
    expect(await emails()).toEqual(['inner2@tx.test', 'outer@tx.test']);
  });

  it('lets the body use the plain db handle too, without waiting for itself', async () => {
    await transaction(db, async () => {
      await createUser(db, user('plain'));
      expect(await userByEmail(db, 'plain@tx.test')).toBeDefined();
    });
    expect(await emails()).toEqual(['plain@tx.test']);
  });

  it('costs a query nothing but the await when no transaction is open', () => {
    expect(dbReady(db)).toBeUndefined();
  });
});
