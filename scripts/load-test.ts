/**
 * `npm run test:load [-- --seconds 60 --coders 20]`: concurrent coding against the production
 * build on loopback. A fresh database with the demo study; `coders` simulated coders (members
 * of the demo project, all assigned to the same documents, each with an API token) apply and
 * remove codings on those documents through the API for `seconds`, one request in flight each.
 *
 * Then: every coding a 201 acknowledged and no 204 removed must be stored, and nothing else
 * of those coders; the database invariants (npm run db:check) must hold. Prints requests per
 * second and latency percentiles; exits 1 on any error or lost write.
 */
import { checkIntegrity } from '../db/queries/integrity';
import { openDatabase } from '../db/client';
import { ensureBuild, startServer } from './bench/server';
import { createLoadInstance, freePort, intArg, percentile, prng, randomCoding, storedCodingIds } from './reliability/instance';

const seconds = intArg('seconds', 60);
const coderCount = intArg('coders', 20);
const DOCUMENTS = 2;

interface Stats {
  latencies: number[];
  requests: number;
  creates: number;
  deletes: number;
  errors: string[];
}

async function main() {
  ensureBuild();
  const inst = await createLoadInstance({ coders: coderCount, documents: DOCUMENTS, prefix: 'fgcoder-load-' });
  const port = await freePort();
  console.log(`Load test: ${coderCount} coders, ${seconds} s, documents ${inst.documents.map((d) => d.title).join(', ')}, production build on 127.0.0.1:${port}`);
  const server = await startServer(inst.databasePath, port);
  const base = `http://127.0.0.1:${port}/api/v1/projects/${inst.projectId}`;
  const stats: Stats = { latencies: [], requests: 0, creates: 0, deletes: 0, errors: [] };
  /** Per coder: the codings the server acknowledged and has not been asked to remove since. */
  const acknowledged = new Map<number, Set<number>>(inst.coders.map((c) => [c.id, new Set()]));
  let exitCode = 0;
  try {
    // Warm up each route once (the first request of a route loads its code), outside the figures.
    for (const c of inst.coders.slice(0, 1)) {
      const res = await fetch(`${base}/codings`, { method: 'POST', headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' }, body: JSON.stringify(randomCoding(prng(1), inst)) });
      const { codings } = (await res.json()) as { codings: Array<{ id: number }> };
      await fetch(`${base}/codings/${codings[0].id}`, { method: 'DELETE', headers: { authorization: `Bearer ${c.token}` } });
    }

    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      inst.coders.map(async (coder, i) => {
        const rnd = prng(1000 + i);
        const mine = acknowledged.get(coder.id)!;
        const auth = { authorization: `Bearer ${coder.token}` };
        while (performance.now() < deadline) {
          const remove = mine.size > 0 && rnd() < 0.45;
          const t0 = performance.now();
          try {
            if (remove) {
              const ids = [...mine];
              const id = ids[Math.floor(rnd() * ids.length)];
              const res = await fetch(`${base}/codings/${id}`, { method: 'DELETE', headers: auth });
              await res.arrayBuffer();
              if (res.status !== 204) throw new Error(`DELETE ${id}: ${res.status}`);
              mine.delete(id);
              stats.deletes++;
            } else {
              const res = await fetch(`${base}/codings`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(randomCoding(rnd, inst)) });
              const body = (await res.json()) as { codings?: Array<{ id: number }>; error?: string };
              if (res.status !== 201 || !body.codings) throw new Error(`POST: ${res.status} ${body.error ?? ''}`);
              for (const c of body.codings) mine.add(c.id);
              stats.creates++;
            }
          } catch (e) {
            stats.errors.push(`coder ${i + 1}: ${(e as Error).message}`);
          }
          stats.latencies.push(performance.now() - t0);
          stats.requests++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;

    const expected = new Set([...acknowledged.values()].flatMap((s) => [...s]));
    const stored = storedCodingIds(inst.databasePath, inst.coders.map((c) => c.id));
    const lost = [...expected].filter((id) => !stored.has(id));
    const unexpected = [...stored].filter((id) => !expected.has(id));
    const db = openDatabase(inst.databasePath);
    const integrity = await checkIntegrity(db);
    db.$client.close();

    const sorted = [...stats.latencies].sort((a, b) => a - b);
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    console.log(`requests: ${stats.requests} in ${elapsed.toFixed(1)} s (${(stats.requests / elapsed).toFixed(1)} requests/s): ${stats.creates} codings applied, ${stats.deletes} removed`);
    console.log(`latency: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted[sorted.length - 1] ?? NaN)}`);
    console.log(`errors: ${stats.errors.length}`);
    console.log(`codings acknowledged and not removed: ${expected.size}; stored for those coders: ${stored.size}; lost: ${lost.length}; stored but never acknowledged: ${unexpected.length}`);
    console.log(`db:check: ${integrity.problems.length === 0 ? 'all invariants hold' : `${integrity.problems.length} problems`} (${integrity.codings} codings)`);
    for (const e of stats.errors.slice(0, 10)) console.log(`  error: ${e}`);
    for (const p of integrity.problems.slice(0, 10)) console.log(`  problem: ${p}`);
    if (stats.errors.length || lost.length || unexpected.length || integrity.problems.length) exitCode = 1;
    console.log(exitCode === 0 ? 'load test: ok' : 'load test: FAILED');
  } finally {
    await server.stop();
    inst.cleanup();
  }
  process.exit(exitCode);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
