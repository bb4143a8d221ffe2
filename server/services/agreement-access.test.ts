/**
 * Blind mode and the lead-only rule, enforced where the screens and the API get their data:
 * the codings API, the agreement API (called as route handlers with personal API tokens), and
 * the editor and agreement pages (rendered as server components with the session mocked to a
 * chosen user; everything else is the real code).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import ExcelJS from 'exceljs';
import { notFound } from 'next/navigation';
import type { Db } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { seedDemo } from '@/db/seed/demo';
import { documents, users } from '@/db/schema';
import { createApiToken, userById } from '@/db/queries/users';
import { projectById, roleInProject } from '@/db/queries/projects';
import { setBlindMode } from '@/db/queries/project-settings';
import { newApiToken } from '@/lib/auth/token';
import { unpackCodings, type CodingColumns } from '@/lib/coding/editor-codings';
import { translator } from '@/lib/i18n';
import type { Role } from '@/lib/access/layers';

const session = vi.hoisted(() => ({ userId: 0, db: null as unknown }));

vi.mock('@/server/edge/session', () => ({
  idParam: (raw: string) => (/^[1-9][0-9]{0,14}$/.test(raw) ? Number(raw) : notFound()),
  requireProject: async (raw: string, roles: readonly Role[] = ['lead', 'coder', 'viewer']) => {
    const db = session.db as Db;
    const projectId = Number(raw);
    const role = await roleInProject(db, session.userId, projectId);
    if (!role || !roles.includes(role)) notFound();
    return { user: (await userById(db, session.userId))!, project: (await projectById(db, projectId))!, role, db };
  },
}));
vi.mock('@/server/edge/i18n', () => ({ getT: async () => translator('en'), getLocale: async () => 'en' }));

const { GET: codingsApi } = await import('@/app/api/v1/projects/[projectId]/documents/[documentId]/codings/route');
const { GET: agreementApi } = await import('@/app/api/v1/projects/[projectId]/agreement/route');
const { default: DocumentPage } = await import('@/app/projects/[projectId]/documents/[documentId]/page');
const { default: AgreementPage } = await import('@/app/projects/[projectId]/agreement/page');
const { default: ReviewPage } = await import('@/app/projects/[projectId]/agreement/review/page');
const { default: AssignmentsPage } = await import('@/app/projects/[projectId]/assignments/page');
const { default: MyDocumentsPage } = await import('@/app/projects/[projectId]/my-documents/page');
const { default: SettingsPage } = await import('@/app/projects/[projectId]/settings/page');

let ctx: ReturnType<typeof openTestDatabase>;
let projectId: number;
let ids: Record<'lead' | 'coder1' | 'coder2' | 'coder3', number>;
let tokens: Record<string, string>;
let fg01: number;
let fg02: number;

beforeAll(async () => {
  ctx = openTestDatabase();
  ({ projectId } = seedDemo(ctx.db));
  (globalThis as { __db?: Db }).__db = ctx.db;
  session.db = ctx.db;
  const byEmail = new Map(ctx.db.select().from(users).all().map((u) => [u.email.split('@')[0], u.id]));
  ids = { lead: byEmail.get('lead')!, coder1: byEmail.get('coder1')!, coder2: byEmail.get('coder2')!, coder3: byEmail.get('coder3')! };
  tokens = {};
  for (const [name, id] of Object.entries(ids)) {
    const t = newApiToken();
    await createApiToken(ctx.db, id, 'test', t.hash, t.prefix);
    tokens[name] = t.token;
  }
  const docs = ctx.db.select().from(documents).all();
  fg01 = docs.find((d) => d.title.startsWith('FG01'))!.id;
  fg02 = docs.find((d) => d.title.startsWith('FG02'))!.id;
});
afterAll(() => {
  delete (globalThis as { __db?: Db }).__db;
  ctx.close();
});
beforeEach(async () => {
  await setBlindMode(ctx.db, projectId, true, ids.lead);
});

const call = <P,>(handler: (req: Request, c: { params: Promise<P> }) => Promise<Response>, params: P, path: string, who: string) =>
  handler(new Request(`http://test${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } }), { params: Promise.resolve(params) });

const codings = (who: string, layers: string) =>
  call(codingsApi, { projectId: String(projectId), documentId: String(fg01) }, `/api/v1/projects/${projectId}/documents/${fg01}/codings?layers=${layers}`, who);
const agreement = (who: string, query: string) => call(agreementApi, { projectId: String(projectId) }, `/api/v1/projects/${projectId}/agreement?${query}`, who);

/** Every element in a rendered tree (server components are not run; we only look at props). */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  const out: ReactElement<Record<string, unknown>>[] = [];
  const walk = (n: ReactNode) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (isValidElement<Record<string, unknown>>(n)) {
      out.push(n);
      walk(n.props.children as ReactNode);
    }
  };
  walk(node);
  return out;
}
/**
 * Runs the server components of a tree (sync or async function components), leaving client
 * components and next/link as leaves: what the server would render, as elements.
 */
const LEAVES = new Set(['LinkComponent', 'Link', 'CodingEditor', 'LayerPicker', 'CorrectionPanel', 'DisagreementActions', 'CopyLayerButton', 'AssignmentGrid', 'MyDocumentsTable', 'BlindModeToggle', 'RoundsEditor']);
async function expand(node: ReactNode): Promise<ReactNode> {
  if (Array.isArray(node)) return Promise.all(node.map(expand));
  if (!isValidElement<Record<string, unknown>>(node)) return node;
  if (typeof node.type === 'function' && !LEAVES.has(node.type.name)) {
    return expand(await (node.type as (p: unknown) => ReactNode | Promise<ReactNode>)(node.props));
  }
  const children = node.props.children as ReactNode;
  return children === undefined ? node : { ...node, props: { ...node.props, children: await expand(children) } };
}
/** The text of an expanded tree, leaves' text props left out. */
function text(node: ReactNode): string {
  if (Array.isArray(node)) return node.map(text).join('');
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (isValidElement<Record<string, unknown>>(node)) return text(node.props.children as ReactNode);
  return '';
}
const named = (node: ReactNode, name: string) => elements(node).filter((e) => typeof e.type === 'function' && e.type.name === name);
async function rejectsNotFound(p: Promise<unknown>) {
  await expect(p).rejects.toMatchObject({ digest: expect.stringContaining('404') });
}

describe('the codings API in blind mode', () => {
  it('gives a coder their own layer but not another coder’s (403) nor the consensus', async () => {
    expect((await codings('coder1', `coder:${ids.coder1}`)).status).toBe(200);
    const other = await codings('coder1', `coder:${ids.coder2}`);
    expect(other.status).toBe(403);
    expect((await other.json()).error).toBe(`You may not see the layer coder:${ids.coder2}`);
    expect((await codings('coder1', 'consensus')).status).toBe(403);
  });

  it('opens the other layers once the lead lifts blind mode; leads see everything always', async () => {
    expect((await codings('lead', `coder:${ids.coder1},coder:${ids.coder2},consensus`)).status).toBe(200);
    await setBlindMode(ctx.db, projectId, false, ids.lead);
    const res = await codings('coder1', `coder:${ids.coder2}`);
    expect(res.status).toBe(200);
    expect((await res.json()).codings.length).toBeGreaterThan(0);
  });
});

describe('the editor page in blind mode', () => {
  const render = async (who: keyof typeof ids, layers: string) => {
    session.userId = ids[who];
    return DocumentPage({ params: Promise.resolve({ projectId: String(projectId), documentId: String(fg01) }), searchParams: Promise.resolve({ layers }) });
  };

  it('shows a coder only their own codings even when the URL asks for another coder’s layer', async () => {
    const page = await render('coder1', `coder:${ids.coder2},coder:${ids.coder1},consensus`);
    const [editor] = named(page, 'CodingEditor');
    const packed = JSON.parse(editor.props.codings as string) as CodingColumns;
    const shown = unpackCodings(packed);
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown.map((c) => `${c.layer}:${c.coderId}`))).toEqual(new Set([`coder:${ids.coder1}`]));
    expect(Object.keys(packed.coders)).toEqual([String(ids.coder1)]); // no other coder's name either
    expect(named(page, 'LayerPicker')).toEqual([]); // nothing else to pick
  });

  it('shows the lead every layer asked for', async () => {
    const page = await render('lead', `coder:${ids.coder1},coder:${ids.coder2},consensus`);
    const shown = unpackCodings(JSON.parse(named(page, 'CodingEditor')[0].props.codings as string) as CodingColumns);
    expect(new Set(shown.map((c) => (c.layer === 'consensus' ? 'consensus' : `coder:${c.coderId}`)))).toEqual(new Set([`coder:${ids.coder1}`, `coder:${ids.coder2}`, 'consensus']));
  });
});

describe('the agreement API', () => {
  const both = () => `coders=${ids.coder1},${ids.coder2}`;

  it('is for leads only: a coder gets 404, with blind mode on or off', async () => {
    expect((await agreement('coder1', both())).status).toBe(404);
    await setBlindMode(ctx.db, projectId, false, ids.lead);
    expect((await agreement('coder2', both())).status).toBe(404);
  });

  it('reports turn, character and segment level for the lead, with NaN as null', async () => {
    const res = await agreement('lead', `${both()}&samples=100`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ready).toBe(true);
    expect(body.coders.map((c: { id: number }) => c.id)).toEqual([ids.coder1, ids.coder2]);
    expect(body.documents.filter((d: { compared: boolean }) => d.compared)).toHaveLength(4);
    expect(body.turn.pooled.alpha).toBeGreaterThan(0.5);
    expect(body.turn.pooled.ci.low).toBeLessThanOrEqual(body.turn.pooled.alpha);
    expect(body.turn.kappa).toHaveLength(1);
    expect(body.character.pooled.units).toBeGreaterThan(1000);
    expect(body.segment.threshold).toBe(0.9);
    const unused = body.turn.byCode.find((c: { codings: number }) => c.codings === 0);
    if (unused) expect(unused).toMatchObject({ alpha: null, flag: 'no-variation' });
  });

  it('returns one level when asked', async () => {
    const body = await (await agreement('lead', `${both()}&level=segment&samples=0`)).json();
    expect(Object.keys(body)).toContain('segment');
    expect(body.turn).toBeUndefined();
    expect(body.character).toBeUndefined();
  });

  it('says 400 for unknown ids, naming them, and for fewer than two coders', async () => {
    const unknown = await agreement('lead', `coders=${ids.coder1},99999&codes=88888&documents=77777`);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toBe(
      "Parameter 'coders': not a coder of this project: 99999. Parameter 'codes': not a code of this project: 88888. Parameter 'documents': not a document of this project: 77777",
    );
    const one = await agreement('lead', `coders=${ids.coder1}`);
    expect(one.status).toBe(400);
    expect((await one.json()).error).toMatch(/^Parameter 'coders': choose at least two coders/);
    expect((await agreement('lead', `${both()}&level=word`)).status).toBe(400);
  });

  it('says what is missing when no chosen document has two chosen coders', async () => {
    const res = await agreement('lead', `${both()}&documents=${fg02}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ready).toBe(false);
    expect(body.problem.kind).toBe('no-shared-documents');
    expect(body.problem.message).toContain(`document ${fg02}: Coder 1 (Aigerim)`);
    expect(body.turn).toBeUndefined();
  });

  it('downloads CSV and XLSX', async () => {
    const csv = await agreement('lead', `${both()}&samples=50&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so spreadsheets read UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('level,scope,code,coder_a,coder_b,document,statistic,value,ci_low,ci_high,units,flag,round');
    expect(text).toContain('turn,pair,,Coder 1 (Aigerim),Coder 2 (Daniyar),,cohen_kappa,');
    const xlsx = await agreement('lead', `${both()}&samples=0&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.getWorksheet('By document')!.rowCount).toBe(17);
  });
});

describe('the agreement pages', () => {
  it('are not found for coders, whatever blind mode says', async () => {
    session.userId = ids.coder1;
    await rejectsNotFound(AgreementPage({ params: Promise.resolve({ projectId: String(projectId) }), searchParams: Promise.resolve({}) }));
    await setBlindMode(ctx.db, projectId, false, ids.lead);
    await rejectsNotFound(ReviewPage({ params: Promise.resolve({ projectId: String(projectId) }), searchParams: Promise.resolve({ document: String(fg01), coders: `${ids.coder1},${ids.coder2}` }) }));
  });

  it('render the report and a disagreement for the lead', async () => {
    session.userId = ids.lead;
    const page = await expand(await AgreementPage({ params: Promise.resolve({ projectId: String(projectId) }), searchParams: Promise.resolve({ samples: '0' }) }));
    const shown = text(page);
    expect(shown).toContain('Inter-coder agreement');
    expect(shown).toContain('Turn level');
    expect(shown).toContain('no data'); // the two codes nobody used
    expect(shown).toContain('tentative');
    const missing = text(await expand(await AgreementPage({ params: Promise.resolve({ projectId: String(projectId) }), searchParams: Promise.resolve({ documents: String(fg02) }) })));
    expect(missing).toContain('None of the chosen documents has two of the chosen coders assigned');
    expect(missing).toContain('FG02 Almaty — group 2: Coder 1 (Aigerim)');
    const bad = text(await expand(await AgreementPage({ params: Promise.resolve({ projectId: String(projectId) }), searchParams: Promise.resolve({ codes: '123456' }) })));
    expect(bad).toContain("The request is not valid: Parameter 'codes': not a code of this project: 123456");
    const review = await ReviewPage({ params: Promise.resolve({ projectId: String(projectId) }), searchParams: Promise.resolve({ document: String(fg01), coders: `${ids.coder1},${ids.coder2}` }) });
    expect(text(await expand(review))).toMatch(/0 of \d+ resolved/);
    const [actions] = named(review, 'DisagreementActions');
    expect(actions.props.coders).toEqual([
      { id: String(ids.coder1), name: 'Coder 1 (Aigerim)', color: expect.any(String) },
      { id: String(ids.coder2), name: 'Coder 2 (Daniyar)', color: expect.any(String) },
    ]);
  });
});

describe('assignments, my documents and blind-mode settings pages', () => {
  const params = () => ({ params: Promise.resolve({ projectId: String(projectId) }) });

  it('give leads the grid and the toggle, and coders neither', async () => {
    session.userId = ids.lead;
    const grid = await expand(await AssignmentsPage(params()));
    const [table] = named(grid, 'AssignmentGrid');
    expect((table.props.documents as unknown[]).length).toBe(16);
    expect((table.props.coders as Array<{ name: string }>).map((c) => c.name)).toEqual(['Coder 1 (Aigerim)', 'Coder 2 (Daniyar)', 'Coder 3 (Svetlana)']);
    expect(text(grid)).toContain('Progress per coder');
    const settings = await SettingsPage(params());
    expect(named(settings, 'BlindModeToggle')[0].props.blindMode).toBe(true);
    session.userId = ids.coder1;
    await rejectsNotFound(AssignmentsPage(params()));
    await rejectsNotFound(SettingsPage(params()));
  });

  it('show a coder only their own documents', async () => {
    session.userId = ids.coder3;
    const page = await expand(await MyDocumentsPage(params()));
    const [table] = named(page, 'MyDocumentsTable');
    const docs = table.props.documents as Array<{ title: string; status: string }>;
    expect(docs.map((d) => [d.title.slice(0, 4), d.status])).toEqual([
      ['FG08', 'not_started'],
      ['FG13', 'in_progress'],
      ['FG14', 'not_started'],
    ]);
    expect(text(page)).toContain('0 of 3 done');
  });
});
