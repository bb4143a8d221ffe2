/** Who is asking, and may they: the checks every page and action starts with. */
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { projectById, roleInProject } from '@/db/queries/projects';
import { userById, type PublicUser } from '@/db/queries/users';
import type { Role } from '@/lib/access/layers';
import { authOptions } from '@/server/edge/auth';

/** The signed-in, enabled user, or null. Reads the user afresh so a disabled account stops at once. */
export async function currentUser(): Promise<PublicUser | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: number } | undefined)?.id;
  if (typeof id !== 'number') return null;
  const user = userById(getDb(), id);
  return user && !user.disabled ? user : null;
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
  const role = roleInProject(db, user.id, projectId);
  if (!role || !roles.includes(role)) notFound();
  const project = projectById(db, projectId)!;
  return { user, project, role, db };
}
