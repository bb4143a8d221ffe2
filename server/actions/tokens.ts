'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { refuse, userAction } from '@/server/edge/action';
import { createApiToken, revokeApiToken } from '@/db/queries/users';
import { newApiToken } from '@/lib/auth/token';

/** Creates a personal API token for the signed-in user; the token is returned once. */
export const createTokenAction = userAction({ input: z.object({ name: z.string().trim().min(1).max(100) }) }, async ({ db, user }, { name }) => {
  const { token, hash, prefix } = newApiToken();
  await createApiToken(db, user.id, name, hash, prefix);
  revalidatePath('/settings');
  return { token };
});

/** Revokes one of the signed-in user's own tokens. */
export const revokeTokenAction = userAction({ input: z.object({ tokenId: z.number().int().positive() }) }, async ({ db, user }, { tokenId }) => {
  if (!await revokeApiToken(db, user.id, tokenId)) refuse('token.not_found');
  revalidatePath('/settings');
  return { tokenId };
});
