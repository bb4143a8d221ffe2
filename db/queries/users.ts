import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { apiTokens, users } from '../schema';
import { DomainError } from '@/lib/errors';

export type UserRow = typeof users.$inferSelect;
/** What the app may show of a user: never the password hash. */
export type PublicUser = Pick<UserRow, 'id' | 'email' | 'name' | 'isAdmin' | 'disabled'>;

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  isAdmin: users.isAdmin,
  disabled: users.disabled,
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function userByEmail(db: Db, email: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.email, normaliseEmail(email))).get();
}

export function userById(db: Db, id: number): PublicUser | undefined {
  return db.select(publicColumns).from(users).where(eq(users.id, id)).get();
}

export function listUsers(db: Db): PublicUser[] {
  return db.select(publicColumns).from(users).orderBy(asc(users.email)).all();
}

/** Creates a user; throws when the email is taken. */
export function createUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string; isAdmin?: boolean },
): PublicUser {
  const email = normaliseEmail(input.email);
  if (userByEmail(db, email)) throw new DomainError('user.email_taken', { email });
  return db
    .insert(users)
    .values({ email, name: input.name, passwordHash: input.passwordHash, isAdmin: input.isAdmin ?? false })
    .returning(publicColumns)
    .get();
}

export function setUserFlags(db: Db, id: number, flags: { isAdmin?: boolean; disabled?: boolean }): void {
  db.update(users).set(flags).where(eq(users.id, id)).run();
}

export function setUserPassword(db: Db, id: number, passwordHash: string): void {
  db.update(users).set({ passwordHash }).where(eq(users.id, id)).run();
}

// ---- personal API tokens ----

export function createApiToken(db: Db, userId: number, name: string, tokenHash: string, prefix: string) {
  return db.insert(apiTokens).values({ userId, name, tokenHash, prefix }).returning().get();
}

export function tokensForUser(db: Db, userId: number) {
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
export function revokeApiToken(db: Db, userId: number, tokenId: number): boolean {
  const r = db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run();
  return r.changes > 0;
}

/** The active user a token hash belongs to, touching its last-used time. */
export function userForTokenHash(db: Db, tokenHash: string): PublicUser | undefined {
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
