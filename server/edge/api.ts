/** The edge of the JSON API: authentication (session or token), errors as JSON. */
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { getDb } from '@/db/client';
import { roleInProject } from '@/db/queries/projects';
import { userForTokenHash, type PublicUser } from '@/db/queries/users';
import type { Role } from '@/lib/access/layers';
import { bearerToken, hashApiToken } from '@/lib/auth/token';
import { DomainError, STATUS_OF_KIND } from '@/lib/errors';
import { invalidInput } from '@/lib/errors/zod';
import { readBodyWithLimit, UploadError } from '@/lib/import/upload';
import { currentUser } from '@/server/edge/session';

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
  return (await apiCaller(req))?.user ?? null;
}

/** The user and how they proved who they are. */
async function apiCaller(req: Request): Promise<{ user: PublicUser; by: 'token' | 'cookie' } | null> {
  const db = getDb();
  const token = bearerToken(req.headers.get('authorization'));
  if (token) {
    const user = await userForTokenHash(db, hashApiToken(token));
    return user ? { user, by: 'token' } : null;
  }
  // No session cookie: nobody, without asking next-auth (which needs a request scope).
  if (!req.headers.get('cookie')?.includes('next-auth.session-token')) return null;
  // The session as pages and actions see it: ended sessions and disabled accounts are nobody.
  const user = await currentUser();
  return user ? { user, by: 'cookie' } : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a cookie-authenticated write may send: JSON, or the app's own file uploads. */
const WRITE_TYPES = new Set(['application/json', 'multipart/form-data']);

/**
 * Why a request authenticated by the session cookie is refused as possibly forged by another
 * site (CSRF), or null. A write (any method but GET, HEAD, OPTIONS) must carry an Origin
 * header naming this app — the host it was sent to, or NEXTAUTH_URL — which browsers send
 * with every such request and another page cannot change; and a body must be JSON or
 * multipart (a cross-site HTML form can send text/plain and url-encoded bodies without
 * asking). A token-authenticated request is not the browser's doing and is not checked.
 */
export function crossSiteProblem(req: Request): string | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  const origin = req.headers.get('origin');
  if (!origin || origin === 'null') return 'no Origin header';
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return 'a malformed Origin header';
  }
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  const publicOrigin = process.env.NEXTAUTH_URL ? safeOrigin(process.env.NEXTAUTH_URL) : null;
  const sameHost = host !== null && originUrl.host === host;
  if (!sameHost && originUrl.origin !== publicOrigin) return `Origin ${origin} is not this app`;
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  // By the headers HTTP/1.1 frames a body with; a Request made in-process may have neither.
  const length = req.headers.get('content-length');
  const hasBody = length !== null ? length.trim() !== '0' : req.headers.has('transfer-encoding') || (req.body !== null && req.method.toUpperCase() !== 'DELETE');
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (hasBody && !WRITE_TYPES.has(type)) return `Content-Type ${type || '(none)'}`;
  return null;
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Parses a positive integer id from a path or query parameter, or throws 400 naming it. */
export function parseId(raw: string | null | undefined, name: string): number {
  if (raw == null || !/^[1-9][0-9]{0,14}$/.test(raw)) {
    throw badRequest(`Parameter '${name}' must be a positive integer id`);
  }
  return Number(raw);
}

/** The caller's role in the project; a project they are not in is 404, whether it exists or not. */
export async function projectRole(user: PublicUser, projectId: number, roles: readonly Role[] = ['lead', 'coder', 'viewer']): Promise<Role> {
  const role = await roleInProject(getDb(), user.id, projectId);
  if (!role || !roles.includes(role)) throw notFoundError();
  return role;
}

/** The largest JSON body a request may carry (JSON_BODY_LIMIT_BYTES, default 1 MiB). */
export function jsonBodyLimit(): number {
  const v = Number(process.env.JSON_BODY_LIMIT_BYTES);
  return Number.isInteger(v) && v > 0 ? v : 1024 * 1024;
}

/**
 * The request's JSON body, read within `limit` bytes: a declared Content-Length over it is
 * refused before anything is read, and a body that streams past it is cut off there —
 * `request.body_too_large` (413) either way; a body that is not JSON is a 400.
 */
export async function readJsonBody(req: Request, limit = jsonBodyLimit()): Promise<unknown> {
  const tooLarge = () => new DomainError('request.body_too_large', { limit });
  const declared = req.headers.get('content-length')?.trim();
  if (declared && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge();
  let bytes: Uint8Array;
  try {
    bytes = await readBodyWithLimit(req.body, { perFile: limit, perRequest: limit });
  } catch (e) {
    if (e instanceof UploadError && e.status === 413) throw tooLarge();
    throw e;
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw badRequest('The body must be JSON');
  }
}

export type Handler<P> = (
  req: Request,
  ctx: { user: PublicUser; params: P; /** The JSON body, within jsonBodyLimit() (see readJsonBody); routes never read the body as JSON themselves. */ json: () => Promise<unknown> },
) => Promise<Response> | Response;

/**
 * Wraps a route handler: 401 without a user; 403 for a cookie-authenticated write that may
 * come from another site (see crossSiteProblem) or a user who must change their password
 * first; a JSON body over jsonBodyLimit() → 413; HttpError → its status; a refusal of the domain
 * (or of zod, naming the field) → 400, 403, 404 or 409 by its kind, with its reason code;
 * anything else → 500 with no detail leaked. Every answer, refusals and downloads included, is
 * `Cache-Control: no-store` (see noStore).
 */
export function apiRoute<P>(handler: Handler<P>) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => noStore(await answer(handler, req, ctx));
}

async function answer<P>(handler: Handler<P>, req: Request, ctx: { params: Promise<P> }): Promise<Response> {
  try {
    const caller = await apiCaller(req);
    if (!caller) return NextResponse.json({ error: 'Sign in or send an API token' }, { status: 401 });
    const { user } = caller;
    if (caller.by === 'cookie') {
      const problem = crossSiteProblem(req);
      if (problem) {
        const e = new DomainError('request.cross_origin', {}, 'forbidden');
        return NextResponse.json({ error: `${e.message} (${problem})`, reason: e.reason }, { status: 403 });
      }
      if (user.mustChangePassword) {
        const e = new DomainError('password.must_change', {}, 'forbidden');
        return NextResponse.json({ error: e.message, reason: e.reason }, { status: 403 });
      }
    }
    return await handler(req, { user, params: await ctx.params, json: () => readJsonBody(req) });
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
}

/**
 * Marks an answer `Cache-Control: no-store`: API answers are one user's research data (or a
 * refusal about it), which no browser cache or proxy may keep. A handler's own directives are
 * kept when they already say no-store (a download's `private, no-store`); otherwise no-store
 * is put before them (the event stream's `no-cache, no-transform`: no-store overrides
 * no-cache). A response whose headers cannot change (Response.redirect) is copied.
 */
export function noStore(res: Response): Response {
  const own = res.headers.get('cache-control');
  if (own && /(^|[\s,])no-store($|[\s,])/i.test(own)) return res;
  const value = own ? `no-store, ${own}` : 'no-store';
  try {
    res.headers.set('cache-control', value);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    copy.headers.set('cache-control', value);
    return copy;
  }
}
