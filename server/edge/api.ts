/** The edge of the JSON API: authentication (session or token), errors as JSON. */
import { getServerSession } from 'next-auth';
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { getDb } from '@/db/client';
import { roleInProject } from '@/db/queries/projects';
import { userById, userForTokenHash, type PublicUser } from '@/db/queries/users';
import type { Role } from '@/lib/access/layers';
import { bearerToken, hashApiToken } from '@/lib/auth/token';
import { DomainError, STATUS_OF_KIND } from '@/lib/errors';
import { invalidInput } from '@/lib/errors/zod';
import { authOptions } from '@/server/edge/auth';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFoundError = () => new HttpError(404, 'Not found');

/** The user behind a request: a personal API token, else the session cookie. */
export async function apiUser(req: Request): Promise<PublicUser | null> {
  const db = getDb();
  const token = bearerToken(req.headers.get('authorization'));
  if (token) return userForTokenHash(db, hashApiToken(token)) ?? null;
  // No session cookie: nobody, without asking next-auth (which needs a request scope).
  if (!req.headers.get('cookie')?.includes('next-auth.session-token')) return null;
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: number } | undefined)?.id;
  if (typeof id !== 'number') return null;
  const user = userById(db, id);
  return user && !user.disabled ? user : null;
}

/** Parses a positive integer id from a path or query parameter, or throws 400 naming it. */
export function parseId(raw: string | null | undefined, name: string): number {
  if (raw == null || !/^[1-9][0-9]{0,14}$/.test(raw)) {
    throw badRequest(`Parameter '${name}' must be a positive integer id`);
  }
  return Number(raw);
}

/** The caller's role in the project; a project they are not in is 404, whether it exists or not. */
export function projectRole(user: PublicUser, projectId: number, roles: readonly Role[] = ['lead', 'coder', 'viewer']): Role {
  const role = roleInProject(getDb(), user.id, projectId);
  if (!role || !roles.includes(role)) throw notFoundError();
  return role;
}

type Handler<P> = (req: Request, ctx: { user: PublicUser; params: P }) => Promise<Response> | Response;

/**
 * Wraps a route handler: 401 without a user; HttpError → its status; a refusal of the domain
 * (or of zod, naming the field) → 400, 403, 404 or 409 by its kind, with its reason code;
 * anything else → 500 with no detail leaked.
 */
export function apiRoute<P>(handler: Handler<P>) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await apiUser(req);
      if (!user) return NextResponse.json({ error: 'Sign in or send an API token' }, { status: 401 });
      return await handler(req, { user, params: await ctx.params });
    } catch (thrown) {
      let e = thrown;
      if (e instanceof HttpError) return NextResponse.json({ error: e.message }, { status: e.status });
      if (e instanceof ZodError) e = invalidInput(e);
      if (e instanceof DomainError) {
        return NextResponse.json({ error: e.message, reason: e.reason, details: e.details }, { status: STATUS_OF_KIND[e.kind] });
      }
      console.error(e);
      return NextResponse.json({ error: 'Internal error' }, { status: 500 });
    }
  };
}
