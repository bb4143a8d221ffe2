/**
 * The machinery of the authorization matrix (app/authz-matrix.test.ts): a fresh copy of the
 * fixture database for every cell, route handlers called with the persona's API token, server
 * actions called with the persona's session, and every answer reduced to allow or deny — or
 * to an error when the answer is neither (a 500, a 400 nobody expected, a non-member told 403).
 *
 * Each cell starts from the same database file, so an allowed write in one cell (a deleted
 * coding, a removed member) never changes what another cell sees.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '@/db/client';
import { PERSONAS, seedMatrixFixture, type MatrixFixture, type Persona } from '@/server/testing/matrix-fixture';
import { sessionState } from '@/server/testing/session-state';

export { PERSONAS, PERSONA_LABELS, type Persona } from '@/server/testing/matrix-fixture';

export type Verdict = 'allow' | 'deny';
export interface Outcome {
  verdict: Verdict | 'error';
  /** What happened: a status, a digest, a message. */
  detail: string;
}

export interface Cell {
  persona: Persona;
  userId: number | null;
  token: string | null;
  fx: MatrixFixture;
  db: Db;
}

export interface Scenario {
  /** The entry point's id, as discovered (see entry-points.ts). */
  entry: string;
  /** What this scenario shows, when an entry point has several (blind mode, another's layer, …). */
  note?: string;
  expect: Record<Persona, Verdict>;
  /** Changes the cell's database before the call (it is a fresh copy each time). */
  before?: (db: Db, fx: MatrixFixture) => void;
  /** Calls the entry point as the cell's persona; `target` is the route's method or the action. */
  run: (cell: Cell, target: (...args: never[]) => unknown) => Promise<Outcome>;
  /** An entry point the matrix cannot call in-process; the reason, and where it is tested instead. */
  notCalled?: string;
}

/** allow for the given personas, deny for everyone else. */
export function allow(...who: Persona[]): Record<Persona, Verdict> {
  return Object.fromEntries(PERSONAS.map((p) => [p, who.includes(p) ? 'allow' : 'deny'])) as Record<Persona, Verdict>;
}
export const MEMBERS: Persona[] = ['viewer', 'coder', 'unassigned', 'lead'];
export const WRITERS: Persona[] = ['coder', 'lead'];
export const SIGNED_IN: Persona[] = ['viewer', 'coder', 'unassigned', 'foreign', 'lead', 'admin'];
const NON_MEMBERS: Persona[] = ['foreign', 'admin'];

// ---- the database of each cell ----

export class CellDatabases {
  private dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-authz-'));
  private template = path.join(this.dir, 'template.db');
  private current: Db | null = null;
  fx!: MatrixFixture;

  /** Seeds the fixture once into the template file. */
  async init(): Promise<void> {
    const db = openDatabase(this.template);
    this.fx = await seedMatrixFixture(db);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.close();
  }

  /** A fresh copy of the template, made the process's database (what getDb() returns). */
  fresh(): Db {
    this.release();
    const file = path.join(this.dir, 'cell.db');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    fs.copyFileSync(this.template, file);
    this.current = openDatabase(file);
    (globalThis as { __db?: Db }).__db = this.current;
    return this.current;
  }

  release(): void {
    if (this.current) this.current.$client.close();
    this.current = null;
    (globalThis as { __db?: Db }).__db = undefined;
  }

  dispose(): void {
    this.release();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

// ---- route handlers ----

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface RouteSpec {
  params?: (c: Cell) => Record<string, string>;
  /** Query string, with or without '?'. */
  query?: (c: Cell) => string;
  /** A JSON body (object) or a multipart form (FormData). */
  body?: (c: Cell) => object | FormData | Promise<object | FormData>;
  /** Statuses other than 2xx that mean the caller was let in (validation the scenario expects). */
  accept?: number[];
  /** The route answers an event stream: a 2xx is closed unread (it would never end). */
  stream?: boolean;
}

/** The project and document ids most routes take. */
export const projectParams = (c: Cell) => ({ projectId: String(c.fx.project.id) });
export const documentParams = (c: Cell) => ({ projectId: String(c.fx.project.id), documentId: String(c.fx.doc.id) });

async function formRequest(url: string, method: string, form: FormData, headers: Headers): Promise<Request> {
  const encoded = new Request(url, { method, body: form });
  encoded.headers.forEach((v, k) => headers.set(k, v));
  return new Request(url, { method, body: await encoded.arrayBuffer(), headers });
}

/** A scenario body that calls a route handler with the persona's bearer token. */
export function route(method: string, spec: RouteSpec = {}): Scenario['run'] {
  return async (cell, target) => {
    const params = spec.params?.(cell) ?? projectParams(cell);
    const query = spec.query?.(cell) ?? '';
    const url = `http://localhost/matrix${query && !query.startsWith('?') ? '?' : ''}${query}`;
    const headers = new Headers();
    if (cell.token) headers.set('authorization', `Bearer ${cell.token}`);
    const body = await spec.body?.(cell);
    let req: Request;
    if (body instanceof FormData) req = await formRequest(url, method, body, headers);
    else if (body !== undefined) {
      headers.set('content-type', 'application/json');
      req = new Request(url, { method, headers, body: JSON.stringify(body) });
    } else req = new Request(url, { method, headers });
    const res = await (target as unknown as RouteHandler)(req, { params: Promise.resolve(params) });
    const text = spec.stream && res.ok ? (await res.body?.cancel(), '') : await res.text().catch(() => '');
    const detail = `${res.status}${res.status >= 300 ? ` ${text.slice(0, 160)}` : ''}`;
    const projectScoped = 'projectId' in params;
    if ((res.status >= 200 && res.status < 300) || spec.accept?.includes(res.status)) return { verdict: 'allow', detail };
    if (res.status === 401) return cell.persona === 'anon' ? { verdict: 'deny', detail } : { verdict: 'error', detail: `${detail} (401 for a signed-in caller)` };
    if (cell.persona === 'anon') return { verdict: 'error', detail: `${detail} (expected 401 when signed out)` };
    if (res.status === 404) return { verdict: 'deny', detail };
    if (res.status === 403) {
      // A project the caller is not in must look exactly like one that does not exist.
      if (projectScoped && NON_MEMBERS.includes(cell.persona)) return { verdict: 'error', detail: `${detail} (a non-member must get 404, not 403)` };
      return { verdict: 'deny', detail };
    }
    return { verdict: 'error', detail };
  };
}

// ---- server actions ----

export interface ActionSpec {
  /** The arguments; by default [projectId, input(c)]. */
  args?: (c: Cell) => unknown[] | Promise<unknown[]>;
  input?: (c: Cell) => unknown;
  /** An {ok:false} message that means "not allowed" (the default: the app's authorization messages). */
  denied?: RegExp;
  /** An {ok:false} message that still means the caller was let in (validation the scenario expects). */
  accepted?: RegExp;
  /** For an {ok:true} result that may still have written nothing for this caller. */
  judge?: (value: unknown, c: Cell) => Verdict;
}

/** The {ok:false} messages of the actions that mean the caller may not do this. */
export const AUTHORIZATION_MESSAGES =
  /You may not edit this layer|is not assigned to you|^Coding \d+ does not exist$|^Auto-coding \d+ does not exist$|Only the person who ran|Only its author or a lead|^No such token$|Only the lead may/;

function digestOf(e: unknown): string | null {
  const d = (e as { digest?: unknown } | null)?.digest;
  return typeof d === 'string' ? d : null;
}

/** A scenario body that calls a server action with the persona's session. */
export function action(spec: ActionSpec = {}): Scenario['run'] {
  return async (cell, target) => {
    const args = (await spec.args?.(cell)) ?? [String(cell.fx.project.id), (await spec.input?.(cell)) ?? {}];
    sessionState.userId = cell.userId;
    let result: unknown;
    try {
      result = await (target as unknown as (...a: unknown[]) => Promise<unknown>)(...args);
    } catch (e) {
      const digest = digestOf(e);
      if (digest?.startsWith('NEXT_REDIRECT')) {
        const redirect = { verdict: 'deny' as const, detail: digest.split(';').slice(0, 3).join(';') };
        if (cell.persona !== 'anon') return { verdict: 'error', detail: `${redirect.detail} (a redirect for a signed-in caller)` };
        return digest.includes(';/signin;') ? redirect : { verdict: 'error', detail: `${redirect.detail} (expected a redirect to /signin)` };
      }
      if (digest?.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) {
        if (cell.persona === 'anon') return { verdict: 'error', detail: 'not found when signed out (expected a redirect to sign-in)' };
        return { verdict: 'deny', detail: 'notFound()' };
      }
      return { verdict: 'error', detail: `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
    } finally {
      sessionState.userId = null;
    }
    const r = result as { ok?: unknown; error?: unknown; problems?: unknown; value?: unknown } | null;
    if (r?.ok === true) {
      const verdict = spec.judge ? spec.judge(r.value ?? r, cell) : 'allow';
      return { verdict, detail: verdict === 'allow' ? 'ok' : 'ok, but nothing written for this caller' };
    }
    const message = typeof r?.error === 'string' ? r.error : Array.isArray(r?.problems) ? r.problems.join('; ') : JSON.stringify(result);
    if ((spec.denied ?? AUTHORIZATION_MESSAGES).test(message)) {
      // A project the caller is not in must be "not found" before anything else is looked at.
      if (!spec.args && NON_MEMBERS.includes(cell.persona)) return { verdict: 'error', detail: `ok:false ${message} (a non-member must get notFound())` };
      return { verdict: 'deny', detail: `ok:false ${message}` };
    }
    if (spec.accepted?.test(message)) return { verdict: 'allow', detail: `ok:false (expected) ${message}` };
    return { verdict: 'error', detail: `ok:false ${message}` };
  };
}
