/**
 * The signed-in user a test pretends the request comes from. Tests mock next-auth's
 * getServerSession to answer from here (see app/authz-matrix.test.ts):
 *
 *   vi.mock('next-auth', async (orig) => ({ ...(await orig()), getServerSession: mockedSession }));
 *
 * The session carries `sessionVersion`, or when that is null the user's current one (a
 * browser whose cookie is always up to date); server/edge/session-version.test.ts uses real
 * tokens instead to show that an ended session stops counting.
 */
import { getDb } from '@/db/client';
import { sessionVersionOf } from '@/db/queries/users';

export const sessionState: { userId: number | null; sessionVersion: number | null } = { userId: null, sessionVersion: null };

/** getServerSession as the mock answers: a session of `sessionState.userId`, or null. */
export async function mockedSession(): Promise<{ user: { id: number; sv: number }; expires: string } | null> {
  const id = sessionState.userId;
  if (id == null) return null;
  const sv = sessionState.sessionVersion ?? await sessionVersionOf(getDb(), id) ?? 0;
  return { user: { id, sv }, expires: new Date(Date.now() + 3_600_000).toISOString() };
}
