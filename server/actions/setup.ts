'use server';
import { z } from 'zod';
import { publicAction } from '@/server/edge/action';
import { createFirstAdmin, hasNoUsers } from '@/db/queries/users';
import { recordAudit } from '@/db/queries/audit';
import { passwordProblem } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';
import { hashPasswordOffThread } from '@/server/edge/password-worker';

const schema = z.object({
  email: z.string().email().max(320),
  name: z.string().trim().min(1).max(200),
  password: z.string(),
});

/**
 * The first-run screen: creates the instance's first account, an admin, while it has none.
 * Open to anyone, because nobody can sign in yet; refused (`setup.done`) once any account
 * exists — checked again in the insert itself, so two forms sent at once make one admin.
 */
export const createFirstAdminAction = publicAction({ input: schema }, async ({ db }, input) => {
  if (!await hasNoUsers(db)) throw new DomainError('setup.done');
  const problem = passwordProblem(input.password, input.email);
  if (problem) throw problem;
  const user = await createFirstAdmin(db, { email: input.email, name: input.name, passwordHash: await hashPasswordOffThread(input.password) });
  await recordAudit(db, { projectId: null, userId: user.id, action: 'user.create', entityType: 'user', entityId: user.id, after: { email: user.email, isAdmin: true, firstRun: true } });
  return { id: user.id, email: user.email };
});
