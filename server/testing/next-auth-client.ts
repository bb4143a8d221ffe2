/**
 * next-auth's own handler called in-process, the way a browser meets it (no Next request scope
 * needed): sign in through the credentials provider, sign out. For the tests of sign-in and of
 * sessions (server/edge/auth.test.ts, server/edge/session-version.test.ts).
 */
import NextAuth, { type NextAuthOptions } from 'next-auth';

export interface Answer {
  status: number;
  body: unknown;
  setCookies: string[];
}

/** Calls next-auth's handler the way a pages API route would (no Next request scope needed). */
export async function nextAuth(options: NextAuthOptions, action: string[], init: { method: string; body?: Record<string, string>; cookies?: Record<string, string>; headers?: Record<string, string> }): Promise<Answer> {
  const answer: Answer = { status: 200, body: undefined, setCookies: [] };
  const headers: Record<string, string | string[]> = {};
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader(name: string, value: string | string[]) {
      headers[name.toLowerCase()] = value;
      return res;
    },
    send(body: unknown) {
      answer.body = body;
    },
    json(body: unknown) {
      answer.body = body;
    },
    end() {},
  };
  const req = {
    method: init.method,
    query: { nextauth: action },
    body: init.body ?? {},
    cookies: init.cookies ?? {},
    headers: { host: 'fgcoder.test', 'content-type': 'application/x-www-form-urlencoded', ...init.headers },
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: NextAuthOptions) => Promise<void>)(req, res, options);
  const set = headers['set-cookie'];
  answer.setCookies = set === undefined ? [] : Array.isArray(set) ? set : [set];
  return answer;
}

export const cookieNamed = (setCookies: string[], name: string) => setCookies.find((c) => c.startsWith(`${name}=`));
export const valueOf = (cookie: string) => decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1).split(';')[0]);

/** Signs in through the credentials provider as a browser does: fetch a CSRF token, post the form. */
export async function signIn(options: NextAuthOptions, email: string, password: string, headers: Record<string, string> = {}, extraBody: Record<string, string> = {}) {
  const secure = options.useSecureCookies === true;
  const csrfName = `${secure ? '__Host-' : ''}next-auth.csrf-token`;
  const csrf = await nextAuth(options, ['csrf'], { method: 'GET', headers });
  const csrfCookie = cookieNamed(csrf.setCookies, csrfName);
  if (!csrfCookie) throw new Error(`no ${csrfName} cookie in ${csrf.setCookies.join(' | ')}`);
  const { csrfToken } = csrf.body as { csrfToken: string };
  const answer = await nextAuth(options, ['callback', 'credentials'], {
    method: 'POST',
    body: { csrfToken, email, password, json: 'true', ...extraBody },
    cookies: { [csrfName]: valueOf(csrfCookie) },
    headers,
  });
  const sessionName = `${secure ? '__Secure-' : ''}next-auth.session-token`;
  return { ...answer, session: cookieNamed(answer.setCookies, sessionName) };
}

/** Signs out as a browser does: fetch a CSRF token, post it with the session cookie. */
export async function signOut(options: NextAuthOptions, sessionCookie: string) {
  const secure = options.useSecureCookies === true;
  const csrfName = `${secure ? '__Host-' : ''}next-auth.csrf-token`;
  const sessionName = `${secure ? '__Secure-' : ''}next-auth.session-token`;
  const csrf = await nextAuth(options, ['csrf'], { method: 'GET' });
  const { csrfToken } = csrf.body as { csrfToken: string };
  return nextAuth(options, ['signout'], {
    method: 'POST',
    body: { csrfToken, json: 'true' },
    cookies: { [csrfName]: valueOf(cookieNamed(csrf.setCookies, csrfName)!), [sessionName]: valueOf(sessionCookie) },
  });
}
