/**
 * The security figure of `npm run bench` (issue 16, item 3): other users' latency while 20
 * concurrent unauthenticated clients try to sign in with random emails and passwords for
 * 15 s, against the production build. Two floods: from one address (the per-address limit
 * answers most attempts, after a delay, without checking a password), and from a new address
 * for every attempt (TRUST_PROXY=1 and a random X-Forwarded-For, as a botnet would: every
 * attempt checks a password, so this is the worker pool and its queue at work). The other
 * users are two coders opening a document through the API, one request at a time each.
 * Target: their p95 during a flood ≤ 3 × their p95 idle.
 */
import { ensureBuild, startServer } from './server';
import { createLoadInstance, freePort, percentile } from '../reliability/instance';

const FLOOD_CLIENTS = 20;
const SECONDS = Number(process.env.BENCH_SECURITY_SECONDS || 15);

async function others(url: string, tokens: string[], ms: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = Date.now() + ms;
  await Promise.all(
    tokens.map(async (token) => {
      while (Date.now() < end) {
        const t = performance.now();
        const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        await r.arrayBuffer();
        if (!r.ok) throw new Error(`other user: ${r.status}`);
        latencies.push(performance.now() - t);
        await new Promise((res) => setTimeout(res, 20));
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

const random = () => Math.random().toString(36).slice(2);

async function flood(base: string, ms: number, spoof: boolean): Promise<Record<string, number>> {
  const end = Date.now() + ms;
  const answers: Record<string, number> = {};
  await Promise.all(
    Array.from({ length: FLOOD_CLIENTS }, async () => {
      const csrf = await fetch(`${base}/api/auth/csrf`);
      const cookie = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      while (Date.now() < end) {
        const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', cookie };
        if (spoof) headers['x-forwarded-for'] = `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
        const body = new URLSearchParams({ csrfToken, email: `${random()}@flood.test`, password: random() + random(), json: 'true' });
        try {
          const r = await fetch(`${base}/api/auth/callback/credentials`, { method: 'POST', headers, body, redirect: 'manual' });
          const text = await r.text();
          const error = /error=([A-Za-z]+)/.exec(text)?.[1] ?? String(r.status);
          answers[error] = (answers[error] ?? 0) + 1;
        } catch {
          answers.network = (answers.network ?? 0) + 1;
        }
      }
    }),
  );
  return answers;
}

export async function benchSecurity(): Promise<Record<string, number>> {
  ensureBuild();
  const out: Record<string, number> = {};
  for (const spoof of [false, true]) {
    const inst = await createLoadInstance({ coders: 2, documents: 1, prefix: 'fgcoder-bench-security-' });
    const port = await freePort();
    const server = await startServer(inst.databasePath, port, spoof ? { TRUST_PROXY: '1' } : {});
    const base = `http://127.0.0.1:${port}`;
    const doc = `${base}/api/v1/projects/${inst.projectId}/documents/${inst.documents[0].id}`;
    const tokens = inst.coders.map((c) => c.token);
    const label = spoof ? 'sign-in flood from a new address per attempt' : 'sign-in flood from one address';
    try {
      await others(doc, tokens, 2000); // warm-up
      const idle = await others(doc, tokens, SECONDS * 1000);
      const [busy, answers] = await Promise.all([others(doc, tokens, SECONDS * 1000), flood(base, SECONDS * 1000, spoof)]);
      const attempts = Object.values(answers).reduce((a, b) => a + b, 0);
      out[`idle p50, ms (${label})`] = percentile(idle, 50);
      out[`idle p95, ms (${label})`] = percentile(idle, 95);
      out[`during the flood p50, ms (${label})`] = percentile(busy, 50);
      out[`during the flood p95, ms (${label})`] = percentile(busy, 95);
      out[`p95 during / idle (target ≤ 3) (${label})`] = percentile(busy, 95) / percentile(idle, 95);
      out[`sign-in attempts per second (${label})`] = attempts / SECONDS;
      for (const [k, v] of Object.entries(answers)) out[`answers ${k} (${label})`] = v;
    } finally {
      await server.stop();
      inst.cleanup();
    }
  }
  return out;
}
