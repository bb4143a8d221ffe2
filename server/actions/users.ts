'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction, passwordAction, refuse, userAction } from '@/server/edge/action';
import { reissueSession } from '@/server/edge/session';
import { createUser, endSessions, passwordHashOf, setUserFlags, setUserPassword, userById } from '@/db/queries/users';
import { recordAudit } from '@/db/queries/audit';
import { lockedFor, recordSignInFailure, recordSignInSuccess } from '@/db/queries/signin';
import { passwordProblem } from '@/lib/auth/password';
import { hashPasswordOffThread, verifyPasswordOffThread } from '@/server/edge/password-worker';

const createSchema = z.object({
  email: z.string().email().max(320),
  name: z.string().trim().min(1).max(200),
  password: z.string(),
  isAdmin: z.boolean(),
});

/** Instance admins create accounts. */
export const createUserAction = adminAction({ input: createSchema }, async ({ db, user: admin }, input) => {
  const problem = passwordProblem(input.password, input.email);
  if (problem) throw problem;
  const u = await createUser(db, { ...input, passwordHash: await hashPasswordOffThread(input.password) });
  await recordAudit(db, { projectId: null, userId: admin.id, action: 'user.create', entityType: 'user', entityId: u.id, after: { email: u.email, isAdmin: u.isAdmin } });
  revalidatePath('/admin/users');
  return { id: u.id };
});

const flagsSchema = z.object({ userId: z.number().int().positive(), isAdmin: z.boolean().optional(), disabled: z.boolean().optional() });

/**
 * Instance admins grant or remove admin rights and disable or enable accounts (never their
 * own). Disabling ends the account's sessions and stops its API tokens at once.
 */
export const setUserFlagsAction = adminAction({ input: flagsSchema }, async ({ db, user: admin }, { userId, ...flags }) => {
  if (userId === admin.id && (flags.isAdmin === false || flags.disabled === true)) refuse('user.self_demotion');
  await setUserFlags(db, userId, flags);
  await recordAudit(db, { projectId: null, userId: admin.id, action: 'user.flags', entityType: 'user', entityId: userId, after: flags });
  revalidatePath('/admin/users');
  return { userId };
});

const changeSchema = z.object({ current: z.string().max(1000), password: z.string() });

/**
 * Users change their own password, giving the current one (wrong ones count like failed
 * sign-ins of this account from "the settings page", so a borrowed session cannot guess it).
 * It also ends a reset: the must-change flag is cleared. Every other session of the user
 * ends; this one stays signed in (its cookie is re-issued with the new session version).
 */
export const changePasswordAction = passwordAction({ input: changeSchema }, async ({ db, user }, { current, password }) => {
  const where = `user:${user.id}`;
  if (await lockedFor(db, `pair:${user.email} ${where}`) > 0) refuse('password.throttled');
  if (!(await verifyPasswordOffThread(current, await passwordHashOf(db, user.id) ?? ''))) {
    await recordSignInFailure(db, user.email, where);
    refuse('password.wrong_current');
  }
  const problem = passwordProblem(password, user.email);
  if (problem) throw problem;
  await recordSignInSuccess(db, user.email, where);
  const version = await setUserPassword(db, user.id, await hashPasswordOffThread(password), false);
  await recordAudit(db, { projectId: null, userId: user.id, action: 'user.password', entityType: 'user', entityId: user.id, after: { changedBy: 'self' } });
  const signedIn = version !== undefined && (await reissueSession(user.id, version));
  return { userId: user.id, signedIn };
});

const resetSchema = z.object({ userId: z.number().int().positive(), password: z.string() });

/**
 * Instance admins set a new password for a user, who must change it at their next sign-in;
 * the user's sessions end (an admin resetting their own keeps this one, as a change would).
 */
export const resetPasswordAction = adminAction({ input: resetSchema }, async ({ db, user: admin }, { userId, password }) => {
  const target = await userById(db, userId);
  if (!target) refuse('user.not_found', { id: userId });
  const problem = passwordProblem(password, target.email);
  if (problem) throw problem;
  const version = await setUserPassword(db, userId, await hashPasswordOffThread(password), userId !== admin.id);
  await recordAudit(db, { projectId: null, userId: admin.id, action: 'user.password_reset', entityType: 'user', entityId: userId, after: { mustChange: userId !== admin.id } });
  if (userId === admin.id && version !== undefined) await reissueSession(admin.id, version);
  revalidatePath('/admin/users');
  return { userId };
});

const endSessionsSchema = z.object({ userId: z.number().int().positive() });

/**
 * Instance admins sign a user out everywhere: every session of theirs ends, on every device
 * (their API tokens, which are not sessions, stay; disabling the account stops those too).
 * For the admin's own account this includes the session asking.
 */
export const endSessionsAction = adminAction({ input: endSessionsSchema }, async ({ db, user: admin }, { userId }) => {
  if (await endSessions(db, userId) === undefined) refuse('user.not_found', { id: userId });
  await recordAudit(db, { projectId: null, userId: admin.id, action: 'user.sessions_end', entityType: 'user', entityId: userId, after: { by: 'admin' } });
  return { userId };
});

/** Users sign out of all their other devices: every session ends but this one (re-issued). */
export const endOtherSessionsAction = userAction({ input: z.object({}) }, async ({ db, user }) => {
  const version = await endSessions(db, user.id);
  await recordAudit(db, { projectId: null, userId: user.id, action: 'user.sessions_end', entityType: 'user', entityId: user.id, after: { by: 'self' } });
  const signedIn = version !== undefined && (await reissueSession(user.id, version));
  return { userId: user.id, signedIn };
});
