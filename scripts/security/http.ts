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
 * does; `fields` are added to the form (callbackUrl), `headers` to the request; `client` is
 * the fetch to use (see fetchFrom).
 */
export async function signIn(base: string, email: string, password: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}, client: typeof fetch = fetch): Promise<SignInAnswer> {
  const csrf = await client(`${base}/api/auth/csrf`);
  let cookie = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await client(`${base}/api/auth/callback/credentials`, {
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

/** Signs out through next-auth's endpoint, as the Sign out button does, with the session's own cookie. */
export async function signOut(base: string, cookie: string): Promise<number> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie } });
  const jar = cookiesOf(csrf, cookie);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/signout`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar, origin: base },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
    redirect: 'manual',
  });
  await res.arrayBuffer();
  return res.status;
}

/**
 * A fetch whose connections leave from `localAddress` (another loopback address, e.g.
 * 127.0.0.2): to the server, another client address. Enough of fetch for the sign-in form:
 * method, headers, a string or form body; answers are read whole.
 */
export function fetchFrom(localAddress: string): typeof fetch {
  return ((input: string | URL, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(String(input));
      if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
      const req = http.request(url, { method: init.method ?? 'GET', headers: Object.fromEntries(new Headers(init.headers)), localAddress }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const headers = new Headers();
          for (let i = 0; i < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
          const status = res.statusCode ?? 500;
          resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers }));
        });
      });
      req.on('error', reject);
      if (init.body != null) req.write(String(init.body));
      req.end();
    })) as typeof fetch;
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
