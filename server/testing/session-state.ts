/**
 * The signed-in user a test pretends the request comes from. Tests mock next-auth's
 * getServerSession to answer from here (see app/authz-matrix.test.ts):
 *
 *   vi.mock('next-auth', async (orig) => ({ ...(await orig()), getServerSession: mockedSession }));
 */
export const sessionState: { userId: number | null } = { userId: null };

/** getServerSession as the mock answers: a session of `sessionState.userId`, or null. */
export async function mockedSession(): Promise<{ user: { id: number }; expires: string } | null> {
  return sessionState.userId == null ? null : { user: { id: sessionState.userId }, expires: new Date(Date.now() + 3_600_000).toISOString() };
}
