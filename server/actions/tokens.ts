'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireUser } from '@/server/edge/session';
import { getDb } from '@/db/client';
import { createApiToken, revokeApiToken } from '@/db/queries/users';
import { newApiToken } from '@/lib/auth/token';

const createSchema = z.object({ name: z.string().trim().min(1).max(100) });

/** Creates a personal API token for the signed-in user; the token is returned once. */
export async function createTokenAction(input: unknown): Promise<{ ok: true; token: string } | { ok: false; error: string }> {
  const user = await requireUser();
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  const { token, hash, prefix } = newApiToken();
  createApiToken(getDb(), user.id, parsed.data.name, hash, prefix);
  revalidatePath('/settings');
  return { ok: true, token };
}

export async function revokeTokenAction(input: unknown): Promise<{ ok: boolean; error?: string }> {
  const user = await requireUser();
  const parsed = z.object({ tokenId: z.number().int().positive() }).safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  if (!revokeApiToken(getDb(), user.id, parsed.data.tokenId)) return { ok: false, error: 'No such token' };
  revalidatePath('/settings');
  return { ok: true };
}
