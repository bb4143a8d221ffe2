/** Who is asking, and may they: the checks every page and action starts with. */
import { getServerSession } from 'next-auth';
import { decode, encode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { projectById, roleInProject } from '@/db/queries/projects';
import { userForSession, type PublicUser } from '@/db/queries/users';
import type { Role } from '@/lib/access/layers';
import { authOptions, claimsOf, sessionCookieName } from '@/server/edge/auth';

/**
 * The signed-in, enabled user, or null: the one place a session is read, for pages, server
 * actions and the JSON API (apiRoute). The user is read afresh on every request, and the
 * session counts only while its token's session version is the row's — so signing out, a
 * password change or reset, disabling the account and "sign out everywhere" (which all raise
 * the version) end it at once, on every device. A token without a version (issued before
 * versions existed) does not count either.
 */
export async function currentUser(): Promise<PublicUser | null> {
  const session = await getServerSession(authOptions);
  const claims = claimsOf(session?.user);
  if (!claims) return null;
  return await userForSession(getDb(), claims.uid, claims.sv) ?? null;
}

/**
 * Keeps the request's own session signed in after its user's session version went up to
 * `sessionVersion` (their own password change, "sign out of all other devices"): the session
 * cookie is replaced by the same token with the new version and the same expiry. False when
 * there is no session cookie of `userId` to replace (outside a request, say): then the
 * session has ended like the others and the user signs in again.
 */
export async function reissueSession(userId: number, sessionVersion: number): Promise<boolean> {
  const secret = authOptions.secret;
  if (!secret) return false;
  let jar: Awaited<ReturnType<typeof cookies>>;
  try {
    jar = await cookies();
  } catch {
    return false;
  }
  const secure = authOptions.useSecureCookies === true;
  const name = sessionCookieName(secure);
  const raw = jar.get(name)?.value;
  const token = raw ? await decode({ token: raw, secret }).catch(() => null) : null;
  if (!token || claimsOf(token)?.uid !== userId || typeof token.exp !== 'number') return false;
  const maxAge = token.exp - Math.floor(Date.now() / 1000);
  if (maxAge <= 0) return false;
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  const value = await encode({ token: { ...claims, sv: sessionVersion }, secret, maxAge });
  jar.set(name, value, { httpOnly: true, sameSite: 'lax', path: '/', secure, expires: new Date(token.exp * 1000) });
  return true;
}

/**
 * For pages: the user, or a redirect to sign-in. A user whose password an admin reset is
 * sent to /password first: nothing else opens until they chose their own.
 */
export async function requireUser(): Promise<PublicUser> {
  const user = await requireSignedIn();
  if (user.mustChangePassword) redirect('/password');
  return user;
}

/** The signed-in user even while they must change their password (the password page and action). */
export async function requireSignedIn(): Promise<PublicUser> {
  const user = await currentUser();
  if (!user) redirect('/signin');
  return user;
}

export async function requireAdmin(): Promise<PublicUser> {
  const user = await requireUser();
  if (!user.isAdmin) notFound();
  return user;
}

/** Parses a numeric id from a URL segment; anything else is not found. */
export function idParam(raw: string): number {
  return /^[1-9][0-9]{0,14}$/.test(raw) ? Number(raw) : notFound();
}

/**
 * For project pages: the project and the user's role in it. A project the user is not a
 * member of is "not found", exactly like one that does not exist; a role not among
 * `roles` is also not found, so nothing about the project leaks.
 */
export async function requireProject(rawId: string, roles: readonly Role[] = ['lead', 'coder', 'viewer']) {
  const user = await requireUser();
  const projectId = idParam(rawId);
  const db = getDb();
  const role = await roleInProject(db, user.id, projectId);
  if (!role || !roles.includes(role)) notFound();
  const project = (await projectById(db, projectId))!;
  return { user, project, role, db };
}
