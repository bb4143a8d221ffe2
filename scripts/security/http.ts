/** HTTP for the security checks: signing in as a browser does, and requests that declare a body they never send. */
import http from 'node:http';

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookiesOf(res: Response, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((c) => [c.slice(0, c.indexOf('=')), c] as const));
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0];
    jar.set(pair.slice(0, pair.indexOf('=')), pair);
  }
  return [...jar.values()].join('; ');
}

export interface SignInAnswer {
  /** The Cookie header to send from now on; holds the session cookie when signed in. */
  cookie: string;
  signedIn: boolean;
  /** next-auth's error code (`CredentialsSignin`, `Throttled`), or null. */
  error: string | null;
  /** Where next-auth sends the browser next. */
  url: string | null;
}

/**
 * Signs in through next-auth's credentials endpoint, with its CSRF token, as the sign-in page
 * does; `fields` are added to the form (callbackUrl), `headers` to the request.
 */
export async function signIn(base: string, email: string, password: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<SignInAnswer> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  let cookie = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie, origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', ...fields }),
    redirect: 'manual',
  });
  cookie = cookiesOf(res, cookie);
  const text = await res.text();
  let url = res.headers.get('location');
  try {
    url = (JSON.parse(text) as { url?: string }).url ?? url;
  } catch {
    // a redirect, not JSON
  }
  const error = url ? new URL(url, base).searchParams.get('error') : null;
  return { cookie, signedIn: /next-auth\.session-token=/.test(cookie), error, url };
}

/**
 * Sends a request's headers declaring `contentLength` bytes of body and sends none of it:
 * resolves with the status once the server answers, rejects after `timeoutMs` — a server
 * that waited for (or buffered) the body would never answer in time.
 */
export function declaredBody(url: string, options: { method?: string; headers: Record<string, string>; contentLength: number; timeoutMs?: number }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'POST', headers: { ...options.headers, 'content-length': String(options.contentLength) } });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${options.timeoutMs ?? 5000} ms with the body unsent`));
    }, options.timeoutMs ?? 5000);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.flushHeaders();
  });
}

/**
 * The React Server Components payload a page carries (`self.__next_f.push([1, "…"])`), as
 * text: where the props of client components are, e.g. the sign-in form's callbackUrl.
 */
export function flightText(html: string): string {
  let out = '';
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) out += JSON.parse(m[1]) as string;
  return out;
}
