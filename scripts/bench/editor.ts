/**
 * Issue 2 and 3 figures, measured in headless Chromium against the production build:
 * - first paint of the longest demo transcript;
 * - a 30,000-word transcript (1,200 turns) with 3,000 codings over 3 layers: navigation
 *   to the editor rendered with all highlights and stripes;
 * - adding one highlight: the decoration patch and view update;
 * - applying a code: server round trip with 250,000 codings in the database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { openDatabase } from '../../db/client';
import { seedDemo } from '../../db/seed/demo';
import { hashPassword } from '../../lib/auth/password';
import { newApiToken } from '../../lib/auth/token';
import { createSyntheticProject, type SyntheticProject } from './synthetic';
import { ensureBuild, startServer } from './server';

const PASSWORD = 'bench-password';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function benchEditor(): Promise<Record<string, number>> {
  ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-bench-editor-'));
  const file = path.join(dir, 'bench.db');
  const db = openDatabase(file);
  seedDemo(db);
  const hash = hashPassword(PASSWORD);
  // 500 documents × 3 layers × 167 codings ≈ 250,000 codings in the database.
  const big = createSyntheticProject(db, { documents: 500, participantsPerDocument: 10, turnsPerDocument: 40, wordsPerTurn: 20, codes: 60, codingsPerLayerPerDocument: 167, coders: 3 }, hash, 'Synthetic 250k');
  // One 30,000-word transcript with 1,000 codings in each of 3 layers.
  const long = createSyntheticProject(db, { documents: 1, participantsPerDocument: 8, turnsPerDocument: 1200, wordsPerTurn: 25, codes: 40, codingsPerLayerPerDocument: 1000, coders: 3, seed: 7 }, hash, 'Synthetic long transcript');
  const counts = db.$client.prepare('select (select count(*) from codings) c, (select sum(word_count) from turns where document_id = ?) w').get(long.documentIds[0]) as { c: number; w: number };
  const { token, hash: tokenHash, prefix } = newApiToken();
  db.$client.prepare('insert into api_tokens (user_id, name, token_hash, prefix) values (?, ?, ?, ?)').run(big.coderIds[0], 'bench', tokenHash, prefix);
  const leadEmail = (db.$client.prepare('select email from users where id = ?').get(long.leadId) as { email: string }).email;
  const demoLongest = db.$client
    .prepare("select d.id, d.project_id p from documents d join turns t on t.document_id = d.id join projects pr on pr.id = d.project_id where pr.is_demo = 1 group by d.id order by sum(length(t.text)) desc limit 1")
    .get() as { id: number; p: number };
  db.$client.close();

  const server = await startServer(file, 3300 + Math.floor(Math.random() * 500));
  try {
    return await measure(server.url, { big, long, token, leadEmail, demoLongest, counts });
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Waits until the editor shows its stripes and highlight spans, and the browser has
 * painted the frame that has them (an element in the DOM is not yet on screen).
 */
async function rendered(page: Page, expect: { stripes: number; spans: number }): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-testid=margin-stripes] .stripe').length >= n.stripes &&
      document.querySelectorAll('.transcript-editor .coding').length >= n.spans,
    expect,
    { timeout: 30_000, polling: 16 },
  );
  // A timer set in an animation frame runs once that frame is rendered.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

async function measure(
  url: string,
  s: {
    big: SyntheticProject;
    long: SyntheticProject;
    token: string;
    leadEmail: string;
    demoLongest: { id: number; p: number };
    counts: { c: number; w: number };
  },
): Promise<Record<string, number>> {
  const { big, long, token, leadEmail, demoLongest, counts } = s;
  const server = { url };
  const out: Record<string, number> = { 'database codings': counts.c, 'long transcript words': counts.w };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/signin`);
    await page.getByLabel(/email/i).fill(leadEmail);
    await page.getByLabel(/password/i).fill(PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(`${server.url}/`);
    // The lead is not in the demo project: measure the demo's longest transcript as its lead.
    const demo = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await demo.goto(`${server.url}/signin`);
    await demo.getByLabel(/email/i).fill('lead@demo.test');
    await demo.getByLabel(/password/i).fill('demo-password');
    await demo.getByRole('button', { name: /sign in/i }).click();
    await demo.waitForURL(`${server.url}/`);
    const paints: number[] = [];
    for (let i = 0; i < 3; i++) {
      await demo.goto(`${server.url}/projects/${demoLongest.p}/documents/${demoLongest.id}`);
      await demo.waitForSelector('.transcript-editor .turn');
      paints.push(await demo.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    }
    out['demo longest transcript: first contentful paint, ms (median of 3)'] = paints.sort((a, b) => a - b)[1];

    const layers = long.coderIds.map((id) => `coder:${id}`).join(',');
    const docUrl = `${server.url}/projects/${long.projectId}/documents/${long.documentIds[0]}?layers=${layers}`;
    // Overlapping codings share highlight spans, so the number of spans on a settled page
    // (not the number of codings) is what "all highlights drawn" is counted against.
    await page.goto(docUrl);
    await rendered(page, { stripes: 3000, spans: 1 });
    await page.waitForTimeout(1000);
    const spans = await page.locator('.transcript-editor .coding').count();
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      await page.goto(docUrl);
      await rendered(page, { stripes: 3000, spans });
      loads.push(Date.now() - t0);
    }
    out['30k-word transcript, 3,000 codings / 3 layers: navigation to rendered highlights and stripes, ms (median of 3)'] = loads.sort((a, b) => a - b)[1];
    const highlightsOnScreen = await page.locator('.transcript-editor .coding').count();
    out['highlight spans rendered'] = highlightsOnScreen;

    // Add highlights one at a time through the editor (select a turn, Enter on the first code).
    await page.goto(`${server.url}/projects/${long.projectId}/documents/${long.documentIds[0]}?layers=${layers},consensus&edit=consensus`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=margin-stripes] .stripe').length >= n, 3000, { timeout: 30_000 });
    await page.evaluate(() => performance.clearMeasures('fgc:highlights'));
    for (let i = 0; i < 10; i++) {
      const turn = page.locator('.transcript-editor .turn-participant .turn-text').nth(20 + i * 3);
      await turn.scrollIntoViewIfNeeded();
      const box = (await turn.boundingBox())!;
      await page.mouse.move(box.x + 2, box.y + 6);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.5, box.y + 6, { steps: 3 });
      await page.mouse.up();
      await page.getByTestId('code-popover').waitFor();
      // Typing starts the code search in the popover; Enter applies the first match.
      await page.keyboard.type('Code 1');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(150);
    }
    const patches = await page.evaluate(() =>
      performance.getEntriesByName('fgc:highlights').filter((e) => ((e as PerformanceMeasure).detail as { add: number }).add <= 2).map((e) => e.duration),
    );
    patches.sort((a, b) => a - b);
    out['add one highlight: decoration patch + view update, ms (median)'] = Number(percentile(patches, 50).toFixed(2));
    out['add one highlight: decoration patch + view update, ms (max)'] = Number((patches.at(-1) ?? Number.NaN).toFixed(2));
    out['highlights added'] = patches.length;
  } finally {
    await browser.close();
  }

  // Round trips of "apply a code" over HTTP, with ~250,000 codings stored.
  const times: number[] = [];
  const created: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    const r = await fetch(`${server.url}/api/v1/projects/${big.projectId}/codings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ documentId: big.documentIds[i % big.documentIds.length], version: 1, codeIds: [big.codeIds[i % big.codeIds.length]], start: 0, end: 10 + (i % 5) }),
    });
    const json = (await r.json()) as { codings?: Array<{ id: number }>; error?: string };
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`apply code failed: ${json.error}`);
    created.push(json.codings![0].id);
  }
  times.sort((a, b) => a - b);
  out['apply a code over HTTP with 250k codings: p50 ms'] = Number(percentile(times, 50).toFixed(1));
  out['apply a code over HTTP with 250k codings: p95 ms'] = Number(percentile(times, 95).toFixed(1));
  return out;
}
