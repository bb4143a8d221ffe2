/**
 * `npm run test:crash [-- --kills 10]`: kill -9 the server in the middle of a write burst,
 * check the database, restart, repeat.
 *
 * A fresh database with the demo study and 8 load coders (see ./reliability/instance). Each
 * round starts the production build, sends a burst of concurrent coding writes (applies and
 * removes) and, at a random moment inside it, kills the whole server process group with
 * SIGKILL. With the server down, the database file must then pass `PRAGMA integrity_check`
 * and every invariant of `npm run db:check`; every coding whose creation was acknowledged
 * (201) and not removed (204) must be there; no acknowledged removal may have come back.
 * Writes in flight at the kill may have committed or not: they are counted, not judged.
 * Exits 1 on any problem.
 */
import Database from 'better-sqlite3';
import { openDatabase } from '../db/client';
import { checkIntegrity } from '../db/queries/integrity';
import { ensureBuild, startServer } from './bench/server';
import { createLoadInstance, freePort, intArg, prng, randomCoding, storedCodingIds } from './reliability/instance';

const kills = intArg('kills', 10);
const CODERS = 8;

interface Totals {
  acknowledgedCreates: number;
  acknowledgedDeletes: number;
  inFlightAtKill: number;
  unacknowledgedCommitted: number;
  problems: string[];
}

async function main() {
  ensureBuild();
  const inst = await createLoadInstance({ coders: CODERS, documents: 2, prefix: 'fgcoder-crash-' });
  const coderIds = inst.coders.map((c) => c.id);
  const rnd = prng(20241120);
  /** The codings of the load coders the database must hold: acknowledged, not removed. */
  const expected = new Set<number>();
  /** Codings whose removal was acknowledged: must never come back. */
  const removed = new Set<number>();
  const totals: Totals = { acknowledgedCreates: 0, acknowledgedDeletes: 0, inFlightAtKill: 0, unacknowledgedCommitted: 0, problems: [] };
  console.log(`Crash test: ${kills} kills (SIGKILL) during write bursts by ${CODERS} coders on ${inst.documents.map((d) => d.title).join(', ')}`);

  try {
    for (let round = 1; round <= kills; round++) {
      const port = await freePort();
      const server = await startServer(inst.databasePath, port);
      const base = `http://127.0.0.1:${port}/api/v1/projects/${inst.projectId}`;
      let killed = false;
      /** Removals in flight at the kill: may have happened or not. */
      const uncertain = new Set<number>();
      let inFlightCreates = 0;
      let roundCreates = 0;
      let roundDeletes = 0;
      const killAfterMs = 300 + Math.floor(rnd() * 1500);
      const killer = setTimeout(() => {
        killed = true;
        try {
          process.kill(-server.process.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, killAfterMs);

      await Promise.all(
        inst.coders.map(async (coder, i) => {
          const r = prng(round * 1000 + i);
          const auth = { authorization: `Bearer ${coder.token}` };
          const mine = () => [...expected].filter((id) => ownerOf.get(id) === coder.id);
          while (!killed) {
            const own = mine();
            const remove = own.length > 0 && r() < 0.4;
            const id = remove ? own[Math.floor(r() * own.length)] : 0;
            if (remove) uncertain.add(id);
            else inFlightCreates++;
            try {
              if (remove) {
                const res = await fetch(`${base}/codings/${id}`, { method: 'DELETE', headers: auth });
                await res.arrayBuffer();
                if (res.status !== 204) throw new Error(`DELETE ${id}: ${res.status}`);
                uncertain.delete(id);
                expected.delete(id);
                removed.add(id);
                roundDeletes++;
              } else {
                const res = await fetch(`${base}/codings`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(randomCoding(r, inst)) });
                const body = (await res.json()) as { codings?: Array<{ id: number }> };
                inFlightCreates--;
                if (res.status !== 201 || !body.codings) throw new Error(`POST: ${res.status}`);
                for (const c of body.codings) {
                  expected.add(c.id);
                  ownerOf.set(c.id, coder.id);
                }
                roundCreates++;
              }
            } catch (e) {
              // A request cut off by the kill has no answer; anything else is a failure.
              if (!killed) totals.problems.push(`round ${round}, coder ${i + 1}: ${(e as Error).message}`);
              return;
            }
          }
        }),
      );
      clearTimeout(killer);
      // Let the operating system reap the killed processes before reading the file.
      await new Promise((r) => setTimeout(r, 300));

      const raw = new Database(inst.databasePath);
      const integrity = (raw.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
      raw.close();
      const db = openDatabase(inst.databasePath);
      const report = await checkIntegrity(db);
      db.$client.close();
      const stored = storedCodingIds(inst.databasePath, coderIds);
      const lost = [...expected].filter((id) => !stored.has(id) && !uncertain.has(id));
      const resurrected = [...removed].filter((id) => stored.has(id));
      const extra = [...stored].filter((id) => !expected.has(id));
      if (integrity !== 'ok') totals.problems.push(`round ${round}: integrity_check: ${integrity}`);
      for (const p of report.problems) totals.problems.push(`round ${round}: ${p}`);
      if (lost.length) totals.problems.push(`round ${round}: ${lost.length} acknowledged codings lost: ${lost.slice(0, 10).join(', ')}`);
      if (resurrected.length) totals.problems.push(`round ${round}: ${resurrected.length} acknowledged removals came back`);
      if (extra.length > inFlightCreates) totals.problems.push(`round ${round}: ${extra.length} codings nobody asked for (${inFlightCreates} creations were in flight)`);
      const line =
        `kill ${round}: after ${killAfterMs} ms, ${roundCreates} applies and ${roundDeletes} removes acknowledged, ${inFlightCreates + uncertain.size} in flight; ` +
        `integrity_check ${integrity}; db:check ${report.problems.length ? `${report.problems.length} problems` : 'clean'}; ` +
        `acknowledged codings ${expected.size}, stored ${stored.size}, lost ${lost.length}`;
      // The database is the truth from here on: in-flight writes that committed count as made.
      const removedInFlight = [...uncertain].filter((id) => !stored.has(id));
      for (const id of removedInFlight) {
        expected.delete(id);
        removed.add(id);
      }
      for (const id of extra) expected.add(id);
      totals.acknowledgedCreates += roundCreates;
      totals.acknowledgedDeletes += roundDeletes;
      totals.inFlightAtKill += inFlightCreates + uncertain.size;
      totals.unacknowledgedCommitted += extra.length + removedInFlight.length;
      console.log(line);
      // ownerOf for codings that committed unacknowledged: the database knows.
      if (extra.length) {
        const conn = new Database(inst.databasePath, { readonly: true });
        for (const row of conn.prepare(`select id, coder_id as coderId from codings where id in (${extra.map(() => '?').join(',')})`).all(...extra) as Array<{ id: number; coderId: number }>) {
          ownerOf.set(row.id, row.coderId);
        }
        conn.close();
      }
    }

    // A last start after the last kill: the server comes up on the recovered database.
    const port = await freePort();
    const server = await startServer(inst.databasePath, port);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/projects/${inst.projectId}/codes`, { headers: { authorization: `Bearer ${inst.coders[0].token}` } });
    if (res.status !== 200) totals.problems.push(`after the last kill the server answers ${res.status}`);
    await server.stop();

    const stored = storedCodingIds(inst.databasePath, coderIds);
    console.log(
      `acknowledged: ${totals.acknowledgedCreates} applies, ${totals.acknowledgedDeletes} removes; expected now ${expected.size}, stored ${stored.size}; ` +
        `in flight at the kills: ${totals.inFlightAtKill} (of which committed without an answer: ${totals.unacknowledgedCommitted})`,
    );
    for (const p of totals.problems.slice(0, 20)) console.log(`  problem: ${p}`);
    const ok = totals.problems.length === 0 && [...expected].every((id) => stored.has(id));
    console.log(ok ? 'crash test: ok' : 'crash test: FAILED');
    process.exitCode = ok ? 0 : 1;
  } finally {
    inst.cleanup();
  }
}

const ownerOf = new Map<number, number>();

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
