/** next-auth configuration: email + password, JWT sessions, sign-in throttling. */
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { endSessionsFrom, normaliseEmail, rehashPassword, userByEmail } from '@/db/queries/users';
import { pruneSignIn, recordSignInFailure, recordSignInSuccess, signInWait } from '@/db/queries/signin';
import { safeCallbackPath } from '@/lib/auth/callback';
import { needsRehash } from '@/lib/auth/password';
import { clientAddress } from '@/server/edge/client-address';
import { hashPasswordOffThread, PasswordQueueFull, verifyPasswordOffThread } from '@/server/edge/password-worker';
import { takeAttempt, tarpit } from '@/server/edge/signin-limits';

/** Compared against when the email is unknown, so both paths cost one bcrypt comparison. */
let dummyHash: Promise<string> | null = null;
const dummy = () => (dummyHash ??= hashPasswordOffThread(`no such user ${Math.random()}`));

/** Expired throttling rows are deleted at most once a minute. */
let prunedAt = 0;
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

/** The session cookie's name, as next-auth names it (see secureCookiesFor). */
export function sessionCookieName(secure = secureCookiesFor(process.env.NEXTAUTH_URL)): string {
  return `${secure ? '__Secure-' : ''}next-auth.session-token`;
}

/** What the session token says beyond next-auth's own claims: who, and the session version it was issued with. */
export interface SessionClaims {
  uid: number;
  sv: number;
}

/** The claims of a decoded token or a session (session.user), or null when they are missing. */
export function claimsOf(x: object | null | undefined): SessionClaims | null {
  const c = x as { uid?: unknown; id?: unknown; sv?: unknown } | null | undefined;
  const uid = c?.uid ?? c?.id;
  return typeof uid === 'number' && typeof c?.sv === 'number' ? { uid, sv: c.sv } : null;
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
        const now = Date.now();
        if (now - prunedAt > 60_000) {
          prunedAt = now;
          await pruneSignIn(db, now);
        }
        const email = normaliseEmail(parsed.data.email);
        const address = clientAddress(req?.headers);
        // Cheap refusals first, answered after a delay: no password is checked for them.
        if (!(await takeAttempt(db, address, now)) || await signInWait(db, email, address, now) > 0) {
          await tarpit();
          throw new Error('Throttled');
        }
        const user = await userByEmail(db, email);
        let ok: boolean;
        try {
          ok = await verifyPasswordOffThread(parsed.data.password, user?.passwordHash ?? (await dummy()));
        } catch (e) {
          if (!(e instanceof PasswordQueueFull)) throw e;
          await tarpit();
          throw new Error('Throttled');
        }
        if (!user || !ok || user.disabled) {
          await recordSignInFailure(db, email, address);
          return null;
        }
        await recordSignInSuccess(db, email, address);
        if (needsRehash(user.passwordHash)) {
          // The earlier format read only 72 bytes; store the whole password's hash now that we have it.
          const stored = user.passwordHash;
          void hashPasswordOffThread(parsed.data.password)
            .then((hash) => rehashPassword(db, user.id, stored, hash))
            .catch(() => {});
        }
        const signedIn: User & { sessionVersion: number } = { id: String(user.id), email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        return signedIn;
      },
    }),
  ],
  callbacks: {
    /** After sign-in or sign-out: a path on this site only (lib/auth/callback), never another site. */
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
    // The token carries the user's session version from sign-in; currentUser (server/edge/session.ts)
    // compares it with the row on every request, so raising the row's version ends the session.
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user) Object.assign(session.user, { id: token.uid, sv: token.sv });
      return session;
    },
  },
  events: {
    // Signing out ends every session of the user, on every device (issue #16): the token was
    // signed, so forgetting this browser's cookie alone would leave a copy of it valid.
    async signOut({ token }) {
      const claims = claimsOf(token);
      if (claims) await endSessionsFrom(getDb(), claims.uid, claims.sv);
    },
  },
};
