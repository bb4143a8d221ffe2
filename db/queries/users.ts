import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { apiTokens, users } from '../schema';
import { DEMO_INSTANCE_SQL, isDemoInstance } from './instance';
import { DomainError } from '@/lib/errors';

export type UserRow = typeof users.$inferSelect;
/** What the app may show of a user: never the password hash. */
export type PublicUser = Pick<UserRow, 'id' | 'email' | 'name' | 'isAdmin' | 'disabled' | 'mustChangePassword'>;

/**
 * Admin rights as they count: a demo account (public password) is an admin only on a demo
 * instance, whatever its flag says.
 */
const effectiveAdmin = sql<boolean>`(${users.isAdmin} and (not ${users.isDemo} or ${DEMO_INSTANCE_SQL}))`.mapWith(Boolean);

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  isAdmin: effectiveAdmin,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function userByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  await dbReady(db);
  return db.select().from(users).where(eq(users.email, normaliseEmail(email))).get();
}

export async function userById(db: Db, id: number): Promise<PublicUser | undefined> {
  await dbReady(db);
  return db.select(publicColumns).from(users).where(eq(users.id, id)).get();
}

/**
 * The user a session token names, if that session still counts: the account exists, is not
 * disabled, and its session version is the one the token was issued with. One primary-key read.
 */
export async function userForSession(db: Db, id: number, sessionVersion: number): Promise<PublicUser | undefined> {
  await dbReady(db);
  return db
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.sessionVersion, sessionVersion), eq(users.disabled, false)))
    .get();
}

/** The version a new session token of the user carries (undefined for no such user). */
export async function sessionVersionOf(db: Db, id: number): Promise<number | undefined> {
  await dbReady(db);
  return db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)).get()?.v;
}

const nextSessionVersion = sql`${users.sessionVersion} + 1`;

/** Ends every session of the user; returns the new version (undefined for no such user). */
export async function endSessions(db: Db, id: number): Promise<number | undefined> {
  await dbReady(db);
  return db.update(users).set({ sessionVersion: nextSessionVersion }).where(eq(users.id, id)).returning({ v: users.sessionVersion }).get()?.v;
}

/**
 * Ends the user's sessions when signing out with a token that still counts; a stale token
 * (already ended) changes nothing, so it cannot sign out the sessions issued after it.
 */
export async function endSessionsFrom(db: Db, id: number, sessionVersion: number): Promise<boolean> {
  await dbReady(db);
  return db.update(users).set({ sessionVersion: nextSessionVersion }).where(and(eq(users.id, id), eq(users.sessionVersion, sessionVersion))).run().changes > 0;
}

export async function listUsers(db: Db): Promise<PublicUser[]> {
  await dbReady(db);
  return db.select(publicColumns).from(users).orderBy(asc(users.email)).all();
}

/** Creates a user; throws when the email is taken. */
export async function createUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string; isAdmin?: boolean },
): Promise<PublicUser> {
  await dbReady(db);
  const email = normaliseEmail(input.email);
  if (await userByEmail(db, email)) throw new DomainError('user.email_taken', { email });
  const { id } = db
    .insert(users)
    .values({ email, name: input.name, passwordHash: input.passwordHash, isAdmin: input.isAdmin ?? false })
    .returning({ id: users.id })
    .get();
  return (await userById(db, id))!;
}

/**
 * Creates the first account, an instance admin, only while the instance has no user at all:
 * one statement, so two first-run forms sent at once (or from two processes) make one admin.
 * Throws `setup.done` when a user exists.
 */
export async function createFirstAdmin(db: Db, input: { email: string; name: string; passwordHash: string }): Promise<PublicUser> {
  await dbReady(db);
  const email = normaliseEmail(input.email);
  const r = db.run(
    sql`insert into ${users} (email, name, password_hash, is_admin) select ${email}, ${input.name}, ${input.passwordHash}, 1 where not exists (select 1 from ${users})`,
  );
  if (r.changes === 0) throw new DomainError('setup.done');
  return (await userById(db, Number(r.lastInsertRowid)))!;
}

/** True while the instance has no account (the first-run screen is open). */
export async function hasNoUsers(db: Db): Promise<boolean> {
  await dbReady(db);
  return db.select({ id: users.id }).from(users).limit(1).get() === undefined;
}

export async function setUserFlags(db: Db, id: number, flags: { isAdmin?: boolean; disabled?: boolean }): Promise<void> {
  await dbReady(db);
  if (flags.isAdmin) {
    const row = db.select({ isDemo: users.isDemo }).from(users).where(eq(users.id, id)).get();
    if (row?.isDemo && !await isDemoInstance(db)) throw new DomainError('user.demo_admin');
  }
  // Disabling ends the account's sessions too: enabling it again does not bring them back.
  db.update(users)
    .set({ ...flags, ...(flags.disabled ? { sessionVersion: nextSessionVersion } : {}) })
    .where(eq(users.id, id))
    .run();
}

/**
 * Stores a new password hash; `mustChange` when an admin set it (the user then picks their own).
 * Every session of the user ends with the old password; returns the new session version.
 */
export async function setUserPassword(db: Db, id: number, passwordHash: string, mustChange = false): Promise<number | undefined> {
  await dbReady(db);
  return db
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, sessionVersion: nextSessionVersion })
    .where(eq(users.id, id))
    .returning({ v: users.sessionVersion })
    .get()?.v;
}

/** Replaces a hash of an older format by one of the current, unless the password changed meanwhile. */
export async function rehashPassword(db: Db, id: number, previousHash: string, passwordHash: string): Promise<void> {
  await dbReady(db);
  db.update(users).set({ passwordHash }).where(and(eq(users.id, id), eq(users.passwordHash, previousHash))).run();
}

/** The stored hash of a user's password (for checking the current one before a change). */
export async function passwordHashOf(db: Db, id: number): Promise<string | undefined> {
  await dbReady(db);
  return db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id)).get()?.passwordHash;
}

// ---- personal API tokens ----

export async function createApiToken(db: Db, userId: number, name: string, tokenHash: string, prefix: string) {
  await dbReady(db);
  return db.insert(apiTokens).values({ userId, name, tokenHash, prefix }).returning().get();
}

export async function tokensForUser(db: Db, userId: number) {
  await dbReady(db);
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(asc(apiTokens.id))
    .all();
}

/** Revokes one of the user's own tokens; returns false when it is not theirs or already revoked. */
export async function revokeApiToken(db: Db, userId: number, tokenId: number): Promise<boolean> {
  await dbReady(db);
  const r = db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run();
  return r.changes > 0;
}

/** The active user a token hash belongs to, touching its last-used time. */
export async function userForTokenHash(db: Db, tokenHash: string): Promise<PublicUser | undefined> {
  await dbReady(db);
  const row = db
    .select({ tokenId: apiTokens.id, ...publicColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.disabled, false)))
    .get();
  if (!row) return undefined;
  db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId)).run();
  const { tokenId: _, ...user } = row;
  return user;
}
