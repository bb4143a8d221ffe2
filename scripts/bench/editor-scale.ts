/**
 * Issue 17's browser figures, in headless Chromium against the production build, on a
 * transcript of ≥ 300,000 characters with ≥ 20,000 codings in the layers on screen
 * (db/seed/long-transcript: the demo's banks and simulated coders):
 * - navigation → transcript, visible highlights and stripes painted;
 * - scrolling the whole transcript (a fixed step per animation frame): frame times and long tasks;
 * - applying a code (Enter in the popover) → its highlight in the DOM and painted;
 * - the tab's memory (JS heap by CDP, the renderer's resident memory);
 * - the transcript's top edge in a 1440×900 window on the demo (one layer, several layers).
 * Each figure is printed with its target; the load average goes with them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openDatabase } from '../../db/client';
import { seedDemo } from '../../db/seed/demo';
import { seedLongTranscript, type LongTranscript } from '../../db/seed/long-transcript';
import { hashPassword } from '../../lib/auth/password';
import { ensureBuild, startServer } from './server';

const PASSWORD = 'bench-password';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TAG = `editor-scale-${process.pid}`;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--class=${TAG}`];
/** Pixels scrolled per animation frame: about 6,000 px/s at 60 frames a second, a fast flick held. */
const SCROLL_STEP = 100;
const SHOTS = process.env.BENCH_SHOTS || '';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const median = (v: number[]) => percentile(v, 50);
const round = (n: number, d = 1) => Number(n.toFixed(d));

export async function benchEditorScale(): Promise<Record<string, number | string>> {
  ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-bench-editor-scale-'));
  const file = path.join(dir, 'bench.db');
  const db = openDatabase(file);
  seedDemo(db);
  const long = seedLongTranscript(db, { minChars: 300_000, minCodings: 20_000, passwordHash: hashPassword(PASSWORD), tag: 'bench' });
  const demoDoc = db.$client
    .prepare("select d.id, d.project_id p from documents d join projects pr on pr.id = d.project_id where pr.is_demo = 1 and d.title like 'FG01%'")
    .get() as { id: number; p: number };
  const demoCoders = (db.$client.prepare("select u.id from users u where u.email in ('coder1@demo.test', 'coder2@demo.test') order by u.email").all() as Array<{ id: number }>).map((r) => r.id);
  db.$client.close();
  const server = await startServer(file, 3300 + Math.floor(Math.random() * 500));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const out: Record<string, number | string> = {
      'load average (1, 5, 15 min) at start': os.loadavg().map((x) => x.toFixed(2)).join(' '),
      'transcript characters': long.chars,
      'transcript words / turns': `${long.words} / ${long.turns}`,
      'codings in the layers on screen': `${long.codings} in ${long.coderIds.length} coder layers`,
    };
    // Each part's figures are printed as they come, so a part that fails loses only its own.
    for (const part of [() => measureLong(browser, server.url, long), () => measureTop(browser, server.url, demoDoc, demoCoders)]) {
      try {
        const figures = await part();
        for (const [k, v] of Object.entries(figures)) console.error(`  … ${k}: ${v}`);
        Object.assign(out, figures);
      } catch (e) {
        out[`FAILED (${Object.keys(out).length})`] = (e as Error).message.split('\n')[0];
        process.exitCode = 1;
      }
    }
    out['load average (1, 5, 15 min) at end'] = os.loadavg().map((x) => x.toFixed(2)).join(' ');
    return out;
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/signin`);
  // By name, not label: the window may be in Russian.
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(`${url}/`);
}

/** tsx names the functions it compiles with a helper the page does not have: functions evaluated there need it. */
const NAME_HELPER = { content: 'window.__name = (f) => f;' };

/**
 * Long tasks and long animation frames (a frame's tasks, style, layout, observers and paint),
 * and the moment the margin first holds stripes (its stripe count set), from the page's
 * first script on (installed before any of the page's own).
 */
const LONG_TASKS = () => {
  const w = window as unknown as { __longTasks: number[]; __frames: Array<{ start: number; end: number }>; __stripesAt: number };
  w.__longTasks = [];
  w.__frames = [];
  w.__stripesAt = Number.NaN;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__frames.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // no long-task or long-animation-frame timing in this browser
  }
  new MutationObserver((records, mo) => {
    for (const r of records) {
      const el = r.target as HTMLElement;
      if (r.attributeName === 'data-stripes' && Number(el.dataset.stripes) > 0) {
        w.__stripesAt = performance.now();
        mo.disconnect();
      }
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-stripes'] });
};

/**
 * Navigation → the transcript painted with the highlights and stripes near the viewport: the
 * page's clock (0 = navigation start) when the first frame that has them has been drawn.
 */
async function paintedAfterNavigation(page: Page, stripes: number): Promise<{ painted: number; fcp: number }> {
  await page.waitForFunction(
    (n) => {
      const inView = (sel: string) => {
        for (const el of document.querySelectorAll(sel)) {
          const r = el.getBoundingClientRect();
          if (r.bottom > 0 && r.top < innerHeight && r.height > 0) return true;
          if (r.top >= innerHeight) return false;
        }
        return false;
      };
      // The transcript opens on the moderator's welcome, which nobody codes: highlights in the DOM, stripes all placed.
      // The margin keeps only the stripes near the viewport in the page; it says how many it placed.
      const margin = document.querySelector<HTMLElement>('[data-testid=margin-stripes]');
      return Number(margin?.dataset.stripes ?? 0) >= n && margin!.querySelector('.stripe, .stripe-canvas') !== null && inView('.transcript-editor .turn') && document.querySelector('.transcript-editor .coding') !== null;
    },
    stripes,
    { timeout: 120_000, polling: 50 },
  );
  // The stripes are drawn in a frame's size observers, after its layout and before its
  // paint: that frame's end (a long animation frame's, which includes its paint) is when
  // they and the highlights beside them were painted. A frame too short to be reported
  // ended within 50 ms of them. A first task after the paint would also count whatever the
  // page queued before it.
  const first = await page.evaluate(async () => {
    const w = window as unknown as { __frames: Array<{ start: number; end: number }>; __stripesAt: number };
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const at = w.__stripesAt;
    const frame = w.__frames.find((f) => f.start <= at && at <= f.end);
    return { painted: frame ? frame.end : at + 50, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN };
  });
  return first;
}

/** Resident memory of this benchmark's renderer processes (its browser is tagged by --class), in MB. */
function rendererRss(): number {
  try {
    const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' });
    const rows = ps.split('\n').filter(Boolean).map((l) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(l)!;
      return { pid: +m[1], ppid: +m[2], rss: +m[3], args: m[4] };
    });
    const root = rows.find((r) => r.args.includes(`--class=${TAG}`) && !r.args.includes('--type='));
    if (!root) return Number.NaN;
    const mine = new Set([root.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of rows) {
        if (mine.has(r.pid) || !mine.has(r.ppid)) continue;
        mine.add(r.pid);
        grew = true;
      }
    }
    const renderers = rows.filter((r) => mine.has(r.pid) && r.args.includes('--type=renderer'));
    return Math.max(...renderers.map((r) => r.rss)) / 1024;
  } catch {
    return Number.NaN;
  }
}

async function measureLong(browser: Browser, url: string, long: LongTranscript): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(NAME_HELPER);
  await context.addInitScript(LONG_TASKS);
  const page = await context.newPage();
  await signIn(page, url, long.leadEmail, PASSWORD);
  const layers = long.coderIds.map((id) => `coder:${id}`).join(',');
  const docUrl = `${url}/projects/${long.projectId}/documents/${long.documentId}?layers=${layers}`;

  // A first visit warms the server and the browser's cache, as a coder's second day would.
  await page.goto(docUrl);
  await paintedAfterNavigation(page, long.codings);
  const painted: number[] = [];
  const fcp: number[] = [];
  const loadTasks: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(docUrl, { waitUntil: 'commit' });
    const t = await paintedAfterNavigation(page, long.codings);
    painted.push(t.painted);
    fcp.push(t.fcp);
    await page.waitForTimeout(500);
    loadTasks.push(Math.max(0, ...(await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks))));
  }
  out['navigation → first contentful paint, ms (median of 3)'] = round(median(fcp));
  out['navigation → transcript with visible highlights and stripes painted, ms (median of 3) [target ≤ 1000]'] = round(median(painted));
  out['longest task while loading, ms (median of 3)'] = round(median(loadTasks));

  // Scroll the whole transcript, one step per animation frame, timing the frames.
  await page.waitForTimeout(1000);
  // Where each turn is before the highlights of the whole transcript have been drawn (the margin placed its stripes from this layout).
  const turnTops = () => page.evaluate(() => Array.from(document.querySelectorAll('.transcript-editor .turn-text'), (el) => el.getBoundingClientRect().top + scrollY));
  const topsBefore = await turnTops();
  const scroll = await page.evaluate(async (step) => {
    const w = window as unknown as { __longTasks: number[] };
    const el = document.scrollingElement!;
    el.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    w.__longTasks = [];
    const deltas: number[] = [];
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      let last = performance.now();
      const frame = (now: number) => {
        deltas.push(now - last);
        last = now;
        if (el.scrollTop + innerHeight >= el.scrollHeight - 1) return resolve();
        el.scrollTop += step;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    return { deltas: deltas.slice(1), seconds: (performance.now() - t0) / 1000, height: el.scrollHeight, longTasks: [...w.__longTasks] };
  }, SCROLL_STEP);
  out['scroll: page height, px / frames / seconds'] = `${scroll.height} / ${scroll.deltas.length} / ${scroll.seconds.toFixed(1)}`;
  out['scroll: frame time p50, ms'] = round(percentile(scroll.deltas, 50));
  out['scroll: frame time p95, ms [target ≤ 20]'] = round(percentile(scroll.deltas, 95));
  out['scroll: frame time max, ms'] = round(Math.max(...scroll.deltas));
  out['scroll: long tasks (> 50 ms), count'] = scroll.longTasks.length;
  out['scroll: longest task, ms [target ≤ 100]'] = round(Math.max(0, ...scroll.longTasks));
  const topsAfter = await turnTops();
  out['turns moved by the highlights drawn while scrolling (stripes off their lines), max px [target 0]'] = round(Math.max(0, ...topsAfter.map((y, i) => Math.abs(y - topsBefore[i]))));

  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  out['memory: JS heap used after scrolling, MB'] = round(metric('JSHeapUsedSize') / 2 ** 20);
  out['memory: DOM nodes'] = metric('Nodes');
  out['memory: renderer resident, MB [target ≤ 300]'] = round(rendererRss());

  // Apply a code with the keyboard in the lead's consensus layer, over the 20,000 codings.
  await page.goto(`${url}/projects/${long.projectId}/documents/${long.documentId}?layers=${layers},consensus&edit=consensus`);
  await paintedAfterNavigation(page, long.codings);
  await page.evaluate(() => {
    const w = window as unknown as { __apply: { pressed: number; drawn: number; painted: number }[]; __longTasks: number[]; __enter: Array<{ start: number; duration: number }> };
    w.__apply = [];
    w.__longTasks = [];
    w.__enter = [];
    // The browser's own measure of a key's response (Event Timing, as INP): from the key
    // to the paint of the frame after its handlers, which drew the highlight.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') w.__enter.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
    const editor = document.querySelector('.transcript-editor')!;
    // The keydown's own time stamp: when the key reached the page.
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Enter') return;
        const before = editor.querySelectorAll('.coding').length;
        const entry = { pressed: e.timeStamp, drawn: Number.NaN, painted: Number.NaN };
        w.__apply.push(entry);
        const mo = new MutationObserver(() => {
          if (editor.querySelectorAll('.coding').length <= before) return;
          mo.disconnect();
          entry.drawn = performance.now();
          requestAnimationFrame(() => setTimeout(() => (entry.painted = performance.now()), 0));
        });
        mo.observe(editor, { childList: true, subtree: true });
      },
      true,
    );
  });
  const applies = 10;
  for (let i = 0; i < applies; i++) {
    const turn = page.locator('.transcript-editor .turn-participant .turn-text').nth(1000 + i * 37);
    await turn.scrollIntoViewIfNeeded();
    const box = (await turn.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + 6);
    await page.mouse.down();
    await page.mouse.move(box.x + Math.min(box.width - 4, 160), box.y + 6, { steps: 3 });
    await page.mouse.up();
    await page.getByTestId('code-popover').waitFor();
    await page.keyboard.type('Telegram');
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(600);
  }
  const applied = await page.evaluate(() => (window as unknown as { __apply: { pressed: number; drawn: number; painted: number }[] }).__apply);
  // The Enter presses among the keys timed (an event timing starts at its event's time stamp);
  // the browser times only keys slower than 16 ms, so one not timed counts as 16.
  const timed = await page.evaluate(() => (window as unknown as { __enter: Array<{ start: number; duration: number }> }).__enter);
  const enter = applied.map((a) => timed.find((t) => Math.abs(t.start - a.pressed) < 1)?.duration ?? 16);
  const enterTimed = applied.filter((a) => timed.some((t) => Math.abs(t.start - a.pressed) < 1)).length;
  const drawn = applied.map((a) => a.drawn - a.pressed).filter(Number.isFinite);
  const paintedApply = applied.map((a) => a.painted - a.pressed).filter(Number.isFinite);
  out['apply a code (Enter) → highlight in the DOM, ms (median)'] = round(median(drawn));
  out['apply a code (Enter) → next paint, with the highlight (Event Timing), ms (median) [target ≤ 50]'] = round(median(enter));
  out['apply a code (Enter) → next paint (Event Timing), ms (max)'] = round(Math.max(...enter));
  out['apply a code (Enter) → presses slower than 16 ms (timed) / tries'] = `${enterTimed} / ${applies}`;
  out['apply a code (Enter) → first task after that paint, ms (median)'] = round(median(paintedApply));
  out['apply a code: highlights drawn / tries'] = `${paintedApply.length} / ${applies}`;
  out['apply a code: longest task, ms'] = round(Math.max(0, ...(await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks))));
  await context.close();
  return out;
}

/**
 * The transcript's top edge in a 1440×900 window on the demo, in Russian: a coder's own
 * layer (no layer picker), the lead's consensus, and two coders' layers with the consensus.
 */
async function measureTop(browser: Browser, url: string, doc: { id: number; p: number }, coders: number[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const views: Array<[string, string, string]> = [
    ['coder, one layer', 'coder1@demo.test', ''],
    ['lead, one layer', 'lead@demo.test', ''],
    ['lead, layered view', 'lead@demo.test', `?layers=${coders.map((id) => `coder:${id}`).join(',')},consensus&edit=consensus`],
  ];
  for (const [name, email, query] of views) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
    await context.addInitScript(NAME_HELPER);
    const page = await context.newPage();
    await signIn(page, url, email, 'demo-password');
    await page.goto(`${url}/projects/${doc.p}/documents/${doc.id}${query}`);
    await page.locator('#transcript').waitFor();
    await page.waitForTimeout(300);
    out[`transcript top edge in 1440×900, ${name}, px [target ≤ 225]`] = round(await page.locator('#transcript').evaluate((el) => el.getBoundingClientRect().top + scrollY));
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `editor-top-${name.replace(/\W+/g, '-')}.png`) });
    await context.close();
  }
  return out;
}
