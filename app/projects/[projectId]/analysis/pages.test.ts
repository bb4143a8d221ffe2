/**
 * The analysis pages rendered on the demo study (server components with the session mocked
 * to a chosen user, then rendered to HTML with their client components): the tables show,
 * bad parameters are named, and a blind coder sees only their own layer.
 */
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { notFound } from 'next/navigation';
import type { Db } from '@/db/client';
import { openTestDatabase } from '@/db/testing';
import { seedDemo } from '@/db/seed/demo';
import { users } from '@/db/schema';
import { type Role } from '@/lib/access/layers';
import { projectById, roleInProject } from '@/db/queries/projects';
import { userById } from '@/db/queries/users';
import { I18nProvider } from '@/components/I18nProvider';

const session = vi.hoisted(() => ({ userId: 0, db: null as unknown }));

vi.mock('@/server/edge/session', () => ({
  requireProject: async (raw: string, roles: readonly Role[] = ['lead', 'coder', 'viewer']) => {
    const db = session.db as Db;
    const projectId = Number(raw);
    const role = await roleInProject(db, session.userId, projectId);
    if (!role || !roles.includes(role)) notFound();
    return { user: (await userById(db, session.userId))!, project: (await projectById(db, projectId))!, role, db };
  },
}));
vi.mock('@/server/edge/i18n', async () => {
  const { translator } = await import('@/lib/i18n');
  return { getT: async () => translator('en'), getLocale: async () => 'en' };
});
vi.mock('next/navigation', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/navigation')>()),
  useRouter: () => ({ push: () => undefined }),
  usePathname: () => '/projects/1/analysis',
}));

const { default: FrequenciesPage } = await import('./page');
const { default: ExcerptsPage } = await import('./excerpts/page');
const { default: CooccurrencePage } = await import('./cooccurrence/page');
const { default: PassagesPage } = await import('./cooccurrence/passages/page');
const { default: CaseMatrixPage } = await import('./case-matrix/page');

type Page = (props: { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[]>> }) => Promise<ReactElement>;

let ctx: ReturnType<typeof openTestDatabase>;
let projectId: number;
let ids: Record<string, number>;

beforeAll(() => {
  ctx = openTestDatabase();
  ({ projectId } = seedDemo(ctx.db));
  session.db = ctx.db;
  ids = Object.fromEntries(ctx.db.select().from(users).all().map((u) => [u.email.split('@')[0], u.id]));
});
afterAll(() => ctx.close());

async function render(page: Page, query: string, who = 'lead'): Promise<string> {
  session.userId = ids[who];
  const searchParams: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(query)) searchParams[k] = k in searchParams ? [searchParams[k], v].flat() : v;
  const element = await page({ params: Promise.resolve({ projectId: String(projectId) }), searchParams: Promise.resolve(searchParams) });
  return renderToString(createElement(I18nProvider, { locale: 'en', children: element }));
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the frequencies page', () => {
  it('shows codes × cities in the consensus layer for the lead, with denominators and cell links', async () => {
    const html = await render(FrequenciesPage as Page, '');
    const t = text(html);
    expect(t).toContain('Counting the layer: Consensus');
    for (const city of ['Almaty', 'Aktau', 'Kyzylorda', 'Semey']) expect(t).toContain(city);
    expect(t).toContain('Channels to authorities');
    expect(t).toMatch(/n = \d+/);
    expect(html).toMatch(/href="\/projects\/\d+\/analysis\/excerpts\?layer=consensus&amp;code=\d+&amp;attr.city=Almaty"/);
    expect(html).toContain(`/api/v1/projects/${projectId}/frequencies?cols=attr%3Acity&amp;layer=consensus&amp;format=csv`);
  });

  it('splits gender by city in participants', async () => {
    const t = text(await render(FrequenciesPage as Page, 'cols=attr:gender&split=attr:city&measure=participants'));
    expect(t).toContain('Female');
    expect(t).toContain('Male');
    expect(t).toContain('Participants: distinct participants');
  });

  it('names a bad parameter', async () => {
    expect(text(await render(FrequenciesPage as Page, 'cols=attr:religion'))).toContain("The analysis cannot be shown: Parameter 'cols': unknown attribute 'religion'");
    expect(text(await render(FrequenciesPage as Page, 'layer=union', 'coder1'))).toContain("You may not see every coder's layer");
  });

  it('gives a blind coder only their own layer to choose', async () => {
    const html = await render(FrequenciesPage as Page, '', 'coder1');
    expect(text(html)).toContain('Counting the layer: Coder: Coder 1 (Aigerim)');
    expect(html).not.toContain('value="consensus"');
    expect(html).not.toContain('value="union"');
  });
});

describe('the drill-downs and the other views', () => {
  it('lists the excerpts of a cell with a link into the transcript', async () => {
    const first = await render(FrequenciesPage as Page, '');
    // the first non-zero cell
    const href = /<td class="num"[^>]*><a [^>]*href="\/projects\/\d+\/analysis\/excerpts\?([^"]+)"/.exec(first.replace(/&amp;/g, '&'))![1];
    const html = await render(ExcerptsPage as Page, href);
    expect(text(html)).toMatch(/\d+ excerpts/);
    expect(html).toMatch(/href="\/projects\/\d+\/documents\/\d+\?focus=\d+&amp;layers=consensus"/);
  });

  it('shows the co-occurrence matrix, its passages, and the case matrix', async () => {
    const m = await render(CooccurrencePage as Page, 'layer=union');
    expect(text(m)).toContain('Jaccard');
    const pair = /pair=(\d+)%2C(\d+)/.exec(m);
    expect(pair).not.toBeNull();
    const p = text(await render(PassagesPage as Page, `layer=union&pair=${pair![1]},${pair![2]}`));
    expect(p).toMatch(/[1-9]\d* passages/);
    const c = text(await render(CaseMatrixPage as Page, 'layer=consensus'));
    expect(c).toContain('P1');
    expect(c).toContain('gender');
  });
});
