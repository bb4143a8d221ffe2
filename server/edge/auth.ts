/** next-auth configuration: email + password, JWT sessions, sign-in throttling. */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { normaliseEmail, userByEmail } from '@/db/queries/users';
import { clearFailures, lockedFor, recordFailure } from '@/db/queries/signin';
import { verifyPassword } from '@/lib/auth/password';

/** Compared against when the email is unknown, so both paths cost one bcrypt comparison. */
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8DfwKc0ofGPe8fJ6I6G3rX6jZQwFXa';

const credentials = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(200) });

/** A session lasts 12 hours from sign-in: the cookie, and the signed token inside it. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/**
 * Session cookies are marked Secure (and get the __Secure- prefix) when the app's public URL
 * is https. Decided here from NEXTAUTH_URL, not by next-auth from request headers, so that a
 * forwarded protocol header cannot change it.
 */
export function secureCookiesFor(publicUrl: string | undefined): boolean {
  return /^https:\/\//i.test(publicUrl ?? '');
}

/**
 * The client's address for throttling, from X-Forwarded-For, but only behind a proxy the
 * operator vouches for (TRUST_PROXY=1): otherwise the header is the client's to forge, and
 * without it every client would share one key, so five failures by anyone would lock
 * everyone out.
 */
function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  if (process.env.TRUST_PROXY !== '1') return null;
  const forwarded = headers?.['x-forwarded-for'];
  return typeof forwarded === 'string' && forwarded.trim() ? forwarded.split(',')[0].trim() : null;
}

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  useSecureCookies: secureCookiesFor(process.env.NEXTAUTH_URL),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  // next-auth signs the sign-in token with jwt.maxAge (30 days unless set), not session.maxAge.
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, req) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const db = getDb();
        const email = normaliseEmail(parsed.data.email);
        const address = clientAddress(req?.headers);
        const keys = [`email:${email}`, ...(address ? [`ip:${address}`] : [])];
        if (keys.some((k) => lockedFor(db, k) > 0)) throw new Error('Throttled');
        const user = userByEmail(db, email);
        const ok = verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !ok || user.disabled) {
          for (const k of keys) recordFailure(db, k);
          return null;
        }
        clearFailures(db, keys[0]);
        return { id: String(user.id), email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.uid = Number(user.id);
      return token;
    },
    async session({ session, token }) {
      if (session.user) (session.user as { id?: number }).id = token.uid as number;
      return session;
    },
  },
};
