/**
 * The demo codebook (whose names include "e-Otinish / eGov") through each codebook format and
 * back: into its own project nothing changes; into an empty project the same tree appears.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '@/db/testing';
import { seedDemo } from '@/db/seed/demo';
import { users } from '@/db/schema';
import { codebookExport } from '@/db/queries/codebook-exchange';
import { exportCodes } from '@/db/queries/excerpts-export';
import { createProject } from '@/db/queries/projects';
import { codebookToRefiCodes } from '@/lib/export/codebook-refi';
import { codebookToCsv, codebookToXlsx } from '@/lib/export/codebook-table';
import { writeQdc } from '@/lib/refi-qda';
import { importCodebookFile } from '@/server/services/codebook-import';

let ctx: ReturnType<typeof openTestDatabase>;
let projectId: number;
let leadId: number;
beforeAll(() => {
  ctx = openTestDatabase();
  ({ projectId } = seedDemo(ctx.db));
  leadId = ctx.db.select().from(users).where(eq(users.email, 'lead@demo.test')).get()!.id;
});
afterAll(() => ctx.close());

const tree = async (id: number) => (await exportCodes(ctx.db, id)).map((c) => `${c.depth}|${c.name}|${c.description.slice(0, 20)}`);

describe.each([
  ['codebook.csv', async () => codebookToCsv(await codebookExport(ctx.db, projectId, 'Demo', () => true))],
  ['codebook.xlsx', async () => codebookToXlsx(await codebookExport(ctx.db, projectId, 'Demo', () => true))],
  ['codebook.qdc', async () => writeQdc({ codes: codebookToRefiCodes((await codebookExport(ctx.db, projectId, 'Demo', () => true)).codes) })],
])('the demo codebook as %s', (name, make) => {
  it('changes nothing in its own project', async () => {
    const out = await importCodebookFile(ctx.db, { projectId, userId: leadId }, await make(), name);
    expect(out).toEqual({ ok: true, created: 0, updated: 0, unchanged: 40 });
  });

  it('builds the same tree in an empty project', async () => {
    const empty = await createProject(ctx.db, { name: `Copy via ${name}` }, leadId);
    const out = await importCodebookFile(ctx.db, { projectId: empty.id, userId: leadId }, await make(), name);
    expect(out).toEqual({ ok: true, created: 40, updated: 0, unchanged: 0 });
    expect(await tree(empty.id)).toEqual(await tree(projectId));
    expect((await exportCodes(ctx.db, empty.id)).map((c) => c.path)).toContain('Channels to authorities / e-Otinish / eGov');
  });
});
