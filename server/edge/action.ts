/**
 * The edge of the server actions, as `apiRoute` is of the JSON API: who is asking (session),
 * may they (project role, instance admin), is the input well formed (zod), and every refusal
 * as a result in the reader's language. An action body only does its one change.
 */
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { getDb } from '@/db/client';
import type { ProjectRow } from '@/db/queries/projects';
import type { PublicUser } from '@/db/queries/users';
import type { Role } from '@/lib/access/layers';
import { DomainError, type ErrorDetails, type ErrorReason } from '@/lib/errors';
import { invalidInput } from '@/lib/errors/zod';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n';
import { getLocale } from '@/server/edge/i18n';
import { requireAdmin, requireProject, requireSignedIn, requireUser } from '@/server/edge/session';

export type ActionResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: string; reason: ErrorReason; details: ErrorDetails; problems?: string[] };

export interface ProjectContext {
  db: Db;
  user: PublicUser;
  project: ProjectRow;
  role: Role;
}

export interface UserContext {
  db: Db;
  user: PublicUser;
}

/** A refusal the action body decides on itself (the domain throws its own). */
export function refuse(reason: ErrorReason, details: ErrorDetails = {}): never {
  throw new DomainError(reason, details);
}

/** A server action on a project: `(projectId, input)`, for members with one of `roles`. */
export function projectAction<S extends z.ZodType, T>(
  options: { roles?: readonly Role[]; input: S },
  body: (ctx: ProjectContext, input: z.infer<S>) => T | Promise<T>,
): (projectId: string, input: unknown) => Promise<ActionResult<Awaited<T>>> {
  return async (projectId, input) => {
    // Not signed in, or not a member: redirect or "not found" (thrown), before anything is parsed.
    const ctx = await requireProject(projectId, options.roles);
    return run(options.input, input, (parsed) => body(ctx, parsed));
  };
}

/** A server action of the signed-in user (their own settings). */
export function userAction<S extends z.ZodType, T>(
  options: { input: S },
  body: (ctx: UserContext, input: z.infer<S>) => T | Promise<T>,
): (input: unknown) => Promise<ActionResult<Awaited<T>>> {
  return async (input) => {
    const user = await requireUser();
    return run(options.input, input, (parsed) => body({ db: getDb(), user }, parsed));
  };
}

/**
 * A server action of the signed-in user that stays open while they must change their
 * password (changing it is what they must do): everything else redirects them to /password.
 */
export function passwordAction<S extends z.ZodType, T>(
  options: { input: S },
  body: (ctx: UserContext, input: z.infer<S>) => T | Promise<T>,
): (input: unknown) => Promise<ActionResult<Awaited<T>>> {
  return async (input) => {
    const user = await requireSignedIn();
    return run(options.input, input, (parsed) => body({ db: getDb(), user }, parsed));
  };
}

/**
 * A server action anyone may call, signed in or not: only the first-run screen, whose body
 * itself refuses once the instance has an account.
 */
export function publicAction<S extends z.ZodType, T>(
  options: { input: S },
  body: (ctx: { db: Db }, input: z.infer<S>) => T | Promise<T>,
): (input: unknown) => Promise<ActionResult<Awaited<T>>> {
  return async (input) => run(options.input, input, (parsed) => body({ db: getDb() }, parsed));
}

/** A server action for instance admins only. */
export function adminAction<S extends z.ZodType, T>(
  options: { input: S },
  body: (ctx: UserContext, input: z.infer<S>) => T | Promise<T>,
): (input: unknown) => Promise<ActionResult<Awaited<T>>> {
  return async (input) => {
    const user = await requireAdmin();
    return run(options.input, input, (parsed) => body({ db: getDb(), user }, parsed));
  };
}

async function run<S extends z.ZodType, T>(schema: S, input: unknown, body: (parsed: z.infer<S>) => T | Promise<T>): Promise<ActionResult<Awaited<T>>> {
  try {
    const parsed = schema.safeParse(input, { reportInput: true });
    if (!parsed.success) throw invalidInput(parsed.error);
    return { ok: true, value: await body(parsed.data) };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const problems = 'problems' in e && Array.isArray(e.problems) ? { problems: e.problems as string[] } : {};
    return { ok: false, error: e.in(await readerLocale()), reason: e.reason, details: e.details, ...problems };
  }
}

/** Outside a request (a script, a test) there is no reader to ask: English. */
async function readerLocale(): Promise<Locale> {
  try {
    return await getLocale();
  } catch {
    return DEFAULT_LOCALE;
  }
}
