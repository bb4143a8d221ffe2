/**
 * What the load and crash tests run against: a fresh temporary database with the demo study,
 * plus `coders` extra coders who are members of the demo project, assigned to the same few
 * documents, each with a personal API token. Also the figures both print.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { openDatabase } from '../../db/client';
import { createApiToken } from '../../db/queries/users';
import { seedDemo } from '../../db/seed/demo';
import { assignments, codes, codings, documents, members, turns, users } from '../../db/schema';
import { newApiToken } from '../../lib/auth/token';

export interface LoadDocument {
  id: number;
  title: string;
  /** [start, end) of each participant turn: where codings go. */
  turns: Array<{ start: number; end: number }>;
}

export interface LoadInstance {
  dir: string;
  databasePath: string;
  projectId: number;
  documents: LoadDocument[];
  codeIds: number[];
  coders: Array<{ id: number; token: string }>;
  cleanup: () => void;
}

/** Seeds the demo and the load coders into a new database in a temporary directory. */
export async function createLoadInstance(options: { coders: number; documents: number; prefix: string }): Promise<LoadInstance> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix));
  const databasePath = path.join(dir, 'app.db');
  const db = openDatabase(databasePath);
  const { projectId } = seedDemo(db);
  const docs = db.select().from(documents).where(eq(documents.projectId, projectId)).orderBy(asc(documents.sortOrder), asc(documents.id)).all().slice(0, options.documents);
  const coders: LoadInstance['coders'] = [];
  db.transaction((tx) => {
    for (let i = 1; i <= options.coders; i++) {
      const user = tx.insert(users).values({ email: `load-coder-${i}@load.test`, name: `Load coder ${i}`, passwordHash: 'x' }).returning().get();
      tx.insert(members).values({ projectId, userId: user.id, role: 'coder' }).run();
      for (const d of docs) tx.insert(assignments).values({ projectId, documentId: d.id, coderId: user.id, status: 'in_progress' }).run();
      coders.push({ id: user.id, token: '' });
    }
  });
  for (const c of coders) {
    const t = newApiToken();
    await createApiToken(db, c.id, 'load test', t.hash, t.prefix);
    c.token = t.token;
  }
  const turnRows = db
    .select({ documentId: turns.documentId, start: turns.start, end: turns.end })
    .from(turns)
    .where(and(inArray(turns.documentId, docs.map((d) => d.id)), eq(turns.speakerKind, 'participant')))
    .all();
  const codeIds = db.select({ id: codes.id }).from(codes).where(and(eq(codes.projectId, projectId), eq(codes.archived, false))).all().map((c) => c.id);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  return {
    dir,
    databasePath,
    projectId,
    documents: docs.map((d) => ({ id: d.id, title: d.title, turns: turnRows.filter((t) => t.documentId === d.id && t.end - t.start > 2) })),
    codeIds,
    coders,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The ids of the codings the given coders have in the database now. */
export function storedCodingIds(databasePath: string, coderIds: number[]): Set<number> {
  const db = openDatabase(databasePath);
  try {
    return new Set(db.select({ id: codings.id }).from(codings).where(inArray(codings.coderId, coderIds)).all().map((r) => r.id));
  } finally {
    db.$client.close();
  }
}

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A small deterministic generator (mulberry32), so that runs are comparable. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random coding request body: a code, a range inside a participant turn of one of the documents. */
export function randomCoding(rnd: () => number, inst: Pick<LoadInstance, 'documents' | 'codeIds'>): { documentId: number; version: number; codeIds: number[]; start: number; end: number } {
  const doc = inst.documents[Math.floor(rnd() * inst.documents.length)];
  const turn = doc.turns[Math.floor(rnd() * doc.turns.length)];
  const len = turn.end - turn.start;
  const start = turn.start + Math.floor(rnd() * (len - 1));
  const end = Math.min(turn.end, start + 1 + Math.floor(rnd() * Math.min(200, len)));
  // The load instance's documents are never corrected: version 1.
  return { documentId: doc.id, version: 1, codeIds: [inst.codeIds[Math.floor(rnd() * inst.codeIds.length)]], start, end };
}

/** The p-th percentile (0–100) of sorted values, nearest rank. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `--name value` from the command line, as a positive integer, or the default. */
export function intArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`--${name} takes a positive whole number (got ${process.argv[i + 1] ?? 'nothing'})`);
    process.exit(2);
  }
  return v;
}
