/**
 * `npm run test:security [-- --only <words>]`: the hardening of issue 16 replayed over HTTP
 * against the production build (the checks are in ./security/checks.ts).
 *
 * Two servers: one on a fresh copy of the demo study (a lead, two coders with API tokens, blind
 * mode on, one document corrected once so that its version is 2) with the default limits; and one started
 * with SEED_DEMO=0 on an empty database — a real instance before its first account — with
 * SIGNIN_PER_ADDRESS=5, so that the sign-in limit is reached in a few attempts. Prints one
 * line per check and exits 1 when any fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { correctTranscript } from '../db/queries/corrections';
import { createUser, userByEmail } from '../db/queries/users';
import { documents, turns } from '../db/schema';
import { ensureBuild, startServer } from './bench/server';
import { createLoadInstance, freePort } from './reliability/instance';
import { checks, DEMO_PASSWORD, type SecurityContext } from './security/checks';

const SIGNIN_PER_ADDRESS = 5;
const LEAD = 'lead@demo.test';

/** Corrects the first turn of the document once (as a lead would), so its version moves to 2. */
async function correctOnce(databasePath: string, projectId: number, documentId: number): Promise<number> {
  const db = openDatabase(databasePath);
  try {
    const first = db.select().from(turns).where(eq(turns.documentId, documentId)).orderBy(asc(turns.seq)).get()!;
    const doc = db.select().from(documents).where(and(eq(documents.id, documentId), eq(documents.projectId, projectId))).get()!;
    const lead = (await userByEmail(db, LEAD))!;
    return (await correctTranscript(db, { projectId, documentId, version: doc.version, op: { op: 'edit', index: 0, text: `${first.text} (checked)` }, actorId: lead.id })).version;
  } finally {
    db.$client.close();
  }
}

async function main() {
  ensureBuild();
  const only = process.argv.includes('--only') ? process.argv.slice(process.argv.indexOf('--only') + 1).join(' ').toLowerCase() : '';
  const inst = await createLoadInstance({ coders: 2, documents: 1, prefix: 'fgcoder-security-' });
  const documentVersion = await correctOnce(inst.databasePath, inst.projectId, inst.documents[0].id);
  const freshDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-security-fresh-'));
  const freshDb = path.join(freshDir, 'app.db');
  const [demoPort, freshPort] = [await freePort(), await freePort()];
  console.log(`Security check: the production build on ports ${demoPort} (the demo study) and ${freshPort} (SEED_DEMO=0, empty database)`);
  const [demoServer, freshServer] = await Promise.all([
    startServer(inst.databasePath, demoPort),
    startServer(freshDb, freshPort, { SEED_DEMO: '0', SIGNIN_PER_ADDRESS: String(SIGNIN_PER_ADDRESS) }),
  ]);
  const ctx: SecurityContext = {
    demo: {
      base: demoServer.url,
      databasePath: inst.databasePath,
      projectId: inst.projectId,
      documentId: inst.documents[0].id,
      documentVersion,
      codeIds: inst.codeIds,
      coder: inst.coders[0],
      otherCoder: inst.coders[1],
      lead: { email: LEAD, password: DEMO_PASSWORD },
    },
    fresh: {
      base: freshServer.url,
      databasePath: freshDb,
      signInPerAddress: SIGNIN_PER_ADDRESS,
      addUser: async (email) => {
        const db = openDatabase(freshDb);
        try {
          await createUser(db, { email, name: 'First admin', passwordHash: 'not a usable hash', isAdmin: true });
        } finally {
          db.$client.close();
        }
      },
    },
  };
  let failed = 0;
  let ran = 0;
  try {
    for (const check of checks) {
      if (only && !check.name.toLowerCase().includes(only)) continue;
      ran++;
      const t0 = performance.now();
      try {
        const detail = await check.run(ctx);
        console.log(`ok     ${check.name}${detail ? ` — ${detail}` : ''} (${(performance.now() - t0).toFixed(0)} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAILED ${check.name}: ${(e as Error).message}`);
      }
    }
  } finally {
    await Promise.all([demoServer.stop(), freshServer.stop()]);
    inst.cleanup();
    fs.rmSync(freshDir, { recursive: true, force: true });
  }
  console.log(`security checks: ${ran - failed} passed, ${failed} failed`);
  process.exit(failed === 0 && ran > 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
