/**
 * The hardening of issue 16, replayed over HTTP against a running production build: each
 * check is a name and a function that throws (an Error saying what it saw) when the
 * hardening does not hold, and may return a detail for the report line. `npm run
 * test:security` (scripts/security-check.ts) starts the servers, runs them in order and
 * prints one line each. To add a check, append it to `checks`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { declaredBody, fetchFrom, flightText, signIn, signOut } from './http';

/** A production server on a copy of the demo study (SEED_DEMO's data), with default limits. */
export interface DemoServer {
  base: string;
  databasePath: string;
  projectId: number;
  /** A document corrected once before the server started: its version is 2, so 1 is stale. */
  documentId: number;
  documentVersion: number;
  codeIds: number[];
  /** A coder of the project, assigned to the document, with a personal API token. */
  coder: { id: number; token: string };
  /** A second such coder; the project is in blind mode, so neither sees the other's layer. */
  otherCoder: { id: number; token: string };
  /** The demo's lead (a cookie session, as in a browser). */
  lead: { email: string; password: string };
}

/** A production server started with SEED_DEMO=0 on an empty database: not a demo. */
export interface FreshServer {
  base: string;
  databasePath: string;
  /** Its SIGNIN_PER_ADDRESS. */
  signInPerAddress: number;
  /** Adds an account (as `npm run user:add` does), so that the sign-in page is shown. */
  addUser: (email: string) => Promise<void>;
}

export interface SecurityContext {
  demo: DemoServer;
  fresh: FreshServer;
}

export interface SecurityCheck {
  name: string;
  run: (ctx: SecurityContext) => Promise<string | void>;
}

export const DEMO_PASSWORD = 'demo-password';

function expect(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

/** The value of one directive of a Content-Security-Policy, or null when absent. */
export function directive(policy: string, name: string): string | null {
  for (const d of policy.split(';')) {
    const [key, ...values] = d.trim().split(/\s+/);
    if (key === name) return values.join(' ');
  }
  return null;
}

const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function statusOf(res: Response): Promise<{ status: number; body: { error?: string; reason?: string } & Record<string, unknown> }> {
  const text = await res.text();
  let body = {};
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}

/** A sign-in session of the demo's lead, shared by the checks that need a browser's cookie. */
let leadCookie: Promise<string> | null = null;
export function leadSession(demo: DemoServer): Promise<string> {
  return (leadCookie ??= signIn(demo.base, demo.lead.email, demo.lead.password).then((a) => {
    if (!a.signedIn) throw new Error(`the demo lead could not sign in (${a.error ?? 'no session cookie'})`);
    return a.cookie;
  }));
}

/** The static script a page loads first (a file under /_next/static). */
async function firstScript(base: string): Promise<string> {
  const html = await (await fetch(`${base}/signin`)).text();
  const src = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(src, 'the sign-in page loads no script under /_next/static');
  return src;
}

export const checks: SecurityCheck[] = [
  {
    name: 'security headers on pages, API answers and static files',
    async run({ demo }) {
      const script = await firstScript(demo.base);
      const targets: Array<[string, RequestInit?]> = [['/signin'], ['/projects/1', { redirect: 'manual' }], ['/api/v1/projects'], [script]];
      for (const [path, init] of targets) {
        const h = (await fetch(`${demo.base}${path}`, init)).headers;
        const csp = h.get('content-security-policy') ?? '';
        for (const d of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'"]) expect(csp.includes(d), `${path}: Content-Security-Policy lacks ${d}: ${csp || '(none)'}`);
        expect(!/https?:|\*/.test(directive(csp, 'script-src') ?? ''), `${path}: scripts allowed from another host: ${csp}`);
        expect(h.get('x-content-type-options') === 'nosniff', `${path}: X-Content-Type-Options ${h.get('x-content-type-options')}`);
        expect(h.get('x-frame-options') === 'DENY', `${path}: X-Frame-Options ${h.get('x-frame-options')}`);
        expect(h.get('referrer-policy') === 'same-origin', `${path}: Referrer-Policy ${h.get('referrer-policy')}`);
        expect(h.get('permissions-policy')?.includes('camera=()'), `${path}: Permissions-Policy ${h.get('permissions-policy')}`);
        expect(!h.has('x-powered-by'), `${path}: X-Powered-By ${h.get('x-powered-by')}`);
      }
      return targets.map(([p]) => p).join(', ');
    },
  },
  {
    name: "CSP: scripts only by a per-request nonce ('strict-dynamic'), no 'unsafe-inline' or 'unsafe-eval'",
    async run({ demo }) {
      const nonces: string[] = [];
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${demo.base}/signin`);
        const policy = res.headers.get('content-security-policy') ?? '';
        // Two policies (next.config.mjs's and the proxy's) would arrive joined by a comma; both would apply.
        expect(!policy.includes(','), `/signin carries more than one Content-Security-Policy: ${policy}`);
        const script = directive(policy, 'script-src') ?? '';
        expect(!/unsafe-inline|unsafe-eval|unsafe-hashes/.test(script), `script-src allows inline scripts or eval: ${script}`);
        const nonce = /^'self' 'nonce-([A-Za-z0-9+/=]{16,})' 'strict-dynamic'$/.exec(script)?.[1];
        expect(nonce, `script-src of /signin is not 'self' 'nonce-…' 'strict-dynamic': ${script || '(none)'}`);
        const tags = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
        expect(tags.length > 0, 'the sign-in page has no script tag');
        const bare = tags.filter((t) => !t.includes(`nonce="${nonce}"`));
        expect(bare.length === 0, `${bare.length} of ${tags.length} script tags lack the request's nonce: ${bare[0]}`);
        nonces.push(nonce);
      }
      expect(nonces[0] !== nonces[1], `two requests got the same nonce ${nonces[0]}`);
      for (const path of ['/api/v1/projects', await firstScript(demo.base)]) {
        const script = directive((await fetch(`${demo.base}${path}`)).headers.get('content-security-policy') ?? '', 'script-src');
        expect(script === "'self'", `${path}: script-src ${script}, expected 'self' alone (nothing runs inline there)`);
      }
      return 'nonces differ per request; every script tag carries it';
    },
  },
  {
    name: 'no known password on a non-demo instance: empty → /setup, no demo account, sign-in page without demo passwords',
    async run({ demo, fresh }) {
      const shown = await (await fetch(`${demo.base}/signin`)).text();
      expect(shown.includes(DEMO_PASSWORD), 'control: the demo instance does not show its demo password on the sign-in page');
      const toSetup = await fetch(`${fresh.base}/signin`, { redirect: 'manual' });
      expect(toSetup.status >= 300 && toSetup.status < 400 && new URL(toSetup.headers.get('location') ?? '', fresh.base).pathname === '/setup', `an empty instance's /signin answers ${toSetup.status} ${toSetup.headers.get('location') ?? ''}, not a redirect to /setup`);
      const setup = await fetch(`${fresh.base}/setup`);
      const setupHtml = await setup.text();
      expect(setup.status === 200 && !setupHtml.includes(DEMO_PASSWORD) && !setupHtml.includes('demo-banner'), `/setup: ${setup.status}, shows demo password or banner`);
      const attempt = await signIn(fresh.base, 'admin@demo.test', DEMO_PASSWORD);
      expect(!attempt.signedIn, 'admin@demo.test / demo-password signs in on a non-demo instance');
      await fresh.addUser('first.admin@example.kz');
      const signin = await fetch(`${fresh.base}/signin`, { redirect: 'manual' });
      const html = await signin.text();
      expect(signin.status === 200, `with an account, /signin answers ${signin.status}`);
      expect(!html.includes(DEMO_PASSWORD) && !/demo\.test/.test(html), 'the non-demo sign-in page shows a demo password or account');
      expect(!html.includes('demo-banner'), 'the non-demo sign-in page has the demo banner');
      const closed = await fetch(`${fresh.base}/setup`, { redirect: 'manual' });
      expect(closed.status >= 300 && closed.status < 400, `with an account, /setup answers ${closed.status}, not a redirect`);
    },
  },
  {
    name: 'sign-in: attempts past the per-address limit are refused (Throttled), a forged X-Forwarded-For or x-fgc-peer does not help',
    async run({ fresh }) {
      const answers: string[] = [];
      for (let i = 0; i < fresh.signInPerAddress + 2 && !answers.includes('Throttled'); i++) {
        const a = await signIn(fresh.base, `nobody-${i}-${Date.now()}@flood.test`, 'wrong password, surely');
        answers.push(a.error ?? (a.signedIn ? 'signed in' : 'no error'));
      }
      expect(answers.includes('Throttled'), `${answers.length} attempts from one address, none throttled: ${answers.join(', ')}`);
      expect(answers.slice(0, -1).every((a) => a === 'CredentialsSignin'), `before the limit: ${answers.join(', ')}`);
      const forged = await signIn(fresh.base, `forged-${Date.now()}@flood.test`, 'wrong', {}, { 'x-forwarded-for': '10.9.8.7', 'x-fgc-peer': '10.9.8.6 forged' });
      expect(forged.error === 'Throttled', `with forged address headers: ${forged.error}`);
      return `throttled at attempt ${answers.length} (SIGNIN_PER_ADDRESS=${fresh.signInPerAddress})`;
    },
  },
  {
    name: "no lockout of others: wrong passwords from another address lock that address only; the owner's usual address still signs in",
    async run({ demo }) {
      await leadSession(demo); // the lead has signed in from 127.0.0.1: the owner's usual address
      const attacker = fetchFrom('127.0.0.2');
      for (let i = 0; i < 6; i++) {
        const wrong = await signIn(demo.base, demo.lead.email, `not the password ${i}`, {}, {}, attacker);
        expect(!wrong.signedIn, `a wrong password signed in from 127.0.0.2 (attempt ${i + 1})`);
      }
      const locked = await signIn(demo.base, demo.lead.email, demo.lead.password, {}, {}, attacker);
      expect(!locked.signedIn, 'after 6 failures, the right password from the same other address signs in: that (email, address) is not locked');
      const started = performance.now();
      const owner = await signIn(demo.base, demo.lead.email, demo.lead.password);
      expect(owner.signedIn, `the owner, from their usual address, cannot sign in after someone else's failures: ${owner.error}`);
      return `127.0.0.2 locked (${locked.error}); the owner signed in from 127.0.0.1 in ${(performance.now() - started).toFixed(0)} ms`;
    },
  },
  {
    name: 'sessions end: signing out on one device ends the session on the other (per-user session version, issue 16 item 8)',
    async run({ demo }) {
      const email = 'coder3@demo.test';
      const [here, there] = [await signIn(demo.base, email, DEMO_PASSWORD), await signIn(demo.base, email, DEMO_PASSWORD)];
      expect(here.signedIn && there.signedIn, `${email} could not sign in twice: ${here.error ?? there.error}`);
      const projects = (cookie: string) => fetch(`${demo.base}/api/v1/projects`, { headers: { cookie } }).then(async (r) => (await r.arrayBuffer(), r.status));
      expect((await projects(there.cookie)) === 200, 'control: the second session cannot read the projects');
      await signOut(demo.base, here.cookie);
      expect((await projects(there.cookie)) === 401, 'after signing out on the first device, the second session still reads the API');
      const session = (await (await fetch(`${demo.base}/api/auth/session`, { headers: { cookie: there.cookie } })).json()) as Record<string, unknown>;
      expect(Object.keys(session).length === 0, `next-auth still reports the ended session: ${JSON.stringify(session)}`);
      const page = await fetch(`${demo.base}/`, { headers: { cookie: there.cookie }, redirect: 'manual' });
      await page.arrayBuffer();
      expect(page.status >= 300 && page.status < 400 && /\/signin/.test(page.headers.get('location') ?? ''), `a page with the ended session answers ${page.status} ${page.headers.get('location') ?? ''}`);
      const again = await signIn(demo.base, email, DEMO_PASSWORD);
      expect(again.signedIn && (await projects(again.cookie)) === 200, 'signing in again does not give a working session');
      return 'API 401, /api/auth/session {}, pages → /signin; a new sign-in works';
    },
  },
  {
    name: 'CSRF: cookie-authenticated writes as text/plain, form-encoded, cross-origin or without Origin → 403, nothing stored',
    async run({ demo }) {
      const cookie = await leadSession(demo);
      const url = `${demo.base}/api/v1/projects/${demo.projectId}/codings`;
      const memo = `csrf-${Date.now()}`;
      const body = JSON.stringify({ documentId: demo.documentId, version: demo.documentVersion, codeIds: [demo.codeIds[0]], start: 0, end: 5, layer: 'consensus', memo });
      const forged: Array<[string, Record<string, string>]> = [
        ['text/plain, same Origin', { 'content-type': 'text/plain', origin: demo.base }],
        ['form-encoded, same Origin', { 'content-type': 'application/x-www-form-urlencoded', origin: demo.base }],
        ['JSON from another port of the host', { 'content-type': 'application/json', origin: new URL(demo.base).origin.replace(/:\d+$/, ':1') }],
        ['JSON without Origin', { 'content-type': 'application/json' }],
      ];
      for (const [what, headers] of forged) {
        const r = await fetch(url, { method: 'POST', headers: { ...headers, cookie }, body });
        await r.arrayBuffer();
        expect(r.status === 403, `${what}: ${r.status}, expected 403`);
      }
      const stored = await (await fetch(`${demo.base}/api/v1/projects/${demo.projectId}/documents/${demo.documentId}/codings?layers=consensus`, { headers: { cookie } })).text();
      expect(!stored.includes(memo), 'a refused write was stored');
      const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: demo.base, cookie }, body });
      const created = (await ok.json()) as { codings?: Array<{ id: number }> };
      expect(ok.status === 201, `control: same-origin JSON answers ${ok.status}, expected 201`);
      for (const c of created.codings ?? []) await fetch(`${url}/${c.id}`, { method: 'DELETE', headers: { origin: demo.base, cookie } });
      return `${forged.length} forged writes refused; same-origin JSON 201`;
    },
  },
  {
    name: 'JSON bodies: a declared 5 MiB body is refused with 413 before it is sent',
    async run({ demo }) {
      const r = await declaredBody(`${demo.base}/api/v1/projects/${demo.projectId}/codings`, { headers: json(demo.coder.token), contentLength: 5 * 1024 * 1024 });
      expect(r.status === 413, `answered ${r.status}: ${r.body.slice(0, 200)}`);
    },
  },
  {
    name: 'uploads: a declared 500 MB import is refused with 413 before it is sent',
    async run({ demo }) {
      const cookie = await leadSession(demo);
      const r = await declaredBody(`${demo.base}/api/v1/projects/${demo.projectId}/imports`, {
        headers: { cookie, origin: demo.base, 'content-type': 'multipart/form-data; boundary=----security-check' },
        contentLength: 500 * 1024 * 1024,
      });
      expect(r.status === 413, `answered ${r.status}: ${r.body.slice(0, 200)}`);
    },
  },
  {
    name: 'regex search: one more than the per-user limit at once → 429 at once; the slots come back',
    async run({ demo }) {
      // Exponential backtracking on every turn: each search runs until the 2 s time limit.
      const url = `${demo.base}/api/v1/projects/${demo.projectId}/search?regex=1&q=${encodeURIComponent('(.+)+#@#')}`;
      const headers = { authorization: `Bearer ${demo.coder.token}` };
      const started = performance.now();
      const answers = await Promise.all(
        [0, 1, 2].map(async () => {
          const r = await statusOf(await fetch(url, { headers }));
          return { ...r, ms: performance.now() - started };
        }),
      );
      const busy = answers.filter((a) => a.status === 429);
      expect(busy.length === 1, `statuses ${answers.map((a) => a.status).join(', ')}: expected exactly one 429 of three`);
      expect(busy[0].body.reason === 'search.busy', `the 429 gives reason ${busy[0].body.reason}`);
      expect(busy[0].ms < 1000, `the 429 took ${busy[0].ms.toFixed(0)} ms`);
      expect(answers.every((a) => a.status < 500), `statuses ${answers.map((a) => a.status).join(', ')}`);
      const after = await fetch(`${demo.base}/api/v1/projects/${demo.projectId}/search?regex=1&q=a`, { headers });
      await after.arrayBuffer();
      expect(after.status === 200, `a regex search afterwards answers ${after.status}`);
      return `statuses ${answers.map((a) => a.status).join(', ')}; the 429 in ${busy[0].ms.toFixed(0)} ms`;
    },
  },
  {
    name: 'coding create: a stale document version → 409 document.stale, no version → 400, nothing stored',
    async run({ demo }) {
      const url = `${demo.base}/api/v1/projects/${demo.projectId}/codings`;
      const memo = `stale-${Date.now()}`;
      const coding = { documentId: demo.documentId, codeIds: [demo.codeIds[0]], start: 0, end: 5, memo };
      const stale = await statusOf(await fetch(url, { method: 'POST', headers: json(demo.coder.token), body: JSON.stringify({ ...coding, version: demo.documentVersion - 1 }) }));
      expect(stale.status === 409 && stale.body.reason === 'document.stale', `version ${demo.documentVersion - 1} of a document at ${demo.documentVersion}: ${stale.status} ${stale.body.reason ?? stale.body.error}`);
      const missing = await statusOf(await fetch(url, { method: 'POST', headers: json(demo.coder.token), body: JSON.stringify(coding) }));
      expect(missing.status === 400, `without a version: ${missing.status} ${missing.body.error ?? ''}`);
      const stored = await (await fetch(`${demo.base}/api/v1/projects/${demo.projectId}/documents/${demo.documentId}/codings`, { headers: { authorization: `Bearer ${demo.coder.token}` } })).text();
      expect(!stored.includes(memo), 'a refused coding was stored');
      const ok = await statusOf(await fetch(url, { method: 'POST', headers: json(demo.coder.token), body: JSON.stringify({ ...coding, version: demo.documentVersion }) }));
      expect(ok.status === 201, `control: the current version answers ${ok.status} ${ok.body.error ?? ''}`);
      return `409 names the correction: ${stale.body.error}`;
    },
  },
  {
    // Issue 16 item 9; the header comes with the branch that adds it to apiRoute's answers.
    name: 'Cache-Control: no-store on API answers (issue 16 item 9, the no-store change)',
    async run({ demo }) {
      const targets: Array<[string, HeadersInit]> = [
        ['/api/v1/projects (200, token)', { authorization: `Bearer ${demo.coder.token}` }],
        ['/api/v1/projects (401)', {}],
        [`/api/v1/projects/${demo.projectId}/documents/${demo.documentId} (200, token)`, { authorization: `Bearer ${demo.coder.token}` }],
      ];
      for (const [what, headers] of targets) {
        const res = await fetch(`${demo.base}${what.split(' ')[0]}`, { headers });
        await res.arrayBuffer();
        const cc = res.headers.get('cache-control') ?? '';
        expect(/\bno-store\b/.test(cc), `${what}: Cache-Control ${cc || '(none)'}`);
      }
    },
  },
  {
    // Issue 16 item 9; fixed on the branch that confines callbackUrl to same-origin paths.
    name: 'sign-in callbackUrl: /\\evil.example does not lead off-site (issue 16 item 9, the callbackUrl change)',
    async run({ demo }) {
      const evil = '/\\evil.example';
      const html = await (await fetch(`${demo.base}/signin?callbackUrl=${encodeURIComponent(evil)}`)).text();
      const flight = flightText(html);
      const given = [...flight.matchAll(/"callbackUrl":("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]) as string);
      if (given.length === 0) expect(!flight.includes('evil.example') && !html.includes('evil.example'), 'the sign-in page carries evil.example');
      for (const url of given) {
        const where = new URL(url, demo.base);
        expect(where.origin === new URL(demo.base).origin, `the sign-in form would go to ${JSON.stringify(url)}, which a browser opens as ${where.href}`);
      }
      const answer = await signIn(demo.base, demo.lead.email, demo.lead.password, { callbackUrl: evil });
      expect(answer.signedIn, `the lead could not sign in: ${answer.error}`);
      const next = new URL(answer.url ?? '/', demo.base);
      expect(next.origin === new URL(demo.base).origin, `after signing in, next-auth sends the browser to ${next.href}`);
      return `the form goes to ${given.map((g) => JSON.stringify(g)).join(', ') || '(no callbackUrl)'}`;
    },
  },
  {
    name: "blind mode: another coder's coding answers exactly as a coding that never existed (issue 16 item 9)",
    async run({ demo }) {
      const api = `${demo.base}/api/v1/projects/${demo.projectId}`;
      const made = await fetch(`${api}/codings`, { method: 'POST', headers: json(demo.coder.token), body: JSON.stringify({ documentId: demo.documentId, version: demo.documentVersion, codeIds: [demo.codeIds[0]], start: 0, end: 5 }) });
      const { codings } = (await made.json()) as { codings: Array<{ id: number }> };
      expect(made.status === 201, `control: coder 1's coding answers ${made.status}`);
      const hidden = codings[0].id;
      const never = hidden + 1_000_000;
      const other = { authorization: `Bearer ${demo.otherCoder.token}` };
      const answer = async (id: number, method: string, suffix = '') => {
        const r = await fetch(`${api}/codings/${id}${suffix}`, { method, headers: other });
        return `${r.status} ${(await r.text()).replaceAll(String(id), '<id>')}`;
      };
      for (const [method, suffix] of [['DELETE', ''], ['GET', '/translations']] as const) {
        const [a, b] = [await answer(hidden, method, suffix), await answer(never, method, suffix)];
        expect(a === b, `${method} /codings/<id>${suffix}: coder 1's coding answers ${a}, a missing one ${b}`);
      }
      const still = await fetch(`${api}/documents/${demo.documentId}/codings`, { headers: { authorization: `Bearer ${demo.coder.token}` } });
      expect((await still.text()).includes(`"id":${hidden}`), "coder 2's DELETE removed coder 1's coding");
      return 'DELETE and GET translations answer alike';
    },
  },
  {
    name: 'db:check on a path with no database exits 2 and creates nothing (issue 16 item 9)',
    async run() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-security-dbcheck-'));
      try {
        const missing = path.join(dir, 'no-such-folder', 'app.db');
        const r = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/db-check.ts', missing], { encoding: 'utf8' });
        expect(r.status === 2, `exit ${r.status}: ${(r.stdout + r.stderr).trim().slice(0, 200)}`);
        expect(!fs.existsSync(path.dirname(missing)), 'db:check created the folder or a database');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
