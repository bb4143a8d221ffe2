'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction, refuse } from '@/server/edge/action';
import { createUser, setUserFlags } from '@/db/queries/users';
import { recordAudit } from '@/db/queries/audit';
import { hashPassword, passwordProblem } from '@/lib/auth/password';

const createSchema = z.object({
  email: z.string().email().max(320),
  name: z.string().trim().min(1).max(200),
  password: z.string(),
  isAdmin: z.boolean(),
});

/** Instance admins create accounts. */
export const createUserAction = adminAction({ input: createSchema }, ({ db, user: admin }, input) => {
  const problem = passwordProblem(input.password);
  if (problem) throw problem;
  const u = createUser(db, { ...input, passwordHash: hashPassword(input.password) });
  recordAudit(db, { projectId: null, userId: admin.id, action: 'user.create', entityType: 'user', entityId: u.id, after: { email: u.email, isAdmin: u.isAdmin } });
  revalidatePath('/admin/users');
  return { id: u.id };
});

const flagsSchema = z.object({ userId: z.number().int().positive(), isAdmin: z.boolean().optional(), disabled: z.boolean().optional() });

/** Instance admins grant or remove admin rights and disable or enable accounts (never their own). */
export const setUserFlagsAction = adminAction({ input: flagsSchema }, ({ db, user: admin }, { userId, ...flags }) => {
  if (userId === admin.id && (flags.isAdmin === false || flags.disabled === true)) refuse('user.self_demotion');
  setUserFlags(db, userId, flags);
  recordAudit(db, { projectId: null, userId: admin.id, action: 'user.flags', entityType: 'user', entityId: userId, after: flags });
  revalidatePath('/admin/users');
  return { userId };
});
