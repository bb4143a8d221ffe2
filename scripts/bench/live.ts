/**
 * Issue 17 figure: live update propagation between two browser contexts, in headless
 * Chromium against the production build. Coder 1 writes a coding (the JSON API, from
 * their own signed-in context); the lead has the document open on coder 1's layer; the
 * time is from the write being sent to the lead's editor having drawn its stripe.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openDatabase } from '../../db/client';
import { seedDemo } from '../../db/seed/demo';
import { ensureBuild, startServer } from './server';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ROUNDS = 30;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function signedIn(browser: Browser, url: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(`${url}/signin`);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill('demo-password');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(`${url}/`);
  return page;
}

export async function benchLive(): Promise<Record<string, number>> {
  ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-bench-live-'));
  const file = path.join(dir, 'bench.db');
  const db = openDatabase(file);
  seedDemo(db);
  const ids = db.$client.prepare("select (select id from users where email = 'coder1@demo.test') coder, (select id from documents where title like 'FG07%') doc, (select id from codes where parent_id is not null order by id limit 1) code").get() as { coder: number; doc: number; code: number };
  db.$client.close();
  const server = await startServer(file, 3300 + Math.floor(Math.random() * 500));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const coder = await signedIn(browser, server.url, 'coder1@demo.test');
    const lead = await signedIn(browser, server.url, 'lead@demo.test');
    await lead.goto(`${server.url}/projects/1/documents/${ids.doc}?layers=coder:${ids.coder}`);
    await lead.waitForSelector('[data-testid=margin-stripes] .stripe');
    await lead.waitForTimeout(1000);
    const stripes = () => lead.evaluate(() => document.querySelectorAll('[data-testid=margin-stripes] .stripe').length);
    const times: number[] = [];
    for (let i = 0; i < ROUNDS + 2; i++) {
      const before = await stripes();
      const start = 40 + i * 97;
      const t0 = Date.now();
      const res = await coder.request.post(`${server.url}/api/v1/projects/1/codings`, {
        headers: { origin: server.url },
        data: { documentId: ids.doc, version: 1, codeIds: [ids.code], start, end: start + 30 },
      });
      if (res.status() !== 201) throw new Error(`coding refused: ${res.status()} ${await res.text()}`);
      await lead.waitForFunction((n) => document.querySelectorAll('[data-testid=margin-stripes] .stripe').length > n, before, { timeout: 10_000, polling: 'raf' });
      // The first two warm the server's action and route bundles.
      if (i >= 2) times.push(Date.now() - t0);
    }
    times.sort((a, b) => a - b);
    const [l1, l5, l15] = os.loadavg();
    return {
      'live update propagation (write sent → other context drew it), p50 ms': percentile(times, 50),
      'live update propagation, p95 ms': percentile(times, 95),
      'live update propagation, max ms': times[times.length - 1],
      rounds: times.length,
      'load average 1 min': l1,
      'load average 5 min': l5,
      'load average 15 min': l15,
    };
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
