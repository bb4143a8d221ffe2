import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { sameOrigin, signIn } from './helpers';

// Hardening as a browser meets it: the security headers on pages, the API and static files;
// the session cookie; the sign-in endpoint open to everyone; and text that looks like HTML
// (a code name, a transcript, a memo, a project name) shown as text, never run. The XSS test
// works in a project of its own, imported for it, so the demo project other specs count on
// stays as it was.

function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  const csp = h['content-security-policy'] ?? '';
  expect(csp, `${what}: Content-Security-Policy`).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain("base-uri 'self'");
  expect(csp, `${what}: no script from another host`).not.toMatch(/script-src[^;]*(https?:|\*)/);
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'], `${what}: Referrer-Policy`).toContain(h['referrer-policy']);
  expect(h['permissions-policy'], what).toContain('camera=()');
  expect(h['x-powered-by'], what).toBeUndefined();
}

/** The script-src of a page's policy: the request's nonce and 'strict-dynamic', nothing inline, no eval. */
function expectNoncedScripts(res: APIResponse, what: string): string {
  const script = /script-src ([^;]*)/.exec(res.headers()['content-security-policy'] ?? '')?.[1] ?? '';
  expect(script, `${what}: script-src`).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
  return /'nonce-([^']+)'/.exec(script)![1];
}

test('pages, the API and static files carry the security headers', async ({ request }) => {
  const signin = await request.get('/signin');
  expect(signin.status()).toBe(200);
  expectSecurityHeaders(signin, 'GET /signin');
  expectSecurityHeaders(await request.get('/api/v1/projects'), 'GET /api/v1/projects (401)');
  expectSecurityHeaders(await request.get('/projects/1', { maxRedirects: 0 }), 'GET /projects/1 (signed out)');
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(await signin.text())?.[1];
  expect(script, 'the sign-in page loads a script of its own').toBeTruthy();
  expectSecurityHeaders(await request.get(script!), `GET ${script}`);

  // Pages admit scripts by a nonce of their own request (proxy.ts), which every script tag of
  // the page carries; API answers and static files, where nothing runs inline, admit none.
  const nonce = expectNoncedScripts(signin, 'GET /signin');
  const again = await request.get('/signin');
  expect(expectNoncedScripts(again, 'GET /signin again'), 'a new nonce for every request').not.toBe(nonce);
  const html = await signin.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, 'every script tag carries the nonce').toContain(`nonce="${nonce}"`);
  for (const res of [await request.get('/api/v1/projects'), await request.get(script!)]) {
    expect(res.headers()['content-security-policy']).toContain("script-src 'self';");
  }
});

/** Collects, from a page, every Content-Security-Policy refusal the browser reports, and uncaught errors. */
async function watchPolicy(page: Page, violations: string[]) {
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load|apply|run|connect|frame)/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return async (path: string, ready: () => Promise<void>) => {
    await page.goto(path);
    await ready();
    await page.waitForTimeout(300);
  };
}

test('no page of the app breaks its Content-Security-Policy: nothing refused, in the console or as a violation event', async ({ page, browser }) => {
  const violations: string[] = [];
  const visit = await watchPolicy(page, violations);

  await visit('/signin', () => expect(page.getByRole('button', { name: /sign in/i })).toBeVisible());
  await signIn(page, 'lead@demo.test');
  await visit('/', () => expect(page.getByRole('link', { name: /Political participation in Kazakhstan/ })).toBeVisible());
  await page.getByRole('link', { name: /Political participation in Kazakhstan/ }).click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  const project = new URL(page.url()).pathname;
  const { documents } = await (await page.request.get(`/api/v1${project}/documents`)).json();

  // The editor: open a transcript, code a passage through the popover, open the coding.
  await visit(`${project}/documents/${documents[0].id}`, () => expect(page.locator('.transcript-editor .turn').first()).toBeVisible());
  const first = (await page.locator('.transcript-editor .turn-participant .turn-text').nth(2).textContent())!;
  const turn = page.locator('.transcript-editor .turn-text').filter({ hasText: first.slice(0, 40) });
  await turn.scrollIntoViewIfNeeded();
  const box = (await turn.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 6, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByTestId('code-popover')).toBeVisible();
  await page.keyboard.type('Telegr');
  await expect(page.getByTestId('code-popover').getByRole('option').first()).toContainText('Telegram');
  await page.keyboard.press('Enter');
  await expect(turn.locator('.coding').first()).toBeVisible();
  await turn.locator('.coding').first().click();
  await expect(page.getByTestId('coding-info')).toBeVisible();

  const shown = () => expect(page.locator('main h1').first()).toBeVisible();
  await visit(`${project}/codebook`, () => expect(page.getByRole('tree', { name: 'Codes' })).toBeVisible());
  for (const path of ['agreement', 'agreement/review', 'analysis', 'analysis/cooccurrence', 'analysis/excerpts', 'analysis/case-matrix', 'search', 'assignments', 'my-documents', 'attributes', 'participants', 'members', 'import', 'export', 'settings']) {
    await visit(`${project}/${path}`, shown);
  }
  await visit(`${project}/search?q=${encodeURIComponent('петиция')}`, () => expect(page.locator('main mark, main .hit').first()).toBeVisible());
  await visit('/import', shown);
  await visit('/settings', shown);

  const ctx = await browser.newContext();
  const admin = await ctx.newPage();
  const adminVisit = await watchPolicy(admin, violations);
  await signIn(admin, 'admin@demo.test');
  await adminVisit('/admin/users', () => expect(admin.getByRole('button', { name: 'Create user' })).toBeVisible());
  await ctx.close();
  expect(violations).toEqual([]);
});

test('the session cookie is HttpOnly, SameSite=Lax and ends after 12 hours; the sign-in endpoint is open to everyone', async ({ page, request }) => {
  // next-auth's own endpoints answer a signed-out visitor (it is how one signs in) and reveal nothing
  const csrf = await request.get('/api/auth/csrf');
  expect(csrf.status()).toBe(200);
  expect((await csrf.json()).csrfToken).toBeTruthy();
  expect(await (await request.get('/api/auth/session')).json()).toEqual({});
  expect(Object.keys(await (await request.get('/api/auth/providers')).json())).toEqual(['credentials']);

  const before = Date.now() / 1000;
  await signIn(page, 'coder1@demo.test');
  const session = (await page.context().cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
  // Served over plain http here (NEXTAUTH_URL http://localhost…), so not Secure; with an https
  // NEXTAUTH_URL it is (server/edge/auth.test.ts).
  expect(session!.secure).toBe(false);
  expect(Math.abs(session!.expires - (before + 12 * 60 * 60))).toBeLessThan(120);
  const me = await (await page.request.get('/api/auth/session')).json();
  expect(me.user.email).toBe('coder1@demo.test');
  expect(Math.abs(Date.parse(me.expires) / 1000 - (before + 12 * 60 * 60))).toBeLessThan(120);
});

/** The .qdpx the project import is tested with (shared/refi-qda beside the repository). */
function sampleProject(): Buffer {
  return fs.readFileSync(path.resolve(__dirname, '../../shared/refi-qda/sample-semey.qdpx'));
}

const CODE_NAME = '<img src=x onerror=alert(1)>';
const MEMO = '<script>alert(2)</script> and <b>bold</b>';
const TURN_TEXT = 'Я написал <b>жалобу</b><script>alert(3)</script> в акимат <img src=x onerror=alert(4)>';
const PROJECT_NAME = 'Security check <i onmouseover=alert(5)>x</i>';

async function json(res: APIResponse) {
  const body = await res.json();
  expect(res.ok(), JSON.stringify(body)).toBe(true);
  return body;
}

/** A project of the lead's own with a code, a transcript and a coding whose texts are HTML. */
async function hostileProject(page: Page) {
  const imported = await json(
    await page.request.post('/api/v1/projects/import', {
      headers: sameOrigin(page),
      multipart: { file: { name: 'sample-semey.qdpx', mimeType: 'application/octet-stream', buffer: sampleProject() }, name: PROJECT_NAME, omit: '1' },
    }),
  );
  const projectId: number = imported.projectId;
  const api = `/api/v1/projects/${projectId}`;
  await json(
    await page.request.post(`${api}/codebook`, {
      headers: sameOrigin(page),
      multipart: { file: { name: 'codebook.csv', mimeType: 'text/csv', buffer: Buffer.from(`Name,Colour\n"${CODE_NAME}",#d62728\n`) } },
    }),
  );
  const { codes } = await json(await page.request.get(`${api}/codes`));
  const code = codes.find((c: { name: string }) => c.name === CODE_NAME);
  expect(code, 'the imported code').toBeDefined();
  const manifest = { items: [{ source: { pasted: 0 }, title: 'FG99 <script>alert(6)</script>', speakers: { P1: { kind: 'new', label: 'P1' } } }] };
  const { documents } = await json(await page.request.post(`${api}/imports`, {
      headers: sameOrigin(page), multipart: { pasted: `P1: ${TURN_TEXT}`, manifest: JSON.stringify(manifest) } }));
  const documentId: number = documents[0].id;
  const { document } = await json(await page.request.get(`${api}/documents/${documentId}`));
  const start = (document.text as string).indexOf('<script>');
  await json(await page.request.post(`${api}/codings`, {
      headers: sameOrigin(page), data: { documentId, version: document.version, codeIds: [code.id], start, end: start + '<script>alert(3)</script>'.length, layer: 'consensus', memo: MEMO } }));
  return { projectId, documentId };
}

test('HTML in code names, transcripts, memos and project names is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await signIn(page, 'lead@demo.test');
  const { projectId, documentId } = await hostileProject(page);

  await page.goto('/');
  await expect(page.getByText(PROJECT_NAME).filter({ visible: true }).first()).toBeVisible();

  await page.goto(`/projects/${projectId}/codebook`);
  await expect(page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: CODE_NAME })).toBeVisible();

  await page.goto(`/projects/${projectId}/documents/${documentId}`);
  const transcript = page.getByTestId('transcript');
  await expect(transcript).toContainText(TURN_TEXT);
  await expect(page.getByText(/FG99 <script>alert\(6\)<\/script>/).filter({ visible: true }).first()).toBeVisible();
  await transcript.locator('.coding').first().click();
  const info = page.getByTestId('coding-info');
  await expect(info).toContainText(CODE_NAME);
  await expect(info.locator('.coding-quote')).toHaveText('<script>alert(3)</script>');
  // the lead may edit this layer, so the memo is in its editing box
  await expect(info.getByRole('textbox', { name: 'Memo' })).toHaveValue(MEMO);

  // Nothing the texts hold became an element, and nothing ran.
  expect(await page.locator('img[src="x"], [onerror], [onmouseover]').count()).toBe(0);
  expect(await transcript.locator('script, img, b').count()).toBe(0);
  expect(await info.locator('script, img, b').count()).toBe(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test('the demo instance says so on every page, and shows the demo passwords on sign-in', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.getByTestId('demo-banner')).toContainText('Demo instance');
  await expect(page.getByText(/public password demo-password/)).toBeVisible();
  await signIn(page, 'coder1@demo.test');
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  // the first-run screen is closed: the instance has accounts
  await page.goto('/setup');
  await expect(page).not.toHaveURL(/\/setup/);
});

test('a page on another port of the same host cannot write with the session cookie (CSRF): 403, nothing stored', async ({ page }) => {
  const http = await import('node:http');
  await signIn(page, 'lead@demo.test');
  const target = new URL('/api/v1/projects/1/codings', page.url()).toString();
  const { documents } = await (await page.request.get('/api/v1/projects/1/documents')).json();
  const { codes } = await (await page.request.get('/api/v1/projects/1/codes')).json();
  const memo = `csrf-${Date.now()}`;
  const { document } = await (await page.request.get(`/api/v1/projects/1/documents/${documents[0].id}`)).json();
  const body = JSON.stringify({ documentId: documents[0].id, version: document.version, codeIds: [codes[0].id], start: 0, end: 5, layer: 'consensus', memo });
  const html = `<!doctype html><body>
    <form id="f" method="POST" action="${target}" enctype="text/plain"><input name='${body.slice(0, -1)},"x":"' value='"}'></form>
    <script>
      fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(body)} })
        .finally(() => document.getElementById('f').submit());
    </script></body>`;
  const server = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    const statuses: number[] = [];
    page.on('response', (r) => {
      if (r.url() === target && r.request().method() === 'POST') statuses.push(r.status());
    });
    await page.goto(`http://localhost:${port}/`);
    await expect.poll(() => statuses.length, { timeout: 10_000 }).toBe(2);
    expect(statuses).toEqual([403, 403]);
  } finally {
    server.close();
  }
  await page.goto('/');
  const stored = await (await page.request.get(`/api/v1/projects/1/documents/${documents[0].id}/codings?layers=consensus`)).json();
  expect(JSON.stringify(stored)).not.toContain(memo);
  // the app's own write, same-origin JSON, is let through
  const ok = await page.request.post('/api/v1/projects/1/codings', { headers: sameOrigin(page), data: JSON.parse(body) });
  expect(ok.status()).toBe(201);
});

test('an admin resets a password; the user must choose a new one before anything else, then signs in with it', async ({ page, browser }) => {
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin/users');
  await page.getByLabel('Name').fill('Reset Me');
  await page.getByLabel('Email').fill('reset.me@example.kz');
  await page.getByLabel('Initial password').fill('qwerty123456');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status')).toContainText('too common');
  await page.getByLabel('Initial password').fill('first password of hers');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  const row = page.getByRole('row', { name: /reset\.me@example\.kz/ });
  await row.getByText('Reset password').first().click();
  await row.getByLabel('New password for reset.me@example.kz').fill('set by the admin, 2024');
  await row.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('status')).toContainText('must choose a new one');

  const ctx = await browser.newContext();
  const user = await ctx.newPage();
  await signIn(user, 'reset.me@example.kz', 'set by the admin, 2024');
  await user.goto('/');
  await expect(user).toHaveURL(/\/password$/);
  await expect(user.getByText('An admin reset your password')).toBeVisible();
  expect((await user.request.get('/api/v1/projects')).status()).toBe(403);
  await user.getByLabel('Current password').fill('set by the admin, 2024');
  await user.getByLabel('New password', { exact: true }).fill('a choice of my own, finally');
  await user.getByLabel('Repeat the new password').fill('a choice of my own, finally');
  await user.getByRole('button', { name: 'Change password' }).click();
  await expect(user).not.toHaveURL(/\/password/);
  expect((await user.request.get('/api/v1/projects')).status()).toBe(200);
  await ctx.close();

  const again = await browser.newContext();
  await signIn(await again.newPage(), 'reset.me@example.kz', 'a choice of my own, finally');
  await again.close();
});

test('sessions end on every device: sign out, "sign out everywhere", disabling, "all other devices"', async ({ page, browser }) => {
  const email = 'two.devices@example.kz';
  const password = 'one person, two browsers';
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin/users');
  await page.getByLabel('Name').fill('Two Devices');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Initial password').fill(password);
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');

  const laptop = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  const bothSignIn = async () => {
    for (const p of [laptop, phone]) {
      await signIn(p, email, password);
      await p.goto('/');
      await expect(p).not.toHaveURL(/\/signin/);
    }
  };
  const endedOn = async (p: Page) => {
    expect((await p.request.get('/api/v1/projects')).status()).toBe(401);
    expect(await (await p.request.get('/api/auth/session')).json()).toEqual({});
    await p.goto('/');
    await expect(p).toHaveURL(/\/signin/);
  };

  // an admin signs the user out everywhere
  await bothSignIn();
  await page.getByRole('button', { name: `Sign out everywhere: ${email}` }).click();
  await expect(page.getByRole('status')).toContainText('signed out on every device');
  await endedOn(laptop);
  await endedOn(phone);

  // signing out on one device ends the other's session too
  await bothSignIn();
  await laptop.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(laptop).toHaveURL(/\/signin/);
  await endedOn(phone);

  // "sign out of all other devices" keeps the device asking
  await bothSignIn();
  await laptop.goto('/settings');
  await laptop.getByRole('button', { name: 'Sign out of all other devices' }).click();
  await expect(laptop.getByRole('status')).toHaveText('You are signed out on every other device.');
  await endedOn(phone);
  await laptop.goto('/');
  await expect(laptop).not.toHaveURL(/\/signin/);
  expect((await laptop.request.get('/api/v1/projects')).status()).toBe(200);

  // disabling the account
  await page.reload();
  // a controlled checkbox: it shows the new state once the list comes back from the server
  await page.getByLabel(`Disabled: ${email}`).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await expect(page.getByLabel(`Disabled: ${email}`)).toBeChecked();
  await endedOn(laptop);

  await laptop.context().close();
  await phone.context().close();
});
