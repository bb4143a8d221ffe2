'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireAdmin } from '@/server/edge/session';
import { getDb } from '@/db/client';
import { createUser, setUserFlags } from '@/db/queries/users';
import { recordAudit } from '@/db/queries/audit';
import { hashPassword, passwordProblem } from '@/lib/auth/password';

export type ActionResult = { ok: true } | { ok: false; error: string };

const createSchema = z.object({
  email: z.string().email().max(320),
  name: z.string().trim().min(1).max(200),
  password: z.string(),
  isAdmin: z.boolean(),
});

/** Instance admins create accounts. */
export async function createUserAction(input: unknown): Promise<ActionResult> {
  const admin = await requireAdmin();
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  const problem = passwordProblem(parsed.data.password);
  if (problem) return { ok: false, error: problem };
  const db = getDb();
  try {
    const u = createUser(db, { ...parsed.data, passwordHash: hashPassword(parsed.data.password) });
    recordAudit(db, { projectId: null, userId: admin.id, action: 'user.create', entityType: 'user', entityId: u.id, after: { email: u.email, isAdmin: u.isAdmin } });
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  revalidatePath('/admin/users');
  return { ok: true };
}

const flagsSchema = z.object({ userId: z.number().int().positive(), isAdmin: z.boolean().optional(), disabled: z.boolean().optional() });

export async function setUserFlagsAction(input: unknown): Promise<ActionResult> {
  const admin = await requireAdmin();
  const parsed = flagsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  const { userId, ...flags } = parsed.data;
  if (userId === admin.id && (flags.isAdmin === false || flags.disabled === true)) {
    return { ok: false, error: 'You cannot remove your own admin rights or disable yourself' };
  }
  const db = getDb();
  setUserFlags(db, userId, flags);
  recordAudit(db, { projectId: null, userId: admin.id, action: 'user.flags', entityType: 'user', entityId: userId, after: flags });
  revalidatePath('/admin/users');
  return { ok: true };
}
